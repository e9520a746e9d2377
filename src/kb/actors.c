/*
** actors.c: finding and resolving actor mentions (see actors.h).
**
** Each sentence is read left to right.  At every token the finder tries
** to read one mention phrase:
**
**     [the] [MODIFIER ['s]] [TITLE...] [NAME]
**
** MODIFIER is a country or organization, by name or adjective ("Russian",
** "NATO", "Ukraine's"); TITLE is an office title or agent word ("Foreign
** Minister", "troops", "General"); NAME is a name from the base, matched
** exactly (longest match over normalized tokens) or, for people,
** approximately with the sentence as supporting context.  What the phrase
** holds decides what it means: a known name is that entity with the role
** it held on the date; a modifier and a title without a name is the
** office holder of the day ("the US president") or a composed agent
** ("Russian troops" = RUS + MIL); a titled name not in the base is an
** unknown person coded from the modifier and the title.  Definite titles,
** surnames and pronouns left over are linked to the most recent
** compatible actor of the document.
**
** Codes follow CAMEO: an agent with no country is "---GOV"; a sector is
** written once, the branch of the state winning over GOV ("White House
** security officials": USACOP); an agent is shared by a list of countries
** after it ("lawmakers in Fornost and Gondor").  A bare state institution
** ("the government") takes the country the document is about when one
** stands out (salient_country).  An agent word that only modifies another
** noun ("military aid", "police station") is no actor.
**
** The finder is split by concern: actors_match.c (exact matching),
** actors_fuzzy.c (approximate names), actors_titles.c, actors_names.c,
** actors_agents.c (mentions without a name), actors_coref.c (output and
** coreference), actors_words.c (closed-class words); this file reads a
** phrase and drives the document.
*/
#include "kb/actors_internal.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util/util.h"

static uint32_t read_phrase(finder *f, uint32_t i)
{
    uint32_t n = f->s->ntokens;
    phrase ph;
    memset(&ph, 0, sizeof ph);
    ph.start = i;
    char which = sr_act_pronoun(f->norm[i]);
    if (which)
        return sr_act_read_pronoun(f, i, which);
    uint32_t p = i;
    if (sr_act_determiner(f->norm[i])) {
        hit h = sr_act_longest(f, i,
                               sr_act_keep_naming); /* "the Kremlin"; but "the French president" */
        if (h.slot && !sr_act_longest(f, h.end, sr_act_keep_title).slot &&
            !sr_act_longest(f, h.end, sr_act_keep_person).slot) {
            const kb_posting *q = sr_act_choose(f, h.slot, sr_act_accept_naming);
            if (q)
                return sr_act_emit_named(f, q, i, h.end);
        }
        ph.det = strcmp(f->norm[i], "the") == 0;
        p = ph.start = i + 1;
        if (p >= n)
            return i + 1;
    }
    /* "former White House officials": ELI when a title follows the modifier */
    if (p + 1 < n && (strcmp(f->norm[p], "former") == 0 || strcmp(f->norm[p], "ex") == 0) &&
        sr_act_longest(f, p + 1, sr_act_keep_modifier).slot) {
        ph.former = 1;
        p++;
    }
    /* "MSF Arnor", "an MSF Arnor diplomat": a prefix agent (NGO~) before its country */
    hit pre = sr_act_longest(f, p, sr_act_keep_title);
    ph.prefix = pre.slot ? sr_act_prefix_agent(f, pre.slot) : NULL;
    if (ph.prefix && sr_act_longest(f, pre.end, sr_act_keep_modifier).slot) {
        ph.prefix_sector = kb_str(f->kb, ph.prefix->sector);
        p = pre.end;
    } else {
        ph.prefix = NULL;
    }
    hit nm = sr_act_longest(f, p, sr_act_keep_naming);
    hit person = sr_act_longest(f, p, sr_act_keep_person);
    /* "Denzel Washington", "Harry Kane", "Captain America": the whole run is someone else */
    if (nm.slot && !person.slot &&
        (sr_act_inside_other_name(f, p, nm.end) ||
         (p > 0 && sr_act_find_honorific(f->norm[p - 1]))))
        return sr_act_other_name(f, &ph, p, nm.end);
    if (person.slot && person.end - p == 1 && sr_act_inside_other_name(f, p, person.end) &&
        !sr_act_first_name_before(f, p, person.slot) &&
        (sr_act_lone_surname(f, person.slot) || sr_act_other_first_name(f, p)))
        return sr_act_other_name(f, &ph, p, person.end);
    if (person.slot && person.end >= nm.end) {
        uint32_t r = sr_act_read_name(f, &ph, p);
        return r ? r : p + 1;
    }
    if (nm.slot) {
        hit mod = sr_act_longest(f, p, sr_act_keep_modifier);
        const kb_posting *mp = mod.slot && mod.end == nm.end
                                   ? sr_act_choose(f, mod.slot, sr_act_accept_modifier)
                                   : NULL;
        uint32_t q = nm.end;
        if (mp) {
            ph.mod = mod;
            ph.mod_entity = sr_act_ent(f->kb, mp);
            const char *sector;
            sr_act_code_of(f, ph.mod_entity, ph.mod_code, sizeof ph.mod_code, &sector);
            sr_act_metonym_sector(f, mp, &ph);
            if (q < n && strcmp(f->norm[q], "'s") == 0)
                q = sr_act_skip_adjectives(f, q + 1);
            uint32_t t = sr_act_read_titles(f, q, &ph, 1);
            uint32_t r = sr_act_read_name(f, &ph, t);
            if (r)
                return r;
            /* "Ottawa Senators", "Washington Nationals": a city and a capitalized plural */
            if (ph.title_end && mp->kind == KB_P_METONYM && !f->titlecase &&
                sr_act_capitalized(f, ph.title_start) && ph.title_head[0] &&
                ph.title_head[strlen(ph.title_head) - 1] == 's')
                return ph.title_end;
            if (ph.title_end) {
                /* "Kremlin spokesman", "the NATO chief"; when that says nothing, the name */
                size_t before = f->nm;
                uint32_t e = sr_act_title_only(f, &ph);
                if (f->nm > before)
                    return e;
            }
            if (ph.prefix)
                return sr_act_emit_prefixed(f, &ph, nm.end);
        }
        const kb_posting *np = sr_act_choose(f, nm.slot, sr_act_accept_naming);
        if (np)
            return sr_act_emit_named(f, np, p, nm.end);
        return nm.end;
    }
    /* Titles with no modifier: honorifics count only when a name follows or after "the". */
    uint32_t t = sr_act_read_titles(f, p, &ph, -1);
    uint32_t r = sr_act_read_name(f, &ph, t);
    if (r)
        return r;
    if (ph.title_end) {
        if (!ph.title_slot && !ph.det)
            return i + 1; /* a capitalized rank with no name: say nothing */
        if (sr_act_inside_proper_name(f, &ph))
            return ph.title_end; /* "the Military Committee", "the General Staff" */
        return sr_act_title_only(f, &ph);
    }
    return i + 1;
}

/*
** The tokens support() looks at for office words: the first occurrence of
** each distinct word that is not weak and not a multi-word form.  Found
** once per sentence with a hash table, so that support() stays linear in
** the sentence however often it is called and however repetitive the text.
*/
static void context_words(finder *f)
{
    uint32_t n = f->s->ntokens, cap = 16;
    while (cap < 2 * n)
        cap *= 2;
    uint32_t *table = sr_arena_alloc(f->a, cap * sizeof *table); /* token + 1, or 0 */
    memset(table, 0, cap * sizeof *table);
    f->context = sr_arena_alloc(f->a, (n + 1) * sizeof *f->context);
    f->ncontext = 0;
    for (uint32_t i = 0; i < n; i++) {
        const char *w = f->norm[i];
        if (sr_act_weak_word(w) || strchr(w, ' '))
            continue;
        size_t h = (size_t)sr_hash_bytes(w, strlen(w), 0) & (cap - 1);
        while (table[h] && strcmp(f->norm[table[h] - 1], w) != 0)
            h = (h + 1) & (cap - 1);
        if (table[h])
            continue; /* seen earlier in the sentence */
        table[h] = i + 1;
        f->context[f->ncontext++] = i;
    }
}

/* Prepare the per-token forms of sentence si. */
static void load_sentence(finder *f, uint32_t si, const sr_sentence *s)
{
    f->si = si;
    f->s = s;
    f->norm = sr_arena_alloc(f->a, (s->ntokens + 1) * sizeof *f->norm);
    f->gap = sr_arena_alloc(f->a, s->ntokens + 1);
    f->keyform = sr_arena_alloc(f->a, (s->ntokens + 1) * sizeof *f->keyform);
    f->runs = sr_arena_calloc(f->a, s->ntokens + 1, sizeof *f->runs);
    for (uint32_t i = 0; i < s->ntokens; i++) {
        char buf[MAX_KEY];
        const char *form = s->tokens[i].form ? s->tokens[i].form : "";
        int lead;
        size_t len = sr_kb_norm_token(form, strlen(form), buf, sizeof buf, &lead);
        tok_key *k = &f->keyform[i];
        k->len = len == sizeof buf ? MAX_KEY : (uint32_t)len;
        k->lead = (uint8_t)lead;
        k->s = sr_arena_strndup(f->a, buf, len == sizeof buf ? 0 : len);
        /* sr_kb_norm's form: trimmed, empty when too long */
        while (len > 0 && len < sizeof buf && buf[len - 1] == ' ')
            len--;
        f->norm[i] =
            len == sizeof buf ? sr_arena_strndup(f->a, "", 0) : sr_arena_strndup(f->a, buf, len);
        f->gap[i] = i > 0 && s->tokens[i].start > s->tokens[i - 1].end;
    }
    /* A headline: every word of four letters or more is capitalized. */
    uint32_t words = 0, caps = 0;
    f->titlecase = 0;
    for (uint32_t i = 0; i < s->ntokens; i++)
        if (strlen(f->norm[i]) >= 4 && f->norm[i][0] >= 'a' && f->norm[i][0] <= 'z') {
            words++;
            caps += sr_act_capitalized(f, i);
        }
    f->titlecase = words >= 4 && caps == words;
    f->lowercase = caps == 0;
    context_words(f);
}

/* An adjective ("Indian"), or an abbreviation used as one ("U.S.", "UK"), not a name ("India"). */
static int adjective_like(const sr_token *t)
{
    if (t->upos == SR_UPOS_ADJ)
        return 1;
    if (t->upos != SR_UPOS_PROPN || !t->form)
        return 0;
    for (const char *c = t->form; *c; c++)
        if (*c >= 'a' && *c <= 'z')
            return 0;
    return 1;
}

/*
** "Indian and Pakistani troops", "U.S., British and French warships": a
** country named by its adjective just before "and", "or" or a comma that
** joins it to an agent mention of another country is that agent too: the
** sector of the agent goes to every country of the list.  Mentions from
** index first on are this sentence's.
*/
static void share_agent_with_adjectives(finder *f, size_t first)
{
    const sr_sentence *s = f->s;
    for (size_t k = f->nm; k-- > first + 1;) {
        sr_mention *agent = &f->m[k];
        if (agent->kind != SR_MENTION_AGENT || !agent->sector || strlen(agent->code) < 6 ||
            strncmp(agent->code, "---", 3) == 0)
            continue;
        uint32_t head_start = agent->first; /* the agent's own first token (its adjective) */
        for (size_t j = k; j-- > first;) {
            sr_mention *adj = &f->m[j];
            uint32_t gap = head_start - adj->last;
            if (adj->last > head_start || gap != 1 || adj->kind != SR_MENTION_NAME ||
                strlen(adj->code) != 3 || adj->last != adj->first + 1 ||
                !adjective_like(&s->tokens[adj->first]))
                break;
            const char *w = f->norm[adj->last];
            if (strcmp(w, "and") != 0 && strcmp(w, "or") != 0 && strcmp(w, ",") != 0)
                break;
            char code[32];
            snprintf(code, sizeof code, "%s%s", adj->code, agent->code + 3);
            adj->code = sr_arena_strdup(f->a, code);
            adj->kind = SR_MENTION_AGENT;
            adj->agent = agent->agent;
            adj->sector = agent->sector;
            adj->name = agent->name;
            head_start = adj->first;
        }
    }
}

void sr_actors_find(const sr_kb *kb, const char *text, const sr_sentence *sentences,
                    size_t nsentences, const char *date, sr_arena *a, sr_mention **mentions,
                    size_t *nmentions)
{
    finder f;
    memset(&f, 0, sizeof f);
    f.kb = kb;
    f.text = text;
    f.a = a;
    f.date = date ? sr_kb_parse_doc_date(date) : -1;
    if (f.date < 0)
        f.date = (int32_t)kb->h->newest_date;
    for (size_t si = 0; si < nsentences; si++) {
        const sr_sentence *s = &sentences[si];
        if (s->ntokens == 0)
            continue;
        load_sentence(&f, (uint32_t)si, s);
        sr_act_sentence_codes(&f);
        size_t first = f.nm;
        for (uint32_t i = 0; i < s->ntokens;) {
            uint32_t next = read_phrase(&f, i);
            i = next > i ? next : i + 1;
        }
        share_agent_with_adjectives(&f, first);
    }
    *mentions = f.nm ? sr_arena_calloc(a, f.nm, sizeof **mentions) : NULL;
    if (f.nm)
        memcpy(*mentions, f.m, f.nm * sizeof **mentions);
    *nmentions = f.nm;
    free(f.m);
    free(f.refs);
}
