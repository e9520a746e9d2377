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
#include <time.h>

#include "api/doc_internal.h"
#include "nlp/conllu.h"
#include "store/actor_code.h"
#include "store/gdelt_row.h"
#include "store/json_out.h"
#include "store/write_attr.h"
#include "util/util.h"

/*
** {"code":..,"name":..,"entity":..,"text":..,"span":[a,b]} or null; without
** "entity" for PLOVER records.
*/
static void write_actor_json(FILE *out, const sr_doc *d, const sr_actor *a, int entity)
{
    if (!a->code) {
        fputs("null", out);
        return;
    }
    fputs("{\"code\":", out);
    sr_json_cstring(out, a->code);
    fputs(",\"name\":", out);
    sr_json_cstring(out, a->name);
    if (entity) {
        fputs(",\"entity\":", out);
        sr_json_cstring(out, a->entity);
    }
    fputs(",\"text\":", out);
    sr_json_string(out, d->text + a->span.start, a->span.end - a->span.start);
    sr_json_span(out, a->span.start, a->span.end);
    putc('}', out);
}

/* {"text":..,"span":[a,b]} for a span of the text. */
static void write_span_json(FILE *out, const sr_doc *d, sr_span s)
{
    fputs("{\"text\":", out);
    sr_json_string(out, d->text + s.start, s.end - s.start);
    sr_json_span(out, s.start, s.end);
    putc('}', out);
}

static void write_event_json(FILE *out, const sr_doc *d, const sr_event *ev)
{
    fputs("{\"id\":", out);
    sr_json_cstring(out, ev->id);
    fputs(",\"doc\":", out);
    sr_json_cstring(out, d->meta.id);
    fputs(",\"sentence\":", out);
    sr_json_uint(out, ev->sentence);
    fputs(",\"date\":", out);
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
    write_actor_json(out, d, &ev->source, 1);
    fputs(",\"target\":", out);
    write_actor_json(out, d, &ev->target, 1);
    fputs(",\"cameo\":", out);
    sr_json_cstring(out, ev->cameo);
    fputs(",\"plover\":", out);
    sr_json_cstring(out, ev->plover);
    fputs(",\"plover_mode\":", out);
    sr_json_cstring(out, ev->plover_mode);
    fputs(",\"plover_context\":", out);
    sr_json_cstring(out, ev->plover_context);
    fputs(",\"modality\":", out);
    sr_json_cstring(out, ev->modality);
    fprintf(out, ",\"confidence\":%.2f", ev->confidence);
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

/*
** A PLOVER-style record (as POLECAT writes them): event type, mode and
** context instead of the CAMEO code, actor and recipient, and the spans.
** Root-01 statements, which PLOVER has no type for, are not written.
*/
static void write_event_plover(FILE *out, const sr_doc *d, const sr_event *ev)
{
    if (!ev->plover)
        return;
    fputs("{\"id\":", out);
    sr_json_cstring(out, ev->id);
    fputs(",\"date\":", out);
    sr_json_cstring(out, d->meta.date);
    fputs(",\"event_type\":", out);
    sr_json_cstring(out, ev->plover);
    fputs(",\"mode\":", out);
    sr_json_cstring(out, ev->plover_mode);
    fputs(",\"context\":", out);
    sr_json_cstring(out, ev->plover_context);
    fputs(",\"actor\":", out);
    write_actor_json(out, d, &ev->source, 0);
    fputs(",\"recipient\":", out);
    write_actor_json(out, d, &ev->target, 0);
    fputs(",\"modality\":", out);
    sr_json_cstring(out, ev->modality);
    fprintf(out, ",\"confidence\":%.2f,\"cameo\":", ev->confidence);
    sr_json_cstring(out, ev->cameo);
    fputs(",\"doc\":", out);
    sr_json_cstring(out, d->meta.id);
    fputs(",\"trigger\":", out);
    write_span_json(out, d, ev->trigger);
    fputs(",\"evidence\":", out);
    write_span_json(out, d, d->sentences[ev->sentence].span);
    sr_write_plover_attr(out, d, ev);
    fputs("}\n", out);
}

/*
** A TSV field.  Tabs and newlines would break the columns, and other
** control characters (ESC, BEL, the C1 controls U+0080..U+009F) could drive
** the terminal that shows the output: each becomes one space.  They can
** reach the text escaped (JSON "\u001b", HTML "&#x1b;").
*/
static void write_tsv_field(FILE *out, const char *s, size_t len)
{
    for (size_t i = 0; s && i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xc2 && i + 1 < len && (unsigned char)s[i + 1] >= 0x80 &&
            (unsigned char)s[i + 1] <= 0x9f) {
            putc(' ', out);
            i++;
        } else {
            putc(c < 0x20 || c == 0x7f ? ' ' : c, out);
        }
    }
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
*/
static void write_gdelt_actor(FILE *out, const sr_actor *a)
{
    if (!a->code) {
        fputs("\t\t\t\t\t\t\t\t\t\t", out);
        return;
    }
    sr_code_parts g = sr_actor_code_split(a->code);
    write_tsv_cfield(out, a->code);
    putc('\t', out);
    write_tsv_cfield(out, a->name);
    fprintf(out, "\t%s\t%s\t\t\t\t%s\t%s\t%s\t", g.country, g.group, g.type[0], g.type[1],
            g.type[2]);
}

/*
** DATEADDED, YYYYMMDDHHMMSS: midnight of the document's date, or for an
** undated document the time of writing (UTC), as GDELT stamps its own rows.
*/
static const char *date_added(const char *ymd)
{
    static _Thread_local char buf[32];
    if (*ymd) {
        snprintf(buf, sizeof buf, "%s000000", ymd);
    } else {
        time_t now = time(NULL);
        struct tm tm;
        gmtime_r(&now, &tm);
        strftime(buf, sizeof buf, "%Y%m%d%H%M%S", &tm);
    }
    return buf;
}

void sr_write_gdelt_row(FILE *out, const sr_gdelt_row *r)
{
    const sr_event *ev = r->ev;
    char ymd[9] = "";
    const char *date = ev->date;
    if (date && strlen(date) == 10)
        snprintf(ymd, sizeof ymd, "%.4s%.2s%.2s", date, date + 5, date + 8);
    fprintf(out, "%" PRIu64 "\t%s\t%.6s\t%.4s\t", r->id, ymd, ymd, ymd);
    if (*ymd) {
        int y = 0, m = 0, dd = 0;
        sscanf(date, "%d-%d-%d", &y, &m, &dd);
        fprintf(out, "%.4f", y + ((m - 1) * 30 + dd) / 365.0);
    }
    putc('\t', out);
    write_gdelt_actor(out, &ev->source);
    write_gdelt_actor(out, &ev->target);
    const char *code = ev->cameo ? ev->cameo : "";
    fprintf(out, "%d\t%s\t%.3s\t%.2s\t%d\t%.1f\t%d\t%d\t%d\t\t", r->is_root, code, code, code,
            ev->quad_class, ev->goldstein, r->nmentions, r->nsources, r->narticles);
    /* Actor1Geo, Actor2Geo, ActionGeo: 8 columns each. */
    sr_write_gdelt_actor_geo(out, &ev->source, &ev->place);
    sr_write_gdelt_actor_geo(out, &ev->target, &ev->place);
    sr_write_gdelt_geo(out, &ev->place);
    char added[9] = ""; /* DATEADDED: when the article was published, else now */
    if (r->added && strlen(r->added) == 10)
        snprintf(added, sizeof added, "%.4s%.2s%.2s", r->added, r->added + 5, r->added + 8);
    fprintf(out, "%s\t", date_added(added));
    write_tsv_cfield(out, r->url);
    putc('\n', out);
}

/* One report, as GDELT writes an event it has seen once. */
static void write_event_gdelt(FILE *out, const sr_doc *d, const sr_event *ev)
{
    sr_gdelt_row r = {sr_event_number(ev),
                      ev,
                      ev->sentence == 0,
                      1,
                      1,
                      1,
                      d->meta.date,
                      d->meta.url ? d->meta.url : d->meta.id};
    sr_write_gdelt_row(out, &r);
}

/* The one name table of sr_format. */
static const char *const format_names[] = {"jsonl", "tsv", "gdelt", "plover", "quotes"};

const char *sr_format_name(int fmt)
{
    return fmt >= 0 && fmt < (int)(sizeof format_names / sizeof *format_names) ? format_names[fmt]
                                                                               : NULL;
}

int sr_format_from_name(const char *s)
{
    for (int i = 0; i < (int)(sizeof format_names / sizeof *format_names); i++)
        if (strcmp(s, format_names[i]) == 0)
            return i;
    return -1;
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
        else if (fmt == SR_FORMAT_PLOVER)
            write_event_plover(out, d, ev);
        else if (fmt == SR_FORMAT_TSV)
            write_event_tsv(out, d, ev);
        else
            write_event_gdelt(out, d, ev);
    }
    if (fmt == SR_FORMAT_QUOTES)
        sr_write_quotes_json(out, d);
    return ferror(out) ? -1 : 0;
}

int sr_write_tokens(FILE *out, const sr_doc *d)
{
    for (size_t i = 0; i < d->nsentences; i++) {
        const sr_sentence *s = &d->sentences[i];
        fputs("# doc = ", out);
        write_tsv_cfield(out, d->meta.id);
        fprintf(out, "\n# sentence = %zu\n# span = %" PRIu32 " %" PRIu32 "\n# text = ", i,
                s->span.start, s->span.end);
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
    fputs("# newdoc id = ", out);
    write_tsv_cfield(out, d->meta.id);
    putc('\n', out);
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
