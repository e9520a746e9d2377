/*
** actors_match.c: tokens and exact matching, and what the base says of an
** entity on the finder's date.  Keys are normalized token runs; the
** longest run the base knows wins; postings are filtered by what kind of
** name they are and by the case the words are written in.
*/
#include "kb/actors_internal.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util/util.h"

/* ------------------------------------------------------------------ */
/* Tokens and exact matching.                                         */

/* The form of token k ("" when the segmenter left none). */
const char *sr_act_form(const finder *f, uint32_t k)
{
    const char *s = f->s->tokens[k].form;
    return s ? s : "";
}

size_t sr_act_append_token(const finder *f, uint32_t k, char *key, size_t n, size_t cap)
{
    const tok_key *t = &f->keyform[k];
    if (cap > MAX_KEY || n >= cap) {
        const char *form = sr_act_form(f, k);
        return sr_kb_norm_append(key, n, cap, form, strlen(form));
    }
    if (t->len == MAX_KEY)
        return cap; /* too long alone, too long after anything */
    if (t->lead && n > 0 && key[n - 1] != ' ') {
        if (n + 1 >= cap)
            return cap;
        key[n++] = ' ';
    }
    /* sr_kb_norm_append writes byte by byte, keeping room for the NUL */
    if (n + t->len >= cap)
        return cap;
    memcpy(key + n, t->s, t->len);
    n += t->len;
    key[n] = 0;
    return n;
}

/* The normalized key of tokens [i, j) of the sentence into buf; its length. */
size_t sr_act_range_key(const finder *f, uint32_t i, uint32_t j, char *buf, size_t cap)
{
    size_t n = 0;
    buf[0] = 0;
    for (uint32_t k = i; k < j; k++) {
        if (k > i && f->gap[k] && n > 0 && buf[n - 1] != ' ')
            n = sr_kb_norm_append(buf, n, cap, " ", 1);
        n = sr_act_append_token(f, k, buf, n, cap);
        if (n == cap)
            return 0;
    }
    while (n > 0 && buf[n - 1] == ' ')
        buf[--n] = 0;
    return n;
}

/* Whether a token has a letter or digit (a name cannot start on punctuation). */
int sr_act_wordlike(const char *norm)
{
    for (const unsigned char *p = (const unsigned char *)norm; *p; p++)
        if (*p >= 0x80 || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
            return 1;
    return 0;
}

/* Whether the letters of tokens [i, j) fit the case a slot demands. */
static int case_fits(const finder *f, uint32_t i, uint32_t j, uint32_t flags)
{
    if (!(flags & (KB_S_ACRONYM | KB_S_PROPER)))
        return 1;
    int upper = 0, lower = 0;
    for (uint32_t k = i; k < j; k++)
        sr_kb_case_scan(sr_act_form(f, k), &upper, &lower);
    return kb_case_ok(flags, upper, lower);
}

/* The most tokens a key may span from its start. */
#define LONGEST_WORDS 12

/*
** Fill memo with the keys the base knows from token i: each run of tokens
** from i whose key is in the base, until a key is missing or is no prefix
** of a longer one.  The hits are copied into the finder's arena.
*/
static void find_runs(const finder *f, uint32_t i, run_memo *memo)
{
    run_hit found[LONGEST_WORDS];
    uint8_t nfound = 0;
    char key[MAX_KEY];
    size_t n = 0, prev = 0;
    key[0] = 0;
    for (uint32_t j = i; j < f->s->ntokens && j < i + LONGEST_WORDS; j++) {
        if (j > i && f->gap[j] && n > 0 && key[n - 1] != ' ')
            n = sr_kb_norm_append(key, n, sizeof key, " ", 1);
        n = sr_act_append_token(f, j, key, n, sizeof key);
        if (n == sizeof key)
            break;
        size_t len = n;
        while (len > 0 && key[len - 1] == ' ')
            len--;
        if (len == prev)
            continue; /* a lone hyphen adds nothing */
        prev = len;
        const kb_slot *s = sr_kb_find(f->kb, key, len);
        if (!s)
            break;
        /* "who" is not the WHO, nor "turkey" Turkey; but they may start a longer name */
        found[nfound++] = (run_hit){s, j + 1, case_fits(f, i, j + 1, s->flags)};
        if (!(s->flags & KB_S_PREFIX))
            break;
    }
    memo->hits = nfound ? sr_arena_alloc(f->a, nfound * sizeof *found) : NULL;
    if (nfound)
        memcpy(memo->hits, found, nfound * sizeof *found);
    memo->n = nfound;
    memo->done = 1;
}

/*
** The longest run of tokens from i whose key is in the base and that
** passes keep (which may be NULL); hit.slot is NULL when there is none.
** The keys from i are found once per sentence (see run_memo); keep only
** reads the base, so the longest hit it takes is the one to return.
*/
hit sr_act_longest(const finder *f, uint32_t i, int (*keep)(const sr_kb *, const kb_slot *))
{
    hit h = {i, i, NULL};
    if (i >= f->s->ntokens || !sr_act_wordlike(f->norm[i]))
        return h;
    run_memo *memo = &f->runs[i];
    if (!memo->done)
        find_runs(f, i, memo);
    for (uint32_t k = memo->n; k-- > 0;) {
        const run_hit *r = &memo->hits[k];
        if (r->usable && r->slot->first != KB_NONE && (!keep || keep(f->kb, r->slot))) {
            h.end = r->end;
            h.slot = r->slot;
            break;
        }
    }
    return h;
}

/* The entity a posting names. */
const kb_entity *sr_act_ent(const sr_kb *kb, const kb_posting *p)
{
    return &kb->entities[p->entity];
}

/* Whether e is a person (see kb_personlike). */
int sr_act_person(const sr_kb *kb, const kb_entity *e)
{
    return kb_personlike(e, kb_str(kb, e->name));
}

/*
** Whether a non-person entity can modify a title: it has a code.  A place
** gives its country ("Gaza health ministry" PSEGOV, "Kharkiv police"
** UKRCOP).
*/
int sr_act_polity(const sr_kb *kb, const kb_entity *e)
{
    if (sr_act_person(kb, e) || e->type == KB_T_AGENT)
        return 0;
    return *kb_str(kb, e->code) != 0 || e->nroles > 0;
}

/* Postings that name an entity on their own. */
int sr_act_naming_kind(int kind)
{
    return kind == KB_P_NAME || kind == KB_P_ALIAS || kind == KB_P_VARIANT || kind == KB_P_NATIVE ||
           kind == KB_P_METONYM || kind == KB_P_DEMONYM;
}

/* longest() filters: a key naming a person, a modifier, a title, or anything. */
int sr_act_keep_person(const sr_kb *kb, const kb_slot *s)
{
    FOR_POSTINGS(kb, s, p)
    if ((sr_act_naming_kind(p->kind) || p->kind == KB_P_SURNAME) &&
        sr_act_person(kb, sr_act_ent(kb, p)))
        return 1;
    return 0;
}

int sr_act_keep_modifier(const sr_kb *kb, const kb_slot *s)
{
    FOR_POSTINGS(kb, s, p)
    if ((p->kind == KB_P_ADJ || p->kind == KB_P_NAME || p->kind == KB_P_ALIAS ||
         p->kind == KB_P_VARIANT || p->kind == KB_P_METONYM) &&
        sr_act_polity(kb, sr_act_ent(kb, p)))
        return 1;
    return 0;
}

int sr_act_keep_title(const sr_kb *kb, const kb_slot *s)
{
    FOR_POSTINGS(kb, s, p)
    if (p->kind == KB_P_TITLE || p->kind == KB_P_AGENT)
        return 1;
    return 0;
}

int sr_act_keep_naming(const sr_kb *kb, const kb_slot *s)
{
    FOR_POSTINGS(kb, s, p)
    if (sr_act_naming_kind(p->kind) || p->kind == KB_P_ADJ)
        return 1;
    return 0;
}

/* Whether token i is capitalized (or tagged PROPN), as the words of a name are. */
int sr_act_capitalized(const finder *f, uint32_t i)
{
    if (i >= f->s->ntokens)
        return 0;
    const sr_token *t = &f->s->tokens[i];
    /* a tagger may call an unfamiliar name NOUN or ADJ, but never a function word */
    switch (t->upos) {
    case SR_UPOS_DET:
    case SR_UPOS_ADP:
    case SR_UPOS_PRON:
    case SR_UPOS_AUX:
    case SR_UPOS_CCONJ:
    case SR_UPOS_SCONJ:
    case SR_UPOS_PART:
    case SR_UPOS_NUM:
    case SR_UPOS_INTJ:
    case SR_UPOS_SYM:
    case SR_UPOS_VERB:
    case SR_UPOS_ADV:
        return 0;
    default:
        break;
    }
    const char *s = sr_act_form(f, i);
    while (*s == '-')
        s++;
    utf8proc_int32_t c;
    if (utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &c) <= 0)
        return 0;
    utf8proc_category_t cat = utf8proc_category(c);
    return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

/* Whether token i is a lone hyphen or dash. */
int sr_act_hyphen(const finder *f, uint32_t i)
{
    if (i >= f->s->ntokens)
        return 0;
    return f->norm[i][0] == 0 || strcmp(f->norm[i], " ") == 0;
}

/* ------------------------------------------------------------------ */
/* ------------------------------------------------------------------ */
/* Entities on the date.                                              */

/* Whether entity e held, at any time, a role whose code starts with prefix. */
int sr_act_has_code_prefix(const sr_kb *kb, const kb_entity *e, const char *prefix)
{
    size_t n = strlen(prefix);
    if (n == 0)
        return 0;
    if (strncmp(kb_str(kb, e->code), prefix, n) == 0 ||
        strncmp(kb_str(kb, e->country), prefix, n) == 0)
        return 1;
    for (uint32_t i = 0; i < e->nroles; i++)
        if (strncmp(kb_str(kb, kb->roles[e->role_first + i].code), prefix, n) == 0)
            return 1;
    return 0;
}

/* Whether word w (n bytes, normalized) occurs as a whole word in normalized title t. */
static int title_has_word(const char *t, const char *w, size_t n)
{
    for (const char *p = t; (p = strstr(p, w)); p += n) {
        int start = p == t || p[-1] == ' ';
        int end = p[n] == 0 || p[n] == ' ' || p[n] == ',';
        if (start && end)
            return 1;
    }
    return 0;
}

/* Whether word w (normalized) occurs in any role title of e. */
int sr_act_title_mentions(const sr_kb *kb, const kb_entity *e, const char *w)
{
    size_t n = strlen(w);
    char t[256];
    for (uint32_t i = 0; i < e->nroles; i++) {
        if (!sr_kb_norm(kb_str(kb, kb->roles[e->role_first + i].title), t, sizeof t))
            continue;
        if (title_has_word(t, w, n))
            return 1;
    }
    return 0;
}

/* Start tt for the role titles of e; they are normalized when first needed. */
void sr_act_titles_init(const sr_kb *kb, const kb_entity *e, act_titles *tt)
{
    tt->kb = kb;
    tt->e = e;
    tt->done = 0;
}

/*
** Normalize the role titles of tt's entity once into tt->buf, for many
** words to be looked up in them: the titles that normalize to nothing are
** left out, as sr_act_title_mentions skips them.  When they do not fit,
** tt->complete is 0 and look-ups normalize afresh.
*/
static void titles_norm(act_titles *tt)
{
    const sr_kb *kb = tt->kb;
    const kb_entity *e = tt->e;
    char t[256];
    tt->done = 1;
    tt->len = 0;
    tt->complete = 1;
    for (uint32_t i = 0; i < e->nroles; i++) {
        size_t n = sr_kb_norm(kb_str(kb, kb->roles[e->role_first + i].title), t, sizeof t);
        if (!n)
            continue;
        if (tt->len + n + 1 >= sizeof tt->buf) {
            tt->complete = 0;
            return;
        }
        memcpy(tt->buf + tt->len, t, n + 1);
        tt->len += n + 1;
    }
    tt->buf[tt->len] = 0; /* an empty title ends the list */
}

/* sr_act_title_mentions, the titles normalized on the first call only. */
int sr_act_titles_mention(act_titles *tt, const char *w)
{
    if (!tt->done)
        titles_norm(tt);
    if (!tt->complete)
        return sr_act_title_mentions(tt->kb, tt->e, w);
    size_t n = strlen(w);
    for (const char *t = tt->buf; *t; t += strlen(t) + 1)
        if (title_has_word(t, w, n))
            return 1;
    return 0;
}

/* Whether e held a role of sector s. */
int sr_act_has_sector(const sr_kb *kb, const kb_entity *e, const char *s)
{
    if (!*s)
        return 0;
    for (uint32_t i = 0; i < e->nroles; i++) {
        const kb_role *r = &kb->roles[e->role_first + i];
        if (strcmp(kb_str(kb, r->sector), s) == 0 || strstr(kb_str(kb, r->code), s))
            return 1;
    }
    return 0;
}

/* The code of e on the finder's date into buf. */
const char *sr_act_code_of(finder *f, const kb_entity *e, char *buf, size_t cap,
                           const char **sector)
{
    return sr_kb_code_on(f->kb, e, f->date, buf, cap, sector);
}

/* The country an entity belongs to (nationality, or its code's country). */
void sr_act_country_of(const sr_kb *kb, const kb_entity *e, int32_t date, char out[4])
{
    if (*kb_str(kb, e->country)) {
        kb_copy(out, 4, kb_str(kb, e->country));
        return;
    }
    const kb_role *r = sr_kb_role_on(kb, e, date);
    kb_copy(out, 4, r ? kb_str(kb, r->code) : kb_str(kb, e->code));
    if (out[0] && strcmp(out, "IGO") != 0 && strcmp(out, "NGO") != 0)
        return;
    /* Someone in an international post: the country of their latest national role. */
    out[0] = 0;
    int32_t latest = -1;
    for (uint32_t i = 0; i < e->nroles; i++) {
        const kb_role *x = &kb->roles[e->role_first + i];
        const char *c = kb_str(kb, x->code);
        if (strncmp(c, "IGO", 3) == 0 || strncmp(c, "NGO", 3) == 0 || strlen(c) < 3)
            continue;
        if (x->from > latest) {
            latest = x->from;
            kb_copy(out, 4, c);
        }
    }
}

/* ------------------------------------------------------------------ */
