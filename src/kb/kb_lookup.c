/*
** kb_lookup.c: resolving a single name (sitrep kb lookup) and checking the
** sources of a base (sitrep kb check).
**
** A name is first looked up whole, which is one hash probe: this is the
** fast path for names written as the base has them.  Anything else
** ("Russian troops", "the US president", a misspelled name) goes through
** the mention finder on the name as a one-sentence text.
*/
#include "kb/kb_internal.h"

#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/util.h"

/* Rank of a posting kind for a whole-name lookup; lower is better, -1 refuses. */
static int lookup_rank(int kind)
{
    switch (kind) {
    case KB_P_NAME:
        return 0;
    case KB_P_ALIAS:
        return 1;
    case KB_P_VARIANT:
    case KB_P_NATIVE:
        return 2;
    case KB_P_METONYM:
        return 3;
    case KB_P_DEMONYM:
        return 4;
    case KB_P_ADJ:
        return 5;
    case KB_P_SURNAME:
        return 6;
    case KB_P_AGENT:
        return 7;
    default:
        return -1;
    }
}

/* YYYYMMDD as "YYYY-MM-DD" into out (11 bytes at least). */
static void date_str(int32_t d, char *out)
{
    uint32_t v = d < 0 ? 0 : (uint32_t)d;
    const int pos[] = {0, 1, 2, 3, 5, 6, 8, 9};
    for (int i = 7; i >= 0; i--) {
        out[pos[i]] = (char)('0' + v % 10);
        v /= 10;
    }
    out[4] = out[7] = '-';
    out[10] = 0;
}

/* Fill the role fields of m from role r (may be NULL). */
static void fill_role(const sr_kb *kb, const kb_role *r, sr_kb_match *m)
{
    m->title = r && *kb_str(kb, r->title) ? kb_str(kb, r->title) : NULL;
    m->role_from[0] = m->role_to[0] = 0;
    if (!r)
        return;
    if (r->from != KB_DATE_MIN)
        date_str(r->from, m->role_from);
    if (r->to != KB_DATE_MAX)
        date_str(r->to, m->role_to);
}

/* Fill m from entity e named by posting p on date. */
static void fill(const sr_kb *kb, const kb_posting *p, int32_t date, sr_kb_match *m)
{
    const kb_entity *e = &kb->entities[p->entity];
    m->entity = kb_str(kb, e->id);
    m->name = kb_str(kb, e->name);
    m->type = sr_kb_type_name(e->type);
    m->how = "exact";
    fill_role(kb, sr_kb_role_on(kb, e, date), m);
    if (p->kind == KB_P_METONYM) {
        kb_copy(m->buf, sizeof m->buf, kb_str(kb, p->aux));
        m->sector = strlen(m->buf) > 3 ? kb_str(kb, p->aux) + 3 : "";
    } else if (p->kind == KB_P_AGENT) {
        kb_copy(m->buf, sizeof m->buf, kb_str(kb, e->sector));
        m->sector = kb_str(kb, e->sector);
        m->how = "agent";
        m->agent = m->entity;
        m->entity = NULL;
    } else {
        sr_kb_code_on(kb, e, date, m->buf, sizeof m->buf, &m->sector);
    }
    m->code = m->buf;
}

/* The whole-name fast path: one probe of the normalized name. */
static int lookup_exact(const sr_kb *kb, const char *name, int32_t date, sr_kb_match *m)
{
    char key[512];
    size_t n = sr_kb_norm(name, key, sizeof key);
    if (n == 0)
        return 0;
    const kb_slot *s = sr_kb_find(kb, key, n);
    if (!s || s->first == KB_NONE)
        return 0;
    int upper = 0, lower = 0;
    sr_kb_case_scan(name, &upper, &lower);
    /* "who" is not the WHO; but a name typed in lowercase is still a name */
    if (!kb_case_ok(s->flags & ~(uint32_t)KB_S_PROPER, upper, lower))
        return 0;
    const kb_posting *best = NULL;
    int best_rank = 1000, tie = 0;
    for (uint32_t i = s->first; i != KB_NONE; i = kb->postings[i].next) {
        const kb_posting *p = &kb->postings[i];
        int r = lookup_rank(p->kind);
        if (r < 0)
            continue;
        /* among equals, one holding a role on the date wins */
        r = r * 2 + (sr_kb_role_on(kb, &kb->entities[p->entity], date) ? 0 : 1);
        if (r < best_rank) {
            best = p;
            best_rank = r;
            tie = 0;
        } else if (r == best_rank && best->entity != p->entity) {
            tie = 1;
        }
    }
    if (!best || (tie && best->kind == KB_P_SURNAME))
        return 0;
    fill(kb, best, date, m);
    return 1;
}

/* Split name into tokens (words, with leading and trailing punctuation apart). */
static size_t tokenize(sr_arena *a, const char *text, sr_token *toks, size_t cap)
{
    size_t n = 0, i = 0, len = strlen(text);
    while (i < len && n < cap) {
        while (i < len && (text[i] == ' ' || text[i] == '\t'))
            i++;
        if (i >= len)
            break;
        size_t j = i;
        while (j < len && text[j] != ' ' && text[j] != '\t')
            j++;
        size_t a0 = i, b0 = j;
        /* trailing , ; : ) and a final '.' of a sentence are tokens of their own */
        while (b0 > a0 + 1 && strchr(",;:)\"", text[b0 - 1]))
            b0--;
        if (a0 < b0 && strchr("(\"", text[a0]) && n < cap) {
            toks[n++] = (sr_token){.start = (uint32_t)a0,
                                   .end = (uint32_t)a0 + 1,
                                   .form = sr_arena_strndup(a, text + a0, 1),
                                   .head = -1};
            a0++;
        }
        /* "Russia's" -> "Russia" "'s" */
        size_t c0 = b0;
        if (b0 >= a0 + 3 && text[b0 - 2] == '\'' && text[b0 - 1] == 's')
            c0 = b0 - 2;
        if (a0 < c0 && n < cap)
            toks[n++] = (sr_token){.start = (uint32_t)a0,
                                   .end = (uint32_t)c0,
                                   .form = sr_arena_strndup(a, text + a0, c0 - a0),
                                   .head = -1};
        if (c0 < b0 && n < cap)
            toks[n++] = (sr_token){.start = (uint32_t)c0,
                                   .end = (uint32_t)b0,
                                   .form = sr_arena_strndup(a, text + c0, b0 - c0),
                                   .head = -1};
        for (size_t k = b0; k < j && n < cap; k++)
            toks[n++] = (sr_token){.start = (uint32_t)k,
                                   .end = (uint32_t)k + 1,
                                   .form = sr_arena_strndup(a, text + k, 1),
                                   .head = -1};
        i = j;
    }
    return n;
}

int sr_kb_lookup(const sr_kb *kb, const char *name, const char *date, sr_kb_match *m)
{
    memset(m, 0, sizeof *m);
    int32_t d = date ? sr_kb_parse_doc_date(date) : -1;
    if (d < 0)
        d = (int32_t)kb->h->newest_date;
    if (lookup_exact(kb, name, d, m))
        return 1;
    sr_arena a;
    sr_arena_init(&a);
    sr_token toks[64];
    sr_sentence s = {{0, (uint32_t)strlen(name)}, toks, 0};
    s.ntokens = (uint32_t)tokenize(&a, name, toks, 64);
    sr_mention *ms;
    size_t nm;
    sr_actors_find(kb, name, &s, 1, date, &a, &ms, &nm);
    /* The widest mention is what the name means. */
    const sr_mention *best = NULL;
    for (size_t i = 0; i < nm; i++)
        if (!best || ms[i].span.end - ms[i].span.start > best->span.end - best->span.start)
            best = &ms[i];
    int found = best != NULL;
    if (best) {
        const kb_entity *e = NULL;
        if (best->entity) {
            size_t n = strlen(best->entity);
            for (uint32_t i = 0; i < kb->h->nentities && !e; i++)
                if (strncmp(kb_str(kb, kb->entities[i].id), best->entity, n + 1) == 0)
                    e = &kb->entities[i];
        }
        kb_copy(m->buf, sizeof m->buf, best->code);
        kb_copy(m->namebuf, sizeof m->namebuf, best->name ? best->name : "");
        m->code = m->buf;
        m->name = m->namebuf;
        m->entity = e ? kb_str(kb, e->id) : NULL;
        m->agent = best->agent;
        m->type = best->kind == SR_MENTION_AGENT ? "agent"
                  : e                            ? sr_kb_type_name(e->type)
                                                 : "person";
        m->sector = best->sector ? (e ? kb_str(kb, e->sector) : "") : "";
        if (best->sector) {
            /* keep the sector text alive past the arena */
            size_t cl = strlen(m->buf), sl = strlen(best->sector);
            m->sector = sl <= cl ? m->buf + cl - sl : "";
        }
        fill_role(kb, e ? sr_kb_role_on(kb, e, d) : NULL, m);
        static const char *const how[] = {"", "name", "agent", "title", "coref", "unknown"};
        m->how = best->kind <= SR_MENTION_UNKNOWN ? how[best->kind] : "name";
    }
    sr_arena_free(&a);
    return found;
}

/* Print s as a JSON string. */
static void json_str(FILE *out, const char *s)
{
    if (!s) {
        fputs("null", out);
        return;
    }
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(out, "\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", out);
        else if (*p == '\t')
            fputs("\\t", out);
        else if (*p < 0x20)
            fprintf(out, "\\u%04x", *p);
        else
            fputc(*p, out);
    }
    fputc('"', out);
}

int sr_kb_lookup_json(const sr_kb *kb, const char *name, const char *date, FILE *out)
{
    sr_kb_match m;
    int found = sr_kb_lookup(kb, name, date, &m);
    fputs("{\"name\":", out);
    json_str(out, name);
    if (date) {
        fputs(",\"date\":", out);
        json_str(out, date);
    }
    fputs(",\"match\":", out);
    if (!found) {
        fputs("null}\n", out);
        return 0;
    }
    fputs("{\"id\":", out);
    json_str(out, m.entity);
    fputs(",\"name\":", out);
    json_str(out, m.name);
    fputs(",\"type\":", out);
    json_str(out, m.type);
    if (m.agent) {
        fputs(",\"agent\":", out);
        json_str(out, m.agent);
    }
    fputs(",\"code\":", out);
    json_str(out, m.code);
    fputs(",\"sector\":", out);
    json_str(out, m.sector && *m.sector ? m.sector : NULL);
    fputs(",\"role\":", out);
    if (m.title || m.role_from[0] || m.role_to[0]) {
        fputs("{\"title\":", out);
        json_str(out, m.title);
        fputs(",\"from\":", out);
        json_str(out, m.role_from[0] ? m.role_from : NULL);
        fputs(",\"to\":", out);
        json_str(out, m.role_to[0] ? m.role_to : NULL);
        fputc('}', out);
    } else {
        fputs("null", out);
    }
    fputs(",\"how\":", out);
    json_str(out, m.how);
    fputs("}}\n", out);
    return 1;
}

int sr_kb_check(const char *data_dir, FILE *errors)
{
    sr_error err = {0};
    char **paths = NULL;
    data_dir = sr_data_dir(data_dir);
    int n = sr_kb_list_files(data_dir, &paths, &err);
    if (n < 0) {
        if (errors)
            fprintf(errors, "%s\n", err.msg);
        return -1;
    }
    kb_builder *b = sr_kb_builder_new();
    int problems = 0;
    for (int i = 0; i < n; i++) {
        int k = sr_kb_read_text_file(b, paths[i], errors, &err);
        if (k < 0) {
            if (errors)
                fprintf(errors, "%s\n", err.msg);
            problems++;
        } else {
            problems += k;
        }
        free(paths[i]);
    }
    free(paths);
    sr_kb_builder_free(b);
    return problems;
}
