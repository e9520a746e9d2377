/*
** bench_dev.c: the event coders on sitrep's own development set
** (the files of bench/code/dev, format in bench/code/dev/README.md).
**
** Codes every record with the whole pipeline and reports, per file (tuning and frozen halves apart)
*and over all
** tuning and all frozen halves, precision, recall and F1 of
**   (source, target, CAMEO code)                  exact actor codes,
**   (source country, target country, PLOVER type) actor codes cut to
**                                                 their country (or IGO),
**   (source, target, code, modality)              the modality too.
**
** Usage: bench_dev [-v] [-d DIR] [FILE...]   (default: every .txt file of bench/code/dev)
**   -d DIR codes with the PETRARCH/TABARI dictionaries of DIR (as
**   `sitrep code --dictionaries DIR`) instead of sitrep's lexicon and
**   knowledge base: PETRARCH2's Phoenix dictionaries on a set they were not
**   written for.
*/
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/doc_internal.h"
#include "kb/actors.h"
#include "sitrep.h"

#define MAX_EV 64

typedef struct tuple {
    char a[48], b[48], c[24], m[16];
} tuple;

typedef struct score {
    long tp, fp, fn;
} score;

/* The country of an actor code: its first three letters, or the IGO/NGO code without sector. */
static void country(const char *code, char *out, size_t size)
{
    if (!code || !*code || strcmp(code, "-") == 0) {
        snprintf(out, size, "-");
        return;
    }
    if (strncmp(code, "IGO", 3) == 0 || strncmp(code, "NGO", 3) == 0)
        snprintf(out, size, "%.9s", code);
    else
        snprintf(out, size, "%.3s", code);
}

static const char *plover_of(const sr_engine *e, const char *code, char *buf, size_t size)
{
    (void)e;
    /* The PLOVER type is a function of the code's root for scoring purposes */
    snprintf(buf, size, "%.2s", code);
    return buf;
}

static int same(const tuple *x, const tuple *y, int level)
{
    if (strcmp(x->a, y->a) || strcmp(x->b, y->b) || strcmp(x->c, y->c))
        return 0;
    return level < 2 || strcmp(x->m, y->m) == 0;
}

/* Add matches of got against want to s (each tuple matched once). */
static void score_sets(const tuple *want, int nw, const tuple *got, int ng, int level, score *s)
{
    int used[MAX_EV] = {0};
    for (int i = 0; i < ng; i++) {
        int hit = 0;
        for (int j = 0; j < nw && !hit; j++)
            if (!used[j] && same(&got[i], &want[j], level)) {
                used[j] = 1;
                hit = 1;
            }
        if (hit)
            s->tp++;
        else
            s->fp++;
    }
    for (int j = 0; j < nw; j++)
        if (!used[j])
            s->fn++;
}

/* Tuples at a scoring level: 0 exact, 1 country and PLOVER root, 2 exact with modality. */
static int make_tuples(const sr_engine *e, const tuple *raw, int n, int level, tuple *out)
{
    int k = 0;
    for (int i = 0; i < n; i++) {
        tuple t = raw[i];
        if (level == 1) {
            country(raw[i].a, t.a, sizeof t.a);
            country(raw[i].b, t.b, sizeof t.b);
            plover_of(e, raw[i].c, t.c, sizeof t.c);
        }
        int dup = 0;
        for (int j = 0; j < k && !dup; j++)
            dup = same(&out[j], &t, level);
        if (!dup)
            out[k++] = t;
    }
    return k;
}

typedef struct result {
    score s[3];
    long records;
    long actors, actors_exact, actors_country; /* annotated actors, and those the mentions hold */
} result;

static int verbose; /* -v: print the records the coder gets wrong */

static void code_record(const sr_engine *e, const char *id, const char *date, const char *text,
                        const tuple *want, int nw, result *r)
{
    sr_doc_meta meta = {id, date, NULL, NULL, NULL};
    sr_doc *d = sr_doc_new(e, &meta, text, strlen(text));
    sr_error err = {0};
    tuple got[MAX_EV];
    int ng = 0;
    if (sr_doc_process(d, SR_STAGE_ALL, &err) == 0)
        for (size_t i = 0; i < sr_doc_event_count(d) && ng < MAX_EV; i++) {
            const sr_event *ev = sr_doc_event(d, i);
            tuple *t = &got[ng++];
            snprintf(t->a, sizeof t->a, "%s", ev->source.code);
            snprintf(t->b, sizeof t->b, "%s", ev->target.code ? ev->target.code : "-");
            snprintf(t->c, sizeof t->c, "%s", ev->cameo);
            snprintf(t->m, sizeof t->m, "%s", ev->modality ? ev->modality : "asserted");
        }
    /* how many of the annotated actors the actor stage found at all */
    size_t nm = 0;
    const sr_mention *ms = sr_doc_mentions(d, &nm);
    for (int i = 0; i < nw; i++)
        for (int side = 0; side < 2; side++) {
            const char *want_code = side ? want[i].b : want[i].a;
            if (strcmp(want_code, "-") == 0)
                continue;
            char wc[48], mc[48];
            country(want_code, wc, sizeof wc);
            int exact = 0, same_country = 0;
            for (size_t k = 0; k < nm; k++) {
                exact |= strcmp(ms[k].code, want_code) == 0;
                country(ms[k].code, mc, sizeof mc);
                same_country |= strcmp(mc, wc) == 0;
            }
            r->actors++;
            r->actors_exact += exact;
            r->actors_country += same_country;
        }
    for (int level = 0; level < 3; level++) {
        tuple a[MAX_EV], b[MAX_EV];
        int na = make_tuples(e, want, nw, level, a), nb = make_tuples(e, got, ng, level, b);
        score before = r->s[level];
        score_sets(a, na, b, nb, level, &r->s[level]);
        if (verbose && level == 0 && (r->s[0].fp != before.fp || r->s[0].fn != before.fn)) {
            printf("%s: %s\n", id, text);
            for (int i = 0; i < na; i++)
                printf("   want %s %s %s %s\n", a[i].a, a[i].b, a[i].c, a[i].m);
            for (int i = 0; i < nb; i++)
                printf("   got  %s %s %s %s\n", b[i].a, b[i].b, b[i].c, b[i].m);
        }
    }
    r->records++;
    sr_doc_free(d);
}

/* Code every record of path. */
static int run_file(const sr_engine *e, const char *path, result *r)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        return -1;
    }
    char line[8192], id[64] = "", date[16] = "2025-08-20", *text = NULL;
    tuple want[MAX_EV];
    int nw = 0;
    for (int more = 1; more;) {
        more = fgets(line, sizeof line, f) != NULL;
        line[strcspn(line, "\r\n")] = '\0';
        if (more && line[0] == '#')
            continue;
        if (!more || !line[0]) {
            if (text) {
                code_record(e, id, date, text, want, nw, r);
            }
            free(text);
            text = NULL;
            nw = 0;
            snprintf(date, sizeof date, "2025-08-20");
            continue;
        }
        if (strncmp(line, "id: ", 4) == 0)
            snprintf(id, sizeof id, "%.63s", line + 4);
        else if (strncmp(line, "date: ", 6) == 0)
            snprintf(date, sizeof date, "%.15s", line + 6);
        else if (strncmp(line, "text: ", 6) == 0)
            text = strdup(line + 6);
        else if (strncmp(line, "event: ", 7) == 0 && nw < MAX_EV) {
            tuple *t = &want[nw];
            if (sscanf(line + 7, "%47s %47s %23s %15s", t->a, t->b, t->c, t->m) == 4)
                nw++;
        }
    }
    fclose(f);
    return 0;
}

static void print_score(const char *name, const score *s)
{
    double p = s->tp + s->fp ? (double)s->tp / (double)(s->tp + s->fp) : 0;
    double r = s->tp + s->fn ? (double)s->tp / (double)(s->tp + s->fn) : 0;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    printf("    %-34s P %.3f  R %.3f  F1 %.3f\n", name, p, r, f);
}

static void report(const char *label, const result *r)
{
    printf("  %s (%ld records)\n", label, r->records);
    print_score("(source, target, code)", &r->s[0]);
    print_score("(country, country, root~PLOVER)", &r->s[1]);
    print_score("(source, target, code, modality)", &r->s[2]);
    if (r->actors)
        printf("    annotated actors among the mentions: %.1f%% exact code, %.1f%% country\n",
               100.0 * (double)r->actors_exact / (double)r->actors,
               100.0 * (double)r->actors_country / (double)r->actors);
}

/* Add result b into a (micro-averaged totals). */
static void add_result(result *a, const result *b)
{
    for (int i = 0; i < 3; i++) {
        a->s[i].tp += b->s[i].tp;
        a->s[i].fp += b->s[i].fp;
        a->s[i].fn += b->s[i].fn;
    }
    a->records += b->records;
    a->actors += b->actors;
    a->actors_exact += b->actors_exact;
    a->actors_country += b->actors_country;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
    sr_error err = {0};
    int first = 1;
    const char *dicts = NULL;
    for (; first < argc && argv[first][0] == '-'; first++) {
        if (strcmp(argv[first], "-v") == 0)
            verbose = 1;
        else if (strcmp(argv[first], "-d") == 0 && first + 1 < argc)
            dicts = argv[++first];
        else {
            fprintf(stderr, "usage: bench_dev [-v] [-d DICTIONARY_DIR] [FILE...]\n");
            return 2;
        }
    }
    const char *data = getenv("SITREP_DATA"); /* to try a changed data folder */
    if (!data || !*data)
        data = SR_DATA_DIR;
    sr_engine *e =
        dicts ? sr_engine_open_dictionaries(data, dicts, &err) : sr_engine_open(data, &err);
    if (!e) {
        fprintf(stderr, "bench_dev: %s\n", err.msg);
        return 1;
    }
    char *files[64];
    int nf = 0;
    if (argc > first) {
        for (int i = first; i < argc && nf < 64; i++)
            files[nf++] = strdup(argv[i]);
    } else {
        const char *dir = SR_SOURCE_DIR "/bench/code/dev";
        DIR *dp = opendir(dir);
        for (struct dirent *de; dp && (de = readdir(dp)) && nf < 64;) {
            size_t l = strlen(de->d_name);
            if (l > 4 && strcmp(de->d_name + l - 4, ".txt") == 0) {
                char p[4096];
                snprintf(p, sizeof p, "%s/%s", dir, de->d_name);
                files[nf++] = strdup(p);
            }
        }
        if (dp)
            closedir(dp);
        qsort(files, (size_t)nf, sizeof *files, cmp_str);
    }
    /* totals over the tuning halves and over the frozen halves (0 and 1) */
    result total[2];
    memset(total, 0, sizeof total);
    int have_total[2] = {0, 0};
    for (int i = 0; i < nf; i++) {
        result r = {0};
        if (run_file(e, files[i], &r) == 0) {
            const char *base = strrchr(files[i], '/');
            base = base ? base + 1 : files[i];
            printf("%s\n", base);
            report("tree coder", &r);
            int half = strstr(base, "-frozen") ? 1 : strstr(base, "-tune") ? 0 : -1;
            if (half >= 0) {
                add_result(&total[half], &r);
                have_total[half] = 1;
            }
        }
        free(files[i]);
    }
    for (int half = 0; half < 2; half++)
        if (have_total[half]) {
            printf("all %s halves\n", half ? "frozen" : "tuning");
            report("tree coder", &total[half]);
        }
    sr_engine_close(e);
    return 0;
}
