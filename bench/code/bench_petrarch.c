/*
** bench_petrarch.c: the event coder on PETRARCH2's own unit-test suite.
**
** Reads ../shared/peer-suites/petrarch2/PETR.UnitTest.records.xml (with
** libxml2), codes every <Sentence> with sr_segment, the actor finder over
** the suite's PETR.Validate.actors/agents dictionaries and the coder over
** its PETR.Validate.verbs.txt, and scores the (source, target, event code)
** triples against the <EventCoding> records: micro precision, recall and
** F1, plus sentences per second.  Records that expect no events count
** their false positives; records that test PETRARCH's own error handling
** (<EventCoding error=...>) are left out and counted.  The suite's
** require_dyad <Config> is honoured (events need a target unless it is
** off), and so is new_actor_length (SR_CODE_NEW_ACTORS).  The same suite
** is then coded with sitrep's own lexicon, scored on (source, target)
** pairs, and on pairs with the PLOVER type of the code (the suite's
** dictionary has codes of its own: a code the ontology lacks takes the type
** of its longest listed prefix).  Sentences are tagged, lemmatized and
** parsed with the models of data/models, as the pipeline does.
**
** Usage: bench_petrarch [-m RUN [-t]] [-s ID] [SHARED_DIR]
**   -m lists the misses of one run: petr (the suite's dictionaries, by
**   triple) or own (sitrep's lexicon, by pair, or with -t by PLOVER type);
**   -s prints the tokens, mentions and events of record ID in each run.
*/
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "code/coder.h"
#include "dict/dict.h"
#include "kb/actors.h"
#include "nlp/nlp.h"
#include "segment/segment.h"
#include "util/util.h"

#define MAX_TRIPLES 64

typedef struct triple {
    char src[48], tgt[48], code[16];
    char type[24]; /* PLOVER event type of the code, "-" when it has none */
} triple;

/* One record of the suite. */
typedef struct record {
    char id[64];
    char date[11]; /* YYYY-MM-DD */
    char *text;
    int require_dyad;
    int new_actor_length; /* PETRARCH's option: unknown noun phrases of up to N words are actors */
    int is_error;
    triple want[MAX_TRIPLES];
    int nwant;
} record;

typedef struct score {
    long tp, fp, fn;
    long records, right; /* records scored, and those coded exactly as wanted */
} score;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void copy_prop(xmlNode *n, const char *name, char *out, size_t cap)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    snprintf(out, cap, "%s", v ? (const char *)v : "");
    xmlFree(v);
}

/* Collapse runs of white space and trim. */
static char *squeeze(const char *s)
{
    char *out = malloc(strlen(s) + 1), *o = out;
    int space = 0;
    for (; *s; s++) {
        if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') {
            space = o != out;
            continue;
        }
        if (space)
            *o++ = ' ';
        space = 0;
        *o++ = *s;
    }
    *o = '\0';
    return out;
}

/* Read the <Sentence> records (and <Config require_dyad>) of the suite. */
static record *read_suite(const char *path, int *nrec)
{
    xmlDoc *doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
    if (!doc) {
        fprintf(stderr, "bench_petrarch: cannot parse %s\n", path);
        return NULL;
    }
    xmlNode *root = xmlDocGetRootElement(doc), *sents = NULL;
    for (xmlNode *n = root->children; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE && !xmlStrcmp(n->name, (const xmlChar *)"Sentences"))
            sents = n;
    int cap = 512, n = 0, dyad = 1, new_actors = 0;
    record *r = calloc((size_t)cap, sizeof *r);
    for (xmlNode *s = sents ? sents->children : NULL; s && n < cap; s = s->next) {
        if (s->type != XML_ELEMENT_NODE)
            continue;
        if (!xmlStrcmp(s->name, (const xmlChar *)"Config")) {
            char opt[64], val[64];
            copy_prop(s, "option", opt, sizeof opt);
            copy_prop(s, "value", val, sizeof val);
            if (!strcmp(opt, "require_dyad")) /* "false", "False", "FALSE" */
                dyad = strcasecmp(val, "false") != 0;
            else if (!strcmp(opt, "new_actor_length"))
                new_actors = atoi(val);
            continue;
        }
        if (xmlStrcmp(s->name, (const xmlChar *)"Sentence"))
            continue;
        record *x = &r[n++];
        char date[32];
        copy_prop(s, "id", x->id, sizeof x->id);
        copy_prop(s, "date", date, sizeof date);
        snprintf(x->date, sizeof x->date, "%.4s-%.2s-%.2s", date, date + 4, date + 6);
        x->require_dyad = dyad;
        x->new_actor_length = new_actors;
        for (xmlNode *c = s->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE)
                continue;
            if (!xmlStrcmp(c->name, (const xmlChar *)"Text")) {
                xmlChar *t = xmlNodeGetContent(c);
                x->text = squeeze((const char *)t);
                xmlFree(t);
            } else if (!xmlStrcmp(c->name, (const xmlChar *)"EventCoding")) {
                if (xmlHasProp(c, (const xmlChar *)"error"))
                    x->is_error = 1;
                if (!xmlHasProp(c, (const xmlChar *)"eventcode") || x->nwant == MAX_TRIPLES)
                    continue;
                triple *t = &x->want[x->nwant++];
                copy_prop(c, "sourcecode", t->src, sizeof t->src);
                copy_prop(c, "targetcode", t->tgt, sizeof t->tgt);
                copy_prop(c, "eventcode", t->code, sizeof t->code);
            }
        }
        if (!x->text)
            x->text = strdup("");
    }
    xmlFreeDoc(doc);
    *nrec = n;
    return r;
}

/*
** The PLOVER type of a wanted triple's code: that of the code, else of its
** longest prefix the ontology lists (the suite's dictionary has codes of its
** own, such as 1711 or 174K), "-" when none.
*/
static void want_type(const sr_ontology *onto, triple *t)
{
    char c[16];
    snprintf(c, sizeof c, "%s", t->code);
    for (size_t n = strlen(c); n >= 2; c[--n] = 0) {
        const sr_cameo *k = sr_ontology_get(onto, c);
        if (k) {
            snprintf(t->type, sizeof t->type, "%s", k->plover ? k->plover : "-");
            return;
        }
    }
    snprintf(t->type, sizeof t->type, "-");
}

#define TIMING_PASSES 20 /* the suite is small: time this many passes over it */

/* How triples are compared: the whole triple, the pair only, the pair and PLOVER type. */
enum { BY_CODE, BY_PAIR, BY_TYPE };

/* Match predicted against wanted triples (multiset) as `by` says. */
static void score_record(const record *x, const triple *got, int ngot, int by, score *sc,
                         int verbose)
{
    int used[MAX_TRIPLES] = {0};
    int tp = 0;
    for (int i = 0; i < ngot; i++) {
        int hit = 0;
        for (int j = 0; j < x->nwant && !hit; j++) {
            if (used[j] || strcmp(got[i].src, x->want[j].src) || strcmp(got[i].tgt, x->want[j].tgt))
                continue;
            if ((by == BY_CODE && strcmp(got[i].code, x->want[j].code)) ||
                (by == BY_TYPE && strcmp(got[i].type, x->want[j].type)))
                continue;
            used[j] = hit = 1;
        }
        tp += hit;
        if (!hit && verbose)
            printf("  FP %-16s %s %s %s\n", x->id, got[i].src, got[i].tgt, got[i].code);
    }
    for (int j = 0; j < x->nwant && verbose; j++)
        if (!used[j])
            printf("  FN %-16s %s %s %s | %.90s\n", x->id, x->want[j].src, x->want[j].tgt,
                   x->want[j].code, x->text);
    sc->tp += tp;
    sc->fp += ngot - tp;
    sc->fn += x->nwant - tp;
    sc->records++;
    sc->right += tp == ngot && tp == x->nwant;
}

static void report(const char *what, const score *sc)
{
    double p = sc->tp + sc->fp ? (double)sc->tp / (double)(sc->tp + sc->fp) : 0;
    double r = sc->tp + sc->fn ? (double)sc->tp / (double)(sc->tp + sc->fn) : 0;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    printf(
        "%-44s P %.3f  R %.3f  F1 %.3f  (tp %ld fp %ld fn %ld)  records right %ld/%ld (%.1f%%)\n",
        what, p, r, f, sc->tp, sc->fp, sc->fn, sc->right, sc->records,
        sc->records ? 100.0 * (double)sc->right / (double)sc->records : 0.0);
}

/*
** Code every record with coder c and score it.  Returns the seconds spent
** in the whole pipeline (segment, actors, code) and, in *code_secs, in
** the coder alone.
*/
static const char *show_id;   /* -s ID: print the mentions and events of one record */
static const char *misses_of; /* -m RUN: list the misses of that run */
static int misses_by_type;    /* -t: of the sitrep lexicon's runs, by PLOVER type, not pair */

/* The tagger, lemmatizer and parser of data/models. */
typedef struct nlp_models {
    sr_tagger *tagger;
    sr_lemmatizer *lemmatizer;
    sr_parser *parser;
} nlp_models;

static void show(const char *run, const record *x, const sr_sentence *s, size_t ns,
                 const sr_mention *ms, size_t nm, const sr_event *ev, size_t nev)
{
    printf("[%s] %s: %s\n", run, x->id, x->text);
    for (size_t i = 0; i < ns; i++) {
        printf("  sentence %zu:", i);
        for (uint32_t k = 0; k < s[i].ntokens; k++) {
            const sr_token *t = &s[i].tokens[k];
            if (t->deprel) /* parsed: index, head and relation too */
                printf(" %u:%s/%d:%s", k + 1, t->form, t->head, t->deprel);
            else
                printf(" %s", t->form);
        }
        printf("\n");
    }
    for (size_t i = 0; i < nm; i++)
        printf("  mention s%u [%u,%u) %s \"%.*s\"\n", ms[i].sentence, ms[i].first, ms[i].last,
               ms[i].code, (int)(ms[i].span.end - ms[i].span.start), x->text + ms[i].span.start);
    for (size_t i = 0; i < nev; i++)
        printf("  event %s -> %s %s \"%.*s\" %s\n", ev[i].source.code,
               ev[i].target.code ? ev[i].target.code : "-", ev[i].cameo,
               (int)(ev[i].trigger.end - ev[i].trigger.start), x->text + ev[i].trigger.start,
               ev[i].rule);
}

/* Code every record with `c` and score it; the misses are listed when the
** run's name is the one -m asked for. */
static double run(const char *name, const sr_coder *c, const sr_kb *kb, const nlp_models *nlp,
                  record *recs, int nrec, score *full, int full_by, score *dyad, double *code_secs)
{
    int verbose = name && misses_of && strcmp(name, misses_of) == 0;
    double total = 0;
    *code_secs = 0;
    for (int i = 0; i < nrec; i++) {
        record *x = &recs[i];
        if (x->is_error)
            continue;
        sr_arena a;
        sr_arena_init(&a);
        double t0 = now();
        sr_sentence *sents;
        size_t nsents, nm, nev;
        sr_segment(&a, x->text, strlen(x->text), &sents, &nsents);
        for (size_t k = 0; k < nsents; k++) {
            sr_tagger_tag(nlp->tagger, &sents[k], &a);
            sr_lemmatize(nlp->lemmatizer, &sents[k], &a);
            sr_parser_parse(nlp->parser, &sents[k], &a);
        }
        sr_mention *ms;
        sr_actors_find(kb, x->text, sents, nsents, x->date, &a, &ms, &nm);
        double t1 = now();
        sr_code_input in = {
            x->id, SR_CODE_NEW_ACTORS(x->new_actor_length), x->text, x->date, sents, nsents, ms,
            nm};
        sr_event *ev;
        sr_coder_code(c, &in, &a, &ev, &nev);
        double t2 = now();
        total += t2 - t0;
        *code_secs += t2 - t1;
        if (name && show_id && strcmp(show_id, x->id) == 0)
            show(name, x, sents, nsents, ms, nm, ev, nev);
        triple got[MAX_TRIPLES];
        int ngot = 0;
        for (size_t k = 0; k < nev && ngot < MAX_TRIPLES; k++) {
            if (x->require_dyad && !ev[k].target.code)
                continue;
            triple t;
            snprintf(t.src, sizeof t.src, "%s", ev[k].source.code);
            snprintf(t.tgt, sizeof t.tgt, "%s", ev[k].target.code ? ev[k].target.code : "---");
            snprintf(t.code, sizeof t.code, "%s", ev[k].cameo);
            snprintf(t.type, sizeof t.type, "%s", ev[k].plover ? ev[k].plover : "-");
            int dup = 0;
            for (int j = 0; j < ngot && !dup; j++)
                dup = !strcmp(got[j].src, t.src) && !strcmp(got[j].tgt, t.tgt) &&
                      !strcmp(got[j].code, t.code);
            if (!dup)
                got[ngot++] = t;
        }
        if (full)
            score_record(x, got, ngot, full_by, full,
                         verbose && (full_by == BY_CODE || misses_by_type));
        score_record(x, got, ngot, BY_PAIR, dyad, verbose && full_by != BY_CODE && !misses_by_type);
        sr_arena_free(&a);
    }
    return total;
}

/* Seconds per pass over the suite (end to end, and coder alone in *code_secs). */
static double timed_passes(const sr_coder *c, const sr_kb *kb, const nlp_models *nlp, record *recs,
                           int nrec, double *code_secs)
{
    double total = 0, code = 0;
    for (int i = 0; i < TIMING_PASSES; i++) {
        score sc = {0};
        double cs;
        total += run(NULL, c, kb, nlp, recs, nrec, NULL, BY_CODE, &sc, &cs);
        code += cs;
    }
    *code_secs = code / TIMING_PASSES;
    return total / TIMING_PASSES;
}

int main(int argc, char **argv)
{
    const char *shared = SR_SHARED_DIR;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-m") && i + 1 < argc)
            misses_of = argv[++i];
        else if (!strcmp(argv[i], "-t"))
            misses_by_type = 1;
        else if (!strcmp(argv[i], "-s") && i + 1 < argc)
            show_id = argv[++i];
        else
            shared = argv[i];
    }
    char suite[4096], actors[4096], agents[4096], verbs[4096];
    snprintf(suite, sizeof suite, "%s/peer-suites/petrarch2/PETR.UnitTest.records.xml", shared);
    snprintf(actors, sizeof actors, "%s/peer-suites/petrarch2/PETR.Validate.actors.txt", shared);
    snprintf(agents, sizeof agents, "%s/peer-suites/petrarch2/PETR.Validate.agents.txt", shared);
    snprintf(verbs, sizeof verbs, "%s/peer-suites/petrarch2/PETR.Validate.verbs.txt", shared);
    int nrec;
    record *recs = read_suite(suite, &nrec);
    if (!recs)
        return 1;
    char onto_path[4096];
    snprintf(onto_path, sizeof onto_path, "%s/ontology/cameo.tsv", SR_DATA_DIR);
    sr_error oerr = {0};
    sr_ontology *onto = sr_ontology_open(onto_path, &oerr);
    if (!onto) {
        fprintf(stderr, "bench_petrarch: %s\n", oerr.msg);
        return 1;
    }
    for (int i = 0; i < nrec; i++)
        for (int j = 0; j < recs[i].nwant; j++)
            want_type(onto, &recs[i].want[j]);
    sr_ontology_free(onto);
    int nerr = 0, nwant = 0, nnone = 0;
    for (int i = 0; i < nrec; i++) {
        nerr += recs[i].is_error;
        if (!recs[i].is_error) {
            nwant += recs[i].nwant;
            nnone += recs[i].nwant == 0;
        }
    }
    printf("suite: %d records, %d scored (%d expected triples, %d expecting none), "
           "%d error-handling records left out\n",
           nrec, nrec - nerr, nwant, nnone, nerr);

    sr_error err = {0};
    nlp_models nlp = {NULL, NULL, NULL};
    char model[4096];
    snprintf(model, sizeof model, "%s/models/tagger.bin", SR_DATA_DIR);
    if ((nlp.tagger = sr_tagger_load(model, &err)) &&
        (nlp.lemmatizer = sr_lemmatizer_open(SR_DATA_DIR, &err))) {
        snprintf(model, sizeof model, "%s/models/parser.bin", SR_DATA_DIR);
        nlp.parser = sr_parser_load(model, &err);
    }
    sr_kb *kb = nlp.parser ? sr_kb_open_petrarch(actors, agents, &err) : NULL;
    sr_coder *pet = kb ? sr_coder_open_petrarch(SR_DATA_DIR, verbs, &err) : NULL;
    sr_coder *own = pet ? sr_coder_open(SR_DATA_DIR, &err) : NULL;
    if (!own) {
        fprintf(stderr, "bench_petrarch: %s\n", err.msg);
        return 1;
    }
    int scored = nrec - nerr;
    score full = {0}, dyad = {0}, own_dyad = {0}, own_type = {0};
    double code_secs;
    (void)run("petr", pet, kb, &nlp, recs, nrec, &full, BY_CODE, &dyad, &code_secs);
    report("PETR.Validate.verbs: (source, target, code)", &full);
    report("PETR.Validate.verbs: (source, target)", &dyad);
    double secs = timed_passes(pet, kb, &nlp, recs, nrec, &code_secs);
    printf("speed: %.0f sentences/s end to end (segment, tag, parse, actors, code), "
           "coder alone %.0f sentences/s\n",
           scored / secs, scored / code_secs);
    (void)run("own", own, kb, &nlp, recs, nrec, &own_type, BY_TYPE, &own_dyad, &code_secs);
    report("sitrep lexicon: (source, target)", &own_dyad);
    report("sitrep lexicon: (source, target, PLOVER)", &own_type);
    secs = timed_passes(own, kb, &nlp, recs, nrec, &code_secs);
    printf("speed (sitrep lexicon): %.0f sentences/s end to end, coder alone %.0f sentences/s\n",
           scored / secs, scored / code_secs);
    sr_parser_free(nlp.parser);
    sr_lemmatizer_free(nlp.lemmatizer);
    sr_tagger_free(nlp.tagger);
    for (int i = 0; i < nrec; i++)
        free(recs[i].text);
    free(recs);
    sr_coder_free(pet);
    sr_coder_free(own);
    sr_kb_free(kb);
    xmlCleanupParser();
    return 0;
}
