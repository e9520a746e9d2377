/*
** attr_place.c: toponyms, which place each one is, and the place of each
** event.
**
** Toponyms are runs of up to four capitalized words found in the
** gazetteer, not inside a longer name ("Denzel Washington", "Washington
** Post") nor inside a longer actor mention.  Among the places a name has,
** the choice goes by kind (a country over a division over a city), size
** (population, capitals), the countries the article is about (actor codes
** and unambiguous places), the divisions it names ("Illinois", "the Sumy
** region") and a qualifier after a comma ("Paris, Texas").
**
** An event's place is a toponym its trigger governs through locative
** modifiers ("attacks on Sumy and Odesa", "met ... in Washington") or, for
** material conflict and visits, as its object ("shelled Kharkiv", "struck
** the city of Sumy", "visited Moscow"), else
** a locative one in its sentence (precision "near"), else none.  A toponym that is
** the event's source or target is an actor by metonymy ("Kyiv said"), not
** its place.  An actor with a sector but no country ("riot police") takes
** the country of the event's place, and the event says so.
*/
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "attr/attr_internal.h"
#include "attr/gazetteer.h"

#define MAX_CANDS 8

/* One toponym of the document with its chosen place. */
typedef struct toponym {
    uint32_t sentence;
    int first, last;
    const gaz_place *cand[MAX_CANDS];
    size_t ncand;
    const gaz_place *place;
    int region; /* "Sumy region": the division around the city */
    int head;   /* the toponym's head token */
    int prep;   /* its preposition, or its first conjunct's ("on Sumy and Odesa"); -1 none */
} toponym;

static int capitalized(const sr_token *t)
{
    unsigned char c = (unsigned char)t->form[0];
    return (c >= 'A' && c <= 'Z') || c >= 0xC0;
}

/* "Northern", "Western", "Central": a word that places a toponym, not part of another name. */
static int compass_word(const sr_token *t)
{
    static const char *const W[] = {"north",
                                    "south",
                                    "east",
                                    "west",
                                    "northern",
                                    "southern",
                                    "eastern",
                                    "western",
                                    "central",
                                    "northeastern",
                                    "northwestern",
                                    "southeastern",
                                    "southwestern",
                                    "upper",
                                    "lower",
                                    "greater",
                                    NULL};
    for (int i = 0; W[i]; i++)
        if (strcasecmp(t->form, W[i]) == 0)
            return 1;
    return 0;
}

/* Is token k a capitalized name word outside [first, last)? */
static int name_word(const sr_sentence *s, int k)
{
    return k >= 0 && k < (int)s->ntokens && capitalized(&s->tokens[k]) &&
           s->tokens[k].upos == SR_UPOS_PROPN;
}

/*
** Is [first, last) the end of a longer name mention ("Denzel Washington")?
** A mention that starts with the place is the place's actor ("Kyiv
** authorities", "Zaporozhye region") and does not count.
*/
static int inside_longer_mention(const sr_attr_input *in, uint32_t si, int first, int last)
{
    for (size_t m = sr_mention_first(in, si); m < in->nmentions && in->mentions[m].sentence == si;
         m++) {
        const sr_mention *x = &in->mentions[m];
        if ((int)x->first < first && last <= (int)x->last && x->kind != SR_MENTION_AGENT)
            return 1;
    }
    return 0;
}

/* The longest gazetteer name starting at token i of s: its places; 0 when none. */
static size_t match_at(const sr_gazetteer *g, const sr_sentence *s, const char *text, int i,
                       int *last, const gaz_place **cand)
{
    if (!capitalized(&s->tokens[i]) || sr_tok_is_punct(&s->tokens[i]))
        return 0;
    /* Longest first, over the run of capitalized words ("of", "-" may join them). */
    int most = 1;
    while (most < 4 && i + most < (int)s->ntokens &&
           (capitalized(&s->tokens[i + most]) || sr_tok_is(&s->tokens[i + most], "of") ||
            sr_tok_is(&s->tokens[i + most], "-")))
        most++;
    for (int n = most; n >= 1; n--) {
        int end = i + n;
        if (sr_tok_is_punct(&s->tokens[end - 1]) || !capitalized(&s->tokens[end - 1]))
            continue;
        char key[256];
        uint32_t a = s->tokens[i].start, b = s->tokens[end - 1].end;
        size_t len = sr_gaz_norm(text + a, b - a, key, sizeof key);
        size_t k = len ? sr_gaz_lookup(g, key, len, cand, MAX_CANDS) : 0;
        if (k) {
            *last = end;
            return k;
        }
    }
    return 0;
}

/* The preposition of token k (its case dependent), or -1. */
static int preposition(const sr_sentence *s, int k)
{
    for (int c = 0; c < (int)s->ntokens; c++)
        if (sr_tree_parent(s, c) == k && sr_tree_rel_is(s, c, "case"))
            return c;
    return -1;
}

/* Find the toponyms of the document into an arena array. */
static toponym *find_toponyms(const sr_attr *at, const sr_attr_input *in, sr_arena *a, size_t *n)
{
    size_t cap = 64, cnt = 0;
    toponym *out = sr_arena_alloc(a, cap * sizeof *out);
    for (uint32_t si = 0; si < in->nsentences; si++) {
        const sr_sentence *s = &in->sentences[si];
        for (int i = 0; i < (int)s->ntokens; i++) {
            toponym t = {.sentence = si, .first = i};
            t.ncand = match_at(at->gaz, s, in->text, i, &t.last, t.cand);
            if (!t.ncand)
                continue;
            /* Part of a longer name: "Denzel Washington", "Washington Post", "the
               Legislative Council" (a capitalized word before, other than a compass word) */
            int before = i > 0 && !(s->tokens[i].flags & SR_TOK_PARA_START) &&
                         (name_word(s, i - 1) || (i > 1 && capitalized(&s->tokens[i - 1]) &&
                                                  !compass_word(&s->tokens[i - 1])));
            if (before || name_word(s, t.last) || inside_longer_mention(in, si, i, t.last)) {
                i = t.last - 1;
                continue;
            }
            /* "in March" is a month, "on Sunday" a day, before any town of that name. */
            uint32_t nw = 0;
            if (sr_lx_match(&at->lex, s, (uint32_t)i, LX(LX_MONTH) | LX(LX_WEEKDAY), &nw) &&
                i + (int)nw >= t.last) {
                i = t.last - 1;
                continue;
            }
            /* "Western" is no Fijian division: a toponym is a noun. */
            uint8_t u = s->tokens[sr_tree_span_head(s, i, t.last)].upos;
            if (u == SR_UPOS_ADJ || u == SR_UPOS_VERB || u == SR_UPOS_ADV) {
                i = t.last - 1;
                continue;
            }
            if (t.last < (int)s->ntokens) {
                const char *w = s->tokens[t.last].lemma ? s->tokens[t.last].lemma : "";
                if (strcmp(w, "region") == 0 || strcmp(w, "oblast") == 0 ||
                    strcmp(w, "province") == 0 || strcmp(w, "governorate") == 0) {
                    t.region = 1;
                    t.last++;
                }
            }
            t.head = sr_tree_span_head(s, t.first, t.last);
            int h = t.head;
            for (uint32_t steps = 0;
                 sr_tree_rel_is(s, h, "conj") && sr_tree_parent(s, h) >= 0 && steps < s->ntokens;
                 steps++)
                h = sr_tree_parent(s, h);
            t.prep = preposition(s, h);
            if (cnt == cap) {
                toponym *bigger = sr_arena_alloc(a, 2 * cap * sizeof *out);
                memcpy(bigger, out, cap * sizeof *out);
                out = bigger;
                cap *= 2;
            }
            out[cnt++] = t;
            i = t.last - 1;
        }
    }
    *n = cnt;
    return out;
}

/* Countries the article is about: a count per actor code prefix and unambiguous place. */
typedef struct context {
    char code[64][4];
    int count[64];
    int n;
    const char *admin1[32]; /* divisions the article names ("Illinois", "the Sumy region") */
    int nadmin1;
} context;

static void context_add_admin1(context *c, const char *code)
{
    if (code && *code && c->nadmin1 < 32)
        c->admin1[c->nadmin1++] = code;
}

static int context_has_admin1(const context *c, const char *code)
{
    for (int i = 0; code && *code && i < c->nadmin1; i++)
        if (strcmp(c->admin1[i], code) == 0)
            return 1;
    return 0;
}

static void context_add(context *c, const char *code)
{
    if (!code || strlen(code) < 3 || !isupper((unsigned char)code[0]))
        return;
    for (int i = 0; i < c->n; i++)
        if (memcmp(c->code[i], code, 3) == 0) { /* both hold three bytes at least */
            c->count[i]++;
            return;
        }
    if (c->n < 64) {
        memcpy(c->code[c->n], code, 3);
        c->code[c->n][3] = '\0';
        c->count[c->n++] = 1;
    }
}

static int context_has(const context *c, const char *iso3)
{
    for (int i = 0; i < c->n; i++)
        if (strncmp(c->code[i], iso3, 3) == 0)
            return c->count[i];
    return 0;
}

/* The candidate that a qualifier after a comma selects ("Paris, Texas"), or NULL. */
static const gaz_place *qualified(const sr_attr *at, const sr_attr_input *in, const toponym *t)
{
    const sr_sentence *s = &in->sentences[t->sentence];
    if (t->last + 1 >= (int)s->ntokens || !sr_tok_is(&s->tokens[t->last], ","))
        return NULL;
    const gaz_place *q[MAX_CANDS];
    int qlast;
    size_t nq = match_at(at->gaz, s, in->text, t->last + 1, &qlast, q);
    for (size_t j = 0; j < nq; j++)
        for (size_t i = 0; i < t->ncand; i++) {
            const gaz_place *p = t->cand[i];
            if (q[j]->feature == GAZ_ADMIN1 && p->admin1 && q[j]->admin1 &&
                strcmp(sr_gaz_str(at->gaz, p->admin1), sr_gaz_str(at->gaz, q[j]->admin1)) == 0)
                return p;
            if (q[j]->feature == GAZ_COUNTRY && p->feature == GAZ_CITY &&
                strcmp(p->country, q[j]->country) == 0)
                return p;
        }
    return NULL;
}

/* Score of candidate p: kind, size, capital, the article's countries and divisions. */
static double score(const sr_gazetteer *g, const gaz_place *p, const context *c)
{
    double s = p->feature == GAZ_COUNTRY  ? 10
               : p->feature == GAZ_ADMIN1 ? 5.5
                                          : log10((double)p->population + 10);
    if (p->capital)
        s += 1.5;
    if (context_has(c, p->country))
        s += 2.5;
    if (p->feature == GAZ_CITY && p->admin1 && context_has_admin1(c, sr_gaz_str(g, p->admin1)))
        s += 2;
    return s;
}

/* Choose t's place: the qualifier's, else the best score. */
static void choose_one(const sr_attr *at, const sr_attr_input *in, toponym *t, const context *c)
{
    if ((t->place = qualified(at, in, t)) != NULL)
        return;
    double best = -1e9;
    for (size_t k = 0; k < t->ncand; k++) {
        double sc = score(at->gaz, t->cand[k], c);
        if (sc > best) {
            best = sc;
            t->place = t->cand[k];
        }
    }
}

static void choose(const sr_attr *at, const sr_attr_input *in, toponym *ts, size_t n)
{
    context c = {.n = 0};
    for (size_t m = 0; m < in->nmentions; m++)
        context_add(&c, in->mentions[m].code);
    for (size_t i = 0; i < n; i++)
        if (ts[i].ncand == 1)
            context_add(&c, ts[i].cand[0]->country);
    /* Divisions first ("Illinois", "the Sumy region"): they help choose the towns. */
    for (size_t i = 0; i < n; i++) {
        choose_one(at, in, &ts[i], &c);
        if (ts[i].region || ts[i].place->feature == GAZ_ADMIN1)
            context_add_admin1(&c, ts[i].place->admin1 ? sr_gaz_str(at->gaz, ts[i].place->admin1)
                                                       : NULL);
    }
    for (size_t i = 0; c.nadmin1 && i < n; i++)
        if (!ts[i].region && ts[i].place->feature == GAZ_CITY)
            choose_one(at, in, &ts[i], &c);
}

static int locative(const sr_token *p)
{
    static const char *const preps[] = {
        "in",     "at",   "on", "near",    "outside", "inside",     "across", "over",
        "around", "into", "to", "towards", "toward",  "throughout", "within", "off"};
    for (size_t i = 0; p && i < sizeof preps / sizeof *preps; i++)
        if (sr_tok_is(p, preps[i]))
            return 1;
    return 0;
}

/* Is a inside b? ("Kyiv" as the actor is the toponym; "police in Belgrade" is not.) */
static int within(sr_span a, sr_span b)
{
    return a.start >= b.start && a.end <= b.end && a.end > a.start;
}

static void fill(const sr_attr *at, sr_arena *a, const sr_sentence *s, const toponym *t, int exact,
                 int near_prep, sr_place *out)
{
    const gaz_place *p = t->place;
    const char *name = sr_gaz_str(at->gaz, p->name);
    out->name = t->region ? sr_arena_printf(a, "%s region", name) : name;
    out->country = p->country[0] ? p->country : NULL;
    out->admin1 = p->admin1 ? sr_gaz_str(at->gaz, p->admin1) : NULL;
    /* FIPS splits some countries: a division's code ("PS-GZ"), or the name of a
       division without one ("Gaza Strip"), may decide before the country. */
    out->fips = sr_fips_of_place(&at->fips, out->country, out->admin1,
                                 p->feature == GAZ_ADMIN1 && !out->admin1 ? name : NULL);
    out->geonames = t->region ? 0 : p->geonames;
    out->lat = t->region ? NAN : p->lat;
    out->lon = t->region ? NAN : p->lon;
    out->span = (sr_span){s->tokens[t->first].start, s->tokens[t->last - 1].end};
    int feature = t->region ? GAZ_ADMIN1 : p->feature;
    out->feature = feature == GAZ_COUNTRY ? "country" : feature == GAZ_ADMIN1 ? "admin1" : "city";
    out->precision = feature == GAZ_COUNTRY  ? SR_PLACE_COUNTRY
                     : feature == GAZ_ADMIN1 ? SR_PLACE_REGION
                     : exact && !near_prep   ? SR_PLACE_EXACT
                                             : SR_PLACE_NEAR;
}

/* Attacks and visits have their place as object: "struck Odesa", "visited Moscow". */
static int takes_object_place(const sr_event *e)
{
    return e->quad_class == 4 || (e->cameo && strncmp(e->cameo, "042", 3) == 0);
}

/* A word that may stand between a trigger and its object place: "struck the city of Sumy". */
static int place_filler(const sr_token *t)
{
    static const char *const words[] = {"the", "city",   "town",   "village", "port",     "capital",
                                        "of",  "region", "centre", "center",  "outskirts"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (sr_tok_is(t, words[i]))
            return 1;
    return t->upos == SR_UPOS_ADJ;
}

/*
** Is toponym t (head h, preposition prep) the object place of event e
** (trigger token trig)?  In the tree: the object ("shelled Kharkiv"), the
** passive subject ("Kharkiv was shelled"), "the city of" an object, a
** modifier of the object ("Mykolaiv port facilities").  In the words, for
** the sentences the parser gets wrong: the place right after the trigger.
*/
static int is_object_place(const sr_sentence *s, const sr_event *e, int trig, const toponym *t,
                           int h, const sr_token *prep)
{
    int p = sr_tree_parent(s, h);
    if (p == trig && (sr_tree_rel_is(s, h, "obj") || sr_tree_rel_is(s, h, "nsubj:pass")))
        return 1;
    if (p >= 0 && sr_tree_parent(s, p) == trig && sr_tree_rel_is(s, p, "obj") &&
        ((prep && sr_tok_is(prep, "of")) || sr_tree_rel_is(s, h, "compound")))
        return 1;
    int k = sr_tree_token_at(s, e->trigger.end - 1) + 1;
    if (k <= 0 || t->first < k)
        return 0;
    for (; k < t->first; k++)
        if (!place_filler(&s->tokens[k]))
            return 0;
    return 1;
}

/* Is toponym head h (preposition prep) the object of some verb, or "the city of" one? */
static int object_of_a_verb(const sr_sentence *s, int h, const sr_token *prep)
{
    int p = sr_tree_parent(s, h);
    if (p >= 0 && sr_tree_rel_is(s, h, "obj") && s->tokens[p].upos == SR_UPOS_VERB)
        return 1;
    int g = sr_tree_parent(s, p);
    return prep && sr_tok_is(prep, "of") && g >= 0 && sr_tree_rel_is(s, p, "obj") &&
           s->tokens[g].upos == SR_UPOS_VERB;
}

/*
** An actor code without a country ("COP" or "---COP" for "riot police",
** "---EDU" for "students") with the country of the event's place in front
** ("SRBCOP"); the old code in *orig.  Codes with a country stay.
*/
static void adjust_actor(const sr_attr *at, sr_arena *a, const char *country, sr_actor *actor,
                         const char **orig)
{
    const char *code = actor->code;
    if (!code || !country || strlen(code) < 3)
        return;
    const char *sector = strncmp(code, "---", 3) == 0 ? code + 3 : code;
    if (strlen(sector) < 3)
        return;
    char low[4] = {(char)tolower((unsigned char)sector[0]), (char)tolower((unsigned char)sector[1]),
                   (char)tolower((unsigned char)sector[2]), 0};
    if (!sr_lx_get(&at->lex, low, LX(LX_SECTOR)))
        return;
    *orig = code;
    actor->code = sr_arena_printf(a, "%s%s", country, sector);
}

void sr_place_run(const sr_attr *at, const sr_attr_input *in, sr_arena *a, sr_event *ev, size_t n)
{
    if (!at->gaz || !n)
        return;
    size_t nt;
    toponym *ts = find_toponyms(at, in, a, &nt);
    choose(at, in, ts, nt);
    for (size_t i = 0; i < n; i++) {
        sr_event *e = &ev[i];
        memset(&e->place, 0, sizeof e->place);
        e->place.lat = e->place.lon = NAN;
        if (e->sentence >= in->nsentences)
            continue;
        const sr_sentence *s = &in->sentences[e->sentence];
        int trig = sr_tree_span_token(s, e->trigger);
        int best = -1, best_depth = 1 << 20, near_prep = 0;
        /* The toponyms of the event's sentence: they come in sentence order. */
        size_t lo = 0, hi = nt;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (ts[mid].sentence < e->sentence)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (size_t k = lo; k < nt && ts[k].sentence == e->sentence; k++) {
            const toponym *t = &ts[k];
            sr_span sp = {s->tokens[t->first].start, s->tokens[t->last - 1].end};
            /* The actor itself, by metonymy ("Kyiv said"); but the city an attack or a
               visit is aimed at is its place too ("drones hit Sumy"). */
            if ((e->source.code && within(e->source.span, sp)) ||
                (e->target.code && within(e->target.span, sp) && !takes_object_place(e)))
                continue;
            int head = t->head, h = head;
            for (uint32_t steps = 0;
                 sr_tree_rel_is(s, h, "conj") && sr_tree_parent(s, h) >= 0 && steps < s->ntokens;
                 steps++)
                h = sr_tree_parent(s, h);
            const sr_token *prep = t->prep >= 0 ? &s->tokens[t->prep] : NULL;
            int object = takes_object_place(e) && is_object_place(s, e, trig, t, h, prep);
            /* In an attack's sentence, the object of another verb is a place nearby
               ("Russian forces struck the city of Sumy ..., killing four"). */
            int other_object = takes_object_place(e) && !object && object_of_a_verb(s, h, prep);
            if (!locative(prep) && !object && !other_object)
                continue; /* "with Russia", "protect Ukraine from Russia" */
            int d = trig >= 0 ? sr_tree_link(s, trig, head) : TREE_UNLINKED;
            if (d == TREE_OTHER_CLAUSE)
                continue; /* "said that ... pressure on Moscow" */
            int depth = d >= 0 ? d : 1000 + abs(head - (trig >= 0 ? trig : 0));
            if (depth < best_depth) {
                best_depth = depth;
                best = (int)k;
                near_prep = prep && sr_tok_is(prep, "near");
            }
        }
        if (best >= 0) {
            fill(at, a, s, &ts[best], best_depth < 1000, near_prep, &e->place);
            adjust_actor(at, a, e->place.country, &e->source, &e->source_code_orig);
            adjust_actor(at, a, e->place.country, &e->target, &e->target_code_orig);
        }
    }
}
