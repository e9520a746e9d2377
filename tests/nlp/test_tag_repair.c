/*
** test_tag_repair.c: the tagger's participle-to-finite-verb corrections
** (src/nlp/tag_repair.c) on hand-tagged sentences, and the parser's
** corrections (src/nlp/tree_repair.c) on hand-parsed ones.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nlp/nlp.h"

#define MAX_WORDS 32

static sr_token tokens[MAX_WORDS];

/*
** Build a sentence from "form/XPOS[/U]" items separated by blanks (the
** rules read only three UPOS values: U is "S" for SCONJ, "C" for CCONJ,
** "A" for ADP; others are X), repair it and return the XPOS of word `at`
** (its UPOS is left in tokens[at]).
*/
static const char *repaired_tag(const char *tagged, uint32_t at)
{
    static char buf[1024];
    sr_sentence s = {{0, 0}, tokens, 0};
    snprintf(buf, sizeof buf, "%s", tagged);
    for (char *item = strtok(buf, " "); item && s.ntokens < MAX_WORDS; item = strtok(NULL, " ")) {
        sr_token *t = &tokens[s.ntokens++];
        memset(t, 0, sizeof *t);
        t->form = item;
        char *tag = strchr(item, '/');
        assert_non_null(tag);
        *tag++ = 0;
        char *upos = strchr(tag, '/');
        t->upos = SR_UPOS_X;
        if (upos) {
            *upos++ = 0;
            t->upos = *upos == 'S'   ? SR_UPOS_SCONJ
                      : *upos == 'C' ? SR_UPOS_CCONJ
                      : *upos == 'A' ? SR_UPOS_ADP
                                     : SR_UPOS_X;
        }
        t->xpos = tag;
    }
    sr_tagger_repair(&s);
    assert_true(at < s.ntokens);
    return tokens[at].xpos;
}

/* A main verb read as a participle becomes a finite past. */
static void test_main_verb_repaired(void **state)
{
    (void)state;
    assert_string_equal(repaired_tag("Israeli/JJ forces/NNS demolished/VBN dozens/NNS of/IN "
                                     "homes/NNS ,/, an/DT agency/NN said/VBD ./.",
                                     2),
                        "VBD");
    assert_string_equal(repaired_tag("German/JJ police/NN raised/VBN security/NN after/IN/S a/DT "
                                     "car/NN attack/NN killed/VBD five/CD people/NNS ./.",
                                     2),
                        "VBD");
    assert_string_equal(repaired_tag("Opposition/NN parties/NNS called/VBN for/IN new/JJ "
                                     "elections/NNS ./.",
                                     2),
                        "VBD");
    /* an infinitive complement follows a main verb too */
    assert_string_equal(repaired_tag("Both/DT countries/NNS agreed/VBN to/TO resume/VB "
                                     "flights/NNS ./.",
                                     2),
                        "VBD");
    /* a comma between adjectives opens no clause either */
    assert_string_equal(repaired_tag("Russian/JJ ,/, Chinese/JJ and/CC/C Iranian/JJ warships/NNS "
                                     "held/VBN joint/JJ naval/JJ exercises/NNS ./.",
                                     6),
                        "VBD");
    /* a conjunction between nouns opens no clause */
    assert_string_equal(repaired_tag("RSF/NNP fighters/NNS and/CC/C Arab/JJ militias/NNS "
                                     "killed/VBN hundreds/NNS ,/, survivors/NNS said/VBD ./.",
                                     5),
                        "VBD");
}

/* Participles that modify a noun, or follow an auxiliary, stay participles. */
static void test_participles_kept(void **state)
{
    (void)state;
    /* a later verb with no boundary before it is the main verb */
    assert_string_equal(repaired_tag("A/DT man/NN named/VBN Ahmed/NNP was/VBD arrested/VBN ./.", 2),
                        "VBN");
    assert_string_equal(repaired_tag("The/DT man/NN killed/VBN in/IN the/DT crash/NN was/VBD "
                                     "buried/VBN ./.",
                                     2),
                        "VBN");
    /* a conjunction after a verb does open a clause */
    assert_string_equal(repaired_tag("Troops/NNS came/VBD and/CC/C soldiers/NNS killed/VBN "
                                     "people/NNS ./.",
                                     4),
                        "VBN");
    /* a comma before a phrase is a boundary ("the minister, in remarks published on") */
    assert_string_equal(repaired_tag("The/DT minister/NN ,/, in/IN remarks/NNS published/VBN on/IN "
                                     "Monday/NNP ,/, urged/VBD calm/NN ./.",
                                     5),
                        "VBN");
    /* an auxiliary or another finite verb comes first */
    assert_string_equal(repaired_tag("Russia/NNP has/VBZ seized/VBN two/CD villages/NNS ./.", 2),
                        "VBN");
    /* no subject noun right before it */
    assert_string_equal(repaired_tag("Rebels/NNS ,/, heavily/RB armed/VBN ,/, stormed/VBD the/DT "
                                     "town/NN ./.",
                                     3),
                        "VBN");
    /* nothing that begins an object after it */
    assert_string_equal(repaired_tag("The/DT houses/NNS destroyed/VBN ./.", 2), "VBN");
}

/* A capitalized first word read as an imperative before a finite verb is a name. */
static void test_initial_name_repaired(void **state)
{
    (void)state;
    assert_string_equal(repaired_tag("Trump/VB gave/VBD Ukraine/NNP guarantees/NNS ./.", 0), "NNP");
    assert_int_equal(tokens[0].upos, SR_UPOS_PROPN);
    /* an imperative before its object stays one */
    assert_string_equal(repaired_tag("Stop/VB the/DT war/NN ./.", 0), "VB");
}

/* A subordinate clause's verb read as a participle becomes finite, and its subordinator a mark. */
static void test_subordinate_verb_repaired(void **state)
{
    (void)state;
    assert_string_equal(repaired_tag("India/NNP suspended/VBD the/DT treaty/NN a/DT day/NN "
                                     "after/IN gunmen/NNS killed/VBN 26/CD people/NNS ./.",
                                     8),
                        "VBD");
    assert_string_equal(repaired_tag("Nepal/NNP lifted/VBD its/PRP$ ban/NN after/IN police/NNS "
                                     "opened/VBN fire/NN on/IN protesters/NNS ./.",
                                     6),
                        "VBD");
    /* a "that" clause with no other verb: its VBN is its verb, whatever follows */
    assert_string_equal(repaired_tag("The/DT ministry/NN declared/VBD that/IN/S the/DT troops/NNS "
                                     "used/VBN against/IN the/DT positions/NNS the/DT "
                                     "chemical/JJ weapon/NN ./.",
                                     6),
                        "VBD");
    assert_string_equal(
        repaired_tag("The/DT men/NNS that/WDT the/DT troops/NNS killed/VBN were/VBD "
                     "buried/VBN ./.",
                     5),
        "VBN");
    /* before a past tense the subordinator becomes the clause's mark */
    assert_string_equal(repaired_tag("Algeria/NNP recalled/VBD its/PRP$ envoy/NN after/IN/A "
                                     "Paris/NNP endorsed/VBD the/DT plan/NN ./.",
                                     4),
                        "IN");
    assert_int_equal(tokens[4].upos, SR_UPOS_SCONJ);
    assert_string_equal(
        repaired_tag("He/PRP spoke/VBD as/IN/A Bush/NNP was/VBD leaving/VBG ./.", 2), "IN");
    assert_int_equal(tokens[2].upos, SR_UPOS_ADP);
    /* a participle before a preposition or a time modifies its noun; "of" opens no clause */
    assert_string_equal(repaired_tag("Crowds/NNS gathered/VBD after/IN the/DT men/NNS killed/VBN "
                                     "in/IN the/DT attack/NN were/VBD buried/VBN ./.",
                                     5),
                        "VBN");
    assert_string_equal(repaired_tag("He/PRP met/VBD families/NNS of/IN soldiers/NNS killed/VBN "
                                     "two/CD days/NNS ago/RB ./.",
                                     5),
                        "VBN");
    /* a subordinator read as a preposition sets off the later verb */
    assert_string_equal(repaired_tag("German/JJ police/NNS raised/VBN security/NN after/IN a/DT "
                                     "car/NN attack/NN in/IN Magdeburg/NNP killed/VBD five/CD "
                                     "people/NNS ./.",
                                     2),
                        "VBD");
}

/* A participle after a conjunction of nouns, before the subject's head, modifies it. */
static void test_conjoined_participle_repaired(void **state)
{
    (void)state;
    assert_string_equal(repaired_tag("RSF/NNP fighters/NNS and/CC/C allied/VBN Arab/JJ "
                                     "militias/NNS killed/VBD hundreds/NNS ./.",
                                     3),
                        "JJ");
    /* verbs joined after a verb stay verbs */
    assert_string_equal(repaired_tag("Gunmen/NNS attacked/VBD and/CC/C wounded/VBN soldiers/NNS "
                                     "./.",
                                     3),
                        "VBN");
}

/* A past tense set off by commas after its noun, before the main verb, is a participle. */
static void test_parenthetical_participle_repaired(void **state)
{
    (void)state;
    assert_string_equal(repaired_tag("Saakashvili/NNP ,/, arrested/VBD after/IN his/PRP$ "
                                     "return/NN ,/, declared/VBD a/DT strike/NN ./.",
                                     2),
                        "VBN");
    /* a past tense with an object is a verb of its own */
    assert_string_equal(repaired_tag("Police/NNS ,/, arrested/VBD him/PRP ,/, officials/NNS "
                                     "said/VBD ./.",
                                     2),
                        "VBD");
}

/* A noun between the subject and a particle with an object is the verb. */
static void test_phrasal_verb_noun_repaired(void **state)
{
    (void)state;
    assert_string_equal(repaired_tag("A/DT U.S./NNP fighter/NN jet/NN shot/NN down/RP a/DT "
                                     "balloon/NN ./.",
                                     4),
                        "VBD");
    /* no object after the particle, or a verb before: a noun */
    assert_string_equal(repaired_tag("The/DT jet/NN shot/NN down/RP in/IN Syria/NNP was/VBD "
                                     "old/JJ ./.",
                                     2),
                        "NN");
    /* a common noun opening a sentence and joined to a name is a name */
    assert_string_equal(repaired_tag("Trump/NN and/CC/C Xi/NNP met/VBD in/IN Busan/NNP ./.", 0),
                        "NNP");
}

/* A clause joined after a comma has a finite verb where a participle was read. */
static void test_joined_clause_verb_repaired(void **state)
{
    (void)state;
    assert_string_equal(repaired_tag("Protesters/NNS stormed/VBD parliament/NN ,/, and/CC/C "
                                     "police/NNS opened/VBN fire/NN ./.",
                                     6),
                        "VBD");
    /* joined without a comma, a participle modifies its noun */
    assert_string_equal(repaired_tag("Families/NNS and/CC/C soldiers/NNS killed/VBN in/IN "
                                     "action/NN were/VBD named/VBN ./.",
                                     3),
                        "VBN");
}

/* A past tense right after a preposition, before a noun phrase, is a participle. */
static void test_prepositional_participle_repaired(void **state)
{
    (void)state;
    assert_string_equal(repaired_tag("Israel/NNP released/VBD funds/NNS in/IN withheld/VBD "
                                     "tax/NN revenues/NNS ./.",
                                     4),
                        "VBN");
    /* a subordinator opens a clause whose verb is finite */
    assert_string_equal(repaired_tag("Crowds/NNS gathered/VBD after/IN police/NNS fired/VBD "
                                     "tear/NN gas/NN ./.",
                                     4),
                        "VBD");
}

/* A possessed noun read as an adjective before a verb becomes a noun. */
static void test_possessed_adjective_repaired(void **state)
{
    (void)state;
    assert_string_equal(repaired_tag("Israel/NNP 's/POS military/JJ said/VBD it/PRP struck/VBD "
                                     "targets/NNS ./.",
                                     2),
                        "NN");
    assert_string_equal(
        repaired_tag("China/NNP 's/POS military/JJ will/MD hold/VB drills/NNS ./.", 2), "NN");
    /* an adjective before its noun stays one */
    assert_string_equal(repaired_tag("Russia/NNP 's/POS top/JJ diplomat/NN said/VBD ./.", 2), "JJ");
}

/* The bare verb of a "that" clause after a verb, read as a noun, becomes a verb. */
static void test_mandative_verb_repaired(void **state)
{
    (void)state;
    assert_string_equal(repaired_tag("Supporters/NNS marched/VBD demanding/VBG that/IN "
                                     "Maduro/NNP step/NN down/RB ./.",
                                     5),
                        "VB");
    assert_string_equal(repaired_tag("Farmers/NNS demanded/VBD that/IN the/DT government/NN "
                                     "scrap/NN new/JJ rules/NNS ./.",
                                     5),
                        "VB");
    /* a finite verb or a participle after the nouns is the clause's verb */
    assert_string_equal(repaired_tag("He/PRP said/VBD that/IN the/DT government/NN plan/NN "
                                     "was/VBD ready/JJ ./.",
                                     5),
                        "NN");
    assert_string_equal(repaired_tag("UNRWA/NNP said/VBD that/IN the/DT occupation/NN forces/NNS "
                                     "arrested/VBN staff/NN ./.",
                                     5),
                        "NNS");
}

/*
** Build a parsed sentence from "form/UPOS/HEAD/DEPREL" items (UPOS: V verb,
** a finite past; N noun, P proper noun, A adposition, J adjective, X
** other), repair its tree and
** return the sentence; the tokens are in tokens[].
*/
static sr_sentence repaired_tree(char *buf, size_t size, const char *parsed)
{
    sr_sentence s = {{0, 0}, tokens, 0};
    snprintf(buf, size, "%s", parsed);
    for (char *item = strtok(buf, " "); item && s.ntokens < MAX_WORDS; item = strtok(NULL, " ")) {
        sr_token *t = &tokens[s.ntokens++];
        memset(t, 0, sizeof *t);
        char *upos = strchr(item, '/');
        assert_non_null(upos);
        *upos++ = 0;
        char *head = strchr(upos, '/');
        assert_non_null(head);
        *head++ = 0;
        char *rel = strchr(head, '/');
        assert_non_null(rel);
        *rel++ = 0;
        t->form = item;
        t->upos = *upos == 'V' || *upos == 'v' ? SR_UPOS_VERB
                  : *upos == 'N'               ? SR_UPOS_NOUN
                  : *upos == 'D'               ? SR_UPOS_DET
                  : *upos == 'P'               ? SR_UPOS_PROPN
                  : *upos == 'A'               ? SR_UPOS_ADP
                  : *upos == 'J'               ? SR_UPOS_ADJ
                                               : SR_UPOS_X;
        /* V a finite past, v a participle */
        t->xpos = *upos == 'V' ? "VBD" : *upos == 'v' ? "VBN" : "X";
        t->head = atoi(head);
        t->deprel = rel;
    }
    sr_parser_repair(&s);
    return s;
}

/* A deictic time word heads no compound: the noun it took goes back to the verb. */
static void test_time_compound_repaired(void **state)
{
    (void)state;
    char buf[1024];
    /* "arrested students in Moscow today": students, the object */
    repaired_tree(buf, sizeof buf,
                  "Russian/X/2/amod police/N/3/nsubj arrested/V/0/root students/N/7/compound "
                  "in/A/6/case Moscow/P/4/nmod today/N/3/obl:unmarked ./X/3/punct");
    assert_int_equal(tokens[3].head, 3);
    assert_string_equal(tokens[3].deprel, "obj");
    assert_int_equal(tokens[5].head, 4); /* "in Moscow" stays on students */
    /* a noun with a preposition is an oblique, and a verb keeps its own object */
    repaired_tree(buf, sizeof buf,
                  "Protests/N/2/nsubj erupted/V/0/root in/A/4/case Moscow/P/5/compound "
                  "today/N/2/obl:unmarked ./X/2/punct");
    assert_int_equal(tokens[3].head, 2);
    assert_string_equal(tokens[3].deprel, "obl");
    repaired_tree(buf, sizeof buf,
                  "Police/N/2/nsubj detained/V/0/root men/N/2/obj students/N/5/compound "
                  "today/N/2/obl:unmarked ./X/2/punct");
    assert_int_equal(tokens[3].head, 2);
    assert_string_equal(tokens[3].deprel, "obl:unmarked");
    /* other heads of compounds keep them */
    repaired_tree(buf, sizeof buf,
                  "Police/N/2/nsubj detained/V/0/root student/N/4/compound leaders/N/2/obj "
                  "./X/2/punct");
    assert_int_equal(tokens[2].head, 4);
    assert_string_equal(tokens[2].deprel, "compound");
}

/* An adjective after a noun read as its predicate gives the clause back to the verb. */
static void test_postnominal_adjective_repaired(void **state)
{
    (void)state;
    char buf[1024];
    /* "Fighters loyal to Russia shelled the town": shelled, the root; loyal, the amod */
    repaired_tree(buf, sizeof buf,
                  "Fighters/N/2/nsubj loyal/J/0/root to/A/4/case Russia/P/2/obl "
                  "shelled/V/2/advcl the/X/7/det town/N/5/obj ./X/2/punct");
    assert_int_equal(tokens[4].head, 0);
    assert_string_equal(tokens[4].deprel, "root");
    assert_int_equal(tokens[0].head, 5);
    assert_string_equal(tokens[0].deprel, "nsubj");
    assert_int_equal(tokens[1].head, 1);
    assert_string_equal(tokens[1].deprel, "amod");
    assert_int_equal(tokens[3].head, 2); /* "to Russia" stays with loyal */
    assert_int_equal(tokens[7].head, 5); /* the full stop goes with the verb */
    /* a clause with a subject of its own is left alone */
    repaired_tree(buf, sizeof buf,
                  "Crowds/N/2/nsubj angry/J/0/root as/X/5/mark police/N/5/nsubj "
                  "fired/V/2/advcl ./X/2/punct");
    assert_int_equal(tokens[1].head, 0);
    assert_int_equal(tokens[4].head, 2);
}

/* A subject's verb read as a clause on the subject becomes its verb. */
static void test_subject_verb_repaired(void **state)
{
    (void)state;
    char buf[1024];
    /* "Aircraft used sarin, investigators concluded": used, aircraft's verb */
    repaired_tree(buf, sizeof buf,
                  "Aircraft/N/6/nsubj used/V/1/acl sarin/N/2/obj ,/X/6/punct "
                  "investigators/N/6/nsubj concluded/V/0/root ./X/6/punct");
    assert_int_equal(tokens[0].head, 2);
    assert_string_equal(tokens[0].deprel, "nsubj");
    assert_int_equal(tokens[1].head, 6);
    assert_string_equal(tokens[1].deprel, "parataxis");
    /* a clause on the only subject is left alone */
    repaired_tree(buf, sizeof buf,
                  "Soldiers/N/4/nsubj trained/V/1/acl abroad/X/2/advmod returned/V/0/root "
                  "./X/4/punct");
    assert_int_equal(tokens[1].head, 1);
    assert_string_equal(tokens[1].deprel, "acl");
}

/* A sentence's verb read as a modifier of the noun after it becomes the verb. */
static void test_verb_as_modifier_repaired(void **state)
{
    (void)state;
    char buf[1024];
    /* "China's military began two days of drills": began, the root, with days its object */
    repaired_tree(buf, sizeof buf,
                  "China/P/3/nmod:poss military/N/3/nsubj began/V/5/amod two/X/5/nummod "
                  "days/N/0/root of/A/7/case drills/N/5/nmod ./X/5/punct");
    assert_int_equal(tokens[2].head, 0);
    assert_string_equal(tokens[2].deprel, "root");
    assert_int_equal(tokens[4].head, 3);
    assert_string_equal(tokens[4].deprel, "obj");
    assert_int_equal(tokens[1].head, 3);
    assert_int_equal(tokens[7].head, 3); /* the full stop goes with the root */
    /* "Egyptian aircraft air-dropped food": the nearest noun before a participle is its
       subject, and the words before it go with that noun */
    repaired_tree(buf, sizeof buf,
                  "Egyptian/J/5/amod aircraft/N/3/compound air/N/4/compound dropped/v/5/amod "
                  "food/N/0/root ./X/5/punct");
    assert_int_equal(tokens[3].head, 0);
    assert_int_equal(tokens[2].head, 4);
    assert_string_equal(tokens[2].deprel, "nsubj");
    assert_int_equal(tokens[0].head, 3);
    assert_int_equal(tokens[4].head, 4);
    /* "The Israeli military destroyed dozens of houses": an adjective after a determiner */
    repaired_tree(buf, sizeof buf,
                  "The/D/5/det Israeli/J/5/amod military/J/5/amod destroyed/v/5/amod "
                  "dozens/N/0/root of/A/7/case houses/N/5/nmod ./X/5/punct");
    assert_int_equal(tokens[3].head, 0);
    assert_int_equal(tokens[2].head, 4);
    assert_string_equal(tokens[2].deprel, "nsubj");
    assert_int_equal(tokens[0].head, 3);
    /* a participle with no subject before it modifies its noun: "the destroyed bridge" */
    repaired_tree(buf, sizeof buf, "the/D/3/det destroyed/v/3/amod bridge/N/0/root ./X/3/punct");
    assert_int_equal(tokens[1].head, 3);
    assert_int_equal(tokens[2].head, 0);
    /* another verb with a subject of its own: the parse found the sentence's structure */
    repaired_tree(buf, sizeof buf,
                  "Reports/N/3/nsubj said/V/3/amod talks/N/0/root police/N/5/nsubj "
                  "fired/V/3/acl ./X/3/punct");
    assert_int_equal(tokens[2].head, 0);
    assert_int_equal(tokens[1].head, 3);
}

/* A subject hung on an auxiliary belongs to the auxiliary's verb. */
static void test_subject_of_auxiliary_repaired(void **state)
{
    (void)state;
    char buf[1024];
    /* "Russia has repeatedly stated that ...": Russia on "has" */
    repaired_tree(buf, sizeof buf,
                  "Russia/P/2/nsubj has/V/4/aux repeatedly/X/4/advmod stated/V/0/root "
                  "peace/N/4/obj ./X/4/punct");
    assert_int_equal(tokens[0].head, 4);
    assert_string_equal(tokens[0].deprel, "nsubj");
    /* other words on the auxiliary stay where the parser put them */
    repaired_tree(buf, sizeof buf,
                  "Russia/P/4/nsubj has/V/4/aux not/X/2/advmod stated/V/0/root ./X/4/punct");
    assert_int_equal(tokens[2].head, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_initial_name_repaired),
        cmocka_unit_test(test_main_verb_repaired),
        cmocka_unit_test(test_participles_kept),
        cmocka_unit_test(test_subordinate_verb_repaired),
        cmocka_unit_test(test_joined_clause_verb_repaired),
        cmocka_unit_test(test_mandative_verb_repaired),
        cmocka_unit_test(test_possessed_adjective_repaired),
        cmocka_unit_test(test_prepositional_participle_repaired),
        cmocka_unit_test(test_phrasal_verb_noun_repaired),
        cmocka_unit_test(test_parenthetical_participle_repaired),
        cmocka_unit_test(test_conjoined_participle_repaired),
        cmocka_unit_test(test_time_compound_repaired),
        cmocka_unit_test(test_postnominal_adjective_repaired),
        cmocka_unit_test(test_subject_verb_repaired),
        cmocka_unit_test(test_verb_as_modifier_repaired),
        cmocka_unit_test(test_subject_of_auxiliary_repaired),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
