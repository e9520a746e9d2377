/*
** bench_attr.c: accuracy of the attribute stage on the development sets of
** bench/attr/ (each with a frozen half), its cost per sentence, and the
** gazetteer's look-up rate.
**
**   bench_attr [-v] [DIR]     DIR: the sets (default bench/attr of the source tree)
**
** Each line of a set is one text with one event given by its trigger word
** and CAMEO code (the coder is not run: the sets measure the stage, given
** the event).  -v prints the failures of the dev halves only: the frozen
** halves are never looked at line by line.  The cost is measured on UD
** EWT test (../shared) through the whole pipeline, the stage re-run alone.
*/
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/doc_internal.h"
#include "attr/attr.h"
#include "attr/attr_internal.h"
#include "attr/gazetteer.h"
#include "util/util.h"

static const sr_engine *E;
static int verbose;

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + t.tv_nsec / 1e9;
}

/* Time spent in the stage and sentences it saw, over every set. */
static double stage_time;
static size_t stage_sentences;

/* The first whole-word occurrence of w in text, or -1. */
static long find_word(const char *text, const char *w)
{
    size_t wl = strlen(w);
    for (const char *p = text; (p = strstr(p, w)) != NULL; p++)
        if ((p == text || !isalnum((unsigned char)p[-1])) && !isalnum((unsigned char)p[wl]))
            return p - text;
    return -1;
}

/* Parse text, make one event (trigger, cameo), run the stage; the doc holds the result. */
static sr_doc *run_one(const char *text, const char *date, const char *trigger, const char *cameo,
                       sr_event *e)
{
    sr_doc_meta meta = {.id = "bench", .date = date};
    sr_doc *d = sr_doc_new(E, &meta, text, strlen(text));
    sr_error err;
    sr_doc_process(d, SR_STAGE_PARSE, &err);
    sr_actors_find(E->kb, d->text, d->sentences, d->nsentences, d->meta.date, &d->arena,
                   &d->mentions, &d->nmentions);
    memset(e, 0, sizeof *e);
    long at = find_word(d->text, trigger);
    if (at < 0)
        at = 0;
    e->trigger = (sr_span){(uint32_t)at, (uint32_t)(at + (long)strlen(trigger))};
    for (size_t s = 0; s < d->nsentences; s++)
        if (d->sentences[s].span.start <= (uint32_t)at)
            e->sentence = (uint32_t)s;
    e->cameo = cameo;
    int root = atoi((char[3]){cameo[0], cameo[1], 0});
    e->quad_class = root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
    /* The source: the mention of the trigger's subject, as the coder finds it. */
    const sr_sentence *s = &d->sentences[e->sentence];
    int trig = sr_tree_span_token(s, e->trigger);
    for (int k = 0; k < (int)s->ntokens; k++)
        if (sr_tree_parent(s, k) == trig && sr_tree_rel_is(s, k, "nsubj"))
            for (size_t m = 0; m < d->nmentions; m++)
                if (d->mentions[m].sentence == e->sentence && (int)d->mentions[m].first <= k &&
                    k < (int)d->mentions[m].last) {
                    e->source.code = d->mentions[m].code;
                    e->source.span = d->mentions[m].span;
                }
    sr_attr_input in = {d->text,       d->len,      d->meta.date, d->sentences,
                        d->nsentences, d->mentions, d->nmentions};
    double t0 = now();
    sr_attr_run(E->attr, &in, &d->arena, e, 1, &d->quotes, &d->nquotes);
    stage_time += now() - t0;
    stage_sentences += d->nsentences;
    return d;
}

/* The tab-separated fields of the non-comment lines of a file, one callback per line. */
typedef int (*line_fn)(char **f, int n, int show);

static void run_set(const char *dir, const char *set, line_fn fn, int *ok, int *total, int dev)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.%s.tsv", dir, set, dev ? "dev" : "frozen");
    FILE *f = fopen(path, "r");
    *ok = *total = 0;
    if (!f) {
        fprintf(stderr, "bench_attr: cannot read %s\n", path);
        return;
    }
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) > 0) {
        if (*line == '#' || *line == '\n')
            continue;
        line[strcspn(line, "\n")] = '\0';
        char *fields[8];
        int n = 0;
        for (char *p = line; p && n < 8; n++) {
            fields[n] = p;
            p = strchr(p, '\t');
            if (p)
                *p++ = '\0';
        }
        *ok += fn(fields, n, verbose && dev);
        (*total)++;
    }
    free(line);
    fclose(f);
}

/* dates: publication, trigger, date, precision, text. */
static int check_date(char **f, int n, int show)
{
    if (n < 5)
        return 0;
    sr_event e;
    sr_doc *d = run_one(f[4], f[0], f[1], "010", &e);
    const char *prec = sr_date_precision_name(e.date_precision);
    int ok = e.date && strcmp(e.date, f[2]) == 0 && prec && strcmp(prec, f[3]) == 0;
    if (!ok && show)
        printf("  date: %s | want %s %s, got %s %s\n", f[4], f[2], f[3], e.date ? e.date : "-",
               prec ? prec : "-");
    sr_doc_free(d);
    return ok;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Canonical "what:n what/of:n" of an event's counts, sorted. */
static void counts_string(const sr_event *e, char *out, size_t cap)
{
    char items[32][64], *ptr[32];
    uint32_t n = 0;
    for (uint32_t i = 0; i < e->size.ncounts && n < 32; i++) {
        const sr_count *c = &e->size.counts[i];
        if (c->subset_of >= 0)
            snprintf(items[n], 64, "%s/%s:%lld", sr_count_kind_name(c->what), c->of ? c->of : "-",
                     (long long)c->n);
        else
            snprintf(items[n], 64, "%s:%lld", sr_count_kind_name(c->what), (long long)c->n);
        ptr[n] = items[n];
        n++;
    }
    qsort(ptr, n, sizeof *ptr, cmp_str);
    size_t len = 0;
    out[0] = '\0';
    for (uint32_t i = 0; i < n; i++) {
        /* A count repeated ("four killed ... the four dead") counts once. */
        if (i && strcmp(ptr[i], ptr[i - 1]) == 0)
            continue;
        len += (size_t)snprintf(out + len, cap - len, "%s%s", len ? " " : "", ptr[i]);
    }
    if (!n)
        snprintf(out, cap, "-");
}

/* Sort the space-separated items of s in place. */
static void sort_items(char *s, char *out, size_t cap)
{
    char *ptr[32];
    int n = 0;
    for (char *save = NULL, *t = strtok_r(s, " ", &save); t && n < 32;
         t = strtok_r(NULL, " ", &save))
        ptr[n++] = t;
    qsort(ptr, (size_t)n, sizeof *ptr, cmp_str);
    size_t len = 0;
    out[0] = '\0';
    for (int i = 0; i < n; i++)
        len += (size_t)snprintf(out + len, cap - len, "%s%s", len ? " " : "", ptr[i]);
}

/* casualties: trigger, cameo, expected counts, text. */
static int check_size(char **f, int n, int show)
{
    if (n < 4)
        return 0;
    sr_event e;
    sr_doc *d = run_one(f[3], "2025-08-20", f[0], f[1], &e);
    char got[512], want[512];
    counts_string(&e, got, sizeof got);
    sort_items(f[2], want, sizeof want);
    int ok = strcmp(got, want) == 0;
    if (!ok && show)
        printf("  size: %s | want %s, got %s\n", f[3], want, got);
    sr_doc_free(d);
    return ok;
}

/* quotes: speaker, medium, prefix, text. */
static int check_quote(char **f, int n, int show)
{
    if (n < 4)
        return 0;
    sr_event e;
    sr_doc *d = run_one(f[3], "2025-08-20", "said", "010", &e);
    int ok = 0;
    const char *got_speaker = "-", *got_medium = "-";
    for (size_t i = 0; i < d->nquotes; i++) {
        const sr_quote *q = &d->quotes[i];
        if (strncmp(d->text + q->span.start, f[2], strlen(f[2])) != 0)
            continue;
        got_speaker = q->speaker_name ? q->speaker_name : "-";
        got_medium = q->medium ? q->medium : "-";
        ok = strcmp(got_speaker, f[0]) == 0 && strcmp(got_medium, f[1]) == 0;
    }
    if (!ok && show)
        printf("  quote: %s | want %s / %s, got %s / %s\n", f[3], f[0], f[1], got_speaker,
               got_medium);
    sr_doc_free(d);
    return ok;
}

/* toponyms: trigger, cameo, name, country, text. */
static int check_place(char **f, int n, int show)
{
    if (n < 5)
        return 0;
    sr_event e;
    sr_doc *d = run_one(f[4], "2025-08-20", f[0], f[1], &e);
    const char *name = e.place.name ? e.place.name : "-";
    const char *cc = e.place.country ? e.place.country : "-";
    int ok = strcmp(name, f[2]) == 0 && strcmp(cc, f[3]) == 0;
    if (!ok && show)
        printf("  place: %s | want %s %s, got %s %s\n", f[4], f[2], f[3], name, cc);
    sr_doc_free(d);
    return ok;
}

/* Stage cost on real text: EWT test through the pipeline, then the stage alone, `repeat` times. */
static void stage_cost(int repeat)
{
    const char *path = SR_SHARED_DIR "/ud/en_ewt-ud-test.conllu";
    FILE *f = fopen(path, "r");
    if (!f) {
        printf("stage cost on EWT: %s absent, skipped\n", path);
        return;
    }
    /* One document per "# newdoc", its sentences joined by spaces. */
    char *line = NULL, *doc = NULL;
    size_t cap = 0, len = 0, dcap = 0, sentences = 0, events = 0;
    double t = 0;
    for (int more = 1; more;) {
        more = getline(&line, &cap, f) > 0;
        if (!more || strncmp(line, "# newdoc", 8) == 0) {
            if (len) {
                sr_doc_meta meta = {.id = "ewt", .date = "2025-08-20"};
                sr_doc *d = sr_doc_new(E, &meta, doc, len);
                sr_error err;
                sr_doc_process(d, SR_STAGE_ALL, &err);
                sr_attr_input in = {d->text,       d->len,      d->meta.date, d->sentences,
                                    d->nsentences, d->mentions, d->nmentions};
                double t0 = now();
                for (int r = 0; r < repeat; r++)
                    sr_attr_run(E->attr, &in, &d->arena, d->events, d->nevents, &d->quotes,
                                &d->nquotes);
                t += now() - t0;
                sentences += d->nsentences * (size_t)repeat;
                events += d->nevents * (size_t)repeat;
                sr_doc_free(d);
            }
            len = 0;
        } else if (strncmp(line, "# text = ", 9) == 0) {
            size_t n = strcspn(line + 9, "\n");
            if (len + n + 2 > dcap)
                doc = realloc(doc, dcap = 2 * (len + n + 2));
            if (len)
                doc[len++] = ' ';
            memcpy(doc + len, line + 9, n);
            len += n;
        }
    }
    free(line);
    free(doc);
    fclose(f);
    printf("stage cost on UD EWT test (%zu sentences, %zu events, %d passes): %.2f us/sentence "
           "(%.0f sentences/s)\n",
           sentences / (size_t)repeat, events / (size_t)repeat, repeat, 1e6 * t / (double)sentences,
           (double)sentences / t);
}

/* Stage cost on news: the example articles and the seed, the stage re-run `repeat` times. */
static void news_cost(int repeat)
{
    static const char *const files[] = {
        "examples/nato-chiefs-meeting.txt", "examples/mt-damaged.txt",
        "examples/ceasefire-talks.txt",     "examples/drone-strikes-sumy.txt",
        "examples/protest-arrests.txt",     "examples/sanctions-tariffs.txt",
        SR_SHARED_DIR "/seed/nato-security-guarantees.txt"};
    size_t sentences = 0, events = 0;
    double t = 0;
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s%s", files[i][0] == '/' ? "" : SR_SOURCE_DIR "/",
                 files[i]);
        size_t len;
        sr_error err;
        char *text = sr_read_file(path, &len, &err);
        if (!text)
            continue;
        sr_doc_meta meta = {.id = "news", .date = "2025-08-20"};
        sr_doc *d = sr_doc_new(E, &meta, text, len);
        free(text);
        sr_doc_process(d, SR_STAGE_ALL, &err);
        sr_attr_input in = {d->text,        d->len,      d->meta.date, d->sentences,
                            d->nsentences, d->mentions, d->nmentions};
        double t0 = now();
        for (int r = 0; r < repeat; r++)
            sr_attr_run(E->attr, &in, &d->arena, d->events, d->nevents, &d->quotes, &d->nquotes);
        t += now() - t0;
        sentences += d->nsentences;
        events += d->nevents;
        sr_doc_free(d);
    }
    if (sentences)
        printf("stage cost on news (examples and seed: %zu sentences, %zu events): %.2f "
               "us/sentence\n",
               sentences, events, 1e6 * t / (double)(sentences * (size_t)repeat));
}

/* Look-ups per second: every key of the gazetteer's toponym sets, many times. */
static void lookup_rate(void)
{
    static const char *const names[] = {"Kyiv",     "Kiev",         "Odessa", "Washington",
                                        "Paris",    "Sumi",         "Alaska", "Zaporozhye",
                                        "Belgrade", "Nowhereville", "Moscow", "Gaza",
                                        "Tbilisi",  "Springfield",  "Georgia"};
    enum { N = sizeof names / sizeof *names };
    char keys[N][64];
    size_t lens[N];
    for (int i = 0; i < N; i++)
        lens[i] = sr_gaz_norm(names[i], strlen(names[i]), keys[i], sizeof keys[i]);
    const gaz_place *out[8];
    size_t found = 0, n = 0;
    double t0 = now();
    for (int r = 0; r < 200000; r++)
        for (int i = 0; i < N; i++, n++)
            found += sr_gaz_lookup(E->attr->gaz, keys[i], lens[i], out, 8);
    double t = now() - t0;
    size_t places, nnames;
    int cities;
    sr_gaz_stats(E->attr->gaz, &places, &nnames, &cities);
    printf("gazetteer: %zu places, %zu names%s; %.1f M look-ups/s (%zu found)\n", places, nnames,
           cities ? "" : " (no cities)", (double)n / t / 1e6, found);
}

int main(int argc, char **argv)
{
    int a = 1;
    if (a < argc && strcmp(argv[a], "-v") == 0) {
        verbose = 1;
        a++;
    }
    const char *dir = a < argc ? argv[a] : SR_SOURCE_DIR "/bench/attr";
    sr_error err;
    sr_engine *e = sr_engine_open(NULL, &err);
    if (!e) {
        fprintf(stderr, "bench_attr: %s\n", err.msg);
        return 1;
    }
    E = e;
    static const struct {
        const char *set;
        line_fn fn;
    } sets[] = {{"dates", check_date},
                {"casualties", check_size},
                {"quotes", check_quote},
                {"toponyms", check_place}};
    printf("%-12s %16s %16s\n", "set", "dev", "frozen");
    for (size_t i = 0; i < sizeof sets / sizeof *sets; i++) {
        int ok[2], total[2];
        run_set(dir, sets[i].set, sets[i].fn, &ok[0], &total[0], 1);
        run_set(dir, sets[i].set, sets[i].fn, &ok[1], &total[1], 0);
        printf("%-12s %3d/%-3d %6.1f%%  %3d/%-3d %6.1f%%\n", sets[i].set, ok[0], total[0],
               total[0] ? 100.0 * ok[0] / total[0] : 0, ok[1], total[1],
               total[1] ? 100.0 * ok[1] / total[1] : 0);
    }
    printf("stage cost on the sets: %.2f us/sentence\n",
           1e6 * stage_time / (double)stage_sentences);
    lookup_rate();
    stage_cost(5);
    news_cost(200);
    sr_engine_close(e);
    return 0;
}
