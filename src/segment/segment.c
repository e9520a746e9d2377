/*
** segment.c: sentence splitting and tokenization (see segment.h).
**
** First version: words are runs of letters and digits, every other
** non-space character is a token of its own, and a sentence ends after
** . ! ? or at a blank line.
*/
#include "segment/segment.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util/util.h"

/* A growable array of tokens (malloc'd while segmenting, copied to the arena). */
typedef struct tokvec {
    sr_token *v;
    size_t n, cap;
} tokvec;

static void tokvec_push(tokvec *tv, sr_token t)
{
    if (tv->n == tv->cap) {
        tv->cap = tv->cap ? tv->cap * 2 : 256;
        tv->v = realloc(tv->v, tv->cap * sizeof *tv->v);
        if (!tv->v)
            abort();
    }
    tv->v[tv->n++] = t;
}

/* The NFC form of text[start..end), allocated in a. */
static const char *nfc_form(sr_arena *a, const char *text, size_t start, size_t end)
{
    int ascii = 1;
    for (size_t i = start; i < end; i++)
        if ((unsigned char)text[i] >= 0x80)
            ascii = 0;
    if (ascii)
        return sr_arena_strndup(a, text + start, end - start);
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)text + start,
                                      (utf8proc_ssize_t)(end - start), &out,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (n < 0)
        return sr_arena_strndup(a, text + start, end - start);
    char *s = sr_arena_strndup(a, (const char *)out, (size_t)n);
    free(out);
    return s;
}

static int is_space_cp(int32_t c)
{
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
        return 1;
    if (c < 0x80)
        return c < 0x20 || c == 0x7f;
    return utf8proc_category(c) == UTF8PROC_CATEGORY_ZS || c == 0x2028 || c == 0x2029 ||
           c == 0x85;
}

static int is_word_cp(int32_t c)
{
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    int cat = utf8proc_category(c);
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ND;
}

void sr_segment(sr_arena *a, const char *text, size_t len, sr_sentence **sentences,
                size_t *nsentences)
{
    tokvec tv = {0};
    size_t *para = NULL; /* unused in the first version */
    (void)para;
    int newlines = 2;
    size_t i = 0;
    while (i < len) {
        size_t adv;
        int32_t c = sr_utf8_decode(text + i, len - i, &adv);
        if (is_space_cp(c)) {
            if (c == '\n')
                newlines++;
            if (tv.n)
                tv.v[tv.n - 1].space_after = 1;
            i += adv;
            continue;
        }
        size_t start = i;
        i += adv;
        if (is_word_cp(c)) {
            while (i < len) {
                int32_t d = sr_utf8_decode(text + i, len - i, &adv);
                if (!is_word_cp(d))
                    break;
                i += adv;
            }
        }
        sr_token t = {0};
        t.start = (uint32_t)start;
        t.end = (uint32_t)i;
        t.head = -1;
        t.flags = newlines >= 2 ? SR_TOK_PARA_START : 0;
        newlines = 0;
        tokvec_push(&tv, t);
    }
    /* Sentences: end after . ! ? or before a paragraph start. */
    size_t cap = 16, ns = 0;
    sr_sentence *ss = malloc(cap * sizeof *ss);
    if (!ss)
        abort();
    size_t s0 = 0;
    for (size_t k = 0; k < tv.n; k++) {
        char c = text[tv.v[k].start];
        int end = k + 1 == tv.n || (tv.v[k + 1].flags & SR_TOK_PARA_START) ||
                  ((c == '.' || c == '!' || c == '?') && tv.v[k].end - tv.v[k].start == 1);
        if (!end)
            continue;
        if (ns == cap) {
            cap *= 2;
            ss = realloc(ss, cap * sizeof *ss);
            if (!ss)
                abort();
        }
        sr_sentence *s = &ss[ns++];
        s->ntokens = (uint32_t)(k + 1 - s0);
        s->tokens = sr_arena_alloc(a, s->ntokens * sizeof(sr_token));
        for (size_t j = 0; j < s->ntokens; j++) {
            sr_token *t = &s->tokens[j];
            *t = tv.v[s0 + j];
            t->form = nfc_form(a, text, t->start, t->end);
        }
        s->span.start = s->tokens[0].start;
        s->span.end = s->tokens[s->ntokens - 1].end;
        s0 = k + 1;
    }
    *sentences = sr_arena_alloc(a, (ns ? ns : 1) * sizeof(sr_sentence));
    memcpy(*sentences, ss, ns * sizeof(sr_sentence));
    *nsentences = ns;
    free(ss);
    free(tv.v);
}
