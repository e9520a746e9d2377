/*
** actors_fuzzy.c: approximate names ("Aleksis Grinkevich" for Alexus
** Grynkewich) with the sentence as supporting context, and the choice
** among the entities a key names.
*/
#include "kb/actors_internal.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util/util.h"

/* Approximate names.                                                 */

/* Words too common to count as context. */
int sr_act_weak_word(const char *w)
{
    static const char *const v[] = {"the",   "and",   "for",   "with",  "from",  "that", "this",
                                    "said",  "have",  "been",  "will",  "were",  "also", "into",
                                    "about", "after", "their", "which", "would", "other"};
    if (strlen(w) < 4)
        return 1;
    return act_one_of(w, v, sizeof v / sizeof v[0]);
}

/*
** How much the sentence supports reading the name at tokens [ns, ne) as
** entity e: a title before it that fits e's offices (+1), a nationality or
** organization that fits its roles (+1), words of its office titles
** elsewhere in the sentence (+1 each, at most 2).
*/
int sr_act_support(finder *f, const phrase *ph, const kb_entity *e, uint32_t ns, uint32_t ne)
{
    const sr_kb *kb = f->kb;
    int score = 0;
    act_titles tt;
    sr_act_titles_init(kb, e, &tt);
    if (ph->title[0]) {
        if ((ph->title_sector && sr_act_has_sector(kb, e, ph->title_sector)) ||
            sr_act_titles_mention(&tt, ph->title_head))
            score++;
    }
    if (ph->mod_code[0] && sr_act_has_code_prefix(kb, e, ph->mod_code))
        score++;
    else
        for (int i = 0; i < f->ncodes; i++)
            if (sr_act_has_code_prefix(kb, e, f->codes[i])) {
                score++;
                break;
            }
    int words = 0;
    for (uint32_t k = 0; k < f->ncontext && words < 2; k++) {
        uint32_t i = f->context[k];
        if ((i >= ns && i < ne) || (i >= ph->title_start && i < ph->title_end))
            continue;
        const char *w = f->norm[i];
        char sing[64];
        size_t wl = strlen(w);
        kb_copy(sing, sizeof sing, w);
        if (wl > 4 && w[wl - 1] == 's' && wl < sizeof sing)
            sing[wl - 1] = 0; /* "chiefs" for "Chief of ..." */
        if (sr_act_titles_mention(&tt, w) || sr_act_titles_mention(&tt, sing))
            words++;
    }
    return score + words;
}

/*
** Whether more than four bits of x are set: clears the lowest four, so
** that the test costs a few instructions where a portable popcount is a
** library call (it runs for every name of the fuzzy table in reach).
*/
static inline int more_than_four_bits(uint32_t x)
{
    x &= x - 1;
    x &= x - 1;
    x &= x - 1;
    x &= x - 1;
    return x != 0;
}

/* Length of the first word of s. */
static size_t first_word_len(const char *s)
{
    const char *sp = strchr(s, ' ');
    return sp ? (size_t)(sp - s) : strlen(s);
}

/* Whether two phonetic keys have the same consonants in the same order. */
static int same_consonants(const char *a, const char *b)
{
    for (;;) {
        while (*a && strchr("aeiou", *a))
            a++;
        while (*b && strchr("aeiou", *b))
            b++;
        if (*a != *b)
            return 0;
        if (!*a)
            return 1;
        a++;
        b++;
    }
}

/* Whether two keys of as many words differ by at most one edit in every word. */
static int word_by_word(const char *a, const char *b)
{
    for (;;) {
        size_t la = strcspn(a, " "), lb = strcspn(b, " ");
        if (sr_kb_edit_distance(a, la, b, lb, 1) > 1)
            return 0;
        a += la;
        b += lb;
        if (!*a || !*b)
            return !*a && !*b;
        a++;
        b++;
    }
}

/*
** Resolve tokens [ns, ne) to a person by phonetic key and bounded edit
** distance.  An exact phonetic match of a long enough name is taken as
** is; anything weaker must be backed by the context (support()) in
** proportion to the distance, so an unrelated name one letter away from a
** leader's ("Mr. Pution") is never taken for it.  Returns NULL when no
** single person qualifies.
*/
const kb_entity *sr_act_fuzzy_person(finder *f, const phrase *ph, uint32_t ns, uint32_t ne)
{
    const sr_kb *kb = f->kb;
    char norm[MAX_KEY], key[MAX_KEY];
    if (!sr_act_range_key(f, ns, ne, norm, sizeof norm))
        return NULL;
    size_t kl = sr_kb_phonetic(norm, key, sizeof key);
    int words = sr_kb_count_words(norm);
    if (kl < 4)
        return NULL;
    uint32_t letters = sr_kb_letters(key);
    const kb_entity *best = NULL;
    int best_cost = 1000, ambiguous = 0;
    /* Only names of the same first sound: their group is sorted by key length,
       find the first entry long enough. */
    const uint32_t *order = kb->fuzzy_order;
    uint32_t lo = kb->fuzzy_group[(unsigned char)key[0]];
    uint32_t hi = kb->fuzzy_group[(unsigned char)key[0] + 1], end = hi;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if ((size_t)kb->fuzzy[order[mid]].keylen + 2 < kl)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (uint32_t i = lo; i < end && kb->fuzzy[order[i]].keylen <= kl + 2; i++) {
        const kb_fuzzy *z = &kb->fuzzy[order[i]];
        if (z->nwords != words)
            continue;
        /* each edit changes at most two letters of the set; names keep their first sound */
        if (more_than_four_bits(z->letters ^ letters))
            continue;
        const char *zk = kb_str(kb, z->key);
        if (zk[0] != key[0])
            continue;
        int d = sr_kb_edit_distance(key, kl, zk, z->keylen, 3);
        /* vowels vary most in romanization: Muhammad/Mohammed, Pyotr/Petro, Poutine/Putin */
        int vowels_only = d > 0 && same_consonants(key, zk);
        if (d >= 2 && vowels_only)
            d = 1;
        if (d > 2)
            continue;
        const kb_entity *e = &kb->entities[z->entity];
        const char *zn = kb_str(kb, z->norm);
        int first_exact = words >= 2 && first_word_len(zn) == first_word_len(norm) &&
                          strncmp(zn, norm, first_word_len(norm)) == 0;
        int ok;
        if (d == 0)
            ok = kl >= 5 || words >= 2;
        else {
            int sup = sr_act_support(f, ph, e, ns, ne);
            if (d == 1)
                ok = words >= 2 ? (sup >= 1 || ((first_exact || vowels_only) && kl >= 10))
                                : ((kl >= 8 && sup >= 1) || (kl >= 5 && sup >= 2));
            else
                ok = words >= 2 && kl >= 8 &&
                     (sup >= 2 || ((first_exact || word_by_word(key, zk)) && sup >= 1));
        }
        if (!ok)
            continue;
        int cost = d * 2 + (z->surname ? 1 : 0);
        if (cost < best_cost) {
            best = e;
            best_cost = cost;
            ambiguous = 0;
        } else if (cost == best_cost && e != best) {
            ambiguous = 1;
        }
    }
    return ambiguous ? NULL : best;
}

/* ------------------------------------------------------------------ */
/* Choosing among the entities a key names.                           */

static int kind_rank(int kind)
{
    switch (kind) {
    case KB_P_NAME:
        return 0;
    case KB_P_ALIAS:
        return 1;
    case KB_P_VARIANT:
        return 2;
    case KB_P_NATIVE:
        return 2;
    case KB_P_METONYM:
        return 3;
    case KB_P_ADJ:
        return 4;
    case KB_P_DEMONYM:
        return 5;
    case KB_P_SURNAME:
        return 6;
    default:
        return 100;
    }
}

/*
** The best posting of slot among those accept() takes: the strongest kind
** of name, then an entity the document already mentioned, then one with a
** role on the date.  NULL when nothing is accepted or a surname is shared
** by people that nothing tells apart.
*/
const kb_posting *sr_act_choose(finder *f, const kb_slot *slot,
                                int (*accept)(const sr_kb *, const kb_posting *))
{
    const kb_posting *best = NULL;
    int best_score = -1, tie = 0;
    FOR_POSTINGS(f->kb, slot, p)
    {
        if (!accept(f->kb, p))
            continue;
        const kb_entity *e = sr_act_ent(f->kb, p);
        int score = (100 - kind_rank(p->kind)) * 4;
        if (sr_act_referent_of(f, e))
            score += 2;
        if (sr_kb_role_on(f->kb, e, f->date))
            score += 1;
        if (score > best_score) {
            best = p;
            best_score = score;
            tie = 0;
        } else if (score == best_score && sr_act_ent(f->kb, best) != e) {
            tie = 1;
        }
    }
    if (best && tie && best->kind == KB_P_SURNAME)
        return NULL;
    return best;
}

/* choose() filters: a person, a modifier, anything named but an agent word. */
int sr_act_accept_person(const sr_kb *kb, const kb_posting *p)
{
    return (sr_act_naming_kind(p->kind) || p->kind == KB_P_SURNAME) &&
           sr_act_person(kb, sr_act_ent(kb, p));
}

int sr_act_accept_modifier(const sr_kb *kb, const kb_posting *p)
{
    return (p->kind == KB_P_ADJ || p->kind == KB_P_NAME || p->kind == KB_P_ALIAS ||
            p->kind == KB_P_VARIANT || p->kind == KB_P_METONYM) &&
           sr_act_polity(kb, sr_act_ent(kb, p));
}

int sr_act_accept_naming(const sr_kb *kb, const kb_posting *p)
{
    return (sr_act_naming_kind(p->kind) || p->kind == KB_P_ADJ) &&
           sr_act_ent(kb, p)->type != KB_T_AGENT;
}

/* The code an entity named by posting p carries: a metonym's own code, or its code on the date. */
const char *sr_act_named_code(finder *f, const kb_posting *p, char *buf, size_t cap,
                              const char **sector)
{
    if (p->kind == KB_P_METONYM) {
        const char *c = kb_str(f->kb, p->aux);
        kb_copy(buf, cap, c);
        *sector = strlen(c) > 3 ? c + 3 : "";
        return buf;
    }
    return sr_act_code_of(f, sr_act_ent(f->kb, p), buf, cap, sector);
}

/* Codes of the countries and organizations the sentence names (context for support()). */
void sr_act_sentence_codes(finder *f)
{
    f->ncodes = 0;
    for (uint32_t i = 0; i < f->s->ntokens && f->ncodes < 16;) {
        hit h = sr_act_longest(f, i, sr_act_keep_naming);
        if (!h.slot) {
            i++;
            continue;
        }
        const kb_posting *p = sr_act_choose(f, h.slot, sr_act_accept_naming);
        if (p && !sr_act_person(f->kb, sr_act_ent(f->kb, p))) {
            const char *sector;
            char buf[24];
            sr_act_named_code(f, p, buf, sizeof buf, &sector);
            if (buf[0])
                kb_copy(f->codes[f->ncodes++], sizeof f->codes[0], buf);
        }
        i = h.end;
    }
}

/* ------------------------------------------------------------------ */
