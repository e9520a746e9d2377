/*
** actors_titles.c: office titles and agent words of a phrase: the sector
** and agent a title contributes, the office holder on the date ("the US
** president"), and the modifier of a title ("Russian" of "Russian
** Foreign Minister").
*/
#include "kb/actors_internal.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util/util.h"

/* Titles.                                                            */

/* The sector a title phrase contributes, and its agent entity if it is an agent word. */
static void title_info(finder *f, const kb_slot *slot, phrase *ph)
{
    FOR_POSTINGS(f->kb, slot, p)
    {
        const kb_entity *e = sr_act_ent(f->kb, p);
        if (p->kind == KB_P_AGENT && ph->agent != e) {
            ph->agent = e; /* the last agent word is the head: "ministry spokeswoman" */
            if (!ph->title_sector || !*ph->title_sector)
                ph->title_sector = kb_str(f->kb, e->sector);
        } else if (p->kind == KB_P_TITLE && (!ph->title_sector || !*ph->title_sector)) {
            for (uint32_t r = 0; r < e->nroles; r++) {
                const kb_role *role = &f->kb->roles[e->role_first + r];
                if (role->title_key == p->aux && *kb_str(f->kb, role->sector)) {
                    ph->title_sector = kb_str(f->kb, role->sector);
                    break;
                }
            }
        }
    }
}

/*
** Read one title piece at p: a title or agent word of the base, else a
** built-in honorific or rank (with its abbreviation dot).  Returns the
** token after it, or p when there is none.
*/
static uint32_t read_title(finder *f, uint32_t p, phrase *ph, int allow_honorific)
{
    uint32_t n = f->s->ntokens;
    hit t = sr_act_longest(f, p, sr_act_keep_title);
    const honorific *hon = NULL;
    uint32_t hon_end = p;
    if (allow_honorific && p < n) {
        char key[MAX_KEY];
        /* a honorific ends on a word: the full stop after it is no part of its key */
        for (uint32_t j = p + 3 > n ? n : p + 3; j > p && !hon; j--)
            if (sr_act_wordlike(f->norm[j - 1]) && sr_act_range_key(f, p, j, key, sizeof key) &&
                (hon = sr_act_find_honorific(key)))
                hon_end = j;
    }
    if (!t.slot && !hon)
        return p;
    ph->pieces++;
    uint32_t end = t.slot && t.end >= hon_end ? t.end : hon_end;
    if (ph->title_end == 0 || ph->title_end < ph->title_start)
        ph->title_start = p;
    char key[MAX_KEY];
    sr_act_range_key(f, p, end, key, sizeof key);
    if (t.slot && t.end == end) {
        ph->title_slot = t.slot;
        title_info(f, t.slot, ph);
    }
    if (hon) {
        if (!ph->title_sector || !*ph->title_sector)
            ph->title_sector = hon->sector;
        if (hon->gender)
            ph->title_gender = hon->gender;
    }
    kb_copy(ph->title, sizeof ph->title, key);
    const char *last = strrchr(key, ' ');
    kb_copy(ph->title_head, sizeof ph->title_head, last ? last + 1 : key);
    /* "Gen. Smith", "Lt. Col.": the abbreviation's dot, when a name or rank follows it */
    if (hon && hon_end == end && strlen(hon->word) <= 4 && end + 1 < n &&
        strcmp(sr_act_form(f, end), ".") == 0 && !f->gap[end] && sr_act_capitalized(f, end + 1))
        end++;
    ph->title_end = end;
    return end;
}

/* Words that may stand before a title: "first deputy prime minister", "former official". */
int sr_act_title_modifier(const char *norm)
{
    static const char *const w[] = {"former", "ex",     "first",   "second",   "new",      "top",
                                    "senior", "acting", "interim", "outgoing", "incoming", "then"};
    return act_one_of(norm, w, sizeof w / sizeof w[0]);
}

/*
** Read title pieces from t (at most MAX_TITLES), skipping modifiers such as
** "first" or "former" that a title follows.  allow_honorific: 1 always,
** 0 never, -1 when the piece is capitalized or the phrase began with "the".
** Returns the token after the titles, or t.
*/
uint32_t sr_act_read_titles(finder *f, uint32_t t, phrase *ph, int allow_honorific)
{
    for (int k = 0; k < MAX_TITLES; k++) {
        uint32_t s = t;
        int former = 0;
        while (s < f->s->ntokens && sr_act_title_modifier(f->norm[s])) {
            former |= strcmp(f->norm[s], "former") == 0 || strcmp(f->norm[s], "ex") == 0;
            s++;
        }
        int hon = allow_honorific >= 0 ? allow_honorific : sr_act_capitalized(f, s) || ph->det;
        uint32_t u = read_title(f, s, ph, hon);
        if (u == s)
            break;
        ph->former |= former;
        t = u;
    }
    return t;
}

/* Rank of an office as the head of an organization (lower is higher), or 100. */
static int top_office(const char *title_key)
{
    static const char *const order[] = {
        "secretary general",  "director general", "president", "chair",
        "chairman",           "chairperson",      "head",      "leader",
        "executive director", "director"};
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
        if (strcmp(order[i], title_key) == 0)
            return (int)i;
    return 100;
}

/*
** The office holder on the date for the title phrase of ph, under its
** modifier ("the US president") or, without one, when one person alone
** holds an office of that title then ("the chairman of the Joint Chiefs
** of Staff").  When several qualify under a modifier, the one whose office
** title names the modifier wins ("the European Commission president").
*/
const kb_entity *sr_act_office_holder(finder *f, const phrase *ph, const kb_role **role)
{
    const kb_entity *cand[8];
    const kb_role *roles[8];
    int n = 0;
    if (!ph->title_slot && !(ph->mod_code[0] && sr_act_generic_title(ph->title_head)))
        return NULL;
    if (ph->pieces > 1)
        return NULL; /* a deputy foreign minister is not the foreign minister */
    FOR_POSTINGS(f->kb, ph->title_slot, p)
    {
        if (p->kind != KB_P_TITLE)
            continue;
        char key[160];
        int len = snprintf(key, sizeof key, "\x01%s %s", ph->mod_code, kb_str(f->kb, p->aux));
        if (len <= 0 || (size_t)len >= sizeof key)
            continue;
        const kb_slot *s = sr_kb_find(f->kb, key, (size_t)len);
        FOR_POSTINGS(f->kb, s, q)
        {
            if (q->kind != KB_P_ROLE)
                continue;
            const kb_role *r = &f->kb->roles[q->aux];
            if (r->from > f->date || f->date > r->to)
                continue;
            /* with no modifier only a person holds an office: "the government" is no group */
            if (!ph->mod_code[0] && !sr_act_person(f->kb, sr_act_ent(f->kb, q)))
                continue;
            int seen = 0;
            for (int k = 0; k < n; k++)
                seen |= cand[k] == sr_act_ent(f->kb, q);
            if (!seen && n < 8) {
                cand[n] = sr_act_ent(f->kb, q);
                roles[n++] = r;
            }
        }
    }
    /* "the IAEA chief": a generic title under a modifier is its only office holder */
    if (n == 0 && ph->mod_code[0] && !ph->post_mod && sr_act_generic_title(ph->title_head)) {
        char key[64];
        int len = snprintf(key, sizeof key, "\x01%s", ph->mod_code);
        const kb_slot *s =
            len > 0 && (size_t)len < sizeof key ? sr_kb_find(f->kb, key, (size_t)len) : NULL;
        FOR_POSTINGS(f->kb, s, q)
        {
            const kb_role *r = &f->kb->roles[q->aux];
            if (q->kind != KB_P_ROLE || r->from > f->date || f->date > r->to)
                continue;
            int seen = 0;
            for (int k = 0; k < n; k++)
                seen |= cand[k] == sr_act_ent(f->kb, q);
            if (!seen && n < 8) {
                cand[n] = sr_act_ent(f->kb, q);
                roles[n++] = r;
            }
        }
        if (n > 1 && ph->mod_entity && ph->mod_entity->type != KB_T_COUNTRY) {
            /* an organization's chief is its top office */
            int best = -1, rank = 100, tie = 0;
            for (int k = 0; k < n; k++) {
                int r = top_office(kb_str(f->kb, roles[k]->title_key));
                if (r < rank) {
                    rank = r;
                    best = k;
                    tie = 0;
                } else if (r == rank) {
                    tie = 1;
                }
            }
            if (best >= 0 && rank < 100 && !tie) {
                *role = roles[best];
                return cand[best];
            }
        }
        if (n != 1)
            return NULL;
    }
    if (n == 1) {
        *role = roles[0];
        return cand[0];
    }
    if (n == 0 || !ph->mod.slot)
        return NULL;
    char mod[MAX_KEY];
    sr_act_range_key(f, ph->mod.first, ph->mod.end, mod, sizeof mod);
    for (int k = 0; k < n; k++)
        if (sr_act_title_mentions(f->kb, cand[k], mod)) {
            *role = roles[k];
            return cand[k];
        }
    return NULL;
}
