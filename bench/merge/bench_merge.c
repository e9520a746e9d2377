/*
** bench_merge.c: how well the store merges reports into happenings, on
** bench/merge (README.md there).  Each file is coded whole into a fresh
** database through the library (reader, pipeline, store, merge), then
** every pair of reports (documents) is scored: gold "same" when they
** have the same `group`, predicted "same" when one happening has reports
** from both.  Prints pairwise precision, recall and F1; recall over the
** pairs whose two reports both coded an event; false merges across
** near-miss pairs; coverage.  The frozen half is printed for reporting,
** never used to tune.
**
**   bench_merge [-v] [FILE.jsonl...]   (default: tune.jsonl and frozen.jsonl)
*/
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "sitrep.h"

static int verbose;

/* A report of the set: its document id, gold group and near-miss groups. */
typedef struct report {
    char *id, *group, *near; /* near: space-separated group ids, or "" */
    int nevents;             /* happenings it has reports in */
    sqlite3_int64 events[64];
} report;

/* Read the gold labels of path. Returns the number of reports, or -1. */
static int read_gold(const char *path, report **out)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        return -1;
    }
    size_t cap = 512, n = 0;
    report *r = calloc(cap, sizeof *r);
    char *line = NULL;
    size_t len = 0;
    while (getline(&line, &len, f) > 0) {
        json_error_t jerr;
        json_t *o = json_loads(line, 0, &jerr);
        if (!o)
            continue;
        if (n == cap)
            r = realloc(r, (cap *= 2) * sizeof *r);
        memset(&r[n], 0, sizeof r[n]);
        r[n].id = strdup(json_string_value(json_object_get(o, "id")));
        r[n].group = strdup(json_string_value(json_object_get(o, "group")));
        char near[256] = "";
        json_t *nv = json_object_get(o, "near");
        for (size_t i = 0; json_is_array(nv) && i < json_array_size(nv); i++) {
            strncat(near, json_string_value(json_array_get(nv, i)), sizeof near - strlen(near) - 2);
            strcat(near, " ");
        }
        r[n].near = strdup(near);
        json_decref(o);
        n++;
    }
    free(line);
    fclose(f);
    *out = r;
    return (int)n;
}

/* Code path into the database at db (created afresh) and merge it. 0, or -1. */
static int code_file(const sr_engine *e, const char *path, const char *db)
{
    sr_error err = {0};
    unlink(db);
    sr_store *s = sr_store_open(db, &err);
    sr_reader *r = s ? sr_reader_open(path, SR_INPUT_JSONL, NULL, &err) : NULL;
    if (!r) {
        fprintf(stderr, "bench_merge: %s\n", err.msg);
        sr_store_close(s);
        return -1;
    }
    sr_record rec = {0};
    int rc;
    while ((rc = sr_reader_next(r, &rec, &err)) != 0) {
        if (rc < 0) {
            fprintf(stderr, "bench_merge: %s\n", err.msg);
            continue;
        }
        sr_doc_meta meta = {rec.id, rec.date, rec.title, rec.url, rec.source};
        sr_doc *d = sr_doc_new(e, &meta, rec.text, rec.len);
        if (d && sr_doc_process(d, SR_STAGE_ALL, &err) == 0 && sr_store_put(s, d, &err) == 0) {
        } else {
            fprintf(stderr, "bench_merge: %s: %s\n", rec.id, err.msg);
        }
        sr_doc_free(d);
        sr_record_clear(&rec);
    }
    sr_reader_close(r);
    rc = sr_store_merge(s, &err);
    if (rc < 0)
        fprintf(stderr, "bench_merge: %s\n", err.msg);
    sr_store_close(s);
    return rc;
}

/* Fill each report's happenings from the database. */
static void read_events(const char *db, report *r, int n)
{
    sqlite3 *h;
    sqlite3_stmt *st;
    sqlite3_open(db, &h);
    sqlite3_prepare_v2(h, "SELECT DISTINCT doc_id, event_id FROM mentions", -1, &st, NULL);
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *doc = (const char *)sqlite3_column_text(st, 0);
        for (int i = 0; i < n; i++)
            if (strcmp(r[i].id, doc) == 0 && r[i].nevents < 64)
                r[i].events[r[i].nevents++] = sqlite3_column_int64(st, 1);
    }
    sqlite3_finalize(st);
    sqlite3_close(h);
}

static int share_event(const report *a, const report *b)
{
    for (int i = 0; i < a->nevents; i++)
        for (int j = 0; j < b->nevents; j++)
            if (a->events[i] == b->events[j])
                return 1;
    return 0;
}

/* Is b's group one of a's near misses? */
static int near_miss(const report *a, const report *b)
{
    char key[64];
    snprintf(key, sizeof key, "%s ", b->group);
    return strstr(a->near, key) != NULL;
}

static void score(const char *path, const sr_engine *e)
{
    report *r = NULL;
    int n = read_gold(path, &r);
    if (n < 0)
        return;
    char db[] = "/tmp/sitrep-bench-merge-XXXXXX";
    int fd = mkstemp(db);
    close(fd);
    if (code_file(e, path, db) < 0)
        return;
    read_events(db, r, n);
    long tp = 0, fp = 0, fn = 0, coded_gold = 0, coded_tp = 0, near = 0, near_merged = 0;
    int covered = 0;
    for (int i = 0; i < n; i++) {
        covered += r[i].nevents > 0;
        for (int j = i + 1; j < n; j++) {
            int gold = strcmp(r[i].group, r[j].group) == 0, pred = share_event(&r[i], &r[j]);
            tp += gold && pred;
            fp += !gold && pred;
            fn += gold && !pred;
            if (gold && r[i].nevents && r[j].nevents) {
                coded_gold++;
                coded_tp += pred;
            }
            if (near_miss(&r[i], &r[j]) || near_miss(&r[j], &r[i])) {
                near++;
                near_merged += pred;
            }
            if (verbose && gold != pred)
                printf("    %s %s and %s (%s, %s)\n", gold ? "missed" : "false ", r[i].id, r[j].id,
                       r[i].group, r[j].group);
        }
    }
    double p = tp + fp ? (double)tp / (double)(tp + fp) : 0,
           rc = tp + fn ? (double)tp / (double)(tp + fn) : 0;
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    printf("  %-13s pairs P %.3f R %.3f F1 %.3f (%ld right, %ld false, %ld missed); "
           "R where both coded %.3f (%ld/%ld); near-miss pairs merged %ld/%ld; "
           "reports coded %d/%d\n",
           base, p, rc, p + rc > 0 ? 2 * p * rc / (p + rc) : 0, tp, fp, fn,
           coded_gold ? (double)coded_tp / (double)coded_gold : 0, coded_tp, coded_gold,
           near_merged, near, covered, n);
    for (int i = 0; i < n; i++) {
        free(r[i].id);
        free(r[i].group);
        free(r[i].near);
    }
    free(r);
    unlink(db);
    char side[64];
    snprintf(side, sizeof side, "%s-wal", db);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", db);
    unlink(side);
}

int main(int argc, char **argv)
{
    int first = 1;
    if (argc > 1 && strcmp(argv[1], "-v") == 0) {
        verbose = 1;
        first = 2;
    }
    sr_error err = {0};
    sr_engine *e = sr_engine_open(SR_DATA_DIR, &err);
    if (!e) {
        fprintf(stderr, "bench_merge: %s\n", err.msg);
        return 1;
    }
    if (argc > first) {
        for (int i = first; i < argc; i++)
            score(argv[i], e);
    } else {
        score(SR_SOURCE_DIR "/bench/merge/tune.jsonl", e);
        score(SR_SOURCE_DIR "/bench/merge/frozen.jsonl", e);
    }
    sr_engine_close(e);
    return 0;
}
