/*
** write.c: the event, token and CoNLL-U writers behind `sitrep code`,
** `sitrep segment` and `sitrep parse`.
**
** JSONL is the reference format: every field with its evidence span.  TSV
** is the same events flattened for spreadsheets.  The GDELT format fills
** the 61 columns of GDELT 2.0 Events that sitrep knows and leaves the rest
** empty, so existing GDELT tooling can read sitrep output.
*/
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "api/doc_internal.h"
#include "nlp/conllu.h"
#include "store/json_out.h"
#include "store/write_attr.h"
#include "util/util.h"

/* {"code":..,"name":..,"entity":..,"text":..,"span":[a,b]} or null. */
static void write_actor_json(FILE *out, const sr_doc *d, const sr_actor *a)
{
    if (!a->code) {
        fputs("null", out);
        return;
    }
    fputs("{\"code\":", out);
    sr_json_cstring(out, a->code);
    fputs(",\"name\":", out);
    sr_json_cstring(out, a->name);
    fputs(",\"entity\":", out);
    sr_json_cstring(out, a->entity);
    fputs(",\"text\":", out);
    sr_json_string(out, d->text + a->span.start, a->span.end - a->span.start);
    fprintf(out, ",\"span\":[%" PRIu32 ",%" PRIu32 "]}", a->span.start, a->span.end);
}

/* {"text":..,"span":[a,b]} for a span of the text. */
static void write_span_json(FILE *out, const sr_doc *d, sr_span s)
{
    fputs("{\"text\":", out);
    sr_json_string(out, d->text + s.start, s.end - s.start);
    fprintf(out, ",\"span\":[%" PRIu32 ",%" PRIu32 "]}", s.start, s.end);
}

static void write_event_json(FILE *out, const sr_doc *d, const sr_event *ev)
{
    fputs("{\"doc\":", out);
    sr_json_cstring(out, d->meta.id);
    fprintf(out, ",\"sentence\":%" PRIu32 ",\"date\":", ev->sentence);
    sr_json_cstring(out, ev->date);
    fputs(",\"date_precision\":", out);
    sr_json_cstring(out, sr_date_precision_name(ev->date_precision));
    fputs(",\"date_span\":", out);
    if (ev->date_span.end > ev->date_span.start)
        write_span_json(out, d, ev->date_span);
    else
        fputs("null", out);
    fputs(",\"doc_date\":", out);
    sr_json_cstring(out, d->meta.date);
    fputs(",\"source\":", out);
    write_actor_json(out, d, &ev->source);
    fputs(",\"target\":", out);
    write_actor_json(out, d, &ev->target);
    fputs(",\"cameo\":", out);
    sr_json_cstring(out, ev->cameo);
    fputs(",\"plover\":", out);
    sr_json_cstring(out, ev->plover);
    fputs(",\"plover_mode\":", out);
    sr_json_cstring(out, ev->plover_mode);
    fprintf(out, ",\"quad_class\":%d,\"goldstein\":%.1f,\"trigger\":", ev->quad_class,
            ev->goldstein);
    write_span_json(out, d, ev->trigger);
    fputs(",\"evidence\":", out);
    write_span_json(out, d, d->sentences[ev->sentence].span);
    fputs(",\"rule\":", out);
    sr_json_cstring(out, ev->rule);
    sr_write_attr_json(out, d, ev);
    fputs("}\n", out);
}

/* A TSV field: tabs and newlines inside become spaces. */
static void write_tsv_field(FILE *out, const char *s, size_t len)
{
    for (size_t i = 0; s && i < len; i++)
        putc(s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ? ' ' : s[i], out);
}

static void write_tsv_cfield(FILE *out, const char *s)
{
    write_tsv_field(out, s, s ? strlen(s) : 0);
}

static const char tsv_header[] =
    "doc\tsentence\tdate\tsource_code\tsource_name\tsource_text\ttarget_code\ttarget_name\t"
    "target_text\tcameo\tplover\tquad_class\tgoldstein\ttrigger\tevidence_start\tevidence_end\n";

static void write_event_tsv(FILE *out, const sr_doc *d, const sr_event *ev)
{
    const sr_actor *actors[2] = {&ev->source, &ev->target};
    write_tsv_cfield(out, d->meta.id);
    fprintf(out, "\t%" PRIu32 "\t", ev->sentence);
    write_tsv_cfield(out, ev->date);
    for (int i = 0; i < 2; i++) {
        const sr_actor *a = actors[i];
        putc('\t', out);
        write_tsv_cfield(out, a->code);
        putc('\t', out);
        write_tsv_cfield(out, a->name);
        putc('\t', out);
        if (a->code)
            write_tsv_field(out, d->text + a->span.start, a->span.end - a->span.start);
    }
    putc('\t', out);
    write_tsv_cfield(out, ev->cameo);
    putc('\t', out);
    write_tsv_cfield(out, ev->plover);
    fprintf(out, "\t%d\t%.1f\t", ev->quad_class, ev->goldstein);
    write_tsv_field(out, d->text + ev->trigger.start, ev->trigger.end - ev->trigger.start);
    const sr_span *s = &d->sentences[ev->sentence].span;
    fprintf(out, "\t%" PRIu32 "\t%" PRIu32 "\n", s->start, s->end);
}

/*
** The ten GDELT actor columns: Code, Name, CountryCode, KnownGroupCode,
** EthnicCode, Religion1Code, Religion2Code, Type1Code, Type2Code, Type3Code.
** A CAMEO actor code is a country or IGO prefix followed by 3-letter roles.
*/
static void write_gdelt_actor(FILE *out, const sr_actor *a)
{
    if (!a->code) {
        fputs("\t\t\t\t\t\t\t\t\t\t", out);
        return;
    }
    size_t n = strlen(a->code);
    int igo = strncmp(a->code, "IGO", 3) == 0;
    write_tsv_cfield(out, a->code);
    putc('\t', out);
    write_tsv_cfield(out, a->name);
    putc('\t', out);
    if (!igo && n >= 3)
        fprintf(out, "%.3s", a->code);
    putc('\t', out);
    if (igo)
        fputs(a->code, out);
    fputs("\t\t\t\t", out);
    if (!igo && n >= 6)
        fprintf(out, "%.3s", a->code + 3);
    putc('\t', out);
    if (!igo && n >= 9)
        fprintf(out, "%.3s", a->code + 6);
    putc('\t', out);
    if (!igo && n >= 12)
        fprintf(out, "%.3s", a->code + 9);
    putc('\t', out);
}

/* A stable event id: hash of the document id and the event's index. */
static uint64_t gdelt_event_id(const sr_doc *d, size_t index)
{
    uint64_t h = sr_hash_bytes(d->meta.id, strlen(d->meta.id), index * 0x9e3779b97f4a7c15ULL);
    return h >> 1; /* fits a signed 64-bit column */
}

static void write_event_gdelt(FILE *out, const sr_doc *d, const sr_event *ev, size_t index)
{
    char ymd[9] = "";
    const char *date = ev->date;
    if (date && strlen(date) == 10)
        snprintf(ymd, sizeof ymd, "%.4s%.2s%.2s", date, date + 5, date + 8);
    fprintf(out, "%" PRIu64 "\t%s\t%.6s\t%.4s\t", gdelt_event_id(d, index), ymd, ymd, ymd);
    if (*ymd) {
        int y = 0, m = 0, dd = 0;
        sscanf(date, "%d-%d-%d", &y, &m, &dd);
        fprintf(out, "%.4f", y + ((m - 1) * 30 + dd) / 365.0);
    }
    putc('\t', out);
    write_gdelt_actor(out, &ev->source);
    write_gdelt_actor(out, &ev->target);
    const char *code = ev->cameo ? ev->cameo : "";
    fprintf(out, "%d\t%s\t%.3s\t%.2s\t%d\t%.1f\t1\t1\t1\t\t", ev->sentence == 0, code, code, code,
            ev->quad_class, ev->goldstein);
    /* Actor1Geo, Actor2Geo (not known yet), ActionGeo: 8 columns each. */
    fputs("\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t", out);
    sr_write_gdelt_geo(out, &ev->place);
    char added[9] = "";
    if (d->meta.date && strlen(d->meta.date) == 10)
        snprintf(added, sizeof added, "%.4s%.2s%.2s", d->meta.date, d->meta.date + 5,
                 d->meta.date + 8);
    fprintf(out, "%s000000\t", *added ? added : ymd);
    write_tsv_cfield(out, d->meta.url ? d->meta.url : d->meta.id);
    putc('\n', out);
}

int sr_write_header(FILE *out, sr_format fmt)
{
    if (fmt == SR_FORMAT_TSV)
        fputs(tsv_header, out);
    return ferror(out) ? -1 : 0;
}

int sr_write_events(FILE *out, const sr_doc *d, sr_format fmt)
{
    for (size_t i = 0; i < d->nevents; i++) {
        const sr_event *ev = &d->events[i];
        if (fmt == SR_FORMAT_QUOTES)
            break;
        if (fmt == SR_FORMAT_JSONL)
            write_event_json(out, d, ev);
        else if (fmt == SR_FORMAT_TSV)
            write_event_tsv(out, d, ev);
        else
            write_event_gdelt(out, d, ev, i);
    }
    if (fmt == SR_FORMAT_QUOTES)
        sr_write_quotes_json(out, d);
    return ferror(out) ? -1 : 0;
}

int sr_write_tokens(FILE *out, const sr_doc *d)
{
    for (size_t i = 0; i < d->nsentences; i++) {
        const sr_sentence *s = &d->sentences[i];
        fprintf(out, "# doc = %s\n# sentence = %zu\n# span = %" PRIu32 " %" PRIu32 "\n# text = ",
                d->meta.id, i, s->span.start, s->span.end);
        write_tsv_field(out, d->text + s->span.start, s->span.end - s->span.start);
        putc('\n', out);
        for (uint32_t k = 0; k < s->ntokens; k++) {
            const sr_token *t = &s->tokens[k];
            fprintf(out, "%" PRIu32 "\t%" PRIu32 "\t%" PRIu32 "\t", k + 1, t->start, t->end);
            write_tsv_cfield(out, t->form);
            fputs(t->space_after ? "\n" : "\tSpaceAfter=No\n", out);
        }
        putc('\n', out);
    }
    return ferror(out) ? -1 : 0;
}

int sr_write_conllu(FILE *out, const sr_doc *d)
{
    fprintf(out, "# newdoc id = %s\n", d->meta.id);
    char *text = NULL;
    size_t cap = 0;
    for (size_t i = 0; i < d->nsentences; i++) {
        const sr_span *sp = &d->sentences[i].span;
        size_t n = sp->end - sp->start;
        if (n + 1 > cap) {
            cap = 2 * (n + 1);
            char *t = realloc(text, cap);
            if (!t)
                break;
            text = t;
        }
        memcpy(text, d->text + sp->start, n);
        text[n] = '\0';
        sr_conllu_write_sentence(out, &d->sentences[i], i, text);
    }
    free(text);
    return ferror(out) ? -1 : 0;
}
