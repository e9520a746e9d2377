/*
** attr_quote.c: quotations and who said them.
**
** Direct quotes are found on the text, not on tokens, because a quote may
** run over several sentences and machine translation breaks its marks.
** Pairs: “…” „…“ „…” «…» and straight "…" (toggling); a closing ” glued to
** the next word (`world, ”he wrote`) still closes.  An unclosed quote ends
** at a paragraph break: kept when the next paragraph opens a quote again
** (the speaker goes on), else dropped.
**
** The attribution is looked for right after the closing mark in its
** sentence ("…,” Lavrov said), else before the opening mark ("Zelensky
** said that blows “…”"): a speech verb of speech.txt.  The speaker is the
** verb's subject, else the actor mention next to the verb; a pronoun
** subject gives way to a name later in the attribution ("he wrote …,
** Admiral X").  The medium is the first medium.txt phrase of the
** attribution ("on Telegram", "at a press conference").  A quote without a
** speech verb that opens the sentence after an attributed one goes on from
** it (same speaker); other marks without one are scare quotes: no record.
**
** Reported speech is a speech verb with a clausal complement ("X said that
** …") outside any direct quote.  An event is carried by the quote whose
** words hold its trigger, or whose speech verb is its trigger.
*/
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "attr/attr_internal.h"

#define MAX_QUOTE_BYTES 4000
/* How far from a quote its speech verb may be: a quote and its sentence. */
#define LINK_WINDOW 8000

/* The quote mark at text[i], if any: 1 opens, 2 closes, 3 either (straight), 0 none. */
static int mark_at(const char *t, size_t len, size_t i, int *size, int in_low9)
{
    unsigned char c = (unsigned char)t[i];
    *size = 1;
    if (c == '"')
        return 3;
    if (c == 0xE2 && i + 2 < len && (unsigned char)t[i + 1] == 0x80) {
        *size = 3;
        unsigned char d = (unsigned char)t[i + 2];
        if (d == 0x9C)
            return in_low9 ? 2 : 1; /* “ closes a „ quote */
        if (d == 0x9D)
            return 2;
        if (d == 0x9E)
            return 1;
    }
    if (c == 0xC2 && i + 1 < len) {
        *size = 2;
        if ((unsigned char)t[i + 1] == 0xAB)
            return 1;
        if ((unsigned char)t[i + 1] == 0xBB)
            return 2;
    }
    return 0;
}

/* Trim blanks off both ends of [*a, *b). */
static void trim(const char *t, uint32_t *a, uint32_t *b)
{
    while (*a < *b && (t[*a] == ' ' || t[*a] == '\n' || t[*a] == '\t'))
        (*a)++;
    while (*b > *a && (t[*b - 1] == ' ' || t[*b - 1] == '\n' || t[*b - 1] == '\t'))
        (*b)--;
}

/* The inner spans of the direct quotes of the text, in order; their count. */
static size_t find_marks(const char *t, size_t len, sr_span *out, size_t cap)
{
    size_t n = 0;
    long open = -1;
    int low9 = 0;
    for (size_t i = 0; i < len && n < cap;) {
        if (t[i] == '\n' && i + 1 < len && t[i + 1] == '\n' && open >= 0) {
            /* A paragraph break ends an unclosed quote.  When the next paragraph opens a
               quote again, the speaker goes on (news style): keep this part. */
            size_t k = i;
            while (k < len && (t[k] == '\n' || t[k] == ' ' || t[k] == '\t' || t[k] == '\r'))
                k++;
            int size, m = k < len ? mark_at(t, len, k, &size, 0) : 0;
            uint32_t a = (uint32_t)open, b = (uint32_t)i;
            trim(t, &a, &b);
            if ((m == 1 || m == 3) && b > a && b - a <= MAX_QUOTE_BYTES)
                out[n++] = (sr_span){a, b};
            open = -1;
            if (n == cap)
                break;
        }
        int size, m = mark_at(t, len, i, &size, low9);
        if (m == 1 || (m == 3 && open < 0)) {
            open = (long)(i + size);
            low9 = (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 2] == 0x9E;
        } else if ((m == 2 || m == 3) && open >= 0) {
            uint32_t a = (uint32_t)open, b = (uint32_t)i;
            trim(t, &a, &b);
            if (b > a && b - a <= MAX_QUOTE_BYTES)
                out[n++] = (sr_span){a, b};
            open = -1;
            low9 = 0;
        }
        i += size;
    }
    return n;
}

/* Index of the sentence holding byte off (the one before it in a gap), or -1. */
static int sentence_at(const sr_attr_input *in, uint32_t off)
{
    int lo = 0, hi = (int)in->nsentences - 1, found = -1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (in->sentences[mid].span.start <= off) {
            found = mid;
            lo = mid + 1;
        } else
            hi = mid - 1;
    }
    return found;
}

static int is_speech_verb(const sr_lex *lx, const sr_sentence *s, int k)
{
    uint32_t nw;
    uint8_t u = s->tokens[k].upos;
    return (u == SR_UPOS_VERB || u == SR_UPOS_NONE) &&
           sr_lx_match(lx, s, (uint32_t)k, LX(LX_SPEECH), &nw) != NULL;
}

/* Index of the mention of sentence si covering token k, or -1. */
static int mention_at(const sr_attr_input *in, uint32_t si, int k)
{
    for (size_t m = sr_mention_first(in, si); m < in->nmentions && in->mentions[m].sentence == si;
         m++) {
        const sr_mention *x = &in->mentions[m];
        if ((int)x->first <= k && k < (int)x->last)
            return (int)m;
    }
    return -1;
}

/* Is token k of s inside span q? */
static int inside(const sr_sentence *s, int k, sr_span q)
{
    return s->tokens[k].start >= q.start && s->tokens[k].end <= q.end;
}

/* Can mention m speak?  Not a dateline's place ("BRUSSELS, Aug. 20 (Agency) - ..."). */
static int can_speak(const sr_attr_input *in, int m)
{
    if (m < 0)
        return 0;
    const sr_mention *x = &in->mentions[m];
    if (x->first != 0)
        return 1;
    for (uint32_t b = x->span.start; b < x->span.end; b++)
        if (islower((unsigned char)in->text[b]))
            return 1;
    return 0;
}

/* The mention at token k of sentence si if it can speak, else -1. */
static int speaker_at(const sr_attr_input *in, uint32_t si, int k)
{
    int m = mention_at(in, si, k);
    return can_speak(in, m) ? m : -1;
}

/*
** The speaker of speech verb v in sentence si: its subject's mention, else
** the nearest mention within a few words outside the quote q.
*/
static int find_speaker(const sr_attr_input *in, uint32_t si, int v, sr_span q)
{
    const sr_sentence *s = &in->sentences[si];
    int m = -1;
    for (int k = 0; k < (int)s->ntokens && m < 0; k++)
        if (sr_tree_parent(s, k) == v && sr_tree_rel_is(s, k, "nsubj") && !inside(s, k, q))
            m = speaker_at(in, si, k);
    for (int d = 1; m < 0 && d <= 4; d++) {
        if (v + d < (int)s->ntokens && !inside(s, v + d, q))
            m = speaker_at(in, si, v + d);
        if (m < 0 && v - d >= 0 && d <= 3 && !inside(s, v - d, q))
            m = speaker_at(in, si, v - d);
    }
    /* "he wrote ..., the head of ..., Admiral X": a name after the verb wins. */
    if (m < 0 || (in->mentions[m].kind == SR_MENTION_PRONOUN && (int)in->mentions[m].first < v)) {
        for (size_t o = sr_mention_first(in, si);
             o < in->nmentions && in->mentions[o].sentence == si; o++)
            if ((in->mentions[o].kind == SR_MENTION_NAME ||
                 in->mentions[o].kind == SR_MENTION_METONYM) &&
                (int)in->mentions[o].first > v && !inside(s, (int)in->mentions[o].first, q) &&
                in->mentions[o].sector) {
                m = (int)o;
                break;
            }
    }
    return m;
}

/* The first medium phrase of sentence s outside q, after the verb first, else anywhere. */
static void find_medium(const sr_lex *lx, const sr_sentence *s, int v, sr_span q, sr_quote *out)
{
    for (int pass = 0; pass < 2; pass++)
        for (int k = pass ? 0 : v + 1; k < (int)s->ntokens; k++) {
            uint32_t nw;
            if (inside(s, k, q))
                continue;
            const lx_entry *e = sr_lx_match(lx, s, (uint32_t)k, LX(LX_MEDIUM), &nw);
            if (e) {
                out->medium = e->arg;
                out->medium_span = (sr_span){s->tokens[k].start, s->tokens[k + nw - 1].end};
                return;
            }
        }
}

/* Fill the speaker, verb and medium of quote q from speech verb v of sentence si. */
static void attribute(const sr_attr *at, const sr_attr_input *in, uint32_t si, int v, sr_quote *q)
{
    const sr_sentence *s = &in->sentences[si];
    q->sentence = si;
    q->verb = (sr_span){s->tokens[v].start, s->tokens[v].end};
    q->speaker = find_speaker(in, si, v, q->span);
    if (q->speaker >= 0) {
        const sr_mention *m = &in->mentions[q->speaker];
        q->speaker_code = m->code;
        q->speaker_name = m->name;
        q->speaker_entity = m->entity;
        q->speaker_span = m->span;
    }
    find_medium(&at->lex, s, v, q->span, q);
}

/* The speech verb that attributes direct quote q: after it, else before it; -1 if none. */
static int attribution(const sr_attr *at, const sr_attr_input *in, sr_span q, uint32_t *si)
{
    int cs = sentence_at(in, q.end), os = sentence_at(in, q.start);
    if (cs >= 0) {
        const sr_sentence *s = &in->sentences[cs];
        int seen = 0;
        for (int k = 0; k < (int)s->ntokens && seen < 8; k++) {
            if (s->tokens[k].start <= q.end)
                continue;
            seen++;
            if (is_speech_verb(&at->lex, s, k)) {
                *si = (uint32_t)cs;
                return k;
            }
        }
    }
    if (os >= 0) {
        const sr_sentence *s = &in->sentences[os];
        for (int k = (int)s->ntokens - 1; k >= 0; k--)
            if (s->tokens[k].end < q.start && is_speech_verb(&at->lex, s, k)) {
                *si = (uint32_t)os;
                return k;
            }
    }
    return -1;
}

/*
** Does quote m go on from quote prev without an attribution of its own?  It
** opens its sentence (scare quotes sit inside one), in the sentence after
** prev's attribution or the one after prev ends.
*/
static int continues(const sr_attr_input *in, const sr_quote *prev, sr_span m)
{
    int os = sentence_at(in, m.start);
    if (os < 0 || m.start < prev->span.end)
        return 0;
    const sr_sentence *s = &in->sentences[os];
    for (uint32_t k = 0; k < s->ntokens && s->tokens[k].end <= m.start; k++)
        if (!sr_tok_is_punct(&s->tokens[k]))
            return 0;
    int pe = sentence_at(in, prev->span.end);
    return os <= (int)prev->sentence + 1 || os <= pe + 1;
}

/* The byte span of the subtree of token c. */
static sr_span subtree_span(const sr_sentence *s, int c)
{
    sr_span sp = {s->tokens[c].start, s->tokens[c].end};
    for (int k = 0; k < (int)s->ntokens; k++)
        if (sr_tree_depth_below(s, c, k) >= 0) {
            if (s->tokens[k].start < sp.start)
                sp.start = s->tokens[k].start;
            if (s->tokens[k].end > sp.end)
                sp.end = s->tokens[k].end;
        }
    return sp;
}

static int overlaps(sr_span a, sr_span b)
{
    return a.start < b.end && b.start < a.end;
}

/*
** Is "that" (token m, head h) a complementizer?  Marked so, or read as the
** relative pronoun of a clause that already has that role filled ("an
** interview that Germany will not send missiles": send has its object).
*/
static int complementizer(const sr_sentence *s, int m, int h)
{
    if (sr_tree_rel_is(s, m, "mark"))
        return 1;
    const char *rel = sr_tree_rel_is(s, m, "obj")     ? "obj"
                      : sr_tree_rel_is(s, m, "nsubj") ? "nsubj"
                                                      : NULL;
    for (int k = 0; rel && k < (int)s->ntokens; k++)
        if (k != m && sr_tree_parent(s, k) == h && sr_tree_rel_is(s, k, rel))
            return 1;
    return 0;
}

/* Is there a verb strictly between h and its ancestor v ("accused ... and warned that")? */
static int verb_between(const sr_sentence *s, int v, int h)
{
    for (int k = sr_tree_parent(s, h), steps = 0; k >= 0 && k != v && steps <= (int)s->ntokens;
         k = sr_tree_parent(s, k), steps++)
        if (s->tokens[k].upos == SR_UPOS_VERB)
            return 1;
    return 0;
}

/*
** The clause speech verb v reports: its clausal complement, else a clause
** below it opened by "that" ("said in an interview that ...", which the
** parser may hang from "interview"); -1 when none.
*/
static int complement(const sr_sentence *s, int v)
{
    for (int c = 0; c < (int)s->ntokens; c++)
        if (sr_tree_parent(s, c) == v && sr_tree_rel_is(s, c, "ccomp"))
            return c;
    for (int m = v + 1; m < (int)s->ntokens; m++) {
        int h = sr_tree_parent(s, m);
        if (sr_tok_is(&s->tokens[m], "that") && h > m && sr_tree_depth_below(s, v, h) > 0 &&
            complementizer(s, m, h) && !verb_between(s, v, h))
            return h;
    }
    return -1;
}

/* Reported speech of sentence si, appended to out unless a direct quote covers it. */
static size_t reported(const sr_attr *at, const sr_attr_input *in, uint32_t si, sr_quote *out,
                       size_t n, size_t ndirect, size_t cap)
{
    const sr_sentence *s = &in->sentences[si];
    for (int v = 0; v < (int)s->ntokens && n < cap; v++) {
        if (!is_speech_verb(&at->lex, s, v))
            continue;
        int c = complement(s, v);
        if (c < 0)
            continue;
        sr_span sp = subtree_span(s, c);
        /* Leave out the complementizer: "that NATO troops would ..." */
        int first = sr_tree_token_at(s, sp.start);
        if (first >= 0 && sr_tok_is(&s->tokens[first], "that") && first + 1 < (int)s->ntokens)
            sp.start = s->tokens[first + 1].start;
        int covered = 0;
        for (size_t j = 0; j < ndirect && !covered; j++)
            covered = overlaps(out[j].span, sp) ||
                      overlaps(out[j].verb, (sr_span){s->tokens[v].start, s->tokens[v].end});
        if (covered)
            continue;
        sr_quote q = {.direct = 0, .span = sp, .speaker = -1};
        attribute(at, in, si, v, &q);
        if (q.speaker >= 0)
            out[n++] = q;
    }
    return n;
}

void sr_quote_run(const sr_attr *at, const sr_attr_input *in, sr_arena *a, sr_event *ev, size_t n,
                  sr_quote **quotes, size_t *nquotes)
{
    size_t cap = 16 + in->nsentences * 2;
    sr_span *marks = sr_arena_calloc(a, cap, sizeof *marks);
    size_t nm = find_marks(in->text, in->len, marks, cap);
    sr_quote *out = sr_arena_calloc(a, cap, sizeof *out);
    size_t nq = 0;
    for (size_t i = 0; i < nm; i++) {
        uint32_t si;
        int v = attribution(at, in, marks[i], &si);
        sr_quote q = {.direct = 1, .span = marks[i], .speaker = -1};
        if (v >= 0)
            attribute(at, in, si, v, &q);
        else if (nq > 0 && continues(in, &out[nq - 1], marks[i])) {
            q = out[nq - 1]; /* the same speaker goes on */
            q.span = marks[i];
        } else
            continue; /* scare quotes, titles */
        out[nq++] = q;
    }
    size_t ndirect = nq;
    for (uint32_t si = 0; si < in->nsentences; si++)
        nq = reported(at, in, si, out, nq, ndirect, cap);
    /* Text order: reported quotes were appended after the direct ones. */
    for (size_t i = 1; i < nq; i++)
        for (size_t j = i; j > 0 && out[j].span.start < out[j - 1].span.start; j--) {
            sr_quote t = out[j];
            out[j] = out[j - 1];
            out[j - 1] = t;
        }
    /* Quotes are in text order and short, their verbs near them: look only nearby. */
    for (size_t i = 0; i < n; i++) {
        ev[i].quote = -1;
        uint32_t t0 = ev[i].trigger.start, from = t0 > 2 * LINK_WINDOW ? t0 - 2 * LINK_WINDOW : 0;
        size_t lo = 0, hi = nq;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (out[mid].span.start < from)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (size_t j = lo;
             j < nq && ev[i].quote < 0 && out[j].span.start <= ev[i].trigger.end + 2 * LINK_WINDOW;
             j++)
            if (overlaps(out[j].span, ev[i].trigger) || overlaps(out[j].verb, ev[i].trigger))
                ev[i].quote = (int32_t)j;
    }
    *quotes = out;
    *nquotes = nq;
}
