/*
** seg_tokenize.c: cut a whitespace-free chunk of text into words the way
** the UD English Web Treebank does.
**
** The chunk is scanned once from left to right; at every position the
** matchers below are tried in order: web address, number, word (with its
** clitics split off and abbreviations keeping their full stop), @handle or
** #hashtag, punctuation.  Each matcher consumes at least one code point,
** and the web-address matcher never rescans a stretch it has rejected, so
** the work is linear in the length of the chunk.
**
** EWT conventions followed here: hyphens between words are split except
** after prefixes such as "non" and "e"; "can't" is ca + n't, "cannot" is
** can + not, "gonna" is gon + na; runs of ! ? . are one token; "$" and "%"
** are tokens of their own; phone numbers, times, dates and decimals stay
** whole; "5kg" is 5 + kg but "1990s" and "9th" stay whole.
*/
#include <string.h>
#include <utf8proc.h>

#include "segment/seg_internal.h"
#include "util/util.h"

/* ------------------------------------------------------------------ */
/* Character classes.                                                 */

int32_t sr_seg_decode(const unsigned char *s, size_t len, size_t *adv)
{
    unsigned c = s[0];
    size_t need;
    int32_t cp;
    if (c < 0x80) {
        *adv = 1;
        return (int32_t)c;
    }
    if ((c & 0xe0) == 0xc0) {
        need = 1;
        cp = (int32_t)(c & 0x1f);
    } else if ((c & 0xf0) == 0xe0) {
        need = 2;
        cp = (int32_t)(c & 0x0f);
    } else if ((c & 0xf8) == 0xf0) {
        need = 3;
        cp = (int32_t)(c & 0x07);
    } else {
        *adv = 1;
        return 0xfffd;
    }
    if (need >= len) {
        *adv = 1;
        return 0xfffd;
    }
    for (size_t k = 1; k <= need; k++) {
        if ((s[k] & 0xc0) != 0x80) {
            *adv = 1;
            return 0xfffd;
        }
        cp = (cp << 6) | (int32_t)(s[k] & 0x3f);
    }
    *adv = need + 1;
    return cp;
}

int sr_seg_is_space(int32_t c)
{
    if (c < 0x80)
        return c <= 0x20 || c == 0x7f; /* controls count as space */
    if (c == 0x85 || c == 0xa0 || c == 0x200b || c == 0xfeff || c == 0x2028 || c == 0x2029)
        return 1;
    if (c < 0xa0)
        return 1; /* C1 controls */
    return utf8proc_category(c) == UTF8PROC_CATEGORY_ZS;
}

int sr_seg_is_digit(int32_t c)
{
    return c >= '0' && c <= '9';
}

int sr_seg_is_letter(int32_t c)
{
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    int cat = utf8proc_category(c);
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME;
}

int sr_seg_is_upper(int32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z';
    int cat = utf8proc_category(c);
    return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

int sr_seg_is_lower(int32_t c)
{
    if (c < 0x80)
        return c >= 'a' && c <= 'z';
    return utf8proc_category(c) == UTF8PROC_CATEGORY_LL;
}

/* Letters, digits (any script), marks, underscore and invisible format characters. */
static int is_word(int32_t c)
{
    if (c < 0x80)
        return sr_seg_is_letter(c) || sr_seg_is_digit(c) || c == '_';
    int cat = utf8proc_category(c);
    return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO) ||
           cat == UTF8PROC_CATEGORY_CF;
}

static int is_apos(int32_t c)
{
    return c == '\'' || c == 0x2019 || c == '`';
}

static int is_quote(int32_t c)
{
    return c == '"' || c == '\'' || c == '`' || (c >= 0x2018 && c <= 0x201f) || c == 0xab ||
           c == 0xbb || c == 0x2039 || c == 0x203a;
}

static int32_t lower_ascii(int32_t c)
{
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

/* ------------------------------------------------------------------ */
/* Emitting tokens.                                                   */

void sr_seg_toks_push(seg_toks *tv, seg_tok t)
{
    if (tv->n == tv->cap) {
        size_t cap = tv->cap ? tv->cap * 2 : 1024;
        seg_tok *v = realloc(tv->v, cap * sizeof *v);
        if (!v)
            sr_oom(cap * sizeof *v);
        tv->v = v;
        tv->cap = cap;
    }
    tv->v[tv->n++] = t;
}

static void emit(const seg_chunk *c, seg_toks *out, size_t a, size_t b, int kind)
{
    seg_tok t = {c->off[a], c->off[b], 0, (uint8_t)kind, 0, 0};
    sr_seg_toks_push(out, t);
}

/*
** Copy cp[a..b) into buf as ASCII when it fits and is all ASCII, for
** lexicon look-ups.  Returns the length, or 0.
*/
static size_t ascii_key(const seg_chunk *c, size_t a, size_t b, char *buf, size_t cap)
{
    if (b <= a || b - a >= cap)
        return 0;
    for (size_t k = a; k < b; k++) {
        if (c->cp[k] >= 0x80)
            return 0;
        buf[k - a] = (char)c->cp[k];
    }
    buf[b - a] = 0;
    return b - a;
}

/* Does cp[a..) start with the ASCII string s, ignoring case? */
static int starts_with(const seg_chunk *c, size_t a, size_t b, const char *s)
{
    size_t n = strlen(s);
    if (b - a < n)
        return 0;
    for (size_t k = 0; k < n; k++)
        if (lower_ascii(c->cp[a + k]) != s[k])
            return 0;
    return 1;
}

/* ------------------------------------------------------------------ */
/* Web addresses and e-mail addresses.                                */

static int is_url_char(int32_t c)
{
    return c > 0x20 && c < 0x7f && c != '"' && c != '\'' && c != '<' && c != '>' && c != '(' &&
           c != ')' && c != '[' && c != ']' && c != '{' && c != '}' && c != '`';
}

/* Is cp[a..b) lower-case letters and dots only, with no empty label? */
static int all_lower_labels(const seg_chunk *c, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++) {
        int32_t x = c->cp[k];
        if (x == '.' ? (k == a || c->cp[k - 1] == '.' || k + 1 == b) : !(x >= 'a' && x <= 'z'))
            return 0;
    }
    return 1;
}

/*
** Is cp[a..b) "label.label.tld" (optionally followed by /path or :port), or a
** file name such as "report.pdf"?
*/
static int is_domain(const seg_chunk *c, size_t a, size_t b)
{
    size_t k = a, labels = 0, last = a, first_len = 0;
    while (k < b) {
        size_t s = k;
        while (k < b && (sr_seg_is_letter(c->cp[k]) || sr_seg_is_digit(c->cp[k]) ||
                         c->cp[k] == '-' || c->cp[k] == '_'))
            k++;
        if (k == s)
            return 0;
        if (labels == 0)
            first_len = k - s;
        labels++;
        last = s;
        if (k < b && c->cp[k] == '.') {
            k++;
            continue;
        }
        break;
    }
    if (labels < 2 || first_len < 2)
        return 0;
    if (labels >= 3 && all_lower_labels(c, a, b))
        return 1; /* newsgroups: comp.sources.unix */
    size_t end = last;
    while (end < b && sr_seg_is_letter(c->cp[end]))
        end++;
    if (end < b && c->cp[end] != '/' && c->cp[end] != ':')
        return 0;
    char key[8];
    size_t n = ascii_key(c, last, end, key, sizeof key);
    return n && (sr_seg_lex_tld(key, n) || sr_seg_lex_file_ext(key, n));
}

/*
** If a web or e-mail address starts at i, return its end; else 0.  *seen
** is set to the end of the stretch examined, which need not be examined
** again.
*/
static size_t match_url(const seg_chunk *c, size_t i, size_t *seen)
{
    size_t r = i;
    while (r < c->n && is_url_char(c->cp[r]))
        r++;
    *seen = r;
    if (r - i > 4000)
        return 0;
    /* Trailing punctuation belongs to the sentence, not the address. */
    while (r > i && strchr(".,;:!?*-", (int)c->cp[r - 1]))
        r--;
    if (r - i < 4)
        return 0;
    if (starts_with(c, i, r, "http://") || starts_with(c, i, r, "https://") ||
        starts_with(c, i, r, "ftp://") || starts_with(c, i, r, "mailto:") ||
        (starts_with(c, i, r, "www.") && r - i > 4))
        return r;
    for (size_t k = i + 1; k + 1 < r; k++)
        if (c->cp[k] == '@')
            return is_word(c->cp[k + 1]) ? r : 0;
    return is_domain(c, i, r) ? r : 0;
}

/* ------------------------------------------------------------------ */
/* Numbers.                                                           */

/* Is this run of digit groups a phone number (555-1234, 713-853-3989) or ZIP+4 code? */
static int phone_groups(const size_t *len, size_t ng)
{
    if (ng == 2 && len[0] == 5 && len[1] == 4)
        return 1; /* ZIP+4: 94720-5180 */
    if (ng < 2 || ng > 4 || len[0] > 3 || len[ng - 1] != 4)
        return 0;
    for (size_t g = 1; g + 1 < ng; g++)
        if (len[g] != 3)
            return 0;
    return 1;
}

/* Value of the digits cp[a..b), capped. */
static unsigned digits_value(const seg_chunk *c, size_t a, size_t b)
{
    unsigned v = 0;
    for (size_t k = a; k < b && v < 100000; k++)
        v = v * 10 + (unsigned)(c->cp[k] - '0');
    return v;
}

/*
** A number at i: digits with inner separators . , : and, for phone numbers
** and dates, - and /.  Ordinal and decade endings (9th, 1990s, 50's) stay
** attached.  Returns the end.
*/
static size_t match_number(const seg_chunk *c, size_t i)
{
    enum { MAXG = 8 };
    size_t gstart[MAXG], glen[MAXG], ng = 0;
    int32_t sep[MAXG];
    size_t k = i;
    for (;;) {
        size_t s = k;
        while (k < c->n && sr_seg_is_digit(c->cp[k]))
            k++;
        if (ng < MAXG) {
            gstart[ng] = s;
            glen[ng] = k - s;
            ng++;
        }
        if (k + 1 < c->n && c->cp[k] < 0x80 && c->cp[k] != 0 && strchr(".,:/-", (int)c->cp[k]) &&
            sr_seg_is_digit(c->cp[k + 1]) && ng < MAXG) {
            sep[ng - 1] = c->cp[k];
            k++;
            continue;
        }
        break;
    }
    /* Hyphens and slashes are only kept in phone numbers and dates. */
    int hyphen = 0, slash = 0;
    for (size_t g = 0; g + 1 < ng; g++) {
        hyphen += sep[g] == '-';
        slash += sep[g] == '/';
    }
    size_t cut = ng; /* number of groups kept */
    int dashed_date = ng == 3 && hyphen == 2 && glen[0] <= 2 && glen[1] <= 2 &&
                      (glen[2] == 2 || glen[2] == 4); /* 11-20-2000 */
    if (hyphen && !phone_groups(glen, ng) && !dashed_date) {
        for (cut = 0; cut + 1 < ng && sep[cut] != '-'; cut++)
            ;
        cut++;
    }
    if (slash && !hyphen) {
        int date = 0;
        if (ng == 3 && sep[0] == '/' && sep[1] == '/' && glen[0] <= 2 && glen[1] <= 2)
            date = 1;
        if (ng == 2 && sep[0] == '/' && glen[0] <= 2 && glen[1] <= 2 &&
            digits_value(c, gstart[0], gstart[0] + glen[0]) <= 12 &&
            digits_value(c, gstart[1], gstart[1] + glen[1]) <= 31)
            date = 1;
        if (!date) {
            for (cut = 0; cut + 1 < ng && sep[cut] != '/'; cut++)
                ;
            cut++;
        }
    }
    if (cut < ng)
        return gstart[cut - 1] + glen[cut - 1];
    if (k >= c->n)
        return k;
    /* 1990s, 9th, 21st, 50's */
    size_t e = k;
    if (e + 1 < c->n && is_apos(c->cp[e]) && lower_ascii(c->cp[e + 1]) == 's')
        e += 2;
    else {
        while (e < c->n && sr_seg_is_letter(c->cp[e]) && e - k < 3)
            e++;
        char key[4];
        size_t n = ascii_key(c, k, e, key, sizeof key);
        for (size_t q = 0; q < n; q++)
            key[q] = (char)lower_ascii(key[q]);
        if (!(n == 1 && key[0] == 's') && !(n == 2 && (!strcmp(key, "st") || !strcmp(key, "nd") ||
                                                       !strcmp(key, "rd") || !strcmp(key, "th"))))
            return k;
    }
    if (e < c->n && is_word(c->cp[e]))
        return k;
    return e;
}

/* ------------------------------------------------------------------ */
/* Words.                                                             */

/*
** Emit the word cp[a..b), splitting off clitics ('s, n't, 're, ...) and
** fused forms (cannot, gonna, dont) as EWT does.
*/
static void emit_word(const seg_chunk *c, seg_toks *out, size_t a, size_t b)
{
    size_t n = b - a;
    char key[16];
    size_t kn = ascii_key(c, a, b, key, sizeof key);
    size_t split = kn ? sr_seg_lex_fused(key, kn) : 0;
    if (split) {
        emit(c, out, a, a + split, SEG_WORD);
        emit(c, out, a + split, b, SEG_WORD);
        return;
    }
    const int32_t *w = c->cp;
    /* n't */
    if (n >= 4 && lower_ascii(w[b - 1]) == 't' && is_apos(w[b - 2]) &&
        lower_ascii(w[b - 3]) == 'n' && sr_seg_is_letter(w[b - 4])) {
        emit(c, out, a, b - 3, SEG_WORD);
        emit(c, out, b - 3, b, SEG_WORD);
        return;
    }
    /* 's 'm 'd */
    if (n >= 3 && is_apos(w[b - 2]) && w[b - 1] < 0x80 &&
        strchr("smd", (int)lower_ascii(w[b - 1])) && sr_seg_is_letter(w[b - 3])) {
        emit(c, out, a, b - 2, SEG_WORD);
        emit(c, out, b - 2, b, SEG_WORD);
        return;
    }
    /* 're 've 'll */
    if (n >= 4 && is_apos(w[b - 3]) && sr_seg_is_letter(w[b - 4])) {
        int32_t x = lower_ascii(w[b - 2]), y = lower_ascii(w[b - 1]);
        if ((x == 'r' && y == 'e') || (x == 'v' && y == 'e') || (x == 'l' && y == 'l')) {
            emit(c, out, a, b - 3, SEG_WORD);
            emit(c, out, b - 3, b, SEG_WORD);
            return;
        }
    }
    emit(c, out, a, b, SEG_WORD);
}

/*
** Letters and dots alternating, "U.S." or "p.m." or "Ph.D." (or "U.S"
** without its last stop): returns the end when there are at least two
** groups, else 0.
*/
static size_t match_dotted(const seg_chunk *c, size_t i)
{
    size_t k = i, groups = 0, end = 0;
    int initials = 1; /* every group one capital letter */
    for (;;) {
        size_t s = k;
        while (k < c->n && sr_seg_is_letter(c->cp[k]) && k - s < 3)
            k++;
        if (k == s || k - s > 2)
            break;
        int initial = k - s == 1 && sr_seg_is_upper(c->cp[s]);
        if (k >= c->n || c->cp[k] != '.') {
            /* "U.S" written without its last stop */
            if (groups >= 1 && initials && initial && (k == c->n || !is_word(c->cp[k])))
                return k;
            break;
        }
        initials &= initial;
        k++;
        groups++;
        end = k;
    }
    return groups >= 2 ? end : 0;
}

/* Is the word cp[a..b), followed by a full stop, an abbreviation? */
static int abbrev_before_dot(const seg_chunk *c, size_t a, size_t b)
{
    if (b - a == 1 && sr_seg_is_upper(c->cp[a])) {
        /* An initial ("J. R. R. Tolkien") comes before a name. */
        int32_t next = b + 1 < c->n ? c->cp[b + 1] : c->next;
        return sr_seg_is_upper(next);
    }
    char key[16];
    size_t n = ascii_key(c, a, b, key, sizeof key);
    if (!n)
        return 0;
    if (sr_seg_lex_abbrev(key, n))
        return 1;
    if (sr_seg_lex_state_word(key, n) && sr_seg_is_upper(c->cp[a]) && b + 1 < c->n &&
        c->cp[b + 1] == ',')
        return 1;
    if (sr_seg_lex_date_abbrev(key, n)) {
        /* "Sat. Sept. 23", "Mar. 5": a weekday or month before a date */
        int32_t next = b + 1 < c->n ? c->cp[b + 1] : c->next;
        return sr_seg_is_digit(next) || sr_seg_is_upper(next);
    }
    if (b + 1 < c->n && c->cp[b + 1] == '.')
        return 0; /* "etc..." is etc + ... */
    if (n == 2 && lower_ascii(key[0]) == 'n' && lower_ascii(key[1]) == 'o') {
        /* "No. 5", not "said no." */
        int32_t next = b + 1 < c->n ? c->cp[b + 1] : c->next;
        return sr_seg_is_digit(next);
    }
    return 0;
}

/* Is cp[a..b) all upper-case letters? */
static int all_upper(const seg_chunk *c, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++)
        if (!sr_seg_is_upper(c->cp[k]))
            return 0;
    return b > a;
}

/*
** A word at i (starting with a letter or underscore).  Emits it and
** returns its end.
*/
static size_t match_word(const seg_chunk *c, seg_toks *out, size_t i)
{
    size_t d = match_dotted(c, i);
    if (d) {
        emit(c, out, i, d, SEG_ABBREV);
        return d;
    }
    size_t j = i;
    int hyphen_kept = 0;
    for (;;) {
        while (j < c->n && is_word(c->cp[j]))
            j++;
        if (j + 1 >= c->n)
            break;
        int32_t x = c->cp[j], y = c->cp[j + 1];
        if (is_apos(x) && sr_seg_is_letter(y) && x != '`') {
            j++; /* O'Brien, don't (clitics are split in emit_word) */
            continue;
        }
        if (x == '`' && sr_seg_is_letter(y) && j > i && sr_seg_is_letter(c->cp[j - 1])) {
            j++; /* mama`s */
            continue;
        }
        if ((x == '&' || x == '*') && sr_seg_is_letter(y) && sr_seg_is_letter(c->cp[j - 1])) {
            j++; /* AT&T */
            continue;
        }
        if (x == '-' && is_word(y) && !hyphen_kept) {
            char key[16];
            size_t n = ascii_key(c, i, j, key, sizeof key);
            if (n && sr_seg_lex_keep_prefix(key, n)) {
                hyphen_kept = 1;
                j++;
                continue;
            }
        }
        break;
    }
    if (j - i == 1 && j + 1 < c->n && c->cp[j] == '/' && sr_seg_is_letter(c->cp[j + 1]) &&
        (j + 2 == c->n || !is_word(c->cp[j + 2]))) {
        emit(c, out, i, j + 2, SEG_WORD); /* b/c, w/o, I/S */
        return j + 2;
    }
    if (j < c->n && c->cp[j] == '$' && j - i <= 3 && all_upper(c, i, j)) {
        emit(c, out, i, j + 1, SEG_WORD); /* US$, HK$ */
        return j + 1;
    }
    if (j < c->n && c->cp[j] == '.' && !hyphen_kept && abbrev_before_dot(c, i, j)) {
        emit(c, out, i, j + 1, SEG_ABBREV);
        return j + 1;
    }
    emit_word(c, out, i, j);
    return j;
}

/* ------------------------------------------------------------------ */
/* Punctuation.                                                       */

static const char *const emoticons[] = {
    ":)", ":(", ":-)", ":-(", ";)", ";-)", ":D", ":-D", ":P", ":p", ":O", ":o",
    "=)", "(:", "^_^", ":/",  "<3", ":'(", ";D", ":]",  ":[", "XD", NULL,
};

/*
** The emoticon at i that is the whole chunk, or starts it and is followed
** only by sentence punctuation (":-)."); else 0.
*/
static size_t match_emoticon(const seg_chunk *c, size_t i)
{
    for (const char *const *e = emoticons; *e; e++) {
        size_t n = strlen(*e);
        if (c->n - i < n)
            continue;
        if (c->n - i > n) {
            if (i != 0)
                continue;
            size_t k = i + n;
            while (k < c->n && strchr(".,!?", (int)(c->cp[k] < 0x80 ? c->cp[k] : 'x')))
                k++;
            if (k != c->n)
                continue;
        }
        size_t k = 0;
        while (k < n && c->cp[i + k] == (unsigned char)(*e)[k])
            k++;
        if (k == n)
            return n;
    }
    return 0;
}

/* Kind of a single punctuation character, for the sentence splitter. */
static int punct_kind(int32_t x)
{
    if (x == '.' || x == '!' || x == '?' || x == 0x2026 || x == 0x203c || x == 0x2047 ||
        x == 0x2048 || x == 0x2049)
        return SEG_FINAL;
    if (is_quote(x))
        return SEG_QUOTE;
    if (x == '(' || x == '[' || x == '{' || x == '<')
        return SEG_OPEN;
    if (x == ')' || x == ']' || x == '}' || x == '>')
        return SEG_CLOSE;
    return SEG_PUNCT;
}

/* Extend a symbol over combining marks, variation selectors and ZWJ sequences (emoji). */
static size_t extend_symbol(const seg_chunk *c, size_t e)
{
    while (e < c->n) {
        int32_t x = c->cp[e];
        if (x == 0x200d && e + 1 < c->n) {
            e += 2;
            continue;
        }
        if ((x >= 0xfe00 && x <= 0xfe0f) || (x >= 0x1f3fb && x <= 0x1f3ff) ||
            (x >= 0xe0020 && x <= 0xe007f)) {
            e++;
            continue;
        }
        int cat = utf8proc_category(x);
        if (cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_ME) {
            e++;
            continue;
        }
        break;
    }
    return e;
}

/* Punctuation at i: emits one token and returns its end. */
static size_t match_punct(const seg_chunk *c, seg_toks *out, size_t i)
{
    int32_t x = c->cp[i];
    int32_t y = i + 1 < c->n ? c->cp[i + 1] : 0;
    size_t e = match_emoticon(c, i);
    if (e) {
        emit(c, out, i, i + e, SEG_PUNCT);
        return i + e;
    }
    /* A clitic standing alone ("'s") or an abbreviated year ('07). */
    if (is_apos(x) && y) {
        size_t k = i + 1;
        while (k < c->n && sr_seg_is_letter(c->cp[k]) && k - i <= 3)
            k++;
        if (k > i + 1 && (k == c->n || !is_word(c->cp[k]))) {
            char key[4];
            size_t n = ascii_key(c, i + 1, k, key, sizeof key);
            for (size_t q = 0; q < n; q++)
                key[q] = (char)lower_ascii(key[q]);
            if ((n == 1 && strchr("smd", key[0])) ||
                (n == 2 && (!strcmp(key, "re") || !strcmp(key, "ve") || !strcmp(key, "ll") ||
                            !strcmp(key, "em")))) {
                emit(c, out, i, k, SEG_WORD);
                return k;
            }
        }
        if (k == i + 1 && i + 2 < c->n && sr_seg_is_digit(y) && sr_seg_is_digit(c->cp[i + 2]) &&
            (i + 3 == c->n || !is_word(c->cp[i + 3]))) {
            emit(c, out, i, i + 3, SEG_NUMBER);
            return i + 3;
        }
    }
    /* Doubled quotes as one mark: '' `` ‘’ ’’ << >> */
    if ((x == '\'' && y == '\'') || (x == '`' && y == '`') || (x == 0x2018 && y == 0x2019) ||
        (x == 0x2019 && y == 0x2019) || (x == 0x2018 && y == 0x2018) || (x == '<' && y == '<') ||
        (x == '>' && y == '>')) {
        emit(c, out, i, i + 2, SEG_QUOTE);
        return i + 2;
    }
    /* Runs of sentence-final marks: "?!", "...", "!!!" */
    if (punct_kind(x) == SEG_FINAL) {
        e = i + 1;
        while (e < c->n && punct_kind(c->cp[e]) == SEG_FINAL)
            e++;
        emit(c, out, i, e, SEG_FINAL);
        return e;
    }
    /* Runs of one symbol: "--", "***", "====" */
    e = i + 1;
    if (x < 0x80 && strchr("-*=_~+#^$", (int)x))
        while (e < c->n && c->cp[e] == x)
            e++;
    else
        e = extend_symbol(c, e);
    emit(c, out, i, e, punct_kind(x));
    return e;
}

/* ------------------------------------------------------------------ */
/* The chunk.                                                         */

/* A file extension at i ending the chunk or followed by a non-word: its end, else 0. */
static size_t file_ext_at(const seg_chunk *c, size_t i)
{
    size_t e = i;
    while (e < c->n && sr_seg_is_letter(c->cp[e]) && e - i < 5)
        e++;
    if (e < c->n && is_word(c->cp[e]))
        return 0;
    char key[8];
    size_t n = ascii_key(c, i, e, key, sizeof key);
    return n && sr_seg_lex_file_ext(key, n) ? e : 0;
}

/* Dispatch every position of the chunk to the matcher its first character calls for. */
void sr_seg_tokenize_chunk(const seg_chunk *c, seg_toks *out)
{
    size_t i = 0, url_seen = 0;
    while (i < c->n) {
        int32_t x = c->cp[i];
        int32_t y = i + 1 < c->n ? c->cp[i + 1] : 0;
        if (i >= url_seen && x < 0x80 && (sr_seg_is_letter(x) || sr_seg_is_digit(x))) {
            size_t e = match_url(c, i, &url_seen);
            if (e) {
                emit(c, out, i, e, SEG_URL);
                i = e;
                continue;
            }
        }
        if (sr_seg_is_digit(x)) {
            size_t e = match_number(c, i);
            emit(c, out, i, e, SEG_NUMBER);
            i = e;
        } else if (is_word(x)) {
            i = match_word(c, out, i);
        } else if (x == '+' && sr_seg_is_digit(y) && (i == 0 || !is_word(c->cp[i - 1]))) {
            /* +44: a country calling code */
            size_t e = i + 1;
            while (e < c->n && sr_seg_is_digit(c->cp[e]))
                e++;
            emit(c, out, i, e, SEG_NUMBER);
            i = e;
        } else if (x == '.' && i == 0 && sr_seg_is_letter(y) && file_ext_at(c, i + 1)) {
            size_t e = file_ext_at(c, i + 1);
            emit(c, out, i, e, SEG_WORD);
            i = e;
        } else if ((x == '@' && is_word(y)) || (x == '#' && sr_seg_is_letter(y))) {
            size_t e = i + 1;
            while (e < c->n && is_word(c->cp[e]))
                e++;
            emit(c, out, i, e, SEG_URL);
            i = e;
        } else {
            i = match_punct(c, out, i);
        }
    }
}
