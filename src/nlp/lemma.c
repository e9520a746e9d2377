/*
** lemma.c: the lemmatizer.
**
** Every tagged word gets a lemma cased like UD EWT's: proper nouns keep
** their case, everything else is lowercased.  The lemma comes from the
** first of these that knows the word (see lemma_internal.h):
**
**   1. the lemma table learned from the EWT training set
**      (data/models/lemma.bin): only the words where the rules below go
**      wrong, such as "n't" -> "not", "ca" -> "can", "'s" -> "be";
**   2. WordNet's exception lists (went -> go, better -> good);
**   3. WordNet's detachment rules (troops -> troop), kept only when the
**      result is a lemma WordNet knows;
**   4. suffix rules for words WordNet lacks (retweeted -> retweet).
**
** WordNet is read from data_dir/wordnet, $WNSEARCHDIR or /usr/share/wordnet;
** without it steps 2 and 3 are skipped and the rules of step 4 do all the
** work.  Typographic apostrophes are read as plain ones (n’t is n't).
** Everything is loaded once and read-only afterwards.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nlp/lemma_internal.h"
#include "nlp/model_io.h"
#include "nlp/tagger_model.h" /* sr_tg_plain_quotes */
#include "util/util.h"

/* A detachment rule: replace suffix `from` by `to`. */
typedef struct lm_rule {
    const char *from, *to;
} lm_rule;

/* WordNet's morphy rules, per part of speech, in WordNet's order. */
static const lm_rule noun_rules[] = {{"s", ""},      {"ses", "s"},   {"xes", "x"},
                                     {"zes", "z"},   {"ches", "ch"}, {"shes", "sh"},
                                     {"men", "man"}, {"ies", "y"},   {NULL, NULL}};
static const lm_rule verb_rules[] = {{"s", ""},    {"ies", "y"}, {"es", "e"},
                                     {"es", ""},   {"ed", "e"},  {"ed", ""},
                                     {"ing", "e"}, {"ing", ""},  {NULL, NULL}};
static const lm_rule adj_rules[] = {
    {"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}, {NULL, NULL}};

static void copy_lower(const char *s, char *out, size_t size)
{
    size_t i = 0;
    for (; s[i] && i + 1 < size; i++)
        out[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
    out[i] = '\0';
}

static int ends_with(const char *s, size_t len, const char *suffix)
{
    size_t n = strlen(suffix);
    return len >= n && memcmp(s + len - n, suffix, n) == 0;
}

static int is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/*
** out = at most alen bytes of a (it may end sooner), then b, cut to size - 1
** bytes and NUL-terminated as snprintf would: snprintf cost more than the
** rest of the rules on the path every token takes.
*/
static void join2(char *out, size_t size, const char *a, size_t alen, const char *b)
{
    size_t n = 0;
    if (size == 0)
        return;
    for (size_t i = 0; i < alen && a[i] && n + 1 < size; i++)
        out[n++] = a[i];
    for (; *b && n + 1 < size; b++)
        out[n++] = *b;
    out[n] = '\0';
}

/* Write word with suffix `from` replaced by `to` into out. */
static void replace_suffix(const char *word, size_t len, const lm_rule *r, char *out, size_t size)
{
    size_t keep = len - strlen(r->from);
    join2(out, size, word, keep, r->to);
}

/*
** WordNet's answer for word as part of speech p: its exception list, else
** the first detachment rule whose result WordNet knows.  NULL when neither.
*/
static const char *wordnet_lemma(const sr_lemmatizer *l, int p, const char *word, char *out,
                                 size_t size)
{
    static const lm_rule *const rules[SR_WN_COUNT] = {noun_rules, verb_rules, adj_rules, NULL};
    if (!l->have_wordnet)
        return NULL;
    size_t len = strlen(word);
    const char *exc = sr_lm_map_get(&l->exc[p], word, len);
    if (exc) {
        join2(out, size, exc, SIZE_MAX, "");
        return out;
    }
    for (const lm_rule *r = rules[p]; r && r->from; r++) {
        if (!ends_with(word, len, r->from) || len <= strlen(r->from) + 1)
            continue;
        replace_suffix(word, len, r, out, size);
        if (sr_lm_map_get(&l->known[p], out, strlen(out)))
            return out;
    }
    return NULL;
}

/* Whether stem ends in a doubled consonant that inflection added (stopp, bigg). */
static int doubled_end(const char *s, size_t n)
{
    return n >= 3 && s[n - 1] == s[n - 2] && !is_vowel(s[n - 1]) &&
           strchr("lsfz", s[n - 1]) == NULL;
}

/* Whether a verb stem probably lost a silent e (us-ed, cod-ing, issu-ed). */
static int needs_e(const char *s, size_t n)
{
    if (n < 2)
        return 0;
    char last = s[n - 1], before = s[n - 2];
    if (last == 'v' || last == 'u' || last == 'z' || (last == 'c' && before != 'c'))
        return 1;
    if (last == 'l' && !is_vowel(before) && before != 'l' && before != 'r')
        return 1; /* googl-ed, handl-ing */
    if ((last == 's' || last == 'g') && is_vowel(before) &&
        (n == 2 || (n <= 4 && !is_vowel(s[n - 3]))))
        return 1; /* us-ed, rag-ed */
    return 0;
}

/* Suffix rules for plural nouns and -s verbs that WordNet does not know. */
static void guess_plural(const char *w, size_t n, char *out, size_t size)
{
    if (n > 4 && ends_with(w, n, "ies"))
        join2(out, size, w, n - 3, "y");
    else if (ends_with(w, n, "sses") || ends_with(w, n, "shes") || ends_with(w, n, "ches") ||
             ends_with(w, n, "xes") || ends_with(w, n, "zes"))
        join2(out, size, w, n - 2, "");
    else if (n > 3 && ends_with(w, n, "s") && !ends_with(w, n, "ss") && !ends_with(w, n, "us") &&
             !ends_with(w, n, "is"))
        join2(out, size, w, n - 1, "");
    else
        join2(out, size, w, SIZE_MAX, "");
}

/* Suffix rules for -ed and -ing verb forms that WordNet does not know. */
static void guess_verb(const char *w, size_t n, char *out, size_t size)
{
    size_t cut = 0;
    if (n > 4 && ends_with(w, n, "ied")) {
        join2(out, size, w, n - 3, "y");
        return;
    }
    if (n > 3 && ends_with(w, n, "ed"))
        cut = 2;
    else if (n > 4 && ends_with(w, n, "ing"))
        cut = 3;
    else if (ends_with(w, n, "s")) {
        guess_plural(w, n, out, size);
        return;
    }
    size_t stem = n - cut;
    if (cut && doubled_end(w, stem))
        stem--;
    join2(out, size, w, stem, cut && needs_e(w, stem) ? "e" : "");
}

/* Suffix rules for -er and -est adjectives and adverbs. */
static void guess_degree(const char *w, size_t n, char *out, size_t size)
{
    size_t cut = n > 4 && ends_with(w, n, "est") ? 3 : n > 3 && ends_with(w, n, "er") ? 2 : 0;
    if (cut && w[n - cut - 1] == 'i') {
        join2(out, size, w, n - cut - 1, "y");
        return;
    }
    size_t stem = n - cut;
    if (cut && doubled_end(w, stem))
        stem--;
    join2(out, size, w, stem, "");
}

/*
** Whether a capitalized adjective looks like one of nationality or
** origin (Iraqi, Chinese, British, American), which EWT does not lowercase.
*/
static int is_nationality(const char *w)
{
    size_t n = strlen(w);
    if (n < 4 || w[0] < 'A' || w[0] > 'Z' || w[1] < 'a' || w[1] > 'z')
        return 0;
    return ends_with(w, n, "an") || ends_with(w, n, "ese") || ends_with(w, n, "ish") ||
           ends_with(w, n, "i");
}

/* A number without its thousands separators. */
static const char *strip_commas(const char *w, char *buf, size_t size)
{
    size_t k = 0;
    for (; *w && k + 1 < size; w++)
        if (*w != ',')
            buf[k++] = *w;
    buf[k] = '\0';
    return buf;
}

/* Lemma of a proper noun: the form, plurals made singular, case kept. */
static const char *proper_lemma(const char *form, const char *xpos, char *buf, size_t size)
{
    size_t n = strlen(form);
    if (strcmp(xpos, "NNPS") == 0 && n > 3 && form[n - 1] == 's' && form[n - 2] != 's') {
        if (ends_with(form, n, "ies") && n > 4)
            join2(buf, size, form, n - 3, "y");
        else
            join2(buf, size, form, n - 1, "");
        return buf;
    }
    join2(buf, size, form, SIZE_MAX, "");
    return buf;
}

/* Lemma of a verb form by its Penn tag. */
static const char *verb_lemma(const sr_lemmatizer *l, const char *w, const char *xpos, char *buf,
                              size_t size)
{
    size_t n = strlen(w);
    int base = strcmp(xpos, "VB") == 0 || strcmp(xpos, "VBP") == 0;
    if (base && l->have_wordnet && sr_lm_map_get(&l->known[SR_WN_VERB], w, n))
        return w; /* "found" as a base form is not "find" */
    if (wordnet_lemma(l, SR_WN_VERB, w, buf, size))
        return buf;
    if (base)
        return w;
    guess_verb(w, n, buf, size);
    return buf;
}

/* Lemma of a comparative or superlative (JJR, JJS, RBR, RBS). */
static const char *degree_lemma(const sr_lemmatizer *l, const char *w, int adverb, char *buf,
                                size_t size)
{
    if (adverb && l->have_wordnet && sr_lm_map_get(&l->exc[SR_WN_ADV], w, strlen(w))) {
        join2(buf, size, sr_lm_map_get(&l->exc[SR_WN_ADV], w, strlen(w)), SIZE_MAX, "");
        return buf;
    }
    if (wordnet_lemma(l, SR_WN_ADJ, w, buf, size))
        return buf;
    if (l->have_wordnet && (sr_lm_map_get(&l->known[SR_WN_ADJ], w, strlen(w)) ||
                            sr_lm_map_get(&l->known[SR_WN_ADV], w, strlen(w))))
        return w; /* "over", "upper", "latter": not comparatives of anything */
    guess_degree(w, strlen(w), buf, size);
    return buf;
}

const char *sr_lm_rules(const sr_lemmatizer *l, const char *form, const char *xpos, int upos,
                        int first_word, char *buf, size_t size)
{
    char lower[SR_LM_MAX];
    if (!xpos)
        xpos = "";
    if (strlen(form) >= SR_LM_MAX || upos == SR_UPOS_PROPN || strncmp(xpos, "NNP", 3) == 0)
        return proper_lemma(form, xpos, buf, size);
    if (upos == SR_UPOS_ADJ && !first_word && is_nationality(form)) {
        join2(buf, size, form, SIZE_MAX, ""); /* American, Iraqi: EWT keeps their case */
        return buf;
    }
    if (strcmp(xpos, "CD") == 0 && strchr(form, ',') && form[0] >= '0' && form[0] <= '9')
        return strip_commas(form, buf, size); /* 12,000 -> 12000 */
    copy_lower(form, lower, sizeof lower);
    const char *r = lower;
    size_t n = strlen(lower);
    if (strcmp(xpos, "NNS") == 0 && n > 3 &&
        (ends_with(lower, n, "'s") || ends_with(lower, n, "\xe2\x80\x99s")))
        lower[n - (lower[n - 2] == '\'' ? 2 : 4)] = '\0'; /* DM's, 12's: a plural written with 's */
    if (strcmp(xpos, "NNS") == 0) {
        if (!wordnet_lemma(l, SR_WN_NOUN, lower, buf, size))
            guess_plural(lower, strlen(lower), buf, size);
        r = buf;
    } else if (xpos[0] == 'V' && xpos[1] == 'B') {
        r = verb_lemma(l, lower, xpos, buf, size);
    } else if (!strcmp(xpos, "JJR") || !strcmp(xpos, "JJS") || !strcmp(xpos, "RBR") ||
               !strcmp(xpos, "RBS")) {
        r = degree_lemma(l, lower, xpos[0] == 'R', buf, size);
    }
    if (r != buf)
        join2(buf, size, r, SIZE_MAX, "");
    return buf;
}

/* The learned table's lemma for form as xpos, or NULL. */
static const char *table_lemma(const sr_lemmatizer *l, const char *form, const char *xpos)
{
    char key[SR_LM_MAX + 16];
    size_t nx = strlen(xpos ? xpos : "_"), nf = strlen(form), n = nx + 1 + nf;
    if (n >= sizeof key)
        return NULL;
    memcpy(key, xpos ? xpos : "_", nx);
    key[nx] = '\t';
    memcpy(key + nx + 1, form, nf + 1);
    const char *v = sr_lm_map_get(&l->table, key, n);
    if (v)
        return v;
    char *f = key + nx + 1;
    int upper = 0;
    for (char *c = f; *c; c++)
        if (*c >= 'A' && *c <= 'Z')
            *c = (char)(*c + 32), upper = 1;
    return upper ? sr_lm_map_get(&l->table, key, n) : NULL;
}

/* Whether form is a participle that "'s" means "has" before. */
static int perfect_participle(const char *form)
{
    return form && (strcmp(form, "been") == 0 || strcmp(form, "got") == 0 ||
                    strcmp(form, "gotten") == 0 || strcmp(form, "had") == 0);
}

void sr_lemmatize(const sr_lemmatizer *l, sr_sentence *s, sr_arena *a)
{
    char buf[SR_LM_MAX + 8];
    for (uint32_t i = 0; i < s->ntokens; i++) {
        sr_token *t = &s->tokens[i];
        const char *form = t->form ? t->form : "";
        if (strlen(form) >= SR_LM_MAX) { /* no rule rewrites such a word */
            t->lemma = form;
            continue;
        }
        char plain_buf[SR_LM_MAX];
        const char *plain = sr_tg_plain_quotes(form, plain_buf, sizeof plain_buf);
        const char *lemma = table_lemma(l, plain, t->xpos);
        if (!lemma)
            lemma = sr_lm_rules(l, plain, t->xpos, t->upos, i == 0, buf, sizeof buf);
        if (strcmp(plain, "'s") == 0 && strcmp(lemma, "be") == 0 && i + 1 < s->ntokens &&
            perfect_participle(s->tokens[i + 1].form))
            lemma = "have"; /* it's been, she's got */
        t->lemma = strcmp(lemma, plain) == 0 ? form : sr_arena_strdup(a, lemma);
    }
}

/* ------------------------------------------------------------------ */
/* Opening.                                                           */

sr_lemmatizer *sr_lm_new(void)
{
    sr_lemmatizer *l = calloc(1, sizeof *l);
    if (l)
        sr_arena_init(&l->strings);
    return l;
}

/*
** Load the learned table at path: section "table" holds NUL-terminated
** strings in triples key ("XPOS\tform"), lemma.
*/
int sr_lm_load_table(sr_lemmatizer *l, const char *path, sr_error *err)
{
    sr_model_file *m = sr_model_open(path, SR_LM_KIND, err);
    if (!m)
        return -1;
    size_t len;
    const char *p = sr_model_section(m, "table", SR_MT_U8, &len, err);
    int rc = p ? 0 : -1;
    if (p && (len == 0 || p[len - 1] != '\0'))
        rc = sr_error_set(err, "%s: lemma table does not end in NUL", path);
    for (size_t i = 0; rc == 0 && i < len;) {
        const char *key = p + i;
        size_t klen = strlen(key);
        if (i + klen + 1 >= len) {
            rc = sr_error_set(err, "%s: lemma table ends inside an entry", path);
            break;
        }
        const char *val = key + klen + 1;
        size_t vlen = strlen(val);
        if (sr_lm_map_put(l, &l->table, key, klen, val, vlen))
            rc = sr_error_set(err, "%s: out of memory", path);
        i += klen + vlen + 2;
    }
    sr_model_close(m);
    l->have_table = rc == 0;
    return rc;
}

/* The first directory of the list that holds WordNet's index.noun, or NULL. */
static const char *find_wordnet(const char *data_dir, char *buf, size_t size)
{
    const char *env = getenv("WNSEARCHDIR");
    const char *candidates[3] = {NULL, env, "/usr/share/wordnet"};
    char local[4096];
    snprintf(local, sizeof local, "%s/wordnet", data_dir);
    candidates[0] = local;
    for (int i = 0; i < 3; i++) {
        if (!candidates[i] || !*candidates[i])
            continue;
        char probe[4200];
        snprintf(probe, sizeof probe, "%s/index.noun", candidates[i]);
        FILE *f = fopen(probe, "r");
        if (f) {
            fclose(f);
            snprintf(buf, size, "%s", candidates[i]);
            return buf;
        }
    }
    return NULL;
}

sr_lemmatizer *sr_lemmatizer_open(const char *data_dir, sr_error *err)
{
    data_dir = sr_data_dir(data_dir);
    sr_lemmatizer *l = sr_lm_new();
    if (!l) {
        sr_error_set(err, "out of memory");
        return NULL;
    }
    char dir[4096], path[4096];
    if (find_wordnet(data_dir, dir, sizeof dir) && sr_lm_load_wordnet(l, dir, err)) {
        sr_lemmatizer_free(l);
        return NULL;
    }
    snprintf(path, sizeof path, "%s/models/lemma.bin", data_dir);
    FILE *f = fopen(path, "rb");
    if (f) {
        fclose(f);
        if (sr_lm_load_table(l, path, err)) {
            sr_lemmatizer_free(l);
            return NULL;
        }
    }
    return l;
}

void sr_lemmatizer_free(sr_lemmatizer *l)
{
    if (!l)
        return;
    sr_lm_map_free(&l->table);
    for (int p = 0; p < SR_WN_COUNT; p++) {
        sr_lm_map_free(&l->exc[p]);
        sr_lm_map_free(&l->known[p]);
    }
    sr_arena_free(&l->strings);
    free(l);
}
