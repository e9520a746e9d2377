/*
** test_roles.c: the tree coder's rules one by one, on hand-parsed
** sentences (tree_helpers.h), with the shipped lexicon and tables: roles
** (roles.c), modality and speech (modality.c), events (assemble.c).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "code/tree_helpers.h"

static sr_coder *coder;
static sr_arena arena;

static int setup(void **state)
{
    (void)state;
    sr_error err = {0};
    coder = sr_coder_open(SR_DATA_DIR, &err);
    if (!coder)
        fprintf(stderr, "sr_coder_open: %s\n", err.msg);
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

/* Checks of the events with this source, target ("-": none, NULL: any) and code prefix. */
static const sr_event *expect(const test_doc *d, const char *src, const char *tgt, const char *code)
{
    return tree_expect(d, src, tgt, code, 1);
}

static void expect_none(const test_doc *d, const char *src, const char *tgt, const char *code)
{
    tree_expect_none(d, src, tgt, code, 1);
}

/* The passive: the agent is the source, the passive subject the target. */
static void test_passive_agent(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena, "[UKR Kyiv] was attacked by [RUSMIL Russian forces] .",
              "3:nsubj_pass:PROPN 3:aux_pass:AUX:be 0:root:VERB:attack:VBN 6:case:ADP "
              "6:amod:ADJ 3:obl_agent:NOUN:force 3:punct:PUNCT",
              &d);
    expect(&d, "RUSMIL", "UKR", "19");
    expect_none(&d, "UKR", NULL, "");
}

/* A passive's subject is its complement's: "X was seen to attack Y" is X against Y. */
static void test_raised_passive_subject(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena, "[RUS Russia] was seen to attack [UKR Kyiv] .",
              "3:nsubj_pass:PROPN 3:aux_pass:AUX:be 0:root:VERB:see:VBN 5:mark:PART "
              "3:xcomp:VERB:attack 5:obj:PROPN 3:punct:PUNCT",
              &d);
    expect(&d, "RUS", "UKR", "19");
}

/*
** A clause on the predicate adjective of a verb takes that verb's subject:
** "X is moving closer to attack Y" is X against Y.
*/
static void test_subject_through_predicate_adjective(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena, "[RUS Russia] is moving closer to attack [UKR Kyiv] .",
              "3:nsubj:PROPN 3:aux:AUX:be 0:root:VERB:move 3:xcomp:ADJ:close 6:mark:PART "
              "4:advcl:VERB:attack 6:obj:PROPN 3:punct:PUNCT",
              &d);
    expect(&d, "RUS", "UKR", "19");
}

/* A relative clause's subject is the noun it modifies; the main verb keeps its own. */
static void test_relative_clause(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena,
              "[RUSGOV Lavrov] , who met [CHNGOV Wang] , criticized [USA Washington] .",
              "7:nsubj:PROPN 4:punct:PUNCT 4:nsubj:PRON 1:acl_relcl:VERB:meet 4:obj:PROPN "
              "4:punct:PUNCT 0:root:VERB:criticize 7:obj:PROPN 7:punct:PUNCT",
              &d);
    expect(&d, "RUSGOV", "CHNGOV", "04");
    expect(&d, "RUSGOV", "USA", "111");
    expect_none(&d, "CHNGOV", "USA", "");
}

/*
** An event noun takes a modifier as source and a target preposition's
** object as target; the verb it is the subject of tells the same event.
*/
static void test_event_noun(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena, "[RUS Russian] strikes on [UKR Kharkiv] killed three people .",
              "2:amod:ADJ 5:nsubj:NOUN:strike 4:case:ADP 2:nmod:PROPN 0:root:VERB:kill "
              "7:nummod:NUM 5:obj:NOUN:people 5:punct:PUNCT",
              &d);
    const sr_event *e = expect(&d, "RUS", "UKR", "19");
    assert_int_equal(d.nevents, 1);
    assert_true(strstr(e->rule, "nouns.txt") != NULL);
}

/* "Talks between X and Y": reciprocal, both ways. */
static void test_between_is_reciprocal(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena, "Talks between [CHN China] and [RUS Russia] began .",
              "6:nsubj:NOUN:talk 3:case:ADP 1:nmod:PROPN 5:cc:CCONJ 3:conj:PROPN "
              "0:root:VERB:begin 6:punct:PUNCT",
              &d);
    expect(&d, "CHN", "RUS", "04");
    expect(&d, "RUS", "CHN", "04");
}

/* A negating verb makes its complement a refusal; the refusal is the event, once. */
static void test_refusal(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena, "[IRN Iran] refused to release [FRACVL French citizens] .",
              "2:nsubj:PROPN 0:root:VERB:refuse 4:mark:PART 2:xcomp:VERB:release 6:amod:ADJ "
              "4:obj:NOUN:citizen 2:punct:PUNCT",
              &d);
    const sr_event *e = expect(&d, "IRN", "FRACVL", "124");
    assert_string_equal(e->modality, "negated");
    expect_none(&d, "IRN", NULL, "08");
}

/* A future act of force is a threat, with its modality and the rules that made it. */
static void test_future_attack_is_threat(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena, "[RUS Russia] will attack [UKR Kyiv] .",
              "3:nsubj:PROPN 3:aux:AUX:will 0:root:VERB:attack 3:obj:PROPN 3:punct:PUNCT", &d);
    const sr_event *e = expect(&d, "RUS", "UKR", "138");
    assert_string_equal(e->modality, "future");
    assert_true(strstr(e->rule, "code/words.txt:") && strstr(e->rule, "code/modality.txt:"));
    expect_none(&d, NULL, NULL, "19");
}

/*
** Speech: the content's event, with the speaker as source when the content
** names only the speaker's country; no bare statement.
*/
static void test_speech_content(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena,
              "[SVKGOV Fico] said [SVK Slovakia] would not send weapons to [UKR Ukraine] .",
              "2:nsubj:PROPN 0:root:VERB:say 6:nsubj:PROPN 6:aux:AUX:would 6:advmod:PART:not "
              "2:ccomp:VERB:send 6:obj:NOUN:weapon 9:case:ADP 6:obl:PROPN 2:punct:PUNCT",
              &d);
    const sr_event *e = expect(&d, "SVKGOV", "UKR", "12");
    assert_string_equal(e->modality, "negated");
    expect_none(&d, NULL, NULL, "01");
    expect_none(&d, NULL, NULL, "07");
}

/* Machine-translated order: "..., declared the ministry" speaks through its object. */
static void test_trailing_speech_verb(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena, "[RUS Russia] attacked [UKR Kyiv] , declared [UKRGOV the ministry] .",
              "2:nsubj:PROPN 0:root:VERB:attack 2:obj:PROPN 5:punct:PUNCT "
              "2:parataxis:VERB:declare 7:det:DET 5:obj:NOUN:ministry 2:punct:PUNCT",
              &d);
    expect(&d, "RUS", "UKR", "19");
    expect_none(&d, NULL, NULL, "01");
    tree_code(coder, &arena, "Prices rose , declared [UKRGOV the ministry] .",
              "2:nsubj:NOUN:price 0:root:VERB:rise 4:punct:PUNCT 2:parataxis:VERB:declare "
              "6:det:DET 4:obj:NOUN:ministry 2:punct:PUNCT",
              &d);
    expect(&d, "UKRGOV", "-", "01");
}

/* An appeal takes its code from what it asks for; the complement is no event of its own. */
static void test_appeal_by_complement(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena, "[UKR Ukraine] urged [DEU Germany] to send more weapons .",
              "2:nsubj:PROPN 0:root:VERB:urge 2:obj:PROPN 5:mark:PART 2:xcomp:VERB:send "
              "7:amod:ADJ:more 5:obj:NOUN:weapon 2:punct:PUNCT",
              &d);
    expect(&d, "UKR", "DEU", "0232");
    expect_none(&d, "DEU", NULL, "");
}

/* A place after "in" is where, not whom: "held talks in Beijing" has no Chinese target. */
static void test_place_is_no_target(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena, "[CHNGOV Wang] and [RUSGOV Lavrov] held talks in [CHN Beijing] .",
              "4:nsubj:PROPN 3:cc:CCONJ 1:conj:PROPN 0:root:VERB:hold 4:obj:NOUN:talk "
              "7:case:ADP 4:obl:PROPN 4:punct:PUNCT",
              &d);
    expect(&d, "CHNGOV", "RUSGOV", "04");
    expect(&d, "RUSGOV", "CHNGOV", "04");
    expect_none(&d, NULL, "CHN", "");
}

/* A "by" phrase the parser hung on an adverb of a passive verb is its agent. */
static void test_passive_agent_on_adverb(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena, "[ERI Eriador] was opposed earlier by [OSG Osgiliath] .",
              "3:nsubj_pass:PROPN 3:aux_pass:AUX:be 0:root:VERB:oppose:VBN 3:advmod:ADV:early "
              "6:case:ADP 4:obl:PROPN 3:punct:PUNCT",
              &d);
    expect(&d, "OSG", "ERI", "11");
    expect_none(&d, "ERI", NULL, "");
}

/* "Lawmakers and officials in France and Germany": each conjunct's own list too. */
static void test_conjuncts_inside_subject(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena,
              "[FRALEG Lawmakers] and [FRAGOV officials in France] and [DEUGOV Germany] met "
              "[UKRGOV Zelensky] .",
              "8:nsubj:NOUN:lawmaker 3:cc:CCONJ 1:conj:NOUN:official 5:case:ADP 3:nmod:PROPN "
              "7:cc:CCONJ 5:conj:PROPN 0:root:VERB:meet 8:obj:PROPN 8:punct:PUNCT",
              &d);
    expect(&d, "FRALEG", "UKRGOV", "04");
    expect(&d, "FRAGOV", "UKRGOV", "04");
    expect(&d, "DEUGOV", "UKRGOV", "04");
}

/* "Neither X nor Y attacked": the subject's negator negates the verb. */
static void test_negated_subject(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena, "Neither [RUS Russia] nor [UKR Ukraine] attacked [MDA Moldova] .",
              "2:cc_preconj:CCONJ:neither 5:nsubj:PROPN 4:cc:CCONJ:nor 2:conj:PROPN "
              "0:root:VERB:attack 5:obj:PROPN 5:punct:PUNCT",
              &d);
    expect_none(&d, NULL, NULL, "19");
    tree_code(coder, &arena, "[RUS Russia] and [UKR Ukraine] attacked [MDA Moldova] .",
              "4:nsubj:PROPN 3:cc:CCONJ 1:conj:PROPN 0:root:VERB:attack 4:obj:PROPN "
              "4:punct:PUNCT",
              &d);
    expect(&d, "UKR", "MDA", "19");
}

/* An event noun that an uncoded verb under "may" takes as object is only possible. */
static void test_possible_event_noun(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena, "The deal may spur talks between [ARM Armenia] and [AZE Azerbaijan] .",
              "2:det:DET 4:nsubj:NOUN:deal 4:aux:AUX:may 0:root:VERB:spur 4:obj:NOUN:talk "
              "7:case:ADP 5:nmod:PROPN 9:cc:CCONJ 7:conj:PROPN 4:punct:PUNCT",
              &d);
    expect_none(&d, NULL, NULL, "");
    tree_code(coder, &arena, "The deal spurred talks between [ARM Armenia] and [AZE Azerbaijan] .",
              "2:det:DET 3:nsubj:NOUN:deal 0:root:VERB:spur 3:obj:NOUN:talk 6:case:ADP "
              "4:nmod:PROPN 8:cc:CCONJ 6:conj:PROPN 3:punct:PUNCT",
              &d);
    expect(&d, "ARM", "AZE", "04");
}

/*
** An attack with no target named falls on the country of the one who
** reports it, not on the ministry that speaks.
*/
static void test_assumed_target_is_a_country(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena,
              "30 people were killed in [ISR Israeli] strikes , [PSEGOV the ministry] said .",
              "2:nummod:NUM 4:nsubj_pass:NOUN:people 4:aux_pass:AUX:be 0:root:VERB:kill:VBN "
              "7:case:ADP 7:amod:ADJ 4:obl:NOUN:strike 11:punct:PUNCT 10:det:DET "
              "11:nsubj:NOUN:ministry 4:parataxis:VERB:say 4:punct:PUNCT",
              &d);
    expect(&d, "ISR", "PSE", "19");
    expect_none(&d, NULL, "PSEGOV", "19");
}

/* Troops that march are on manoeuvre: no protest against their own government. */
static void test_march_by_troops(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena, "[RUSMIL Russian troops] marched through the town .",
              "2:amod:ADJ 3:nsubj:NOUN:troop 0:root:VERB:march 6:case:ADP 6:det:DET "
              "3:obl:NOUN:town 3:punct:PUNCT",
              &d);
    expect_none(&d, NULL, "RUSGOV", "");
    tree_code(coder, &arena, "[RUSCVL Russian protesters] marched through the town .",
              "2:amod:ADJ 3:nsubj:NOUN:protester 0:root:VERB:march 6:case:ADP 6:det:DET "
              "3:obl:NOUN:town 3:punct:PUNCT",
              &d);
    expect(&d, "RUSCVL", "RUSGOV", "14");
}

/* A verbal act answers whoever sent its object: "rejected the plan drafted by the EU". */
static void test_answers_the_sender(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena, "[IRN Iran] rejected the plan drafted by [IGOEUREEC the Union] .",
              "2:nsubj:PROPN 0:root:VERB:reject 4:det:DET 2:obj:NOUN:plan 4:acl:VERB:draft:VBN "
              "8:case:ADP 8:det:DET 5:obl_agent:PROPN 2:punct:PUNCT",
              &d);
    expect(&d, "IRN", "IGOEUREEC", "12");
}

/* A country named on the base or ship an attack hits is its military; on a city, the country. */
static void test_military_target(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena, "[IRNMIL The IRGC] struck the [USA American] base .",
              "2:det:DET 3:nsubj:PROPN 0:root:VERB:strike 6:det:DET 6:amod:ADJ 3:obj:NOUN:base "
              "3:punct:PUNCT",
              &d);
    expect(&d, "IRNMIL", "USAMIL", "19");
    tree_code(coder, &arena, "[ISRMIL Israeli forces] struck the military base in [BFA Djibo] .",
              "2:amod:ADJ 3:nsubj:NOUN:force 0:root:VERB:strike 6:det:DET 6:amod:ADJ:military "
              "3:obj:NOUN:base 8:case:ADP 6:nmod:PROPN 3:punct:PUNCT",
              &d);
    expect(&d, "ISRMIL", "BFAMIL", "19");
    tree_code(coder, &arena, "[IRNMIL The IRGC] struck the [ISR Israeli] city .",
              "2:det:DET 3:nsubj:PROPN 0:root:VERB:strike 6:det:DET 6:amod:ADJ 3:obj:NOUN:city "
              "3:punct:PUNCT",
              &d);
    expect(&d, "IRNMIL", "ISR", "19");
}

/* A seat of power visited or attacked is its country: "visited Paris" is a visit to France. */
static void test_seat_of_power_as_place(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena, "[INDGOV Modi] visited [FRAGOV* Paris] .",
              "2:nsubj:PROPN 0:root:VERB:visit 2:obj:PROPN 2:punct:PUNCT", &d);
    expect(&d, "INDGOV", "FRA", "042");
    tree_code(coder, &arena, "[INDGOV Modi] praised [FRAGOV* Paris] .",
              "2:nsubj:PROPN 0:root:VERB:praise 2:obj:PROPN 2:punct:PUNCT", &d);
    expect(&d, "INDGOV", "FRAGOV", "05");
}

/* Forces that clash fight each other: no other target is assumed for them. */
static void test_clash_between_sources(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena,
              "[KHMMIL Cambodian troops] and [THAMIL Thai troops] clashed near the border , and "
              "[THA Thailand] closed it .",
              "2:amod:ADJ 6:nsubj:NOUN:troop 5:cc:CCONJ 5:amod:ADJ 2:conj:NOUN:troop "
              "0:root:VERB:clash 9:case:ADP 9:det:DET 6:obl:NOUN:border 13:punct:PUNCT "
              "13:cc:CCONJ 13:nsubj:PROPN 6:conj:VERB:close 13:obj:PRON 6:punct:PUNCT",
              &d);
    expect(&d, "KHMMIL", "THAMIL", "19");
    expect(&d, "THAMIL", "KHMMIL", "19");
    expect_none(&d, NULL, "THA", "19");
}

/* An actor after a preposition of time is when, not whom: no target. */
static void test_time_phrase_no_target(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena,
              "[IRNLEG The parliament] approved the closing of the strait after [USA American] "
              "strikes .",
              "2:det:DET 3:nsubj:NOUN 0:root:VERB:approve:VBD 5:det:DET 3:obj:NOUN:closing "
              "8:case:ADP 8:det:DET 5:nmod:NOUN:strait 11:case:ADP 11:amod:ADJ "
              "5:nmod:NOUN:strike:NNS 3:punct:PUNCT",
              &d);
    expect(&d, "IRNLEG", "-", "05");
    expect_none(&d, "IRNLEG", "USA", "");
}

/* A second infinitive shares the verb that governs the first: the appeal's, not an act. */
static void test_second_infinitive_governed(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena,
              "[IGOUNOJUDICJ The court] obliged [ISR Israel] to take measures and to allow "
              "humanitarian aid .",
              "2:det:DET 3:nsubj:NOUN 0:root:VERB:oblige:VBD 3:obj:PROPN 6:mark:PART "
              "3:xcomp:VERB:take:VB 6:obj:NOUN:measure 10:cc:CCONJ 10:mark:PART "
              "6:conj:VERB:allow:VB 12:amod:ADJ 10:obj:NOUN:aid 3:punct:PUNCT",
              &d);
    expect(&d, "IGOUNOJUDICJ", "ISR", "10");
    expect_none(&d, "ISR", NULL, "");
}

/* An unresolved "her" after a verb with an object of its own stands for that object. */
static void test_object_pronoun(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena,
              "[BFAGOV The junta] expelled [IGOUNO the UN coordinator] , accusing her of a false "
              "report .",
              "2:det:DET 3:nsubj:NOUN 0:root:VERB:expel:VBD 6:det:DET 6:compound:PROPN "
              "3:obj:NOUN 8:punct:PUNCT 3:advcl:VERB:accuse:VBG 8:obj:PRON:she:PRP 13:case:ADP "
              "13:det:DET 13:amod:ADJ 8:obl:NOUN:report 3:punct:PUNCT",
              &d);
    expect(&d, "BFAGOV", "IGOUNO", "112");
    /* with no object before it, the pronoun stands for no one known */
    tree_code(coder, &arena, "[BFAGOV The junta] left , accusing her of a false report .",
              "2:det:DET 3:nsubj:NOUN 0:root:VERB:leave:VBD 5:punct:PUNCT "
              "3:advcl:VERB:accuse:VBG 5:obj:PRON:she:PRP 10:case:ADP 10:det:DET 10:amod:ADJ "
              "5:obl:NOUN:report 3:punct:PUNCT",
              &d);
    expect(&d, "BFAGOV", "-", "112");
}

/* An act agreed in a "that" clause with no actor of its own is the parties'. */
static void test_agreed_that(void **state)
{
    (void)state;
    test_doc d;
    tree_code(coder, &arena,
              "[USAGOV Trump] and [RUSGOV Putin] agreed that their teams will begin "
              "negotiations .",
              "4:nsubj:PROPN 3:cc:CCONJ 1:conj:PROPN 0:root:VERB:agree:VBD 9:mark:SCONJ "
              "7:nmod_poss:PRON:their:PRP$ 9:nsubj:NOUN:team:NNS 9:aux:AUX:will:MD "
              "4:ccomp:VERB:begin:VB 9:obj:NOUN:negotiation:NNS 4:punct:PUNCT",
              &d);
    const sr_event *e = expect(&d, "USAGOV", "RUSGOV", "036");
    assert_string_equal(e->modality, "future");
    expect(&d, "RUSGOV", "USAGOV", "036");
    expect_none(&d, NULL, NULL, "030"); /* the agreement is not coded apart */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_passive_agent),
        cmocka_unit_test(test_raised_passive_subject),
        cmocka_unit_test(test_subject_through_predicate_adjective),
        cmocka_unit_test(test_relative_clause),
        cmocka_unit_test(test_event_noun),
        cmocka_unit_test(test_between_is_reciprocal),
        cmocka_unit_test(test_refusal),
        cmocka_unit_test(test_future_attack_is_threat),
        cmocka_unit_test(test_speech_content),
        cmocka_unit_test(test_trailing_speech_verb),
        cmocka_unit_test(test_appeal_by_complement),
        cmocka_unit_test(test_place_is_no_target),
        cmocka_unit_test(test_passive_agent_on_adverb),
        cmocka_unit_test(test_conjuncts_inside_subject),
        cmocka_unit_test(test_negated_subject),
        cmocka_unit_test(test_possible_event_noun),
        cmocka_unit_test(test_assumed_target_is_a_country),
        cmocka_unit_test(test_march_by_troops),
        cmocka_unit_test(test_answers_the_sender),
        cmocka_unit_test(test_military_target),
        cmocka_unit_test(test_seat_of_power_as_place),
        cmocka_unit_test(test_clash_between_sources),
        cmocka_unit_test(test_time_phrase_no_target),
        cmocka_unit_test(test_second_infinitive_governed),
        cmocka_unit_test(test_object_pronoun),
        cmocka_unit_test(test_agreed_that),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
