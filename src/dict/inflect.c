/*
** inflect.c: regular English inflection of verbs and nouns.
**
** The dictionaries name verbs by their base form; text has "attacks",
** "attacked", "attacking".  When the tagger has not lemmatized a token the
** coder finds it through the forms generated here, at load time, for
** every verb (irregular forms come from the lexicon or the {...} lists).
** Where a final consonant may or may not double (visit/visited,
** ban/banned) both spellings are generated: the wrong one never occurs in
** text, so it costs nothing.
*/
#include "dict/dict.h"

#include <stdio.h>
#include <string.h>

static int is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* consonant-vowel-consonant ending whose final consonant may double. */
static int may_double(const char *w, size_t n)
{
    if (n < 3)
        return 0;
    char c = w[n - 1], v = w[n - 2], p = w[n - 3];
    return !is_vowel(c) && c != 'w' && c != 'x' && c != 'y' && is_vowel(v) && !is_vowel(p);
}

static void emit(void (*add)(void *, const char *), void *ctx, const char *stem, size_t n,
                 const char *suffix)
{
    char buf[SR_WORD_MAX + 16];
    if (n + strlen(suffix) >= sizeof buf)
        return;
    memcpy(buf, stem, n);
    strcpy(buf + n, suffix);
    add(ctx, buf);
}

void sr_inflect_verb(const char *w, void (*add)(void *ctx, const char *form), void *ctx)
{
    size_t n = strlen(w);
    if (n == 0 || n > SR_WORD_MAX)
        return;
    char last = w[n - 1];
    char prev = n > 1 ? w[n - 2] : 0;
    /* third person singular */
    if (last == 's' || last == 'x' || last == 'z' || last == 'o' ||
        (last == 'h' && (prev == 'c' || prev == 's')))
        emit(add, ctx, w, n, "es");
    else if (last == 'y' && !is_vowel(prev))
        emit(add, ctx, w, n - 1, "ies");
    else
        emit(add, ctx, w, n, "s");
    /* past and past participle */
    if (last == 'e')
        emit(add, ctx, w, n, "d");
    else if (last == 'y' && !is_vowel(prev))
        emit(add, ctx, w, n - 1, "ied");
    else {
        emit(add, ctx, w, n, "ed");
        if (may_double(w, n)) {
            char buf[SR_WORD_MAX + 2];
            memcpy(buf, w, n);
            buf[n] = last;
            emit(add, ctx, buf, n + 1, "ed");
        }
    }
    /* present participle */
    if (n > 2 && last == 'e' && prev == 'i')
        emit(add, ctx, w, n - 2, "ying");
    else if (n > 2 && last == 'e' && prev != 'e' && prev != 'y' && prev != 'o')
        emit(add, ctx, w, n - 1, "ing");
    else {
        emit(add, ctx, w, n, "ing");
        if (may_double(w, n)) {
            char buf[SR_WORD_MAX + 2];
            memcpy(buf, w, n);
            buf[n] = last;
            emit(add, ctx, buf, n + 1, "ing");
        }
    }
}

/*
** w[0..n) then suffix into out, cut to cap - 1 bytes and NUL-terminated as
** snprintf would (nothing when cap is 0): the plurals of a whole lexicon are
** made at load, where a formatted print per word showed.
*/
static void join(char *out, size_t cap, const char *w, size_t n, const char *suffix)
{
    if (cap == 0)
        return;
    size_t k = n < cap - 1 ? n : cap - 1;
    memcpy(out, w, k);
    for (; *suffix && k < cap - 1; suffix++)
        out[k++] = *suffix;
    out[k] = '\0';
}

void sr_inflect_plural(const char *w, char *out, size_t cap)
{
    size_t n = strlen(w);
    char last = n ? w[n - 1] : 0, prev = n > 1 ? w[n - 2] : 0;
    if (last == 'y' && n > 1 && !is_vowel(prev))
        join(out, cap, w, n - 1, "ies");
    else if (last == 's' || last == 'x' || last == 'z' ||
             (last == 'h' && (prev == 'c' || prev == 's')))
        join(out, cap, w, n, "es");
    else
        join(out, cap, w, n, "s");
}
