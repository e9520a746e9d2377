/*
** write_attr.c: the attribute fields of events and the quote records in
** JSON, and the GDELT geography columns (country as FIPS 10-4).
**
** A size is written as the largest count of each kind (counts of one kind
** in one event usually restate each other: "15 injured ... the 15 injured")
** plus every count with its span; a subset count ("of them 3 children") is
** never added to its parent.
*/
#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "api/doc_internal.h"
#include "store/json_out.h"
#include "store/write_attr.h"

static void span_json(FILE *out, const sr_doc *d, sr_span s)
{
    fputs("{\"text\":", out);
    sr_json_string(out, d->text + s.start, s.end - s.start);
    sr_json_span(out, s.start, s.end);
    putc('}', out);
}

int64_t sr_size_total(const sr_size *sz, int k)
{
    int64_t best = -1;
    for (uint32_t i = 0; i < sz->ncounts; i++)
        if (sz->counts[i].what == k && sz->counts[i].subset_of < 0 && sz->counts[i].n > best)
            best = sz->counts[i].n;
    return best;
}

static void place_json(FILE *out, const sr_doc *d, const sr_place *p)
{
    if (!p->name) {
        fputs("null", out);
        return;
    }
    fputs("{\"name\":", out);
    sr_json_cstring(out, p->name);
    fputs(",\"text\":", out);
    sr_json_string(out, d->text + p->span.start, p->span.end - p->span.start);
    sr_json_span(out, p->span.start, p->span.end);
    fputs(",\"country\":", out);
    sr_json_cstring(out, p->country);
    fputs(",\"fips\":", out);
    sr_json_cstring(out, p->fips);
    fputs(",\"admin1\":", out);
    sr_json_cstring(out, p->admin1);
    fputs(",\"feature\":", out);
    sr_json_cstring(out, p->feature);
    if (p->geonames)
        fprintf(out, ",\"geonames\":%" PRId64, p->geonames);
    else
        fputs(",\"geonames\":null", out);
    if (isnan(p->lat))
        fputs(",\"lat\":null,\"lon\":null", out);
    else
        fprintf(out, ",\"lat\":%.5f,\"lon\":%.5f", p->lat, p->lon);
    fputs(",\"precision\":", out);
    sr_json_cstring(out, sr_place_precision_name(p->precision));
    putc('}', out);
}

static void size_json(FILE *out, const sr_doc *d, const sr_size *sz)
{
    if (!sz->ncounts) {
        fputs("null", out);
        return;
    }
    putc('{', out);
    for (int k = 1; k < SR_COUNT_KIND_COUNT; k++) {
        int64_t n = sr_size_total(sz, k);
        if (n >= 0)
            fprintf(out, "\"%s\":%" PRId64 ",", sr_count_kind_name(k), n);
    }
    fputs("\"counts\":[", out);
    for (uint32_t i = 0; i < sz->ncounts; i++) {
        const sr_count *c = &sz->counts[i];
        fprintf(out, "%s{\"what\":\"%s\",\"n\":%" PRId64 ",\"qual\":\"%s\",\"of\":", i ? "," : "",
                sr_count_kind_name(c->what), c->n, sr_count_qual_name(c->qual));
        sr_json_cstring(out, c->of);
        if (c->subset_of >= 0)
            fprintf(out, ",\"subset_of\":%" PRId32, c->subset_of);
        else
            fputs(",\"subset_of\":null", out);
        fputs(",\"text\":", out);
        sr_json_string(out, d->text + c->span.start, c->span.end - c->span.start);
        sr_json_span(out, c->span.start, c->span.end);
        putc('}', out);
    }
    fputs("]}", out);
}

void sr_write_attr_json(FILE *out, const sr_doc *d, const sr_event *ev)
{
    fputs(",\"place\":", out);
    place_json(out, d, &ev->place);
    fputs(",\"size\":", out);
    size_json(out, d, &ev->size);
    if (ev->quote >= 0) {
        fputs(",\"quote\":", out);
        sr_json_uint(out, (uint64_t)ev->quote);
    } else
        fputs(",\"quote\":null", out);
    if (ev->source_code_orig) {
        fputs(",\"source_code_from_place\":", out);
        sr_json_cstring(out, ev->source_code_orig);
    }
    if (ev->target_code_orig) {
        fputs(",\"target_code_from_place\":", out);
        sr_json_cstring(out, ev->target_code_orig);
    }
}

/* GDELT geography type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state. */
static int gdelt_geo_type(const sr_place *p)
{
    int us = p->country && strcmp(p->country, "USA") == 0;
    if (p->precision == SR_PLACE_COUNTRY)
        return 1;
    if (p->precision == SR_PLACE_REGION)
        return us ? 2 : 5;
    return us ? 3 : 4;
}

void sr_write_gdelt_geo(FILE *out, const sr_place *p)
{
    if (!p->name) {
        fputs("\t\t\t\t\t\t\t\t", out);
        return;
    }
    /* CountryCode is FIPS 10-4, as GDELT writes it ("UP" for Ukraine); empty when FIPS
       has no code.  ADM1Code stays the place's ISO 3166-2 code. */
    fprintf(out, "%d\t%s\t%s\t%s\t\t", gdelt_geo_type(p), p->name, p->fips ? p->fips : "",
            p->admin1 ? p->admin1 : "");
    if (!isnan(p->lat))
        fprintf(out, "%.4f\t%.4f\t", p->lat, p->lon);
    else
        fputs("\t\t", out);
    if (p->geonames)
        fprintf(out, "%" PRId64, p->geonames);
    putc('\t', out);
}

void sr_write_gdelt_actor_geo(FILE *out, const sr_actor *a, const sr_place *p)
{
    /* GDELT places an actor where the text does; sitrep only where the event is and
       the actor belongs ("Ukrainian rescuers" in Sumy), never at a country's centroid. */
    if (a->code && p->name && p->country && strncmp(a->code, p->country, 3) == 0)
        sr_write_gdelt_geo(out, p);
    else
        fputs("\t\t\t\t\t\t\t\t", out);
}

void sr_write_plover_attr(FILE *out, const sr_doc *d, const sr_event *ev)
{
    fputs(",\"event_date\":", out);
    sr_json_cstring(out, ev->date);
    fputs(",\"date_precision\":", out);
    sr_json_cstring(out, sr_date_precision_name(ev->date_precision));
    fputs(",\"location\":", out);
    place_json(out, d, &ev->place);
    fputs(",\"size\":", out);
    size_json(out, d, &ev->size);
}

void sr_write_quotes_json(FILE *out, const sr_doc *d)
{
    for (size_t i = 0; i < d->nquotes; i++) {
        const sr_quote *q = &d->quotes[i];
        fputs("{\"doc\":", out);
        sr_json_cstring(out, d->meta.id);
        fprintf(out, ",\"quote\":%zu,\"kind\":\"%s\",\"sentence\":%" PRIu32 ",\"text\":", i,
                q->direct ? "direct" : "reported", q->sentence);
        sr_json_string(out, d->text + q->span.start, q->span.end - q->span.start);
        sr_json_span(out, q->span.start, q->span.end);
        fputs(",\"speaker\":", out);
        if (q->speaker_code || q->speaker_name) {
            fputs("{\"code\":", out);
            sr_json_cstring(out, q->speaker_code);
            fputs(",\"name\":", out);
            sr_json_cstring(out, q->speaker_name);
            fputs(",\"entity\":", out);
            sr_json_cstring(out, q->speaker_entity);
            fputs(",\"text\":", out);
            sr_json_string(out, d->text + q->speaker_span.start,
                           q->speaker_span.end - q->speaker_span.start);
            sr_json_span(out, q->speaker_span.start, q->speaker_span.end);
            putc('}', out);
        } else
            fputs("null", out);
        fputs(",\"verb\":", out);
        if (q->verb.end > q->verb.start)
            span_json(out, d, q->verb);
        else
            fputs("null", out);
        fputs(",\"medium\":", out);
        if (q->medium) {
            fputs("{\"name\":", out);
            sr_json_cstring(out, q->medium);
            fputs(",\"text\":", out);
            sr_json_string(out, d->text + q->medium_span.start,
                           q->medium_span.end - q->medium_span.start);
            sr_json_span(out, q->medium_span.start, q->medium_span.end);
            putc('}', out);
        } else
            fputs("null", out);
        fputs(",\"events\":[", out);
        int first = 1;
        for (size_t k = 0; k < d->nevents; k++)
            if (d->events[k].quote == (int32_t)i) {
                fprintf(out, "%s%zu", first ? "" : ",", k);
                first = 0;
            }
        fputs("]}\n", out);
    }
}
