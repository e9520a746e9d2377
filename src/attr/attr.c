/*
** attr.c: loading the attribute stage's data and running its parts in
** order over one document: dates, places, sizes, then quotes.
*/
#include <stdlib.h>
#include <string.h>

#include "attr/attr_internal.h"
#include "attr/gazetteer.h"
#include "util/util.h"

/* The word lists, in data/attr/ under data_dir. */
static const char *const lists[] = {"time.txt", "numbers.txt", "casualties.txt", "speech.txt",
                                    "sectors.txt"};

sr_attr *sr_attr_open(const char *data_dir, sr_error *err)
{
    sr_attr *at = calloc(1, sizeof *at);
    if (!at) {
        sr_error_set(err, "out of memory");
        return NULL;
    }
    for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) {
        char path[4096], label[64];
        snprintf(path, sizeof path, "%s/attr/%s", data_dir, lists[i]);
        snprintf(label, sizeof label, "data/attr/%s", lists[i]);
        if (sr_lx_load(&at->lex, path, label, err) < 0) {
            sr_attr_free(at);
            return NULL;
        }
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/attr/fips.tsv", data_dir);
    if (sr_fips_load(&at->fips, path, err) < 0) {
        sr_attr_free(at);
        return NULL;
    }
    at->gaz = sr_gazetteer_open(data_dir, err);
    if (!at->gaz) {
        sr_attr_free(at);
        return NULL;
    }
    return at;
}

void sr_attr_free(sr_attr *at)
{
    if (!at)
        return;
    sr_lx_free(&at->lex);
    sr_fips_free(&at->fips);
    sr_gazetteer_free(at->gaz);
    free(at);
}

void sr_attr_run(const sr_attr *at, const sr_attr_input *in, sr_arena *a, sr_event *events,
                 size_t nevents, sr_quote **quotes, size_t *nquotes)
{
    /* Start afresh, so that running the stage again gives the same result. */
    for (size_t i = 0; i < nevents; i++) {
        sr_event *e = &events[i];
        if (e->source_code_orig)
            e->source.code = e->source_code_orig;
        if (e->target_code_orig)
            e->target.code = e->target_code_orig;
        e->source_code_orig = e->target_code_orig = NULL;
        e->date = NULL;
        e->date_span = (sr_span){0, 0};
        e->date_precision = SR_DATE_NONE;
        e->size = (sr_size){NULL, 0};
        e->quote = -1;
    }
    sr_time_run(at, in, a, events, nevents);
    sr_place_run(at, in, a, events, nevents);
    sr_size_run(at, in, a, events, nevents);
    sr_quote_run(at, in, a, events, nevents, quotes, nquotes);
}

const char *sr_date_precision_name(int p)
{
    static const char *const names[] = {NULL, "publication", "year", "month", "week", "day"};
    return p >= 0 && p <= SR_DATE_DAY ? names[p] : NULL;
}

const char *sr_place_precision_name(int p)
{
    static const char *const names[] = {NULL, "exact", "near", "region", "country"};
    return p >= 0 && p <= SR_PLACE_COUNTRY ? names[p] : NULL;
}

const char *sr_count_kind_name(int k)
{
    static const char *const names[SR_COUNT_KIND_COUNT] = {
        NULL,       "killed",    "injured",  "casualties", "missing",
        "captured", "displaced", "arrested", "protesters", "units"};
    return k >= 0 && k < SR_COUNT_KIND_COUNT ? names[k] : NULL;
}

const char *sr_count_qual_name(int q)
{
    static const char *const names[] = {"exact", "min", "max", "approx"};
    return q >= 0 && q <= SR_QUAL_APPROX ? names[q] : "exact";
}
