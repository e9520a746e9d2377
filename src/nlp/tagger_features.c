/*
** tagger_features.c: the features of the tagger's two perceptrons.
**
** Everything a feature needs about a word is hashed once per sentence into
** an sr_tg_word (forms, shape, affixes, flags); features are then cheap
** combinations of those hashes with a template number.  Changing a template
** changes the meaning of every trained model, so the templates are fixed
** and numbered; a new one gets a new number and needs retraining.
*/
#include <string.h>

#include "nlp/tagger_model.h"

#define FNV_OFFSET 1469598103934665603ULL
#define FNV_PRIME 1099511628211ULL

/* Stand-ins for the words before and after the sentence. */
#define PAD_BEFORE1 0x51a7e1d0c3b2a194ULL
#define PAD_BEFORE2 0x2b7e151628aed2a6ULL
#define PAD_AFTER1 0x3c6ef372fe94f82bULL
#define PAD_AFTER2 0xa54ff53a5f1d36f1ULL
#define NONE_VALUE 0x6a09e667f3bcc908ULL

uint64_t sr_tg_hash(const char *s, size_t len)
{
    uint64_t h = FNV_OFFSET;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= FNV_PRIME;
    }
    return h;
}

static unsigned char ascii_lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* The shape class of a byte: X, x, d, u (non-ASCII) or the byte itself. */
static unsigned char shape_class(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return 'X';
    if (c >= 'a' && c <= 'z')
        return 'x';
    if (c >= '0' && c <= '9')
        return 'd';
    if (c >= 0x80)
        return 'u';
    return c;
}

/* Hash of bytes [from, to) of the lowercased form, tagged with k. */
static uint64_t affix_hash(const unsigned char *lower, size_t from, size_t to, unsigned k)
{
    uint64_t h = FNV_OFFSET ^ (k * 0x100000001b3ULL);
    for (size_t i = from; i < to; i++) {
        h ^= lower[i];
        h *= FNV_PRIME;
    }
    return h;
}

/* Whether lowercased form s (length n) is one of the words in list. */
static int is_one_of(const unsigned char *s, size_t n, const char *const *list)
{
    if (n == 0 || n > 7)
        return 0; /* no form of "be", "get" or "have" is longer */
    for (; *list; list++)
        if ((unsigned char)(*list)[0] == s[0] && strncmp(*list, (const char *)s, n) == 0 &&
            (*list)[n] == '\0')
            return 1;
    return 0;
}

static const char *const be_forms[] = {"be",     "is",      "am",  "are", "was", "were", "been",
                                       "being",  "'s",      "'re", "'m",  "get", "gets", "got",
                                       "gotten", "getting", "s",   "re",  NULL};
static const char *const have_forms[] = {"have", "has", "had", "having", "'ve", "ve", NULL};

/* The word's flags, from its form and lowercased prefix. */
static uint32_t word_flags(const unsigned char *f, size_t len, const unsigned char *lower,
                           size_t nlower, int first)
{
    uint32_t flags = first ? SR_TGW_FIRST : 0;
    int upper = 0, letters = 0;
    for (size_t i = 0; i < len; i++) {
        if (f[i] >= '0' && f[i] <= '9')
            flags |= SR_TGW_HAS_DIGIT;
        else if (f[i] == '-')
            flags |= SR_TGW_HAS_HYPHEN;
        if ((f[i] >= 'A' && f[i] <= 'Z') || (f[i] >= 'a' && f[i] <= 'z'))
            letters++, upper += f[i] <= 'Z';
    }
    if (len && f[0] >= 'A' && f[0] <= 'Z')
        flags |= SR_TGW_UPPER_INITIAL;
    if (letters && upper == letters)
        flags |= SR_TGW_ALL_UPPER;
    if (nlower == len) {
        if (is_one_of(lower, nlower, be_forms))
            flags |= SR_TGW_BE;
        else if (is_one_of(lower, nlower, have_forms))
            flags |= SR_TGW_HAVE;
    }
    return flags;
}

/*
** Fill w from form, typographic apostrophes made plain.  Only the first 64 bytes
** of a word count for affixes and flags; the whole form counts for its
** identity hashes.
*/
const char *sr_tg_plain_quotes(const char *form, char *buf, size_t size)
{
    const char *q = strstr(form, "\xe2\x80");
    if (!q)
        return form;
    size_t k = 0, changed = 0;
    for (const char *p = form; *p; p++) {
        if (k + 1 >= size)
            return form;
        unsigned char c2 = p[0] == '\xe2' && p[1] == '\x80' ? (unsigned char)p[2] : 0;
        if (c2 == 0x99) {
            buf[k++] = '\'';
            p += 2, changed = 1;
        } else {
            buf[k++] = *p;
        }
    }
    buf[k] = '\0';
    return changed ? buf : form;
}

void sr_tg_word_init(sr_tg_word *w, const char *form, int first)
{
    memset(w, 0, sizeof *w); /* padding too: a word is compared as bytes */
    char plain[128];
    form = sr_tg_plain_quotes(form, plain, sizeof plain);
    const unsigned char *f = (const unsigned char *)form;
    size_t len = strlen(form);
    unsigned char lower[64];
    size_t nlower = len < sizeof lower ? len : sizeof lower;
    uint64_t exact = FNV_OFFSET, low = FNV_OFFSET, norm = FNV_OFFSET, shape = FNV_OFFSET;
    unsigned char last_class = 0;
    int run = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = f[i], l = ascii_lower(c);
        if (i < nlower)
            lower[i] = l;
        exact = (exact ^ c) * FNV_PRIME;
        low = (low ^ l) * FNV_PRIME;
        norm = (norm ^ (l >= '0' && l <= '9' ? '0' : l)) * FNV_PRIME;
        if (c >= 0x80 && c < 0xc0)
            continue; /* continuation byte: one shape symbol per character */
        unsigned char sc = shape_class(c);
        run = sc == last_class ? run + 1 : 1;
        last_class = sc;
        if (run <= 3)
            shape = (shape ^ sc) * FNV_PRIME;
    }
    w->exact = exact;
    w->lower = low;
    w->norm = norm;
    w->shape = shape;
    for (unsigned k = 1; k <= 4; k++)
        w->suf[k - 1] = affix_hash(lower, nlower > k ? nlower - k : 0, nlower, k);
    for (unsigned k = 1; k <= 3; k++)
        w->pre[k - 1] = affix_hash(lower, 0, nlower < k ? nlower : k, 10 + k);
    w->flags = word_flags(f, len, lower, nlower, first);
    w->lex = 0;
}

/* The stored lexicon bits of s[0..n), or 0. */
static uint32_t lex_get(const sr_tg_table *lex, const char *s, size_t n)
{
    const sr_tg_slot *x = sr_tg_find(lex, sr_tg_hash(s, n));
    return x ? x->row : 0;
}

/* Lexicon bits of word[0..stem) + tail. */
static uint32_t lex_stem(const sr_tg_table *lex, const char *word, size_t stem, const char *tail)
{
    char buf[72];
    size_t t = strlen(tail);
    if (stem < 2 || stem + t > sizeof buf)
        return 0;
    memcpy(buf, word, stem);
    memcpy(buf + stem, tail, t);
    return lex_get(lex, buf, stem + t);
}

/* Whether w (length n) ends in suffix. */
static int has_suffix(const char *w, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n > k && memcmp(w + n - k, suffix, k) == 0;
}

/*
** Verb lemmas behind a form ending in a suffix of length cut (-ed, -ing):
** the bare stem, the stem with a silent e restored, or with a doubled
** consonant undone.
*/
static uint32_t lex_verb_stem(const sr_tg_table *lex, const char *w, size_t n, size_t cut)
{
    size_t stem = n - cut;
    uint32_t m = lex_stem(lex, w, stem, "") | lex_stem(lex, w, stem, "e");
    if (stem >= 3 && w[stem - 1] == w[stem - 2])
        m |= lex_stem(lex, w, stem - 1, "");
    if (cut == 2 && has_suffix(w, n, "ied"))
        m |= lex_stem(lex, w, n - 3, "y");
    return m;
}

/*
** The lexicon bits of a word: those stored for its lowercased form, and
** for words the training set rarely saw, those derived by detaching
** inflectional suffixes and looking the stems up (WordNet's morphy rules).
*/
uint32_t sr_tg_lexicon(const sr_tg_table *lex, const char *form)
{
    char w[64], plain[64];
    form = sr_tg_plain_quotes(form, plain, sizeof plain);
    size_t n = strlen(form);
    if (!lex->slots || n >= sizeof w || n < 3)
        return 0;
    for (size_t i = 0; i < n; i++)
        w[i] = (char)ascii_lower((unsigned char)form[i]);
    uint32_t m = lex_get(lex, w, n);
    if (m & SR_TGL_FREQUENT)
        return SR_TGL_FREQUENT;
    uint32_t stored = m;
    if (m)
        m |= SR_TGL_SEEN;
    if (has_suffix(w, n, "s") && !has_suffix(w, n, "ss")) {
        uint32_t b = lex_stem(lex, w, n - 1, "");
        if (has_suffix(w, n, "es"))
            b |= lex_stem(lex, w, n - 2, "");
        if (has_suffix(w, n, "ies"))
            b |= lex_stem(lex, w, n - 3, "y");
        m |= (b & SR_TGL_NOUN ? SR_TGL_PLURAL : 0) | (b & SR_TGL_VERB ? SR_TGL_VERB_S : 0);
    } else if (has_suffix(w, n, "ed")) {
        m |= lex_verb_stem(lex, w, n, 2) & SR_TGL_VERB ? SR_TGL_VERB_ED : 0;
    } else if (has_suffix(w, n, "ing")) {
        m |= lex_verb_stem(lex, w, n, 3) & SR_TGL_VERB ? SR_TGL_VERB_ING : 0;
    } else if (has_suffix(w, n, "ly")) {
        uint32_t b = lex_stem(lex, w, n - 2, "") |
                     (has_suffix(w, n, "ily") ? lex_stem(lex, w, n - 3, "y") : 0);
        m |= b & SR_TGL_ADJ ? SR_TGL_LY : 0;
    }
    if (has_suffix(w, n, "er") || has_suffix(w, n, "est")) {
        size_t cut = has_suffix(w, n, "er") ? 2 : 3;
        uint32_t b = lex_stem(lex, w, n - cut, "") | lex_stem(lex, w, n - cut, "e");
        if (w[n - cut - 1] == 'i')
            b |= lex_stem(lex, w, n - cut - 1, "y");
        if (n - cut >= 3 && w[n - cut - 1] == w[n - cut - 2])
            b |= lex_stem(lex, w, n - cut - 1, "");
        m |= b & SR_TGL_ADJ ? SR_TGL_DEGREE : 0;
    }
    (void)stored;
    return m ? m : SR_TGL_UNKNOWN;
}

/* norm of word i + d, or a padding value outside the sentence. */
static uint64_t norm_at(const sr_tg_word *w, size_t n, size_t i, int d)
{
    long j = (long)i + d;
    if (j < 0)
        return d == -1 || j == -1 ? PAD_BEFORE1 : PAD_BEFORE2;
    if ((size_t)j >= n)
        return (size_t)j == n ? PAD_AFTER1 : PAD_AFTER2;
    return w[j].norm;
}

static uint64_t shape_at(const sr_tg_word *w, size_t n, size_t i, int d)
{
    long j = (long)i + d;
    if (j < 0)
        return PAD_BEFORE1;
    if ((size_t)j >= n)
        return PAD_AFTER1;
    return w[j].shape;
}

static uint64_t suffix_at(const sr_tg_word *w, size_t n, size_t i, int d, int k)
{
    long j = (long)i + d;
    if (j < 0)
        return PAD_BEFORE1;
    if ((size_t)j >= n)
        return PAD_AFTER1;
    return w[j].suf[k - 1];
}

/*
** POS templates: the word itself (forms, affixes, shape, flags), its
** neighbours up to two away, and the classes already given to the two
** words before it.
*/
size_t sr_tg_pos_features(const sr_tg_word *w, size_t n, size_t i, unsigned prev1, unsigned prev2,
                          uint64_t *keys)
{
    const sr_tg_word *x = &w[i];
    uint64_t wm1 = norm_at(w, n, i, -1), wm2 = norm_at(w, n, i, -2);
    uint64_t wp1 = norm_at(w, n, i, 1), wp2 = norm_at(w, n, i, 2);
    uint32_t f = x->flags & (SR_TGW_UPPER_INITIAL | SR_TGW_ALL_UPPER | SR_TGW_HAS_DIGIT |
                             SR_TGW_HAS_HYPHEN | SR_TGW_FIRST);
    size_t k = 0;
    keys[k++] = sr_tg_key(1, 0, 0);
    keys[k++] = sr_tg_key(2, x->norm, 0);
    keys[k++] = sr_tg_key(3, x->exact, 0);
    for (int s = 0; s < 4; s++)
        keys[k++] = sr_tg_key(4 + s, x->suf[s], 0);
    for (int p = 0; p < 3; p++)
        keys[k++] = sr_tg_key(8 + p, x->pre[p], 0);
    keys[k++] = sr_tg_key(11, x->shape, 0);
    keys[k++] = sr_tg_key(12, f, 0);
    keys[k++] = sr_tg_key(13, wm1, 0);
    keys[k++] = sr_tg_key(14, wm2, 0);
    keys[k++] = sr_tg_key(15, wp1, 0);
    keys[k++] = sr_tg_key(16, wp2, 0);
    keys[k++] = sr_tg_key(17, suffix_at(w, n, i, -1, 3), 0);
    keys[k++] = sr_tg_key(18, suffix_at(w, n, i, 1, 3), 0);
    keys[k++] = sr_tg_key(19, shape_at(w, n, i, -1), 0);
    keys[k++] = sr_tg_key(20, shape_at(w, n, i, 1), 0);
    keys[k++] = sr_tg_key(21, prev1, 0);
    keys[k++] = sr_tg_key(22, prev1, prev2);
    keys[k++] = sr_tg_key(23, prev1, x->norm);
    keys[k++] = sr_tg_key(24, wm1, x->norm);
    keys[k++] = sr_tg_key(25, x->norm, wp1);
    keys[k++] = sr_tg_key(26, prev1, wp1);
    keys[k++] = sr_tg_key(27, wm1, wp1);
    keys[k++] = sr_tg_key(28, prev2, 0);
    keys[k++] = sr_tg_key(29, prev1, x->suf[2]);
    keys[k++] = sr_tg_key(30, suffix_at(w, n, i, 1, 1), x->norm);
    keys[k++] = sr_tg_key(32, wp1, wp2);
    if (x->lex && x->lex != SR_TGL_FREQUENT) {
        keys[k++] = sr_tg_key(33, x->lex, 0);
        keys[k++] = sr_tg_key(34, x->lex, prev1);
        keys[k++] = sr_tg_key(35, x->lex, x->flags & (SR_TGW_UPPER_INITIAL | SR_TGW_FIRST));
    }
    return k;
}

/* Class of word i + d, or SR_TG_NO_CLASS outside the sentence. */
static unsigned class_at(const uint8_t *cls, size_t n, size_t i, int d)
{
    long j = (long)i + d;
    return j < 0 || (size_t)j >= n ? SR_TG_NO_CLASS : cls[j];
}

static uint64_t lower_at(const sr_tg_word *w, size_t n, size_t i, int d)
{
    long j = (long)i + d;
    if (j < 0)
        return PAD_BEFORE1;
    if ((size_t)j >= n)
        return PAD_AFTER1;
    return w[j].lower;
}

/*
** The nearest word left of i, within 10 words, whose class has all of the
** `want` flags and none of the `skip` flags; -1 when there is none.
*/
static long nearest_left(const uint8_t *cls, const uint8_t *class_flags, size_t i, uint8_t want,
                         uint8_t skip)
{
    for (long j = (long)i - 1; j >= 0 && j >= (long)i - 10; j--) {
        uint8_t fl = class_flags[cls[j]];
        if ((fl & want) == want && !(fl & skip))
            return j;
    }
    return -1;
}

/* A value that describes a subject candidate: its form if a pronoun, else its class. */
static uint64_t subject_value(const sr_tg_word *w, const uint8_t *cls, const uint8_t *class_flags,
                              long j)
{
    if (j < 0)
        return NONE_VALUE;
    if (class_flags[cls[j]] & SR_TGC_PRONOUN)
        return w[j].lower;
    return cls[j];
}

/*
** FEATS templates: every one is conjoined with the word's own class, since
** the choice is always among the strings seen with that class.  Agreement
** features (Number, Person of verbs) come from the nearest subject-like
** word to the left; Voice and VerbForm from the auxiliaries before it.
*/
size_t sr_tg_feats_features(const sr_tg_word *w, const uint8_t *cls, const uint8_t *class_flags,
                            size_t n, size_t i, uint64_t *keys)
{
    const sr_tg_word *x = &w[i];
    uint64_t c = cls[i];
    long subj = nearest_left(cls, class_flags, i, SR_TGC_NOMINAL, 0);
    long subj_norel = nearest_left(cls, class_flags, i, SR_TGC_NOMINAL, SR_TGC_RELATIVE);
    long aux = -1;
    for (long j = (long)i - 1; j >= 0 && j >= (long)i - 3; j--)
        if (w[j].flags & (SR_TGW_BE | SR_TGW_HAVE)) {
            aux = j;
            break;
        }
    size_t k = 0;
    keys[k++] = sr_tg_key(101, c, 0);
    keys[k++] = sr_tg_key(102, c, x->lower);
    keys[k++] = sr_tg_key(103, c, x->suf[2]);
    keys[k++] = sr_tg_key(104, c, x->suf[1]);
    keys[k++] = sr_tg_key(105, c, class_at(cls, n, i, -1));
    keys[k++] = sr_tg_key(106, c, class_at(cls, n, i, 1));
    keys[k++] = sr_tg_key(107, c, lower_at(w, n, i, -1));
    keys[k++] = sr_tg_key(108, c, lower_at(w, n, i, 1));
    keys[k++] = sr_tg_key(109, c, class_at(cls, n, i, -1) << 8 | class_at(cls, n, i, -2));
    keys[k++] = sr_tg_key(110, c, subject_value(w, cls, class_flags, subj));
    keys[k++] = sr_tg_key(111, c, subject_value(w, cls, class_flags, subj_norel));
    keys[k++] = sr_tg_key(112, c, aux < 0 ? NONE_VALUE : w[aux].lower);
    keys[k++] = sr_tg_key(113, c, x->flags & SR_TGW_FIRST);
    keys[k++] = sr_tg_key(114, c, lower_at(w, n, i, -2));
    keys[k++] = sr_tg_key(115, c, x->shape);
    keys[k++] = sr_tg_key(116, c, subj_norel < 0 ? NONE_VALUE : w[subj_norel].lower);
    keys[k++] = sr_tg_key(117, c, x->lower ^ (lower_at(w, n, i, -1) << 1));
    keys[k++] = sr_tg_key(118, c, class_at(cls, n, i, 1) << 8 | class_at(cls, n, i, 2));
    return k;
}
