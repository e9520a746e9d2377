/*
** tiny_bank.h: two invented CoNLL-U sentences (subject, verb, object,
** punctuation; heads on both sides), for the tests that train small
** parsers and supertaggers.
*/
#ifndef SR_TEST_TINY_BANK_H
#define SR_TEST_TINY_BANK_H

static const char tiny_bank[] = "1\tTroops\ttroop\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
                                "2\tcrossed\tcross\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                                "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
                                "4\tborder\tborder\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
                                "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
                                "\n"
                                "1\tLeaders\tleader\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
                                "2\tsigned\tsign\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                                "3\ta\ta\tDET\tDT\t_\t5\tdet\t_\t_\n"
                                "4\tpeace\tpeace\tNOUN\tNN\t_\t5\tcompound\t_\t_\n"
                                "5\tdeal\tdeal\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
                                "6\tin\tin\tADP\tIN\t_\t7\tcase\t_\t_\n"
                                "7\tGeneva\tGeneva\tPROPN\tNNP\t_\t2\tobl\t_\t_\n"
                                "8\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
                                "\n";

#endif
