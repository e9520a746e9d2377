/*
** kb_titles.c: office titles as news writes them.
**
** The base gives a role's title in full ("President of the Russian
** Federation", "Minister of Foreign Affairs"), but news mostly writes
** "the Russian president" or "the foreign minister".  When the base is
** laid out, every title therefore yields its short form without the
** country, the other phrases that name the office, and the keys of a title
** index (holder and short title, short title alone, holder alone) through
** which the mention finder (actors_titles.c) finds the holder of an office
** on a date ("the US president").
*/
#include "kb/kb_build_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

/* The entity a normalized phrase names as a country, organization or place, or -1. */
static int32_t polity_of(const kb_builder *b, const strmap *polities, const char *norm)
{
    if (!polities->cap)
        return -1;
    if (strncmp(norm, "the ", 4) == 0)
        norm += 4;
    size_t len = strlen(norm);
    size_t i = sr_kb_strmap_slot(polities, b->pool, norm, len, sr_kb_hash(norm, len));
    return polities->keys[i] ? (int32_t)polities->vals[i] : -1;
}

/* Map every country/organization name, alias and adjective, for title analysis. */
static void map_polities(kb_builder *b, strmap *m)
{
    for (size_t i = 0; i < b->names.n; i++) {
        pending_name *p = &VEC_AT(b->names, pending_name, i);
        const kb_entity *e = sr_kb_entity_at(b, p->entity);
        if (e->type == KB_T_PERSON || e->type == KB_T_AGENT || e->type == KB_T_UNKNOWN)
            continue;
        if (p->kind != KB_P_NAME && p->kind != KB_P_ALIAS && p->kind != KB_P_ADJ)
            continue;
        if (m->n * 2 >= m->cap)
            sr_kb_strmap_grow(m, b->pool);
        const char *k = b->pool + p->key;
        size_t len = strlen(k);
        size_t j = sr_kb_strmap_slot(m, b->pool, k, len, sr_kb_hash(k, len));
        if (!m->keys[j]) {
            m->keys[j] = p->key + 1;
            m->vals[j] = p->entity;
            m->n++;
        }
    }
}

/* Add phrase (and its British/American spelling twin) as a title phrase of e. */
static void add_title_phrase(kb_builder *b, uint32_t e, const char *phrase, uint32_t key)
{
    char twin[256];
    sr_kb_add_name(b, e, phrase, KB_P_TITLE, key);
    const char *p = strstr(phrase, "defence");
    const char *q = strstr(phrase, "defense");
    if (p || q) {
        snprintf(twin, sizeof twin, "%s", phrase);
        twin[(p ? p : q) - phrase + 5] = p ? 's' : 'c';
        sr_kb_add_name(b, e, twin, KB_P_TITLE, key);
    }
}

/* World regions that end command titles: "Supreme Allied Commander Europe". */
static int region(const char *w)
{
    static const char *const r[] = {"europe",   "africa",   "asia",   "pacific",
                                    "atlantic", "americas", "eurasia"};
    for (size_t i = 0; i < sizeof r / sizeof r[0]; i++)
        if (strcmp(r[i], w) == 0)
            return 1;
    return 0;
}

/*
** Derive the short title of a role ("President of the United States" ->
** "president") and the phrases that name it in news ("minister of foreign
** affairs" -> also "foreign minister").  Adds the phrases as title
** postings of e and returns the short title's string offset.
*/
static uint32_t derive_title(kb_builder *b, const strmap *polities, const uint32_t *adj_of,
                             uint32_t e, const char *title, uint32_t *full_key)
{
    char t[256], x[512], full[256];
    *full_key = 0;
    if (sr_kb_norm(title, t, sizeof t) == 0)
        return 0;
    char *s = t;
    if (strncmp(s, "the ", 4) == 0)
        s += 4;
    kb_copy(full, sizeof full, s);
    /* "... of Russia": drop the polity, and remember its adjective. */
    uint32_t adj = 0;
    for (;;) {
        char *of = NULL;
        for (char *p = strstr(s, " of "); p; p = strstr(p + 1, " of "))
            of = p;
        int32_t who = of ? polity_of(b, polities, of + 4) : -1;
        if (who < 0)
            break;
        if (!adj)
            adj = adj_of[who];
        *of = 0;
    }
    /* "Russian president": drop the adjective. */
    char *sp = strchr(s, ' ');
    if (sp) {
        *sp = 0;
        int lead = polity_of(b, polities, s) >= 0;
        *sp = ' ';
        if (lead)
            s = sp + 1;
    }
    uint32_t key = sr_kb_intern(b, s);
    /* the whole title names one office: "president of france" */
    if (strcmp(full, s) != 0) {
        *full_key = sr_kb_intern(b, full);
        add_title_phrase(b, e, title, *full_key);
    } else {
        add_title_phrase(b, e, title, key);
    }
    add_title_phrase(b, e, s, key);
    /* "supreme allied commander europe" is also "supreme allied commander" */
    char *last = strrchr(s, ' ');
    if (last && sr_kb_count_words(s) >= 3 &&
        (polity_of(b, polities, last + 1) >= 0 || region(last + 1))) {
        snprintf(x, sizeof x, "%.*s", (int)(last - s), s);
        add_title_phrase(b, e, x, key);
    }
    /* "commander in chief of the armed forces" of Ukraine is also "commander in chief
       of the ukrainian armed forces"; "chief of the general staff of the armed forces"
       of Russia "chief of the russian general staff": keyed by the whole title. */
    const char *ofthe = strstr(s, " of the ");
    if (adj && ofthe && strcmp(full, s) != 0) {
        const char *rest = ofthe + 8;
        snprintf(x, sizeof x, "%.*s of the %s %s", (int)(ofthe - s), s, b->pool + adj, rest);
        add_title_phrase(b, e, x, *full_key);
        const char *inner = strstr(rest, " of ");
        if (inner) {
            snprintf(x, sizeof x, "%.*s of the %s %.*s", (int)(ofthe - s), s, b->pool + adj,
                     (int)(inner - rest), rest);
            add_title_phrase(b, e, x, *full_key);
        }
    }
    /* a press secretary is a spokesman: "the Kremlin spokesman" */
    if (strncmp(s, "press secretary", 15) == 0 || strncmp(s, "spokesperson", 12) == 0) {
        add_title_phrase(b, e, "spokesman", key);
        add_title_phrase(b, e, "spokeswoman", key);
        add_title_phrase(b, e, "spokesperson", key);
    }
    /* "minister of foreign affairs" -> "foreign minister", "foreign affairs minister" */
    const char *heads[] = {"minister", "secretary", "ministry"};
    for (size_t h = 0; h < 3; h++) {
        size_t hl = strlen(heads[h]);
        if (strncmp(s, heads[h], hl) != 0)
            continue;
        const char *rest = s + hl;
        if (strncmp(rest, " of ", 4) == 0)
            rest += 4;
        else if (strncmp(rest, " for ", 5) == 0)
            rest += 5;
        else
            continue;
        if (strncmp(rest, "the ", 4) == 0)
            rest += 4;
        if (sr_kb_count_words(rest) > 3)
            continue;
        snprintf(x, sizeof x, "%s %s", rest, heads[h]);
        add_title_phrase(b, e, x, key);
        char *aff = strstr(x, " affairs");
        if (aff) {
            memmove(aff, aff + 8, strlen(aff + 8) + 1);
            add_title_phrase(b, e, x, key);
        }
    }
    return key;
}

/* Country part of a role code: the code without its sector suffix. */
static void role_holder(const kb_builder *b, const kb_role *r, char *out, size_t cap)
{
    const char *code = b->pool + r->code, *sector = b->pool + r->sector;
    size_t lc = strlen(code), ls = strlen(sector);
    if (ls > 0 && lc >= ls + 3 && strcmp(code + lc - ls, sector) == 0)
        lc -= ls;
    if (lc >= cap)
        lc = cap - 1;
    memcpy(out, code, lc);
    out[lc] = 0;
}

/* Add a title-index posting: key -> role ri of entity e. */
static void add_role_key(kb_builder *b, uint32_t e, uint32_t ri, const char *key)
{
    pending_name *p = vec_push(&b->names);
    p->key = sr_kb_intern(b, key);
    p->entity = e;
    p->kind = KB_P_ROLE;
    p->aux = ri;
}

/*
** Title phrases and the title index for every role: "\x01RUS president"
** (holder and short title), "\x01 president" (short title alone), "\x01RUS"
** (holder alone, for "the IAEA chief"), and "\x01 <whole title>" for
** phrases that carry the country inside.
*/
void sr_kb_derive_titles(kb_builder *b)
{
    strmap polities = {0};
    map_polities(b, &polities);
    uint32_t *adj_of = calloc(b->entities.n + 1, sizeof *adj_of);
    if (!adj_of)
        sr_oom((b->entities.n + 1) * sizeof *adj_of);
    for (size_t i = 0; i < b->names.n; i++) {
        pending_name *p = &VEC_AT(b->names, pending_name, i);
        if (p->kind == KB_P_ADJ && !adj_of[p->entity])
            adj_of[p->entity] = p->key;
    }
    for (uint32_t e = 0; e < b->entities.n; e++) {
        kb_entity *ent = sr_kb_entity_at(b, e);
        for (uint32_t i = 0; i < ent->nroles; i++) {
            uint32_t ri = ent->role_first + i;
            kb_role *r = &VEC_AT(b->roles, kb_role, ri);
            char title[256], holder[32], key[320];
            role_holder(b, r, holder, sizeof holder);
            snprintf(key, sizeof key, "\x01%s", holder);
            add_role_key(b, e, ri, key);
            r = &VEC_AT(b->roles, kb_role, ri);
            if (!r->title)
                continue;
            kb_copy(title, sizeof title, b->pool + r->title);
            uint32_t full;
            uint32_t tk = derive_title(b, &polities, adj_of, e, title, &full);
            r = &VEC_AT(b->roles, kb_role, ri);
            r->title_key = tk;
            if (!tk)
                continue;
            snprintf(key, sizeof key, "\x01%s %s", holder, b->pool + tk);
            add_role_key(b, e, ri, key);
            snprintf(key, sizeof key, "\x01 %s", b->pool + tk);
            add_role_key(b, e, ri, key);
            if (full) {
                snprintf(key, sizeof key, "\x01 %s", b->pool + full);
                add_role_key(b, e, ri, key);
            }
        }
    }
    free(adj_of);
    free(polities.keys);
    free(polities.vals);
}

/* When this file was compiled: part of the cache fingerprint, so a new compiler rebuilds caches. */
const char *sr_kb_stamp_titles(void)
{
    return __DATE__ " " __TIME__;
}
