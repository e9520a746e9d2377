/*
** test_coder.c: the event coder on sentences whose actor mentions are
** given by hand (code_helpers.h) and whose tags, lemmas and trees come
** from the shipped models, with the shipped lexicon (data/verbs) and
** ontology (data/ontology): what the lexicon's entries code, whatever the
** knowledge base would make of the names.  test_roles.c tests the rules
** on hand-parsed trees; test_tree.c the whole pipeline.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "code/code_helpers.h"
#include "dict/dict.h"
#include "nlp/nlp.h"

typedef struct fixture {
    sr_coder *coder;
    sr_tagger *tagger;
    sr_lemmatizer *lemmatizer;
    sr_parser *parser;
    sr_arena arena;
} fixture;

static int setup(void **state)
{
    static fixture f;
    sr_error err = {0};
    f.coder = sr_coder_open(SR_DATA_DIR, &err);
    if (f.coder)
        f.tagger = sr_tagger_load(SR_DATA_DIR "/models/tagger.bin", &err);
    if (f.tagger)
        f.lemmatizer = sr_lemmatizer_open(SR_DATA_DIR, &err);
    if (f.lemmatizer)
        f.parser = sr_parser_load(SR_DATA_DIR "/models/parser.bin", &err);
    if (!f.parser) {
        fprintf(stderr, "setup: %s\n", err.msg);
        return -1;
    }
    sr_arena_init(&f.arena);
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    sr_arena_free(&f->arena);
    sr_parser_free(f->parser);
    sr_lemmatizer_free(f->lemmatizer);
    sr_tagger_free(f->tagger);
    sr_coder_free(f->coder);
    return 0;
}

/* Tag, lemmatize and parse every sentence of d. */
static void parse(fixture *f, test_doc *d)
{
    for (size_t i = 0; i < d->nsentences; i++) {
        sr_sentence *s = &d->sentences[i];
        sr_tagger_tag(f->tagger, s, &f->arena);
        sr_lemmatize(f->lemmatizer, s, &f->arena);
        sr_parser_parse(f->parser, s, &f->arena);
    }
}

/* Code the events of d as it stands. */
static void recode(fixture *f, test_doc *d)
{
    sr_code_input in = {"test",        0,           d->text,     NULL, d->sentences,
                        d->nsentences, d->mentions, d->nmentions};
    sr_coder_code(f->coder, &in, &f->arena, &d->events, &d->nevents);
}

/* The sentences of markup, parsed by the shipped models, and their events. */
static test_doc code(void **state, const char *markup)
{
    fixture *f = *state;
    test_doc d;
    test_doc_parse(&f->arena, markup, &d);
    parse(f, &d);
    recode(f, &d);
    return d;
}

static void dump(const test_doc *d)
{
    for (size_t i = 0; i < d->nevents; i++) {
        const sr_event *e = &d->events[i];
        fprintf(stderr, "  event %s -> %s %s (%s)\n", e->source.code,
                e->target.code ? e->target.code : "-", e->cameo, e->rule);
    }
}

static void expect(const test_doc *d, const char *src, const char *tgt, const char *cameo)
{
    if (!test_find(d, src, tgt, cameo)) {
        fprintf(stderr, "missing %s -> %s %s in \"%s\"; got:\n", src, tgt ? tgt : "-", cameo,
                d->text);
        dump(d);
        fail();
    }
}

static void expect_none(const test_doc *d)
{
    if (d->nevents) {
        fprintf(stderr, "expected no events in \"%s\"; got:\n", d->text);
        dump(d);
        fail();
    }
}

/* Source before the verb, target after it; every event field is filled. */
static void test_source_verb_target(void **state)
{
    fixture *f = *state;
    test_doc d = code(state, "[RUS Russia] attacked [UKR Ukraine] on Monday .");
    assert_int_equal(d.nevents, 1);
    const sr_event *e = &d.events[0];
    assert_string_equal(e->source.code, "RUS");
    assert_string_equal(e->source.name, "Russia");
    assert_string_equal(e->target.code, "UKR");
    assert_string_equal(e->cameo, "190");
    assert_string_equal(e->plover, "ASSAULT");
    assert_int_equal(e->quad_class, 4);
    assert_true(e->goldstein == -10.0);
    assert_int_equal(e->sentence, 0);
    assert_string_equal(test_span(&f->arena, &d, e->trigger), "attacked");
    assert_string_equal(test_span(&f->arena, &d, e->source.span), "Russia");
    assert_string_equal(test_span(&f->arena, &d, e->target.span), "Ukraine");
    assert_non_null(strstr(e->rule, "verbs/core.txt:"));
}

static void test_prepositional_subject_skipped(void **state)
{
    test_doc d = code(state, "[RUSMIL Russian troops] in [UKR Ukraine] shelled [UKR Kharkiv] .");
    expect(&d, "RUSMIL", "UKR", "194");
    assert_int_equal(d.nevents, 1);
}

static void test_passive(void **state)
{
    test_doc d = code(state, "[UKR Ukraine] was attacked by [RUS Russia] .");
    expect(&d, "RUS", "UKR", "190");
    assert_int_equal(d.nevents, 1);
    d = code(state, "[UKR Ukraine] was attacked overnight .");
    expect_none(&d);
}

/* A phrase marked "target" takes the actor it ends with as the target. */
static void test_phrase_target(void **state)
{
    test_doc d = code(state, "[EST Estonia] expelled a [RUSGOV Russian diplomat] on Friday .");
    expect(&d, "EST", "RUSGOV", "161");
    assert_int_equal(d.nevents, 1);
    /* Unmarked phrases keep what they send as part of the phrase. */
    d = code(state, "[USA Washington] will send [USAMIL American troops] to [POL Poland] .");
    assert_true(d.nevents > 0); /* "send ... troop" codes, without the troops as target */
    for (size_t i = 0; i < d.nevents; i++)
        assert_true(d.events[i].target.code == NULL ||
                    strcmp(d.events[i].target.code, "USAMIL") != 0);
}

static void test_multiword(void **state)
{
    fixture *f = *state;
    test_doc d = code(state, "[USA Washington] called on [RUS Moscow] to end the war .");
    expect(&d, "USA", "RUS", "0256"); /* an appeal to de-escalate: "call on ... end ... war" */
    assert_int_equal(d.nevents, 1);
    d = code(state, "[RUS Russia] carried out new strikes on [UKR Ukraine] .");
    expect(&d, "RUS", "UKR", "190");
    assert_string_equal(test_span(&f->arena, &d, d.events[0].trigger), "carried out new strikes");
    d = code(state, "[USA Washington] imposed duties on [IND India] .");
    expect(&d, "USA", "IND", "163");
    d = code(state, "[USA The United States] imposed new tariffs on [CHN China] .");
    expect(&d, "USA", "CHN", "163");
    d = code(state, "[GBR Britain] signed a security agreement with [UKR Ukraine] .");
    expect(&d, "GBR", "UKR", "057");
    d = code(state, "[IGOWSTNAT NATO] offered security guarantees to [UKR Kyiv] .");
    expect(&d, "IGOWSTNAT", "UKR", "0334");
    /* the war "in" a country: a place, which is never a target */
    d = code(state, "[RUS Russia] must put an end to the war in [UKR Ukraine] .");
    expect(&d, "RUS", NULL, "0871");
    d = code(state,
             "[USA Washington] called for a ceasefire between [RUS Russia] and [UKR Ukraine] .");
    expect(&d, "USA", "RUS", "0256");
    expect(&d, "USA", "UKR", "0256");
}

static void test_negation(void **state)
{
    test_doc d = code(state, "[RUS Russia] did not attack [UKR Ukraine] .");
    expect_none(&d);
    d = code(state, "[RUS Russia] did n't attack [UKR Ukraine] .");
    expect_none(&d);
    /* a negated act of support is a refusal (data/code/modality.txt) */
    d = code(state, "[RUS Russia] no longer supports [SYR Syria] .");
    expect(&d, "RUS", "SYR", "120");
    assert_string_equal(d.events[0].modality, "negated");
    assert_int_equal(d.nevents, 1);
    d = code(state, "[RUS Russia] has never visited [UKR Ukraine] .");
    for (size_t i = 0; i < d.nevents; i++) { /* no visit; at most a refusal of one */
        assert_string_equal(d.events[i].modality, "negated");
        assert_memory_equal(d.events[i].cameo, "12", 2);
    }
    /* a refusal of another actor's act is a refusal of that actor */
    d = code(state, "[RUS Russia] rejected [UKR Kyiv] 's offer .");
    expect(&d, "RUS", "UKR", "120");
    assert_null(test_find(&d, "UKR", NULL, "120"));
    d = code(state, "[RUS Russia] refused to withdraw from [UKR Ukraine] .");
    expect(&d, "RUS", "UKR", "1246");
    assert_int_equal(d.nevents, 1);
}

static void test_compound_actors(void **state)
{
    test_doc d = code(state, "[RUS Russia] and [BLR Belarus] attacked [UKR Ukraine] .");
    expect(&d, "RUS", "UKR", "190");
    expect(&d, "BLR", "UKR", "190");
    assert_int_equal(d.nevents, 2);
    d = code(state,
             "[CHN China] criticized [USA the United States] , [GBR Britain] and [FRA France] .");
    expect(&d, "CHN", "USA", "111");
    expect(&d, "CHN", "GBR", "111");
    expect(&d, "CHN", "FRA", "111");
    assert_int_equal(d.nevents, 3);
    d = code(state, "[RUS Russia] and [CHN China] met in Beijing .");
    expect(&d, "RUS", "CHN", "040");
    expect(&d, "CHN", "RUS", "040");
    assert_int_equal(d.nevents, 2);
}

/* A protest that names no target is against the protesters' own government. */
static void test_protest_target(void **state)
{
    test_doc d = code(state, "[FRACVL French farmers] protested on Tuesday .");
    expect(&d, "FRACVL", "FRAGOV", "140");
    assert_int_equal(d.nevents, 1);
    /* no such guess for other acts */
    d = code(state, "[FRACVL French farmers] praised the decision on Tuesday .");
    expect(&d, "FRACVL", NULL, "051");
}

/* Each clause keeps its own actors. */
static void test_clause_boundary(void **state)
{
    test_doc d =
        code(state, "[RUS Russia] attacked the port ; [UKR Ukraine] condemned the strike .");
    expect(&d, "RUS", "UKR", "190"); /* the port is the other country's */
    expect(&d, "UKR", NULL, "111");
    assert_int_equal(d.nevents, 2);
    d = code(state,
             "[USA Washington] praised the deal while [IRN Tehran] criticized [ISR Israel] .");
    expect(&d, "USA", NULL, "051");
    expect(&d, "IRN", "ISR", "111");
    assert_int_equal(d.nevents, 2);
}

/* What a speaker reports is coded with its own actors, and the bare statement is not. */
static void test_embedded_subject(void **state)
{
    test_doc d = code(state, "[USA Washington] said [RUS Russia] attacked [UKR Ukraine] .");
    expect(&d, "RUS", "UKR", "190");
    assert_int_equal(d.nevents, 1);
}

static void test_coordinated_verbs(void **state)
{
    test_doc d = code(state, "[FRA Macron] met [DEU Merz] and praised [POL Poland] .");
    expect(&d, "FRA", "DEU", "040");
    expect(&d, "FRA", "POL", "051");
    assert_int_equal(d.nevents, 2);
}

/* Subjects carried over to later verbs, and where they are not. */
static void test_subject_carry(void **state)
{
    test_doc d =
        code(state,
             "[RUS Russia] welcomed [TUR Turkey] 's mediation but rejected [UKR Kyiv] 's offer .");
    expect(&d, "RUS", "TUR", "038");
    expect(&d, "RUS", "UKR", "120");
    d = code(state, "[RUS Russian drones] hit [UKR Sumy] , killing four .");
    expect(&d, "RUS", "UKR", "195"); /* a drone strike; the killing is its toll */
    assert_int_equal(d.nevents, 1);
    /* a participle a subordinator opens is an act of its own */
    d = code(state, "[SDNREB RSF fighters] killed hundreds of civilians after seizing "
                    "[SDN El Fasher] .");
    expect(&d, "SDNREB", "SDN", "192");
    /* a future act of no named actor is the speaker's threat, no act of force */
    d = code(state, "[USA Washington] said the measure would hit [CHN China] .");
    assert_int_equal(d.nevents, 1);
    assert_string_equal(d.events[0].source.code, "USA");
    assert_string_equal(d.events[0].target.code, "CHN");
    assert_memory_equal(d.events[0].cameo, "13", 2);
    /* what the speaker says it would do is a threat, the speaker's own */
    d = code(state, "[USA Washington] said it would hit [CHN China] .");
    expect(&d, "USA", "CHN", "138");
    d = code(state, "According to [UKRMIL the air force] , the enemy released 70 drones .");
    expect_none(&d);
}

static void test_quote_speaker(void **state)
{
    test_doc d = code(state, "\" We will never accept this , and we condemn [UKR Kyiv] , \" "
                             "[RUS Lavrov] said .");
    expect(&d, "RUS", "UKR", "111");
    assert_null(test_find(&d, "RUS", NULL, "010")); /* the speaker reports an act */
    assert_null(test_find(&d, "RUS", NULL, "030"));
}

/* A quotation over two sentences takes the speaker named after it. */
static void test_quote_over_sentences(void **state)
{
    test_doc d = code(state, "\" We condemned [UKR Kyiv] . || We will never accept it , \" "
                             "[RUS Lavrov] said .");
    expect(&d, "RUS", "UKR", "111");
    assert_int_equal(d.events[0].sentence, 0);
}

static void test_several_sentences(void **state)
{
    test_doc d = code(
        state, "[RUS Russia] attacked [UKR Ukraine] . || [UKR Kyiv] thanked [USA Washington] .");
    assert_int_equal(d.nevents, 2);
    assert_int_equal(d.events[0].sentence, 0);
    assert_int_equal(d.events[1].sentence, 1);
    expect(&d, "UKR", "USA", "051");
}

/* Phrases whose object is part of the phrase, adverbs inside phrases, nouns. */
static void test_phrases_and_nouns(void **state)
{
    /* a future deployment is no deployment yet: a threat of force (modality.txt) */
    test_doc d =
        code(state, "[USA Washington] will send [USAMIL American troops] to [POL Poland] .");
    expect(&d, "USA", "POL", "138");
    assert_string_equal(d.events[0].modality, "future");
    assert_int_equal(d.nevents, 1);
    d = code(state, "[FRA Paris] called immediately for talks with [IRN Iran] .");
    expect(&d, "FRA", "IRN", "026");
    d = code(state, "[UKR Ukraine] \xe2\x80\x99s demands on [RUS Russia] grew .");
    expect_none(&d);
    d = code(state, "[RUS Russia] fired two artillery shells at [KOR Seoul] .");
    expect(&d, "RUS", "KOR", "194");
    assert_int_equal(d.nevents, 1);
    d = code(state, "[FRA Macron] praised [DEU Merz] during a brief private visit to [ITA Rome] .");
    expect(&d, "FRA", "DEU", "051");
    assert_int_equal(d.nevents, 1);
    d = code(state, "\" I thanked [UKR them] , \" said the [ITAMIL Italian admiral] .");
    expect(&d, "ITAMIL", "UKR", "051");
}

/* A tagger's lemma and POS tag are used when present. */
static void test_tagged_tokens(void **state)
{
    fixture *f = *state;
    test_doc d;
    test_doc_parse(&f->arena, "[RUS Russia] attacked [UKR Ukraine] .", &d);
    parse(f, &d);
    recode(f, &d);
    expect(&d, "RUS", "UKR", "190");
    d.sentences[0].tokens[1].upos = SR_UPOS_ADJ; /* a verb form the tagger calls no verb */
    recode(f, &d);
    expect_none(&d);
    d.sentences[0].tokens[1].upos = SR_UPOS_VERB;
    d.sentences[0].tokens[1].form = "zapped"; /* unknown form: found by its lemma */
    d.sentences[0].tokens[1].lemma = "attack";
    recode(f, &d);
    expect(&d, "RUS", "UKR", "190");
    /* a sentence without a parse codes nothing: roles are read from the tree */
    d.sentences[0].tokens[1].head = -1;
    recode(f, &d);
    expect_none(&d);
}

/* Give sentence 0 of d the parse heads[k] / rels[k] (1-based heads, 0 root). */
static void set_parse(test_doc *d, const int32_t *heads, const char *const *rels)
{
    for (uint32_t k = 0; k < d->sentences[0].ntokens; k++) {
        d->sentences[0].tokens[k].head = heads[k];
        d->sentences[0].tokens[k].deprel = rels[k];
    }
}

/*
** A verb conjoined to an earlier one without a subject of its own takes
** the earlier verb's subject from the parse, not the nearest actor
** before it; conj chains are followed.
*/
static void test_conj_subject(void **state)
{
    fixture *f = *state;
    test_doc d;
    test_doc_parse(&f->arena,
                   "[RUSGOV Lavrov] accused [EUR European governments] of trying to prolong "
                   "the war and warned that [RUS Russia] would not take part in talks .",
                   &d);
    static const int32_t heads[] = {2, 0,  4,  2,  6,  2,  8,  6,  10, 8, 12,
                                    2, 17, 17, 17, 17, 12, 17, 20, 17, 2};
    static const char *const rels[] = {"nsubj", "root",   "amod",  "obj", "mark", "advcl", "mark",
                                       "xcomp", "det",    "obj",   "cc",  "conj", "mark",  "nsubj",
                                       "aux",   "advmod", "ccomp", "obj", "case", "obl",   "punct"};
    assert_int_equal(d.sentences[0].ntokens, 21);
    set_parse(&d, heads, rels);
    for (uint32_t k = 0; k < 21; k++)
        if (strcmp(rels[k], "root") == 0 || strcmp(rels[k], "advcl") == 0 ||
            strcmp(rels[k], "xcomp") == 0 || strcmp(rels[k], "conj") == 0 ||
            strcmp(rels[k], "ccomp") == 0)
            d.sentences[0].tokens[k].upos = SR_UPOS_VERB; /* as the tagger gives them */
    sr_code_input in = {"test",       0,          d.text,     NULL, d.sentences,
                        d.nsentences, d.mentions, d.nmentions};
    sr_coder_code(f->coder, &in, &f->arena, &d.events, &d.nevents);
    expect(&d, "RUSGOV", "EUR", "112");
    /* what Russia will not do is the warning's content, not its target */
    expect(&d, "RUSGOV", NULL, "130");
    assert_null(test_find(&d, "RUSGOV", "RUS", "130"));
    assert_null(test_find(&d, "EUR", "RUS", "130"));

    /* A chain: "warned" hangs on "prolonged", itself conj of "accused". */
    test_doc_parse(&f->arena,
                   "[RUSGOV Lavrov] accused [EUR Europe] , prolonged the war and warned "
                   "[UKR Kyiv] .",
                   &d);
    static const int32_t heads2[] = {2, 0, 2, 5, 2, 7, 5, 9, 5, 9, 2};
    static const char *const rels2[] = {"nsubj", "root", "obj",  "punct", "conj", "det",
                                        "obj",   "cc",   "conj", "obj",   "punct"};
    assert_int_equal(d.sentences[0].ntokens, 11);
    set_parse(&d, heads2, rels2);
    for (uint32_t k = 0; k < 11; k++)
        if (strcmp(rels2[k], "root") == 0 || strcmp(rels2[k], "conj") == 0)
            d.sentences[0].tokens[k].upos = SR_UPOS_VERB;
    sr_code_input in2 = {"test",       0,          d.text,     NULL, d.sentences,
                         d.nsentences, d.mentions, d.nmentions};
    sr_coder_code(f->coder, &in2, &f->arena, &d.events, &d.nevents);
    expect(&d, "RUSGOV", "UKR", "130");
    assert_null(test_find(&d, "EUR", "UKR", "130"));

    /* A conjoined verb with its own subject keeps it. */
    test_doc_parse(&f->arena, "[RUSGOV Lavrov] spoke and [EUR Europe] warned [UKR Kyiv] .", &d);
    static const int32_t heads3[] = {2, 0, 5, 5, 2, 5, 2};
    static const char *const rels3[] = {"nsubj", "root", "cc", "nsubj", "conj", "obj", "punct"};
    set_parse(&d, heads3, rels3);
    d.sentences[0].tokens[1].upos = d.sentences[0].tokens[4].upos = SR_UPOS_VERB;
    sr_code_input in3 = {"test",       0,          d.text,     NULL, d.sentences,
                         d.nsentences, d.mentions, d.nmentions};
    sr_coder_code(f->coder, &in3, &f->arena, &d.events, &d.nevents);
    expect(&d, "EUR", "UKR", "130");
    assert_null(test_find(&d, "RUSGOV", "UKR", "130"));
}

/* One sentence per CAMEO root, each coded by the shipped lexicon. */
static void test_every_root_codes(void **state)
{
    static const char *const sentences[20] = {
        "[AAA Aland] said [BBB Bland] was ready .",
        "[AAA Aland] urged [BBB Bland] to act .",
        "[AAA Aland] pledged support for [BBB Bland] .",
        "[AAA Aland] visited [BBB Bland] .",
        "[AAA Aland] praised [BBB Bland] .",
        "[AAA Aland] shared intelligence with [BBB Bland] .",
        "[AAA Aland] sent weapons to [BBB Bland] .",
        "[AAA Aland] released [BBB Bland] prisoners .",
        "[AAA Aland] investigated [BBB Bland] .",
        "[AAA Aland] demanded [BBB Bland] leave .",
        "[AAA Aland] condemned [BBB Bland] .",
        "[AAA Aland] rejected [BBB Bland] .",
        "[AAA Aland] threatened [BBB Bland] .",
        "[AAA Aland] protested against [BBB Bland] .",
        "[AAA Aland] mobilized troops against [BBB Bland] .",
        "[AAA Aland] imposed sanctions on [BBB Bland] .",
        "[AAA Aland] arrested [BBB Bland] .",
        "[AAA Aland] abducted [BBB Bland] .",
        "[AAA Aland] shelled [BBB Bland] .",
        "[AAA Aland] massacred [BBB Bland] .",
    };
    for (int root = 1; root <= 20; root++) {
        test_doc d = code(state, sentences[root - 1]);
        char want[3];
        snprintf(want, sizeof want, "%02d", root);
        int ok = 0;
        for (size_t i = 0; i < d.nevents; i++)
            if (strncmp(d.events[i].cameo, want, 2) == 0 &&
                strcmp(d.events[i].source.code, "AAA") == 0)
                ok = 1;
        if (!ok) {
            fprintf(stderr, "root %s not coded in \"%s\"\n", want, d.text);
            dump(&d);
        }
        assert_true(ok);
    }
}

static void test_ontology(void **state)
{
    fixture *f = *state;
    const sr_ontology *o = sr_coder_ontology(f->coder);
    const sr_cameo *c = sr_ontology_get(o, "190");
    assert_non_null(c);
    assert_int_equal(c->quad_class, 4);
    assert_true(c->goldstein == -10.0);
    assert_string_equal(c->plover, "ASSAULT");
    c = sr_ontology_get(o, "042");
    assert_non_null(c);
    assert_string_equal(c->plover, "CONSULT");
    assert_string_equal(c->mode, "visit");
    assert_int_equal(c->quad_class, 1);
    c = sr_ontology_get(o, "010");
    assert_non_null(c);
    assert_null(c->plover);
    c = sr_ontology_get(o, "0213");
    assert_string_equal(c->plover, "REQUEST");
    assert_int_equal(sr_ontology_get(o, "163")->quad_class, 4);
    assert_int_equal(sr_ontology_get(o, "112")->quad_class, 3);
    assert_int_equal(sr_ontology_get(o, "073")->quad_class, 2);
    assert_null(sr_ontology_get(o, "999"));
    assert_true(sr_ontology_count(o) > 300);
}

/* Empty input and sentences without verbs or actors code nothing. */
static void test_empty(void **state)
{
    fixture *f = *state;
    sr_event *ev = (sr_event *)1;
    size_t n = 7;
    sr_code_input in = {"test", 0, "", NULL, NULL, 0, NULL, 0};
    sr_coder_code(f->coder, &in, &f->arena, &ev, &n);
    assert_int_equal(n, 0);
    test_doc d = code(state, "attacked attacked by by , ; \" .");
    expect_none(&d);
    d = code(state, "[RUS Russia] .");
    expect_none(&d);
}

/* Random words, punctuation and overlapping or broken mentions never crash the coder. */
static void test_random_input(void **state)
{
    fixture *f = *state;
    static const char *const words[] = {
        "attacked",     "the",       "and",    ",",       ";",     "\"",
        "by",           "was",       "not",    "to",      "said",  "met",
        "sanctions",    "imposed",   "on",     "Russia",  "'s",    "\xe2\x80\x9c",
        "\xe2\x80\x9d", "who",       "called", "for",     "talks", "but",
        "signed",       "agreement", "with",   "refused", "n't",   "after"};
    uint32_t seed = 12345;
    for (int round = 0; round < 300; round++) {
        sr_arena a;
        sr_arena_init(&a);
        uint32_t nt = 1 + (seed >> 16) % 40;
        sr_sentence s[2];
        sr_token *t = sr_arena_calloc(&a, nt, sizeof *t);
        for (uint32_t k = 0; k < nt; k++) {
            seed = seed * 1103515245u + 12345u;
            t[k].form = words[(seed >> 16) % (sizeof words / sizeof *words)];
            t[k].start = k;
            t[k].end = k + 1;
            t[k].space_after = (seed >> 8) & 1;
            t[k].head = -1;
            t[k].upos = (seed >> 20) % 7 == 0 ? SR_UPOS_VERB : SR_UPOS_NONE;
        }
        s[0] = (sr_sentence){{0, nt}, t, nt};
        s[1] = (sr_sentence){{nt, nt}, t, 0};
        sr_mention m[12];
        size_t nm = 0;
        for (; nm < 12; nm++) {
            seed = seed * 1103515245u + 12345u;
            uint32_t first = (seed >> 16) % (nt + 2), len = 1 + (seed >> 8) % 4;
            memset(&m[nm], 0, sizeof m[nm]);
            m[nm].sentence = (uint32_t)((seed >> 4) % 3);
            m[nm].first = first;
            m[nm].last = first + len;
            m[nm].span = (sr_span){first, first + len};
            m[nm].code = nm % 5 ? "AAA" : "BBB";
            m[nm].name = "A";
            m[nm].antecedent = -1;
            m[nm].kind = SR_MENTION_NAME;
            if (nm == 7)
                m[nm].code = NULL;
        }
        sr_code_input in = {"test", 0, "", NULL, s, 2, m, nm};
        sr_event *ev;
        size_t ne;
        sr_coder_code(f->coder, &in, &a, &ev, &ne);
        for (size_t i = 0; i < ne; i++) {
            assert_non_null(ev[i].source.code);
            assert_true(ev[i].trigger.start <= ev[i].trigger.end);
        }
        sr_arena_free(&a);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_source_verb_target),
        cmocka_unit_test(test_prepositional_subject_skipped),
        cmocka_unit_test(test_passive),
        cmocka_unit_test(test_multiword),
        cmocka_unit_test(test_phrase_target),
        cmocka_unit_test(test_negation),
        cmocka_unit_test(test_compound_actors),
        cmocka_unit_test(test_protest_target),
        cmocka_unit_test(test_clause_boundary),
        cmocka_unit_test(test_embedded_subject),
        cmocka_unit_test(test_coordinated_verbs),
        cmocka_unit_test(test_subject_carry),
        cmocka_unit_test(test_quote_speaker),
        cmocka_unit_test(test_quote_over_sentences),
        cmocka_unit_test(test_several_sentences),
        cmocka_unit_test(test_phrases_and_nouns),
        cmocka_unit_test(test_tagged_tokens),
        cmocka_unit_test(test_conj_subject),
        cmocka_unit_test(test_every_root_codes),
        cmocka_unit_test(test_ontology),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_random_input),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
