/*
** bench_kb: resolution accuracy and look-up speed of the knowledge base.
**
**     bench_kb [--data DIR] [--cases FILE] [-v]
**
** Accuracy: every line of the cases file (default bench/kb/variants.tsv)
** is "mention<TAB>date<TAB>context sentence<TAB>expected id or NONE".  The
** context is segmented (and tagged, when the tagger model loads and
** --no-tag is not given, as in the pipeline) and its mentions found; the
** case is right when the mention found over the mention text resolves to
** the expected id (its entity, or for a composed agent its agent word),
** or, for NONE, to no entity.  With -v every wrong case is printed.
**
** Speed: exact look-ups per second (sr_kb_lookup of canonical names), and
** mention finding over the context sentences in sentences and tokens per
** second.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kb/actors.h"
#ifdef SR_HAVE_NLP
#include "nlp/nlp.h"
#endif
#include "segment/segment.h"
#include "util/util.h"

typedef struct kb_case {
    char *mention, *date, *context, *expect;
    int line;
} kb_case;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Split the cases file (modified in place) into cases; returns their count. */
static size_t read_cases(char *text, kb_case **out)
{
    size_t n = 0, cap = 256;
    kb_case *v = malloc(cap * sizeof *v);
    int line = 0;
    for (char *p = text; p && *p;) {
        char *eol = strchr(p, '\n');
        if (eol)
            *eol = 0;
        line++;
        char *s = p;
        p = eol ? eol + 1 : NULL;
        size_t l = strlen(s);
        if (l && s[l - 1] == '\r')
            s[--l] = 0;
        if (!*s || *s == '#')
            continue;
        char *f[4] = {s, NULL, NULL, NULL};
        for (int k = 1; k < 4; k++) {
            char *tab = f[k - 1] ? strchr(f[k - 1], '\t') : NULL;
            if (tab) {
                *tab = 0;
                f[k] = tab + 1;
            }
        }
        if (!f[3]) {
            fprintf(stderr, "bench_kb: line %d: expected 4 tab-separated fields\n", line);
            continue;
        }
        if (n == cap)
            v = realloc(v, (cap *= 2) * sizeof *v);
        v[n++] = (kb_case){f[0], f[1], f[2][0] ? f[2] : f[0], f[3], line};
    }
    *out = v;
    return n;
}

/* The mention over the first occurrence of phrase in text (or inside it), or NULL. */
static const sr_mention *covering(const char *text, const sr_mention *m, size_t n,
                                  const char *phrase)
{
    const char *at = strstr(text, phrase);
    if (!at)
        return NULL;
    uint32_t s = (uint32_t)(at - text), e = s + (uint32_t)strlen(phrase);
    const sr_mention *inside = NULL;
    for (size_t i = 0; i < n; i++) {
        if (m[i].span.start <= s && e <= m[i].span.end)
            return &m[i];
        if (!inside && s <= m[i].span.start && m[i].span.end <= e)
            inside = &m[i];
    }
    return inside;
}

int main(int argc, char **argv)
{
    const char *data = NULL, *cases_path = SR_SOURCE_DIR "/bench/kb/variants.tsv";
    int verbose = 0, tag = 1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--data") == 0 && i + 1 < argc)
            data = argv[++i];
        else if (strcmp(argv[i], "--cases") == 0 && i + 1 < argc)
            cases_path = argv[++i];
        else if (strcmp(argv[i], "-v") == 0)
            verbose = 1;
        else if (strcmp(argv[i], "--no-tag") == 0)
            tag = 0;
    }
    void *tagger = NULL;
#ifdef SR_HAVE_NLP
    if (tag) {
        char path[4096];
        const char *dd = data ? data : getenv("SITREP_DATA") ? getenv("SITREP_DATA") : SR_DATA_DIR;
        snprintf(path, sizeof path, "%s/models/tagger.bin", dd);
        sr_error terr = {0};
        tagger = sr_tagger_load(path, &terr);
        if (!tagger)
            fprintf(stderr, "bench_kb: no tagger (%s); names are found by capitals\n", terr.msg);
    }
#else
    (void)tag;
#endif
    sr_error err = {0};
    double t0 = now();
    sr_kb *kb = sr_kb_open(data, &err);
    if (!kb) {
        fprintf(stderr, "bench_kb: %s\n", err.msg);
        return 1;
    }
    double t_open = now() - t0;
    sr_kb_stats st;
    sr_kb_get_stats(kb, &st);
    printf("base: %zu entities (%zu people, %zu agents), %zu roles, %zu names, %zu bytes; "
           "open %.1f ms\n",
           st.entities, st.people, st.agents, st.roles, st.names, st.bytes, t_open * 1e3);

    size_t len;
    char *text = sr_read_file(cases_path, &len, &err);
    if (!text) {
        fprintf(stderr, "bench_kb: %s\n", err.msg);
        sr_kb_free(kb);
        return 1;
    }
    kb_case *cases;
    size_t n = read_cases(text, &cases);

    /* Accuracy. */
    size_t pos = 0, pos_ok = 0, neg = 0, neg_ok = 0, wrong_entity = 0, missed = 0, tokens = 0;
    double t_find = 0;
    for (size_t i = 0; i < n; i++) {
        kb_case *c = &cases[i];
        sr_arena a;
        sr_arena_init(&a);
        sr_sentence *ss;
        size_t ns;
        sr_segment(&a, c->context, strlen(c->context), &ss, &ns);
        for (size_t k = 0; k < ns; k++) {
            tokens += ss[k].ntokens;
#ifdef SR_HAVE_NLP
            if (tagger)
                sr_tagger_tag(tagger, &ss[k], &a);
#endif
        }
        sr_mention *m;
        size_t nm;
        double t1 = now();
        sr_actors_find(kb, c->context, ss, ns, c->date, &a, &m, &nm);
        t_find += now() - t1;
        const sr_mention *hit = covering(c->context, m, nm, c->mention);
        const char *got = hit && hit->entity ? hit->entity : "NONE";
        int none = strcmp(c->expect, "NONE") == 0;
        int ok = strcmp(got, c->expect) == 0;
        if (!ok && hit && hit->agent && strcmp(hit->agent, c->expect) == 0) {
            ok = 1;
            got = hit->agent;
        }
        if (none) {
            neg++;
            neg_ok += ok;
        } else {
            pos++;
            pos_ok += ok;
            if (!ok && strcmp(got, "NONE") == 0)
                missed++;
            else if (!ok)
                wrong_entity++;
        }
        if (!ok && verbose)
            printf("  line %d: %-28s want %-26s got %-26s %s%s\n", c->line, c->mention, c->expect,
                   got, hit ? hit->code : "-", hit ? "" : " (no mention)");
        sr_arena_free(&a);
    }
    printf("cases: %s (%s)\n", cases_path, tagger ? "tagged" : "untagged");
    printf("accuracy: %zu/%zu = %.1f%% (resolvable %zu/%zu = %.1f%%: %zu missed, %zu wrong "
           "entity; negatives %zu/%zu = %.1f%% left unresolved)\n",
           pos_ok + neg_ok, n, n ? 100.0 * (pos_ok + neg_ok) / n : 0.0, pos_ok, pos,
           pos ? 100.0 * pos_ok / pos : 0.0, missed, wrong_entity, neg_ok, neg,
           neg ? 100.0 * neg_ok / neg : 0.0);
    printf("mention finding: %zu sentences, %zu tokens in %.1f ms: %.0f sentences/s, %.0f "
           "tokens/s\n",
           n, tokens, t_find * 1e3, n / t_find, tokens / t_find);

    /* Exact look-up speed: the canonical names the cases resolved to. */
    char **names = malloc((n + 1) * sizeof *names);
    size_t nn = 0;
    for (size_t i = 0; i < n; i++) {
        sr_kb_match m;
        if (sr_kb_lookup(kb, cases[i].mention, cases[i].date, &m) && m.entity && m.name)
            names[nn++] = strdup(m.name);
    }
    /* best of three one-second runs: the machine may be shared */
    double best = 0;
    size_t found = 0;
    for (int run = 0; run < 3 && nn; run++) {
        size_t looked = 0;
        found = 0;
        double t2 = now();
        while (now() - t2 < 1.0)
            for (int rep = 0; rep < 100; rep++)
                for (size_t i = 0; i < nn; i++) {
                    sr_kb_match m;
                    found += (size_t)sr_kb_lookup(kb, names[i], "2025-08-20", &m);
                    looked++;
                }
        double rate = looked / (now() - t2);
        if (rate > best)
            best = rate;
        found = found * 1000 / (looked ? looked : 1);
    }
    printf("exact look-ups: %zu distinct canonical names: %.0f look-ups/s (best of 3 runs; "
           "%.1f%% found)\n",
           nn, best, found / 10.0);
    /* every mention string of the cases as written: exact, composed, approximate */
    size_t mixed = 0;
    double t3 = now();
    while (now() - t3 < 1.0)
        for (size_t i = 0; i < n; i++) {
            sr_kb_match m;
            sr_kb_lookup(kb, cases[i].mention, cases[i].date, &m);
            mixed++;
        }
    printf("mention look-ups as written (%zu strings, exact first, then the finder): %.0f/s\n",
           n, mixed / (now() - t3));
    for (size_t i = 0; i < nn; i++)
        free(names[i]);
    free(names);
    free(cases);
    free(text);
#ifdef SR_HAVE_NLP
    sr_tagger_free(tagger);
#endif
    sr_kb_free(kb);
    return 0;
}
