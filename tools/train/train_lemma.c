/*
** train_lemma.c: sr-train-lemma, which learns the lemmatizer's table of
** exceptions from a treebank.
**
**     sr-train-lemma [--train FILE] [--dev FILE] [--out FILE] [--min N] [--errors]
**
** For every (XPOS, form) of the training set whose most frequent gold lemma
** (seen at least --min times, default 1) differs from what WordNet and the
** suffix rules give, the table gets an entry.  The dev set is only scored,
** with and without the table; the test set is never read.  Defaults:
** ../shared/ud/en_ewt-ud-{train,dev}.conllu and data/models/lemma.bin.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nlp/conllu.h"
#include "nlp/lemma_internal.h"
#include "nlp/model_io.h"
#include "util/arena.h"

/* One (XPOS, form) of the training set with a lemma and its count. */
typedef struct seen {
    char *key; /* "XPOS\tform\tlemma" */
    size_t count;
} seen;

static int seen_cmp(const void *a, const void *b)
{
    return strcmp(((const seen *)a)->key, ((const seen *)b)->key);
}

/* Percentage of words of s[0..n) whose lemma l gets right with gold tags. */
static double score(const sr_lemmatizer *l, const sr_sentence *s, size_t n, int show)
{
    size_t right = 0, all = 0;
    sr_arena a;
    sr_arena_init(&a);
    for (size_t i = 0; i < n; i++) {
        sr_sentence copy = s[i];
        copy.tokens = sr_arena_alloc(&a, s[i].ntokens * sizeof *copy.tokens + 1);
        memcpy(copy.tokens, s[i].tokens, s[i].ntokens * sizeof *copy.tokens);
        sr_lemmatize(l, &copy, &a);
        for (size_t j = 0; j < s[i].ntokens; j++, all++) {
            const sr_token *g = &s[i].tokens[j];
            int ok = g->lemma && strcmp(copy.tokens[j].lemma, g->lemma) == 0;
            right += ok;
            if (!ok && show)
                printf("error\t%s\t%s\t%s\t%s\n", g->form, g->xpos ? g->xpos : "_",
                       g->lemma ? g->lemma : "_", copy.tokens[j].lemma);
        }
    }
    sr_arena_free(&a);
    return all ? 100.0 * (double)right / (double)all : 0;
}

/* Every (XPOS, form, lemma) triple of the training set, sorted, with counts. */
static seen *collect(const sr_sentence *s, size_t n, size_t *count)
{
    size_t total = 0, k = 0;
    for (size_t i = 0; i < n; i++)
        total += s[i].ntokens;
    seen *v = malloc((total + 1) * sizeof *v);
    for (size_t i = 0; v && i < n; i++)
        for (size_t j = 0; j < s[i].ntokens; j++) {
            const sr_token *t = &s[i].tokens[j];
            size_t len = strlen(t->form) + strlen(t->lemma ? t->lemma : "_") + 16 +
                         strlen(t->xpos ? t->xpos : "_");
            v[k].key = malloc(len);
            snprintf(v[k].key, len, "%s\t%s\t%s", t->xpos ? t->xpos : "_", t->form,
                     t->lemma ? t->lemma : "_");
            v[k++].count = 1;
        }
    qsort(v, k, sizeof *v, seen_cmp);
    size_t u = 0; /* merge equal triples */
    for (size_t i = 0; i < k; i++) {
        if (u && strcmp(v[u - 1].key, v[i].key) == 0) {
            v[u - 1].count++;
            free(v[i].key);
        } else {
            v[u++] = v[i];
        }
    }
    *count = u;
    return v;
}

/* Length of the "XPOS\tform" part of a triple. */
static size_t pair_len(const char *key)
{
    return (size_t)(strrchr(key, '\t') - key);
}

/*
** Append to out the exceptions: for each (XPOS, form) the majority lemma
** when it differs from the rules' answer.
*/
static size_t exceptions(const sr_lemmatizer *l, seen *v, size_t n, size_t min, char *out)
{
    size_t len = 0, entries = 0;
    char buf[SR_LM_MAX + 8];
    for (size_t a = 0; a < n;) {
        size_t b = a, best = a, plen = pair_len(v[a].key);
        while (b < n && pair_len(v[b].key) == plen && strncmp(v[a].key, v[b].key, plen) == 0) {
            if (v[b].count > v[best].count)
                best = b;
            b++;
        }
        char *key = v[best].key, *tab = strchr(key, '\t');
        const char *lemma = key + plen + 1;
        char xpos[32];
        snprintf(xpos, sizeof xpos, "%.*s", (int)(tab - key), key);
        char form[SR_LM_MAX];
        snprintf(form, sizeof form, "%.*s", (int)(plen - (size_t)(tab - key) - 1), tab + 1);
        int upos = strncmp(xpos, "NNP", 3) == 0 ? SR_UPOS_PROPN : SR_UPOS_X;
        const char *rule = sr_lm_rules(l, form, xpos, upos, 1, buf, sizeof buf);
        if (v[best].count >= min && strcmp(rule, lemma) != 0 && strcmp(lemma, "_") != 0) {
            len += (size_t)sprintf(out + len, "%.*s", (int)plen, key) + 1;
            len += (size_t)sprintf(out + len, "%s", lemma) + 1;
            entries++;
        }
        a = b;
    }
    fprintf(stderr, "%zu exceptions\n", entries);
    return len;
}

int main(int argc, char **argv)
{
    const char *train_path = SR_SHARED_DIR "/ud/en_ewt-ud-train.conllu";
    const char *dev_path = SR_SHARED_DIR "/ud/en_ewt-ud-dev.conllu";
    const char *out = "data/models/lemma.bin";
    size_t min = 1;
    int show = 0;
    for (int i = 1; i < argc; i += 2) {
        if (strcmp(argv[i], "--errors") == 0) {
            show = 1, i--;
            continue;
        }
        if (i + 1 >= argc)
            break;
        if (strcmp(argv[i], "--train") == 0)
            train_path = argv[i + 1];
        else if (strcmp(argv[i], "--dev") == 0)
            dev_path = argv[i + 1];
        else if (strcmp(argv[i], "--out") == 0)
            out = argv[i + 1];
        else if (strcmp(argv[i], "--min") == 0)
            min = (size_t)atoi(argv[i + 1]);
        else {
            fprintf(stderr,
                    "usage: sr-train-lemma [--train F] [--dev F] [--out F] [--min N] [--errors]\n");
            return 2;
        }
    }
    sr_arena a;
    sr_arena_init(&a);
    sr_error err = {0};
    sr_sentence *train, *dev;
    size_t ntrain, ndev;
    if (sr_conllu_read(train_path, &a, &train, &ntrain, &err) ||
        sr_conllu_read(dev_path, &a, &dev, &ndev, &err)) {
        fprintf(stderr, "sr-train-lemma: %s\n", err.msg);
        return 1;
    }
    sr_lemmatizer *l = sr_lemmatizer_open("/nonexistent", &err);
    if (!l) {
        fprintf(stderr, "sr-train-lemma: %s\n", err.msg);
        return 1;
    }
    if (!l->have_wordnet)
        fprintf(stderr, "note: WordNet not found; the table is learned against the rules alone\n");
    printf("dev lemma accuracy, gold tags, rules only: %.2f%%\n", score(l, dev, ndev, show));
    size_t n, total = 0;
    seen *v = collect(train, ntrain, &n);
    for (size_t i = 0; i < n; i++)
        total += strlen(v[i].key) + 2;
    char *blob = malloc(total + 1);
    size_t len = exceptions(l, v, n, min, blob);
    sr_model_writer *w = sr_model_writer_new(SR_LM_KIND);
    if (sr_model_writer_add(w, "table", SR_MT_U8, blob, len, &err) ||
        sr_model_writer_add_string(
            w, "info", "exceptions to WordNet and suffix rules, from UD EWT train", &err) ||
        sr_model_writer_save(w, out, &err)) {
        fprintf(stderr, "sr-train-lemma: %s\n", err.msg);
        return 1;
    }
    sr_model_writer_free(w);
    if (sr_lm_load_table(l, out, &err)) {
        fprintf(stderr, "sr-train-lemma: %s\n", err.msg);
        return 1;
    }
    printf("%s: dev lemma accuracy, gold tags, with table: %.2f%%\n", out,
           score(l, dev, ndev, show));
    sr_lemmatizer_free(l);
    for (size_t i = 0; i < n; i++)
        free(v[i].key);
    free(v);
    free(blob);
    sr_arena_free(&a);
    return 0;
}
