/*
** test_petrarch_tree.c: the tree coder with a PETRARCH/TABARI verb
** dictionary, rule by rule, on hand-parsed sentences (tree_helpers.h) and
** a small inline dictionary: pattern words anywhere in the sentence, gaps
** that only verbs of the dictionary stop, verbs of saying that code too,
** TABARI's target in word order, compound slots, reverse codes under
** modality, and the subject of an apposition.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "code/tree_helpers.h"

static const char DICT[] = "&NEGAUX\n"
                           "+WO N'T\n"
                           "\n"
                           "--- DEPLORE [122] ---\n"
                           "DEPLORE\n"
                           "- INDICATED * [123]\n"
                           "\n"
                           "--- VOW [170] ---\n"
                           "VOW\n"
                           "- * WAR [173]\n"
                           "\n"
                           "--- ATTACK [190] ---\n"
                           "ATTACK\n"
                           "\n"
                           "--- SAID [023] ---\n"
                           "SAID\n"
                           "\n"
                           "--- RESTORE [064] ---\n"
                           "RESTORE\n"
                           "\n"
                           "--- DELAY [120] ---\n"
                           "DELAY\n"
                           "- % HAVE * [191]\n"
                           "\n"
                           "--- MEET [031:031] ---\n"
                           "MEET\n"
                           "\n"
                           "--- ALLOW [080] ---\n"
                           "ALLOW\n"
                           "- * REALLY_PLEASANT [024]\n"
                           "\n"
                           "--- RISEN [---] ---\n"
                           "RISEN\n"
                           "- DEATH TOLL * [223]\n"
                           "\n"
                           "--- DEPART [032] ---\n"
                           "DEPART\n"
                           "\n"
                           "--- QUESTION [---] ---\n"
                           "QUESTION\n"
                           "- BEGUN * [212]\n"
                           "\n"
                           "--- CRITICIZE [121] ---\n"
                           "CRITICIZE\n"
                           "\n"
                           "--- NOTE [---] ---\n"
                           "NOTE\n"
                           "\n"
                           "--- REGRET [111] ---\n"
                           "REGRET {REGRETTED REGRETS}\n"
                           "- NOTED + * [115]\n"
                           "\n"
                           "--- TRY [---] ---\n"
                           "TRY\n"
                           "- * PERSUADE [095]\n"
                           "\n"
                           "--- CLASH [121] ---\n"
                           "CLASH\n"
                           "- UNEXPECTEDLY &NEGAUX * OVER EFFORTS [906]\n"
                           "\n"
                           "--- LEAVE [032:033] ---\n"
                           "LEAVE {LEFT LEAVES LEAVING}\n"
                           "\n"
                           "--- SPUR [081] ---\n"
                           "SPUR\n"
                           "\n"
                           "--- WELCOME [041] ---\n"
                           "WELCOME\n"
                           "\n"
                           "--- ARREST [212] ---\n"
                           "ARREST\n"
                           "\n"
                           "--- OPPOSE [112] ---\n"
                           "OPPOSE\n"
                           "\n"
                           "--- BREAK [1717] ---\n"
                           "BREAK {BROKE BROKEN}\n"
                           "\n"
                           "--- CELEBRATE [181] ---\n"
                           "CELEBRATE\n"
                           "- * IFTAR AT ^ ^ +  [044]\n"
                           "- * IFTAR IN ^ +  [045]\n";

static sr_coder *coder;
static sr_arena arena;

static int setup(void **state)
{
    (void)state;
    char path[] = "/tmp/sr-petr-tree-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return -1;
    FILE *f = fdopen(fd, "w");
    fputs(DICT, f);
    fclose(f);
    sr_error err = {0};
    coder = sr_coder_open_petrarch(SR_DATA_DIR, path, &err);
    unlink(path);
    if (!coder)
        fprintf(stderr, "sr_coder_open_petrarch: %s\n", err.msg);
    sr_arena_init(&arena);
    return coder ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    sr_arena_free(&arena);
    sr_coder_free(coder);
    return 0;
}

/* Checks of the events with this source, target ("-": none, NULL: any) and code. */
static void expect(const test_doc *d, const char *src, const char *tgt, const char *code)
{
    tree_expect(d, src, tgt, code, 0);
}

static void expect_none(const test_doc *d, const char *src, const char *tgt, const char *code)
{
    tree_expect_none(d, src, tgt, code, 0);
}

/* A pattern's words before the verb may lie outside its subtree ("INDICATED *"). */
static void test_pattern_words_outside_subtree(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena, "[AAA Aland] indicated [AAA it] deplored [BBB Bland] .",
              "2:nsubj:PROPN 0:root:VERB:indicate 4:nsubj:PRON 2:ccomp:VERB:deplore "
              "4:obj:PROPN 2:punct:PUNCT",
              &d);
    expect(&d, "AAA", "BBB", "123");
    expect_none(&d, NULL, NULL, "122");
}

/* A gap crosses a verb the dictionary does not know ("vowed to wage war": 173). */
static void test_gap_crosses_unknown_verb(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena, "[AAA Aland] vowed to wage war on [BBB Bland] .",
              "2:nsubj:PROPN 0:root:VERB:vow 4:mark:PART 2:xcomp:VERB:wage 4:obj:NOUN:war "
              "7:case:ADP 4:obl:PROPN 2:punct:PUNCT",
              &d);
    expect(&d, "AAA", "BBB", "173");
    expect_none(&d, NULL, NULL, "170");
}

/*
** A verb of saying with a code of its own codes too: without a target when
** what it reports codes, else with TABARI's target.
*/
static void test_speech_verb_codes(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena, "[AAA Aland] attacked [BBB Bland] , [CCC a Cland official] said .",
              "2:nsubj:PROPN 0:root:VERB:attack 2:obj:PROPN 8:punct:PUNCT 7:det:DET "
              "7:compound:PROPN 8:nsubj:NOUN:official 2:parataxis:VERB:say 2:punct:PUNCT",
              &d);
    expect(&d, "AAA", "BBB", "190");
    expect(&d, "CCC", "-", "023");
    assert_int_equal(d.nevents, 2);
    tree_code(coder, &arena, "[CCC Cland] said he has deep satisfaction toward [AAA Aland] .",
              "2:nsubj:PROPN 0:root:VERB:say 4:nsubj:PRON 2:ccomp:VERB:have 6:amod:ADJ "
              "4:obj:NOUN 8:case:ADP 6:nmod:PROPN 2:punct:PUNCT",
              &d);
    expect(&d, "CCC", "AAA", "023");
}

/*
** TABARI's target in word order when the parse strands it outside the
** verb's subtree; the search stops at an adjunct after a comma.
*/
static void test_target_in_word_order(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena, "[AAA Aland] is about to restore ties with [BBB Bland] .",
              "3:nsubj:PROPN 3:cop:AUX 0:root:ADJ 5:mark:PART 3:xcomp:VERB:restore "
              "3:conj:NOUN 8:case:ADP 6:nmod:PROPN 3:punct:PUNCT",
              &d);
    expect(&d, "AAA", "BBB", "064");
    tree_code(coder, &arena,
              "[AAA Aland] is about to restore ties with Gxndor , years after [CCC Cland] crowds "
              "rioted .",
              "3:nsubj:PROPN 3:cop:AUX 0:root:ADJ 5:mark:PART 3:xcomp:VERB:restore "
              "3:conj:NOUN 8:case:ADP 6:nmod:PROPN 10:punct:PUNCT 3:obl:NOUN 13:case:ADP "
              "13:compound:PROPN 10:nmod:NOUN 13:acl:VERB:riot 3:punct:PUNCT",
              &d);
    expect(&d, "AAA", "-", "064");
    expect_none(&d, "AAA", "CCC", NULL);
    /* nor does it pass an adverbial clause inside the verb's subtree */
    tree_code(coder, &arena, "[AAA Aland] attacked at night as [BBB Bland] slept .",
              "2:nsubj:PROPN 0:root:VERB:attack 4:case:ADP 2:obl:NOUN 7:mark:SCONJ:as "
              "7:nsubj:PROPN 2:advcl:VERB:sleep 2:punct:PUNCT",
              &d);
    expect(&d, "AAA", "-", "190");
    expect_none(&d, "AAA", "BBB", NULL);
}

/* An actor inside a gap of the pattern is TABARI's target ("allowed that X is ..."). */
static void test_actor_in_gap_is_target(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena, "[AAA Aland] allowed that [BBB Bland] is a really pleasant place .",
              "2:nsubj:PROPN 0:root:VERB:allow 9:mark:SCONJ 9:nsubj:PROPN 9:cop:AUX 9:det:DET "
              "8:advmod:ADV 9:amod:ADJ 2:ccomp:NOUN:place 2:punct:PUNCT",
              &d);
    expect(&d, "AAA", "BBB", "024");
}

/* A compound slot ("% HAVE *"): the compound's members act on each other, no one else. */
static void test_compound_slot(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena,
              "[AAA Aland] and [BBB Bland] have delayed their meeting after [CCC Cland] "
              "protested .",
              "5:nsubj:PROPN 3:cc:CCONJ 1:conj:PROPN 5:aux:AUX:have 0:root:VERB:delay "
              "7:nmod_poss:PRON 5:obj:NOUN:meeting 10:mark:SCONJ 10:nsubj:PROPN "
              "5:advcl:VERB:protest 5:punct:PUNCT",
              &d);
    expect(&d, "AAA", "BBB", "191");
    expect(&d, "BBB", "AAA", "191");
    expect_none(&d, NULL, "CCC", NULL);
}

/* Modality does not drop a PETRARCH [A:B] code's reverse event ("will meet"). */
static void test_reverse_code_under_modality(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena, "[AAA Aland] will meet [BBB Bland] .",
              "3:nsubj:PROPN 3:aux:AUX:will 0:root:VERB:meet 3:obj:PROPN 3:punct:PUNCT", &d);
    expect(&d, "AAA", "BBB", "031");
    expect(&d, "BBB", "AAA", "031");
}

/* A possessor among a pattern's words before the verb is no target ("X's death toll"). */
static void test_possessor_is_no_target(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena,
              "[AAA Aland] 's death toll has risen in the dispute with [BBB Bland] .",
              "4:nmod_poss:PROPN 1:case:PART 4:compound:NOUN 6:nsubj:NOUN:toll 6:aux:AUX:have "
              "0:root:VERB:rise 9:case:ADP 9:det:DET 6:obl:NOUN 11:case:ADP 9:nmod:PROPN "
              "6:punct:PUNCT",
              &d);
    expect(&d, "AAA", "BBB", "223");
}

/* Of two subjects (an apposition the parser split), the actor ("Old foes X attacked Y"). */
static void test_apposition_subject(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena, "Old foes [AAA Aland] attacked [BBB Bland] .",
              "2:amod:ADJ 4:nsubj:NOUN:foe 4:nsubj:PROPN 0:root:VERB:attack 4:obj:PROPN "
              "4:punct:PUNCT",
              &d);
    expect(&d, "AAA", "BBB", "190");
}

/* A verb is one of its listed or regular forms, whatever the tagger's lemma ("departes"). */
static void test_verbs_by_form_only(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena, "[AAA Aland] departes from [BBB Bland] .",
              "2:nsubj:PROPN 0:root:VERB:depart 4:case:ADP 2:obl:PROPN 2:punct:PUNCT", &d);
    assert_int_equal(d.nevents, 0);
    tree_code(coder, &arena, "[AAA Aland] departed from [BBB Bland] .",
              "2:nsubj:PROPN 0:root:VERB:depart 4:case:ADP 2:obl:PROPN 2:punct:PUNCT", &d);
    expect(&d, "AAA", "BBB", "032");
}

/* TABARI's target passes a pronoun that stands for the source ("whether he ..."). */
static void test_target_skips_source_pronoun(void **state)
{
    (void)state;
    test_doc d;
    test_doc_parse(&arena,
                   "[AAA Aland] has begun to question whether [AAA he] has a future with "
                   "[BBB Bland] .",
                   &d);
    tree_spec(&arena, &d, 0,
              "3:nsubj:PROPN 3:aux:AUX:have 0:root:VERB:begin 5:mark:PART 3:xcomp:VERB:question "
              "8:mark:SCONJ 8:nsubj:PRON 5:ccomp:VERB:have 10:det:DET 8:obj:NOUN 12:case:ADP "
              "10:nmod:PROPN 3:punct:PUNCT");
    d.mentions[1].kind = SR_MENTION_PRONOUN;
    d.mentions[1].antecedent = 0;
    sr_code_input in = {"test",       0,          d.text,     NULL, d.sentences,
                        d.nsentences, d.mentions, d.nmentions};
    sr_coder_code(coder, &in, &arena, &d.events, &d.nevents);
    expect(&d, "AAA", "BBB", "212");
}

/* A passive without an agent is read as active ("X was criticized over ... with Y"). */
static void test_passive_without_agent(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena,
              "[PPP The Philippines] was criticized over its dispute with [EEE Eriador] .",
              "2:det:DET 4:nsubj_pass:PROPN 4:aux_pass:AUX:be 0:root:VERB:criticize:VBN "
              "7:case:ADP 7:nmod_poss:PRON 4:obl:NOUN 9:case:ADP 7:nmod:PROPN 4:punct:PUNCT",
              &d);
    expect(&d, "PPP", "EEE", "121");
}

/* The agent is the actor after "by" in word order, however the parser attached it. */
static void test_agent_in_word_order(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena, "[EEE Eriador] was opposed earlier by [OOO Osgiliath] .",
              "3:nsubj_pass:PROPN 3:aux_pass:AUX:be 0:root:VERB:oppose:VBN 3:advmod:ADV "
              "6:case:ADP 4:obl:PROPN 3:punct:PUNCT",
              &d);
    expect(&d, "OOO", "EEE", "112");
    expect_none(&d, "EEE", NULL, NULL);
}

/* The subject of a passive is its complement's ("X was seen to break into Y"). */
static void test_raised_passive_subject(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena, "[HHH Gollum] was seen to break into [GGG Gondor] .",
              "3:nsubj_pass:PROPN 3:aux_pass:AUX:be 0:root:VERB:see:VBN 5:mark:PART "
              "3:xcomp:VERB:break 7:case:ADP 5:obl:PROPN 3:punct:PUNCT",
              &d);
    expect(&d, "HHH", "GGG", "1717");
}

/* "^" passes over a noun phrase: an actor or a noun ("IFTAR AT ^ ^ +"). */
static void test_skip_noun_phrase(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena,
              "[AAA Aland] celebrated Iftar at [OOO Osgiliath] with the parliament of [GGG Gondor] "
              "in [EEE Eriador] .",
              "2:nsubj:PROPN 0:root:VERB:celebrate 2:obj:PROPN 5:case:ADP 2:obl:PROPN 8:case:ADP "
              "8:det:DET 2:obl:NOUN 10:case:ADP 8:nmod:PROPN 12:case:ADP 10:nmod:PROPN "
              "2:punct:PUNCT",
              &d);
    expect(&d, "AAA", "GGG", "044");
    assert_int_equal(d.nevents, 1);
    tree_code(coder, &arena,
              "[AAA Aland] celebrated Iftar in [OOO Osgiliath] with the leaders of [GGG Gondor] .",
              "2:nsubj:PROPN 0:root:VERB:celebrate 2:obj:PROPN 5:case:ADP 2:obl:PROPN 8:case:ADP "
              "8:det:DET 2:obl:NOUN 10:case:ADP 8:nmod:PROPN 2:punct:PUNCT",
              &d);
    expect(&d, "AAA", "GGG", "045");
    assert_int_equal(d.nevents, 1);
}

/* A gap passes a dictionary verb that codes only by its patterns ("won't try to clash"). */
static void test_gap_passes_uncoded_verb(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena,
              "[AAA Aland] unexpectedly now wo n't try to clash over the efforts of [BBB Bland] .",
              "6:nsubj:PROPN 6:advmod:ADV 6:advmod:ADV 6:aux:AUX 6:advmod:PART 0:root:VERB:try "
              "8:mark:PART 6:xcomp:VERB:clash 11:case:ADP 11:det:DET 8:obl:NOUN 13:case:ADP "
              "11:nmod:PROPN 6:punct:PUNCT",
              &d);
    expect(&d, "AAA", "BBB", "906");
}

/* A "+" slot before the verb on its subject: the governing verb's subject is the source. */
static void test_target_slot_before_verb(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena, "[GGGGOV Falastur] noted that [MMM Cirith Ungol] regretted it .",
              "2:nsubj:PROPN 0:root:VERB:note 6:mark:SCONJ 5:compound:PROPN 6:nsubj:PROPN "
              "2:ccomp:VERB:regret 6:obj:PRON 2:punct:PUNCT",
              &d);
    expect(&d, "GGGGOV", "MMM", "115");
    expect_none(&d, "MMM", NULL, NULL);
}

/* An implausible tree (a noun at the root, the verb inside its phrase) is read in word order. */
static void test_implausible_tree(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena, "[RRRCOP Russian police] arrested [SSS students] .",
              "2:amod:ADJ 4:nsubj:NOUN:police 4:amod:VERB:arrest 0:root:NOUN:student "
              "4:punct:PUNCT",
              &d);
    expect(&d, "RRRCOP", "SSS", "212");
}

/* A multi-code actor is each of its codes, an agent's code added to each. */
static void test_multi_code_actors(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena, "[FRO/BIL/SAM The Shire] attacked [ELR/GALGOV Lorien officials] .",
              "2:det:DET 3:nsubj:PROPN 0:root:VERB:attack 5:compound:PROPN 3:obj:NOUN "
              "3:punct:PUNCT",
              &d);
    const char *src[] = {"FRO", "BIL", "SAM"}, *tgt[] = {"ELRGOV", "GALGOV"};
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 2; j++)
            expect(&d, src[i], tgt[j], "190");
    assert_int_equal(d.nevents, 6);
    /* the same without a parse codes nothing: the coder reads trees */
    test_code(coder, &arena, "[FRO/BIL/SAM The Shire] attacked [ELR/GALGOV Lorien officials] .",
              &d);
    assert_int_equal(d.nevents, 0);
}

/*
** TABARI's target comes before a grammatical object further on, and a verb
** whose subject is no known actor takes the nearest actor before it.
*/
static void test_tabari_target_and_source(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena,
              "[AAA Aland] welcomed a resumption of ties with [BBB Bland] , the [CCC official] "
              "agency WFNA said .",
              "2:nsubj:PROPN 0:root:VERB:welcome 4:det:DET 2:obj:NOUN 6:case:ADP 4:nmod:NOUN "
              "8:case:ADP 6:nmod:PROPN 12:punct:PUNCT 12:det:DET 12:amod:ADJ 2:obj:NOUN "
              "14:nsubj:PROPN 2:conj:VERB:say 2:punct:PUNCT",
              &d);
    expect(&d, "AAA", "BBB", "041");
    expect(&d, "CCC", "-", "023");
    expect_none(&d, "AAA", "CCC", NULL);
}

/* PETRARCH's new_actor_length: unknown noun phrases of up to N words are actors. */
static void test_new_actors(void **state)
{
    (void)state;
    static const char *const SRC = "\"GRYFFINDOR HEAD MINERVA MCGONAGALL\"",
                             *const TGT = "\"THE MINISTRY OF MAGIC\"";
    for (unsigned len = 0; len <= 4; len++) {
        test_doc d;
        test_doc_parse(
            &arena, "Gryffindor 's head Minerva McGonagall left for the Ministry of Magic .", &d);
        tree_spec(&arena, &d, 0,
                  "3:nmod_poss:PROPN 1:case:PART 6:nsubj:NOUN 6:nsubj:PROPN 4:flat:PROPN "
                  "0:root:VERB:leave 9:case:ADP 9:det:DET 6:obl:PROPN 11:case:ADP 9:nmod:PROPN "
                  "6:punct:PUNCT");
        sr_code_input in = {"test",      SR_CODE_NEW_ACTORS(len),
                            d.text,      NULL,
                            d.sentences, d.nsentences,
                            d.mentions,  d.nmentions};
        sr_coder_code(coder, &in, &arena, &d.events, &d.nevents);
        if (len < 4) { /* both phrases have four words */
            assert_int_equal(d.nevents, 0);
            continue;
        }
        expect(&d, SRC, TGT, "032");
        expect(&d, TGT, SRC, "033");
        assert_int_equal(d.nevents, 2);
    }
    /* a conjunct of the subject that names no known actor */
    test_doc d;
    test_doc_parse(&arena,
                   "[EEE Eriador] 's death and injury toll has risen in the dispute with "
                   "[OOO Osgiliath] .",
                   &d);
    tree_spec(&arena, &d, 0,
              "3:nmod_poss:PROPN 1:case:PART 8:nsubj:NOUN 6:cc:CCONJ 6:compound:NOUN 3:conj:NOUN "
              "8:aux:AUX:have 0:root:VERB:rise 11:case:ADP 11:det:DET 8:obl:NOUN 13:case:ADP "
              "11:nmod:PROPN 8:punct:PUNCT");
    sr_code_input in = {"test",      SR_CODE_NEW_ACTORS(4), d.text,     NULL,
                        d.sentences, d.nsentences,          d.mentions, d.nmentions};
    sr_coder_code(coder, &in, &arena, &d.events, &d.nevents);
    expect(&d, "EEE", "OOO", "223");
    expect(&d, "\"INJURY TOLL\"", "OOO", "223");
}

/* A noun phrase is its first actor: "X's Y" and "X awful Y" (X a compound of Y) are X. */
static void test_first_actor_of_phrase(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena, "[AAA Arnor] 's [EEE Elrond] attacked [BBB Bland] .",
              "3:nmod_poss:PROPN 1:case:PART 4:nsubj:PROPN 0:root:VERB:attack 4:obj:PROPN "
              "4:punct:PUNCT",
              &d);
    expect(&d, "AAA", "BBB", "190");
    assert_int_equal(d.nevents, 1);
    tree_code(coder, &arena, "the evil [AAA Arnor] awful [GGG Gondor] attacked [BBB Bland] .",
              "5:det:DET 5:amod:ADJ 5:compound:PROPN 5:amod:ADJ 6:nsubj:PROPN 0:root:VERB:attack "
              "6:obj:PROPN 6:punct:PUNCT",
              &d);
    expect(&d, "AAA", "BBB", "190");
    assert_int_equal(d.nevents, 1);
}

/*
** TABARI's lists: the last member of a list before the verb stands for the
** list, a list ends at its "and" member, and a target that is one of
** several sources is still the others'.
*/
static void test_lists(void **state)
{
    (void)state;
    test_doc d;
    test_doc_parse(
        &arena,
        "Resumption of ties between [AAA Arnor] and [GGG Gondor] may spur reconciliation "
        "between [CCC Calenardhon] and [GGG Gondor] , and [GGG Gondor] and "
        "[DDD Dagolath] .",
        &d);
    tree_spec(&arena, &d, 0,
              "9:nsubj:NOUN 3:case:ADP 1:nmod:NOUN 5:case:ADP 3:nmod:PROPN 7:cc:CCONJ "
              "5:conj:PROPN 9:aux:AUX 0:root:VERB:spur 9:obj:NOUN 12:case:ADP 10:nmod:PROPN "
              "14:cc:CCONJ 12:conj:PROPN 17:punct:PUNCT 17:cc:CCONJ 12:conj:PROPN 19:cc:CCONJ "
              "12:conj:PROPN 9:punct:PUNCT");
    for (size_t i = 0; i < d.nmentions; i++)
        d.mentions[i].entity = d.mentions[i].code; /* each Gondor is the same entity */
    sr_code_input in = {"test",       0,          d.text,     NULL, d.sentences,
                        d.nsentences, d.mentions, d.nmentions};
    sr_coder_code(coder, &in, &arena, &d.events, &d.nevents);
    expect(&d, "AAA", "CCC", "081");
    expect(&d, "AAA", "GGG", "081");
    expect(&d, "GGG", "CCC", "081");
    expect_none(&d, NULL, "DDD", NULL);
    assert_int_equal(d.nevents, 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pattern_words_outside_subtree),
        cmocka_unit_test(test_gap_crosses_unknown_verb),
        cmocka_unit_test(test_speech_verb_codes),
        cmocka_unit_test(test_target_in_word_order),
        cmocka_unit_test(test_actor_in_gap_is_target),
        cmocka_unit_test(test_compound_slot),
        cmocka_unit_test(test_reverse_code_under_modality),
        cmocka_unit_test(test_possessor_is_no_target),
        cmocka_unit_test(test_apposition_subject),
        cmocka_unit_test(test_verbs_by_form_only),
        cmocka_unit_test(test_target_skips_source_pronoun),
        cmocka_unit_test(test_passive_without_agent),
        cmocka_unit_test(test_agent_in_word_order),
        cmocka_unit_test(test_raised_passive_subject),
        cmocka_unit_test(test_skip_noun_phrase),
        cmocka_unit_test(test_gap_passes_uncoded_verb),
        cmocka_unit_test(test_target_slot_before_verb),
        cmocka_unit_test(test_implausible_tree),
        cmocka_unit_test(test_multi_code_actors),
        cmocka_unit_test(test_tabari_target_and_source),
        cmocka_unit_test(test_new_actors),
        cmocka_unit_test(test_first_actor_of_phrase),
        cmocka_unit_test(test_lists),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
