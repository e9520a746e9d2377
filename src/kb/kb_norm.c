/*
** kb_norm.c: the normal forms names are compared in.
**
** Exact matching compares normalized keys: case-folded, diacritics
** stripped, apostrophes unified, and every run of whitespace, hyphens and
** dashes reduced to one space, so "Al-Qaeda", "al Qaeda" and the scraped
** "Kava -Dragon" compare by their words alone.  Approximate matching
** compares phonetic keys, which also fold the spelling choices of
** transliteration (y/i/j, k/c/q, v/w, ks/x, doubled letters).
*/
#include "kb/kb_internal.h"

#include <string.h>
#include <utf8proc.h>

#include "util/util.h"

/* Whether code point c separates words in a key. */
static int is_separator(int32_t c)
{
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-' || c == '_')
        return 1;
    if (c == 0xa0 || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0x202f)
        return 1;
    return 0;
}

/* Append one byte, keeping room for the terminating NUL. */
static size_t put_byte(char *out, size_t n, size_t cap, char c)
{
    if (n == cap || n + 1 >= cap)
        return cap;
    out[n++] = c;
    out[n] = 0;
    return n;
}

/* Append the UTF-8 encoding of c. */
static size_t put_cp(char *out, size_t n, size_t cap, int32_t c)
{
    utf8proc_uint8_t tmp[4];
    utf8proc_ssize_t k = utf8proc_encode_char(c, tmp);
    for (utf8proc_ssize_t i = 0; i < k && n != cap; i++)
        n = put_byte(out, n, cap, (char)tmp[i]);
    return n;
}

/*
** Normalize s[0..len) onto out (see kb_internal.h).  ASCII takes a fast
** path; other code points are case-folded and stripped of marks by
** utf8proc one at a time.  When lead_sep is not NULL, *lead_sep is set
** when a separator comes before the first byte s puts out: the one place
** where what out held before changes what s appends.
*/
static size_t norm_append(char *out, size_t n, size_t cap, const char *s, size_t len, int *lead_sep)
{
    size_t i = 0;
    const size_t n0 = n;
    if (cap == 0)
        return cap;
    while (i < len && n != cap) {
        unsigned char b = (unsigned char)s[i];
        int32_t c;
        if (b < 0x80) {
            c = b;
            i++;
        } else {
            utf8proc_int32_t cp;
            utf8proc_ssize_t k =
                utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
            if (k <= 0) {
                i++;
                continue;
            }
            i += (size_t)k;
            c = cp;
        }
        if (is_separator(c)) {
            if (lead_sep && n == n0)
                *lead_sep = 1;
            if (n > 0 && out[n - 1] != ' ')
                n = put_byte(out, n, cap, ' ');
            continue;
        }
        if (c < 0x80) {
            if (c >= 'A' && c <= 'Z')
                c += 'a' - 'A';
            n = put_byte(out, n, cap, (char)c);
            continue;
        }
        if (c == 0x2019 || c == 0x2018 || c == 0x02bc || c == 0x2032 || c == 0x00b4) {
            n = put_byte(out, n, cap, '\'');
            continue;
        }
        utf8proc_int32_t dec[8];
        int last = 0;
        utf8proc_ssize_t m = utf8proc_decompose_char(
            c, dec, 8, UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_DECOMPOSE, &last);
        if (m < 0 || m > 8) {
            n = put_cp(out, n, cap, c);
            continue;
        }
        for (utf8proc_ssize_t j = 0; j < m && n != cap; j++)
            n = put_cp(out, n, cap, dec[j]);
    }
    return n;
}

size_t sr_kb_norm_append(char *out, size_t n, size_t cap, const char *s, size_t len)
{
    return norm_append(out, n, cap, s, len, NULL);
}

size_t sr_kb_norm_token(const char *s, size_t len, char *out, size_t cap, int *lead_sep)
{
    *lead_sep = 0;
    if (cap == 0)
        return 0;
    out[0] = 0;
    return norm_append(out, 0, cap, s, len, lead_sep);
}

/* Normalize a whole string: trimmed of separators at both ends. */
size_t sr_kb_norm(const char *s, char *out, size_t cap)
{
    if (cap == 0)
        return 0;
    out[0] = 0;
    size_t n = sr_kb_norm_append(out, 0, cap, s, strlen(s));
    if (n == cap)
        return 0;
    while (n > 0 && out[n - 1] == ' ')
        out[--n] = 0;
    return n;
}

/*
** Phonetic key of a normalized name.  Letters are folded by sound classes
** common to romanizations of Slavic and other names: k, q, c, ck -> c;
** x, ks -> cs; y, j -> i; w -> v; ph -> f; kh -> h; ' and . vanish; then
** runs of one letter collapse.  Spaces stay, as word separators.
*/
size_t sr_kb_phonetic(const char *norm, char *out, size_t cap)
{
    char tmp[512];
    size_t n = 0;
    if (cap == 0)
        return 0;
    for (const char *p = norm; *p && n + 3 < sizeof tmp; p++) {
        char c = *p, d = p[1];
        if (c == '\'' || c == '.' || c == ',')
            continue;
        if (c == 'p' && d == 'h') {
            tmp[n++] = 'f';
            p++;
        } else if (c == 'k' && d == 'h') {
            tmp[n++] = 'h';
            p++;
        } else if (c == 'c' && d == 'k') {
            tmp[n++] = 'c';
            p++;
        } else if (c == 'k' && d == 's') {
            tmp[n++] = 'c';
            tmp[n++] = 's';
            p++;
        } else if (c == 'x') {
            tmp[n++] = 'c';
            tmp[n++] = 's';
        } else if (c == 'k' || c == 'q') {
            tmp[n++] = 'c';
        } else if (c == 'y' || c == 'j') {
            tmp[n++] = 'i';
        } else if (c == 'w') {
            tmp[n++] = 'v';
        } else {
            tmp[n++] = c;
        }
    }
    size_t m = 0;
    for (size_t i = 0; i < n && m + 1 < cap; i++) {
        if (m > 0 && out[m - 1] == tmp[i])
            continue;
        out[m++] = tmp[i];
    }
    out[m] = 0;
    return m;
}

/*
** Optimal-string-alignment distance between a and b (bytes), giving up
** as soon as every cell of a row exceeds max.
*/
int sr_kb_edit_distance(const char *a, size_t la, const char *b, size_t lb, int max)
{
    if (la > 64 || lb > 64)
        return max + 1;
    if ((la > lb ? la - lb : lb - la) > (size_t)max)
        return max + 1;
    /*
    ** Each edit changes at most one byte of either string's multiset of
    ** bytes, so the larger of what either has beyond the other is a lower
    ** bound (with bytes folded into 32 classes, still one): most names
    ** compared here are rejected by it without the table.  What either has
    ** beyond the other is its length less the bytes the two share.
    */
    uint8_t count[32] = {0};
    size_t common = 0;
    for (size_t i = 0; i < la; i++)
        count[(unsigned char)a[i] & 31]++;
    for (size_t j = 0; j < lb; j++) {
        uint8_t *c = &count[(unsigned char)b[j] & 31];
        if (*c) {
            (*c)--;
            common++;
        }
    }
    if ((int)(la - common) > max || (int)(lb - common) > max)
        return max + 1;
    /*
    ** Only the band |i - j| <= max is computed, every value capped at
    ** top = max + 1: a cell outside the band is at least |i - j| away, so
    ** it reads as top, and capping each step gives the capped distance.
    */
    const int top = max + 1;
    const size_t band = (size_t)max;
    int d[65][65];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = i < (size_t)top ? (int)i : top;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = j < (size_t)top ? (int)j : top;
    for (size_t i = 1; i <= la; i++) {
        size_t lo = i > band ? i - band : 1, hi = i + band < lb ? i + band : lb;
        if (lo > 1)
            d[i][lo - 1] = top;
        if (hi < lb)
            d[i][hi + 1] = top;
        int best = top;
        for (size_t j = lo; j <= hi; j++) {
            int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < v)
                v = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            if (v > top)
                v = top;
            d[i][j] = v;
            if (v < best)
                best = v;
        }
        if (best > max)
            return max + 1;
    }
    return d[la][lb] > max ? max + 1 : d[la][lb];
}

void sr_kb_case_scan(const char *s, int *upper, int *lower)
{
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        if (*p < 0x80) {
            *upper |= *p >= 'A' && *p <= 'Z';
            *lower |= *p >= 'a' && *p <= 'z';
            p++;
            continue;
        }
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(p, -1, &c);
        if (k <= 0) {
            p++;
            continue;
        }
        utf8proc_category_t cat = utf8proc_category(c);
        *upper |= cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
        *lower |= cat == UTF8PROC_CATEGORY_LL;
        p += k;
    }
}

uint32_t sr_kb_letters(const char *s)
{
    uint32_t m = 0;
    for (; *s; s++)
        if (*s >= 'a' && *s <= 'z')
            m |= 1u << (*s - 'a');
        else if (*s != ' ')
            m |= 1u << 26;
    return m;
}

uint32_t sr_kb_hash(const char *s, size_t len)
{
    uint64_t h = sr_hash_bytes(s, len, 0);
    return (uint32_t)(h ^ (h >> 32));
}

/* Whether s[0..n) are all ASCII digits. */
static int all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

/* Whether y-m-d is a real calendar day. */
static int valid_day(int y, int m, int d)
{
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
        return 0;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 0;
    return 1;
}

int32_t sr_kb_parse_date(const char *s, size_t len)
{
    int y, m, d;
    if (len == 10 && s[4] == '-' && s[7] == '-' && all_digits(s, 4) && all_digits(s + 5, 2) &&
        all_digits(s + 8, 2)) {
        y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
        m = (s[5] - '0') * 10 + (s[6] - '0');
        d = (s[8] - '0') * 10 + (s[9] - '0');
    } else if (len == 8 && all_digits(s, 8)) {
        y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
        m = (s[4] - '0') * 10 + (s[5] - '0');
        d = (s[6] - '0') * 10 + (s[7] - '0');
    } else {
        return -1;
    }
    if (!valid_day(y, m, d))
        return -1;
    return y * 10000 + m * 100 + d;
}

int32_t sr_kb_parse_doc_date(const char *s)
{
    size_t n = strlen(s);
    /* "2025-08-20T10:00:00Z", "2025-08-20 10:00": the day is enough */
    if (n > 10 && (s[10] == 'T' || s[10] == ' '))
        n = 10;
    return sr_kb_parse_date(s, n);
}

int sr_kb_count_words(const char *norm)
{
    int n = *norm ? 1 : 0;
    for (const char *p = norm; *p; p++)
        if (*p == ' ')
            n++;
    return n;
}

/* Days since 0000-03-01 of a civil date (Gregorian), and back. */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe;
}

static int32_t civil_from_days(long z)
{
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp + (mp < 10 ? 3 : -9);
    y += m <= 2;
    return (int32_t)(y * 10000 + m * 100 + d);
}

int32_t sr_kb_date_add(int32_t d, int delta)
{
    if (d <= KB_DATE_MIN || d >= KB_DATE_MAX)
        return d;
    return civil_from_days(days_from_civil(d / 10000, d / 100 % 100, d % 100) + delta);
}

/* When this file was compiled: part of the cache fingerprint, so a new compiler rebuilds caches. */
const char *sr_kb_stamp_norm(void)
{
    return __DATE__ " " __TIME__;
}
