/*
** segment.c: sentence splitting and tokenization (see segment.h).
**
** sr_segment() runs three passes, each linear in the length of the text:
**
**   1. scan: cut the text at whitespace (every Unicode space, NBSP and
**      control character counts) into chunks, remember how many line
**      breaks precede each chunk and how long each line is, and hand each
**      chunk to the tokenizer (seg_tokenize.c);
**   2. split: decide after which tokens a sentence ends (full stops, ! ?,
**      ellipses with their closing quotes and brackets; blank lines;
**      line breaks before a new item; never after a title or initial),
**      and cut sentences longer than SEG_MAX_SENTENCE tokens;
**   3. build: copy the tokens into the arena as sr_token with their
**      NFC-normalized forms.
*/
#include "segment/segment.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "segment/seg_internal.h"
#include "util/util.h"

/* Sentences longer than this many tokens are cut at a comma or similar. */
#define SEG_MAX_SENTENCE 500

/* ------------------------------------------------------------------ */
/* Pass 1: scan.                                                      */

/* A growable pair of arrays holding one decoded chunk. */
typedef struct chunk_buf {
    int32_t *cp;
    uint32_t *off;
    size_t cap;
} chunk_buf;

static void chunk_buf_reserve(chunk_buf *b, size_t n)
{
    if (n <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < n)
        cap *= 2;
    int32_t *cp = realloc(b->cp, cap * sizeof *cp);
    if (!cp)
        sr_oom(cap * sizeof *cp);
    b->cp = cp;
    uint32_t *off = realloc(b->off, (cap + 1) * sizeof *off);
    if (!off)
        sr_oom((cap + 1) * sizeof *off);
    b->off = off;
    b->cap = cap;
}

/* How many line breaks the space character c makes (\r\n counts once, at the \n). */
static unsigned line_breaks(int32_t c, const char *text, size_t i, size_t len)
{
    if (c == '\n' || c == 0x0b || c == 0x0c || c == 0x85 || c == 0x2028)
        return 1;
    if (c == '\r')
        return (i + 1 < len && text[i + 1] == '\n') ? 0 : 1;
    if (c == 0x2029)
        return 2;
    return 0;
}

/* Record a line of ll bytes in the statistics. */
static void count_line(seg_lines *lines, size_t ll)
{
    lines->count++;
    if (ll > lines->longest)
        lines->longest = ll;
    lines->by_length[ll > 100 ? 101 : ll]++;
}

/*
** Is the text hard-wrapped (lines cut at a fixed width, as in e-mail and
** some wire copy)?  Then most lines come close to the longest, which is at
** most 100 bytes.
*/
static int is_wrapped(const seg_lines *lines)
{
    if (lines->count < 4 || lines->longest < 40 || lines->longest > 100)
        return 0;
    size_t full = 0;
    for (size_t l = lines->longest * 3 / 4; l <= lines->longest; l++)
        full += lines->by_length[l];
    return full * 2 >= lines->count;
}

/* Cut text into chunks and tokenize them into tv. */
void sr_seg_scan(const char *text, size_t len, seg_toks *tv, seg_lines *lines)
{
    const unsigned char *s = (const unsigned char *)text;
    chunk_buf buf = {0};
    size_t i = 0, line_start = 0, line_end = 0;
    unsigned nl = 0;
    uint16_t linelen = 0;
    int line_has_words = 0;
    memset(lines, 0, sizeof *lines);
    while (i < len) {
        size_t adv;
        int32_t c = sr_seg_decode(s + i, len - i, &adv);
        if (sr_seg_is_space(c)) {
            unsigned b = line_breaks(c, text, i, len);
            if (b) {
                if (line_has_words) {
                    size_t ll = line_end - line_start;
                    count_line(lines, ll);
                    if (nl == 0)
                        linelen = (uint16_t)(ll > 65535 ? 65535 : ll);
                }
                line_has_words = 0;
                line_start = i + adv;
                nl += b;
            }
            if (tv->n)
                tv->v[tv->n - 1].space = 1;
            i += adv;
            continue;
        }
        /* A chunk: decode up to the next space. */
        size_t n = 0;
        while (i < len) {
            c = sr_seg_decode(s + i, len - i, &adv);
            if (sr_seg_is_space(c))
                break;
            chunk_buf_reserve(&buf, n + 1);
            buf.cp[n] = c;
            buf.off[n] = (uint32_t)i;
            n++;
            i += adv;
        }
        buf.off[n] = (uint32_t)i;
        /* The first code point of the next chunk, for "No. 5". */
        size_t k = i;
        int32_t next = 0;
        while (k < len) {
            next = sr_seg_decode(s + k, len - k, &adv);
            if (!sr_seg_is_space(next))
                break;
            next = 0;
            k += adv;
        }
        seg_chunk ch = {buf.cp, buf.off, n, next};
        size_t first = tv->n;
        sr_seg_tokenize_chunk(&ch, tv);
        if (tv->n > first) {
            tv->v[first].nl = (uint16_t)(nl > 65535 ? 65535 : nl);
            tv->v[first].linelen = nl == 1 ? linelen : 0;
        }
        nl = 0;
        line_has_words = 1;
        line_end = i;
    }
    if (line_has_words)
        count_line(lines, line_end - line_start);
    free(buf.cp);
    free(buf.off);
}

/* ------------------------------------------------------------------ */
/* Pass 2: sentence boundaries.                                       */

/* First code point of token t. */
static int32_t first_cp(const char *text, const seg_tok *t)
{
    size_t adv;
    return sr_seg_decode((const unsigned char *)text + t->start, t->end - t->start, &adv);
}

/* Is token t a closing quote or bracket that belongs to the sentence before it? */
static int is_closer(const char *text, const seg_tok *prev, const seg_tok *t)
{
    if (t->kind == SEG_CLOSE)
        return 1;
    if (t->kind != SEG_QUOTE)
        return 0;
    int32_t c = first_cp(text, t);
    if (c == 0x201d || c == 0xbb || c == 0x203a)
        return 1; /* ” » › close */
    if (c == 0x201c || c == 0xab || c == 0x2039 || c == 0x2018 || c == '`')
        return 0; /* “ « ‹ ‘ ` open */
    /* " ' ’ : closing when attached to what precedes */
    return !prev->space;
}

/*
** Is t an ellipsis ("..", "...", "…")?  A sentence goes on after one when
** the next word is in lower case; after . ! ? it ends whatever follows
** (web text often starts sentences in lower case).
*/
static int is_ellipsis(const char *text, const seg_tok *t)
{
    const char *s = text + t->start;
    size_t n = t->end - t->start;
    return (n >= 2 && s[0] == '.' && s[1] == '.') || (n >= 3 && !memcmp(s, "\xe2\x80\xa6", 3));
}

/* Does token t look like the first word of a sentence? */
static int starts_sentence(const char *text, const seg_tok *t)
{
    int32_t c = first_cp(text, t);
    if (sr_seg_is_lower(c))
        return 0;
    return 1;
}

/* Is the abbreviation t (with its dot) one that is always followed by more of the sentence? */
int sr_seg_abbrev_binds(const char *text, const seg_tok *t)
{
    size_t n = t->end - t->start - 1; /* without the dot */
    const char *s = text + t->start;
    if (n == 1)
        return 1; /* an initial */
    if (sr_seg_lex_title(s, n))
        return 1;
    return 0;
}

/* After an abbreviation that may end a sentence, does t start a new one? */
static int starts_after_abbrev(const char *text, const seg_tok *t)
{
    int32_t c = first_cp(text, t);
    if (t->kind == SEG_QUOTE && c != 0x201d)
        return 1;
    if (!sr_seg_is_upper(c) || t->kind != SEG_WORD)
        return 0;
    return sr_seg_lex_starter(text + t->start, t->end - t->start);
}

/* Is the line break before t a sentence boundary? */
static int line_break_splits(const char *text, const seg_lines *lines, const seg_tok *prev,
                             const seg_tok *t)
{
    int32_t c = first_cp(text, t);
    if (prev->kind == SEG_ABBREV && sr_seg_abbrev_binds(text, prev))
        return 0;
    int wrapped = is_wrapped(lines);
    if (!wrapped)
        return !sr_seg_is_lower(c) || prev->kind == SEG_FINAL;
    if (sr_seg_is_lower(c))
        return 0;
    return t->linelen * 10 < lines->longest * 7;
}

/*
** Is token k the stop of a list marker ("1." at the start of a line or
** sentence)?  EWT keeps the marker in the sentence it numbers.
*/
static int list_marker(const char *text, const seg_tok *v, const uint8_t *brk, size_t k)
{
    if (k == 0 || v[k].end - v[k].start != 1 || text[v[k].start] != '.' || v[k].space == 0)
        return 0;
    const seg_tok *num = &v[k - 1];
    if (num->kind != SEG_NUMBER || num->space || num->end - num->start > 2)
        return 0;
    return k == 1 || num->nl > 0 || brk[k - 2];
}

/* Decide the boundaries by rule: brk[k] = 1 when a sentence ends after token k. */
void sr_seg_rule_boundaries(const char *text, const seg_toks *tv, const seg_lines *lines,
                            uint8_t *brk)
{
    const seg_tok *v = tv->v;
    int open_end = 0; /* a sentence-final mark is waiting for its closers */
    for (size_t k = 0; k + 1 < tv->n; k++) {
        const seg_tok *t = &v[k], *u = &v[k + 1];
        if (u->nl >= 2) {
            brk[k] = 1;
            open_end = 0;
            continue;
        }
        if (t->kind == SEG_FINAL)
            open_end = 1;
        else if (!is_closer(text, k ? &v[k - 1] : t, t))
            open_end = 0;
        if (open_end && !is_closer(text, t, u)) {
            brk[k] = (!is_ellipsis(text, t) || starts_sentence(text, u) || u->nl > 0) &&
                     !list_marker(text, v, brk, k);
            open_end = 0;
            continue;
        }
        if (t->kind == SEG_ABBREV && !sr_seg_abbrev_binds(text, t) &&
            starts_after_abbrev(text, u)) {
            brk[k] = 1;
            continue;
        }
        if (u->nl == 1 && line_break_splits(text, lines, t, u))
            brk[k] = 1;
    }
}

/* Is token t a good place to cut an overlong sentence? */
static int soft_break(const char *text, const seg_tok *t)
{
    if (t->kind != SEG_PUNCT)
        return 0;
    char c = text[t->start];
    return c == ',' || c == ';' || c == ':' || c == '-';
}

/* Cut sentences longer than SEG_MAX_SENTENCE tokens, at a comma when there is one. */
static void cap_lengths(const char *text, const seg_toks *tv, uint8_t *brk)
{
    size_t s0 = 0, last_soft = 0;
    int have_soft = 0;
    for (size_t k = 0; k < tv->n; k++) {
        if (brk[k]) {
            s0 = k + 1;
            have_soft = 0;
            continue;
        }
        if (soft_break(text, &tv->v[k])) {
            last_soft = k;
            have_soft = 1;
        }
        if (k + 1 - s0 >= SEG_MAX_SENTENCE) {
            size_t cut = (have_soft && last_soft >= s0 + SEG_MAX_SENTENCE / 2) ? last_soft : k;
            brk[cut] = 1;
            s0 = cut + 1;
            have_soft = 0;
        }
    }
}

/* ------------------------------------------------------------------ */
/* Pass 3: build.                                                     */

/* The NFC form of text[start..end), allocated in a. */
static const char *nfc_form(sr_arena *a, const char *text, size_t start, size_t end)
{
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t n =
        utf8proc_map((const utf8proc_uint8_t *)text + start, (utf8proc_ssize_t)(end - start), &out,
                     UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (n < 0) {
        /* Invalid UTF-8 (the readers should have refused it): copy, '?' for bad bytes. */
        size_t len = end - start;
        char *s = sr_arena_strndup(a, text + start, len);
        for (size_t i = 0; i < len;) {
            i += sr_utf8_valid_prefix(s + i, len - i);
            if (i < len)
                s[i++] = '?';
        }
        return s;
    }
    char *s = sr_arena_strndup(a, (const char *)out, (size_t)n);
    free(out);
    return s;
}

static int is_ascii(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return 0;
    return 1;
}

/*
** Does t, ending a sentence, lose its full stop to the sentence?  EWT writes
** "etc." at the end of a sentence as etc + "." (but keeps initials whole).
*/
static int splits_final_stop(const char *text, const seg_tok *t)
{
    return t->kind == SEG_ABBREV && t->end - t->start > 2 && text[t->end - 1] == '.';
}

/*
** Fill o from t; the form goes to the ASCII form buffer when the span is
** ASCII (returns the advanced buffer), else is NFC-normalized into a.
*/
static char *make_token(sr_arena *a, const char *text, const seg_tok *t, int first, char *forms,
                        sr_token *o)
{
    o->start = t->start;
    o->end = t->end;
    o->head = -1;
    o->space_after = t->space;
    o->flags = (uint16_t)((first || t->nl >= 2) ? SR_TOK_PARA_START : 0);
    if (t->kind == SEG_URL)
        o->flags |= SR_TOK_URL;
    size_t n = t->end - t->start;
    if (is_ascii(text + t->start, n)) {
        memcpy(forms, text + t->start, n);
        forms[n] = 0;
        o->form = forms;
        return forms + n + 1;
    }
    o->form = nfc_form(a, text, t->start, t->end);
    return forms;
}

void sr_segment(sr_arena *a, const char *text, size_t len, sr_sentence **sentences,
                size_t *nsentences)
{
    sr_segment_with(NULL, a, text, len, sentences, nsentences);
}

void sr_segment_with(const sr_segmenter *m, sr_arena *a, const char *text, size_t len,
                     sr_sentence **sentences, size_t *nsentences)
{
    *sentences = NULL;
    *nsentences = 0;
    if (!text || len == 0)
        return;
    if (len > UINT32_MAX)
        len = UINT32_MAX; /* spans are 32-bit */
    seg_toks tv = {0};
    seg_lines lines;
    sr_seg_scan(text, len, &tv, &lines);
    if (tv.n == 0) {
        free(tv.v);
        return;
    }
    uint8_t *brk = calloc(tv.n, 1);
    if (!brk)
        sr_oom(tv.n);
    sr_seg_rule_boundaries(text, &tv, &lines, brk);
    if (m)
        sr_seg_model_boundaries(m, text, &tv, brk);
    brk[tv.n - 1] = 1;
    cap_lengths(text, &tv, brk);

    size_t ns = 0, ascii_bytes = 0, ntok = tv.n;
    for (size_t k = 0; k < tv.n; k++) {
        ns += brk[k];
        ascii_bytes += tv.v[k].end - tv.v[k].start + 2;
        ntok += brk[k] && splits_final_stop(text, &tv.v[k]);
    }
    sr_sentence *ss = sr_arena_calloc(a, ns, sizeof *ss);
    sr_token *toks = sr_arena_calloc(a, ntok, sizeof *toks);
    char *forms = sr_arena_alloc(a, ascii_bytes);
    size_t si = 0, s0 = 0, o = 0;
    for (size_t k = 0; k < tv.n; k++) {
        seg_tok t = tv.v[k];
        int split = brk[k] && splits_final_stop(text, &t);
        if (split) {
            /* "etc." at the end of a sentence is etc + . in EWT */
            seg_tok word = t;
            word.end--;
            word.space = 0;
            word.kind = SEG_WORD;
            forms = make_token(a, text, &word, k == 0, forms, &toks[o++]);
            t.start = word.end;
            t.nl = 0;
            t.kind = SEG_FINAL;
        }
        forms = make_token(a, text, &t, k == 0 && !split, forms, &toks[o++]);
        if (brk[k]) {
            sr_sentence *s = &ss[si++];
            s->tokens = &toks[s0];
            s->ntokens = (uint32_t)(o - s0);
            s->span.start = toks[s0].start;
            s->span.end = toks[o - 1].end;
            s0 = o;
        }
    }
    *sentences = ss;
    *nsentences = ns;
    free(brk);
    free(tv.v);
}
