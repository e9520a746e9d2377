/*
** kb_build.c: the knowledge-base compiler.
**
** The readers (kb_text.c for our .kb files, kb_petrarch.c for PETRARCH
** dictionaries) feed entities, roles and names into a kb_builder; the
** builder derives what matching needs (transliterated variants of native
** names in kb_translit.c, office-title phrases and the title index in
** kb_titles.c, word prefixes, phonetic keys) and lays everything out as
** one blob in the format of kb_internal.h.
*/
#include "kb/kb_build_internal.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/util.h"

kb_builder *sr_kb_builder_new(void)
{
    kb_builder *b = calloc(1, sizeof *b);
    if (!b)
        sr_oom(sizeof *b);
    b->entities.size = sizeof(kb_entity);
    b->roles.size = sizeof(kb_role);
    b->names.size = sizeof(pending_name);
    b->pool_cap = 1 << 16;
    b->pool = malloc(b->pool_cap);
    if (!b->pool)
        sr_oom(b->pool_cap); /* util.h: back to the loader's recovery point */
    b->pool[0] = 0;          /* offset 0 is the empty string */
    b->pool_n = 1;
    return b;
}

void sr_kb_builder_free(kb_builder *b)
{
    if (!b)
        return;
    free(b->pool);
    free(b->interned.keys);
    free(b->interned.vals);
    free(b->ids.keys);
    free(b->ids.vals);
    free(b->entities.v);
    free(b->roles.v);
    free(b->names.v);
    for (int i = 0; i < 5; i++)
        if (b->trans[i])
            utrans_close(b->trans[i]);
    free(b);
}

/* ------------------------------------------------------------------ */
/* Interning.                                                         */

/* Find s in map m (strings live in pool); returns the slot. */
size_t sr_kb_strmap_slot(const strmap *m, const char *pool, const char *s, size_t len, uint32_t h)
{
    size_t mask = m->cap - 1, i = h & mask;
    while (m->keys[i]) {
        const char *k = pool + m->keys[i] - 1;
        if (strncmp(k, s, len) == 0 && k[len] == 0)
            return i;
        i = (i + 1) & mask;
    }
    return i;
}

/* Double the map (or create it) and rehash its keys. */
void sr_kb_strmap_grow(strmap *m, const char *pool)
{
    strmap g = {0};
    g.cap = m->cap ? m->cap * 2 : 1024;
    g.keys = calloc(g.cap, sizeof *g.keys);
    g.vals = calloc(g.cap, sizeof *g.vals);
    if (!g.keys || !g.vals)
        sr_oom(g.cap * sizeof *g.keys);
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i])
            continue;
        const char *k = pool + m->keys[i] - 1;
        size_t len = strlen(k);
        size_t j = sr_kb_strmap_slot(&g, pool, k, len, sr_kb_hash(k, len));
        g.keys[j] = m->keys[i];
        g.vals[j] = m->vals[i];
        g.n++;
    }
    free(m->keys);
    free(m->vals);
    *m = g;
}

uint32_t sr_kb_intern_n(kb_builder *b, const char *s, size_t len)
{
    if (len == 0)
        return 0;
    if (b->interned.n * 2 >= b->interned.cap)
        sr_kb_strmap_grow(&b->interned, b->pool);
    uint32_t h = sr_kb_hash(s, len);
    size_t i = sr_kb_strmap_slot(&b->interned, b->pool, s, len, h);
    if (b->interned.keys[i])
        return b->interned.vals[i];
    /* s may point into the pool itself: keep its offset across realloc. */
    int inside = s >= b->pool && s < b->pool + b->pool_n;
    size_t s_off = inside ? (size_t)(s - b->pool) : 0;
    while (b->pool_n + len + 1 > b->pool_cap) {
        b->pool_cap *= 2;
        b->pool = realloc(b->pool, b->pool_cap);
        if (!b->pool)
            sr_oom(b->pool_cap);
    }
    if (inside)
        s = b->pool + s_off;
    uint32_t off = (uint32_t)b->pool_n;
    memcpy(b->pool + off, s, len);
    b->pool[off + len] = 0;
    b->pool_n += len + 1;
    b->interned.keys[i] = off + 1;
    b->interned.vals[i] = off;
    b->interned.n++;
    return off;
}

const char *sr_kb_builder_str(const kb_builder *b, uint32_t off)
{
    return b->pool + off;
}

uint32_t sr_kb_intern(kb_builder *b, const char *s)
{
    return sr_kb_intern_n(b, s, s ? strlen(s) : 0);
}

/* ------------------------------------------------------------------ */
/* Entities, roles, names.                                            */

int sr_kb_claim_id(kb_builder *b, const char *id, uint32_t *prev)
{
    uint32_t off = sr_kb_intern(b, id);
    if (b->ids.n * 2 >= b->ids.cap)
        sr_kb_strmap_grow(&b->ids, b->pool);
    size_t len = strlen(id);
    size_t i = sr_kb_strmap_slot(&b->ids, b->pool, id, len, sr_kb_hash(id, len));
    if (b->ids.keys[i]) {
        *prev = b->ids.vals[i];
        return 0;
    }
    b->ids.keys[i] = off + 1;
    b->ids.vals[i] = (uint32_t)b->entities.n;
    b->ids.n++;
    return 1;
}

uint32_t sr_kb_add_entity(kb_builder *b, const char *id, int type, uint32_t src_file,
                          uint32_t src_line)
{
    kb_entity *e = vec_push(&b->entities);
    e->id = sr_kb_intern(b, id);
    e->type = (uint8_t)type;
    e->src_file = src_file;
    e->src_line = src_line;
    e->role_first = (uint32_t)b->roles.n;
    return (uint32_t)(b->entities.n - 1);
}

kb_entity *sr_kb_entity_at(kb_builder *b, uint32_t e)
{
    return &VEC_AT(b->entities, kb_entity, e);
}

void sr_kb_add_role(kb_builder *b, uint32_t e, int32_t from, int32_t to, const char *code,
                    const char *sector, const char *title)
{
    kb_entity *ent = sr_kb_entity_at(b, e);
    if (ent->nroles == 0)
        ent->role_first = (uint32_t)b->roles.n;
    kb_role *r = vec_push(&b->roles);
    r->from = from;
    r->to = to;
    r->code = sr_kb_intern(b, code);
    r->sector = sr_kb_intern(b, sector);
    r->title = sr_kb_intern(b, title);
    r->title_key = 0; /* derived in finish */
    ent = sr_kb_entity_at(b, e);
    ent->nroles++;
}

void sr_kb_builder_case_hints(kb_builder *b, int on)
{
    b->case_hints = on;
}

/* Whether name has a capital letter: then lowercase text is not it ("turkey"). */
static int proper(const char *name)
{
    for (const char *p = name; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            return 1;
    return 0;
}

/* Whether name is written in capitals only, with at least two letters. */
static int acronym(const char *name)
{
    int upper = 0;
    for (const char *p = name; *p; p++) {
        if (*p >= 'a' && *p <= 'z')
            return 0;
        if ((unsigned char)*p >= 0x80)
            return 0;
        upper += *p >= 'A' && *p <= 'Z';
    }
    return upper >= 2;
}

void sr_kb_add_name(kb_builder *b, uint32_t e, const char *name, int kind, uint32_t aux)
{
    /* an agent word matches in any case, unless written in capitals ("MID", not "mid") */
    int acro = !b->case_hints || kind == KB_P_TITLE ? 0
               : acronym(name)                      ? 2
               : kind == KB_P_AGENT                 ? 0
               : proper(name)                       ? 1
                                                    : 0;
    char norm[512];
    size_t n = sr_kb_norm(name, norm, sizeof norm);
    if (n == 0)
        return;
    pending_name *p = vec_push(&b->names);
    p->key = sr_kb_intern_n(b, norm, n);
    p->entity = e;
    p->kind = (uint8_t)kind;
    p->aux = aux;
    p->acronym = (uint8_t)acro;
    /* "the Kremlin" is also written "Kremlin". */
    if (n > 4 && strncmp(norm, "the ", 4) == 0 && kind != KB_P_TITLE) {
        p = vec_push(&b->names);
        p->key = sr_kb_intern_n(b, norm + 4, n - 4);
        p->entity = e;
        p->kind = (uint8_t)kind;
        p->aux = aux;
        p->acronym = (uint8_t)acro;
    }
}

/* ------------------------------------------------------------------ */
/* Agent plurals.                                                     */

/* Regular English plural of the last word of a normalized phrase. */
static int make_plural(const char *s, char *out, size_t cap)
{
    size_t n = strlen(s);
    if (n < 2 || n + 3 >= cap)
        return 0;
    char last = s[n - 1], prev = s[n - 2];
    if (last == 's' || last == 'x' || (last == 'h' && (prev == 'c' || prev == 's')))
        snprintf(out, cap, "%ses", s);
    else if (last == 'y' && !strchr("aeiou", prev))
        snprintf(out, cap, "%.*sies", (int)(n - 1), s);
    else
        snprintf(out, cap, "%ss", s);
    return 1;
}

/* Every agent word also stands in the plural ("troop" -> "troops"). */
static void add_agent_plurals(kb_builder *b)
{
    size_t n = b->names.n;
    for (size_t i = 0; i < n; i++) {
        pending_name p = VEC_AT(b->names, pending_name, i);
        if (p.kind != KB_P_AGENT)
            continue;
        const kb_entity *e = sr_kb_entity_at(b, p.entity);
        if (e->flags & KB_E_OWN_PLURALS)
            continue;
        char pl[300];
        if (make_plural(b->pool + p.key, pl, sizeof pl)) {
            pending_name *q = vec_push(&b->names);
            q->key = sr_kb_intern(b, pl);
            q->entity = p.entity;
            q->kind = KB_P_AGENT;
            q->aux = 1; /* plural */
        }
    }
}

/* ------------------------------------------------------------------ */
/* Layout.                                                            */

static int cmp_names(const void *a, const void *b)
{
    const pending_name *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    if (x->entity != y->entity)
        return x->entity < y->entity ? -1 : 1;
    if (x->aux != y->aux)
        return x->aux < y->aux ? -1 : 1;
    return (int)x->acronym - (int)y->acronym;
}

/* Order fuzzy entries by key length (the scan bounds on it), then key. */
static int cmp_fuzzy(const void *a, const void *b)
{
    const kb_fuzzy *x = a, *y = b;
    if (x->keylen != y->keylen)
        return x->keylen < y->keylen ? -1 : 1;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    if (x->entity != y->entity)
        return x->entity < y->entity ? -1 : 1;
    return (int)x->surname - (int)y->surname;
}

/* Insert key (string offset) into the slot table; returns the slot. */
static kb_slot *slot_insert(kb_slot *slots, size_t nslots, const char *pool, uint32_t key)
{
    const char *k = pool + key;
    uint32_t h = sr_kb_hash(k, strlen(k));
    size_t i = h & (nslots - 1);
    while (slots[i].key && slots[i].key != key)
        i = (i + 1) & (nslots - 1);
    if (!slots[i].key) {
        slots[i].key = key;
        slots[i].hash = h;
        slots[i].first = KB_NONE;
    }
    return &slots[i];
}

/* A fuzzy entry for part of a name (its surname or last two words). */
static void add_fuzzy_part(kb_builder *b, vec *fz, uint32_t entity, const char *part, int words)
{
    char key[512];
    size_t kl = sr_kb_phonetic(part, key, sizeof key);
    if (kl < 3 || kl > 60)
        return;
    kb_fuzzy *f = vec_push(fz);
    f->key = sr_kb_intern(b, key);
    f->norm = sr_kb_intern(b, part);
    f->entity = entity;
    f->keylen = (uint16_t)kl;
    f->letters = sr_kb_letters(key);
    f->nwords = (uint8_t)words;
    f->surname = 1;
}

/* Phonetic-key entries for every name of every person. */
static void build_fuzzy(kb_builder *b, const pending_name *names, size_t n, vec *fz)
{
    for (size_t i = 0; i < n; i++) {
        const pending_name *p = &names[i];
        if (p->kind != KB_P_NAME && p->kind != KB_P_ALIAS && p->kind != KB_P_VARIANT)
            continue;
        const kb_entity *pe = sr_kb_entity_at(b, p->entity);
        if (!kb_personlike(pe, b->pool + pe->name))
            continue;
        char norm[512], key[512];
        snprintf(norm, sizeof norm, "%s", b->pool + p->key);
        size_t kl = sr_kb_phonetic(norm, key, sizeof key);
        if (kl < 3 || kl > 60)
            continue;
        kb_fuzzy *f = vec_push(fz);
        f->key = sr_kb_intern(b, key);
        f->norm = p->key;
        f->entity = p->entity;
        f->keylen = (uint16_t)kl;
        f->letters = sr_kb_letters(key);
        f->nwords = (uint8_t)sr_kb_count_words(norm);
        char *last = strrchr(norm, ' ');
        if (!last)
            continue;
        /* the last two words of a longer name: "cavo dragone" */
        char *tail = last;
        while (tail > norm && tail[-1] != ' ')
            tail--;
        if (tail > norm)
            add_fuzzy_part(b, fz, p->entity, tail, 2);
        if (strlen(last + 1) >= 4)
            add_fuzzy_part(b, fz, p->entity, last + 1, 1);
    }
}

static size_t align8(size_t n)
{
    return (n + 7) & ~(size_t)7;
}

/* The newest date any role mentions, but not after today (terms end in the future). */
static int32_t newest_date(const kb_builder *b)
{
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    int32_t today = (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
    int32_t best = 20000101;
    for (size_t i = 0; i < b->roles.n; i++) {
        const kb_role *r = &VEC_AT(b->roles, kb_role, i);
        if (r->from > best && r->from != KB_DATE_MAX)
            best = r->from;
        if (r->to > best && r->to != KB_DATE_MAX)
            best = r->to;
    }
    return best > today ? today : best;
}

uint8_t *sr_kb_builder_finish(kb_builder *b, uint64_t fingerprint, size_t *size, sr_error *err)
{
    sr_kb_derive_titles(b);
    add_agent_plurals(b);
    pending_name *names = b->names.v;
    size_t nn = b->names.n;
    if (nn)
        qsort(names, nn, sizeof *names, cmp_names);
    /* Drop duplicates. */
    size_t w = 0;
    for (size_t i = 0; i < nn; i++)
        if (w == 0 || cmp_names(&names[w - 1], &names[i]) != 0)
            names[w++] = names[i];
    nn = b->names.n = w;

    vec fz = {.size = sizeof(kb_fuzzy)};
    build_fuzzy(b, names, nn, &fz);
    if (fz.n)
        qsort(fz.v, fz.n, sizeof(kb_fuzzy), cmp_fuzzy);

    /* Word prefixes of multi-word keys. */
    vec prefixes = {.size = sizeof(uint32_t)};
    size_t nkeys = 0;
    for (size_t i = 0; i < nn; i++) {
        if (i > 0 && names[i].key == names[i - 1].key)
            continue;
        nkeys++;
        if (b->pool[names[i].key] == '\x01')
            continue;
        /* Interning may move the pool: walk by position. */
        for (size_t pos = 0; b->pool[names[i].key + pos]; pos++) {
            if (b->pool[names[i].key + pos] != ' ')
                continue;
            uint32_t off = sr_kb_intern_n(b, b->pool + names[i].key, pos);
            *(uint32_t *)vec_push(&prefixes) = off;
        }
    }
    size_t nslots = 1024;
    while (nslots < 2 * (nkeys + prefixes.n))
        nslots *= 2;
    if (b->pool_n > UINT32_MAX / 2 || nn > UINT32_MAX / 2) {
        free(fz.v);
        free(prefixes.v);
        sr_error_set(err, "knowledge base too large");
        return NULL;
    }

    size_t off_entities = align8(sizeof(kb_header));
    size_t off_roles = align8(off_entities + b->entities.n * sizeof(kb_entity));
    size_t off_postings = align8(off_roles + b->roles.n * sizeof(kb_role));
    size_t off_slots = align8(off_postings + nn * sizeof(kb_posting));
    size_t off_fuzzy = align8(off_slots + nslots * sizeof(kb_slot));
    size_t off_strings = align8(off_fuzzy + fz.n * sizeof(kb_fuzzy));
    size_t total = align8(off_strings + b->pool_n);
    uint8_t *blob = calloc(1, total);
    if (!blob)
        sr_oom(total);

    kb_header *h = (kb_header *)blob;
    memcpy(h->magic, KB_MAGIC, 8);
    h->version = KB_VERSION;
    h->header_size = sizeof(kb_header);
    h->total_size = total;
    h->fingerprint = fingerprint;
    h->newest_date = (uint32_t)newest_date(b);
    h->nentities = (uint32_t)b->entities.n;
    h->nroles = (uint32_t)b->roles.n;
    h->npostings = (uint32_t)nn;
    h->nslots = (uint32_t)nslots;
    h->nfuzzy = (uint32_t)fz.n;
    h->strings_size = (uint32_t)b->pool_n;
    h->off_entities = off_entities;
    h->off_roles = off_roles;
    h->off_postings = off_postings;
    h->off_slots = off_slots;
    h->off_fuzzy = off_fuzzy;
    h->off_strings = off_strings;

    if (b->entities.n)
        memcpy(blob + off_entities, b->entities.v, b->entities.n * sizeof(kb_entity));
    if (b->roles.n)
        memcpy(blob + off_roles, b->roles.v, b->roles.n * sizeof(kb_role));
    if (fz.n)
        memcpy(blob + off_fuzzy, fz.v, fz.n * sizeof(kb_fuzzy));
    memcpy(blob + off_strings, b->pool, b->pool_n);

    kb_posting *post = (kb_posting *)(blob + off_postings);
    kb_slot *slots = (kb_slot *)(blob + off_slots);
    for (size_t i = 0; i < nn; i++) {
        post[i].entity = names[i].entity;
        post[i].aux = names[i].aux;
        post[i].kind = names[i].kind;
        post[i].acronym = names[i].acronym;
        post[i].nwords = (uint8_t)sr_kb_count_words(b->pool + names[i].key);
        post[i].next =
            (i + 1 < nn && names[i + 1].key == names[i].key) ? (uint32_t)(i + 1) : KB_NONE;
        if (i == 0 || names[i - 1].key != names[i].key) {
            kb_slot *sl = slot_insert(slots, nslots, b->pool, names[i].key);
            sl->first = (uint32_t)i;
            sl->flags |= KB_S_ACRONYM | KB_S_PROPER;
        }
        /* a key is case-restricted only when every name behind it is */
        kb_slot *sl = slot_insert(slots, nslots, b->pool, names[i].key);
        if (names[i].acronym < 2)
            sl->flags &= ~(uint32_t)KB_S_ACRONYM;
        /* only one word: "turkey" is a bird, "vladimir putin" still Putin */
        const char *k = b->pool + names[i].key;
        if (strncmp(k, "the ", 4) == 0)
            k += 4; /* "the alliance" is one word as much as "alliance" */
        if (names[i].acronym < 1 || strchr(k, ' '))
            sl->flags &= ~(uint32_t)KB_S_PROPER;
    }
    for (size_t i = 0; i < prefixes.n; i++)
        slot_insert(slots, nslots, b->pool, VEC_AT(prefixes, uint32_t, i))->flags |= KB_S_PREFIX;
    free(prefixes.v);
    free(fz.v);

    h->checksum = sr_hash_bytes(blob + sizeof(kb_header), total - sizeof(kb_header), 0);
    *size = total;
    return blob;
}

/* When this file was compiled: part of the cache fingerprint, so a new compiler rebuilds caches. */
const char *sr_kb_stamp_build(void)
{
    return __DATE__ " " __TIME__;
}
