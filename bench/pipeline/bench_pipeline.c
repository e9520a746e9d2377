/*
** bench_pipeline.c: end-to-end speed of libsitrep on one core.
**
** Rebuilds raw text from the "# text" lines of a CoNLL-U file (default: UD
** EWT test; one paragraph per "# newpar", one document per "# newdoc") and
** runs each stage set over it with the engine loaded once, reporting
** sentences/s and tokens/s for segmentation alone, segmentation+tagging+
** parsing, and the full pipeline including event coding.
**
**   bench_pipeline [FILE.conllu] [REPEAT]
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sitrep.h"

typedef struct corpus {
    char **docs;
    size_t *lens;
    size_t n, cap;
} corpus;

static void add_doc(corpus *c, char *text, size_t len)
{
    if (len == 0) {
        free(text);
        return;
    }
    if (c->n == c->cap) {
        c->cap = c->cap ? 2 * c->cap : 256;
        c->docs = realloc(c->docs, c->cap * sizeof *c->docs);
        c->lens = realloc(c->lens, c->cap * sizeof *c->lens);
    }
    c->docs[c->n] = text;
    c->lens[c->n++] = len;
}

/* Documents of raw text rebuilt from a CoNLL-U file's comments. */
static int load_corpus(const char *path, corpus *c)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char *line = NULL, *doc = NULL;
    size_t cap = 0, len = 0, dcap = 0;
    int new_para = 0;
    while (getline(&line, &cap, f) > 0) {
        if (strncmp(line, "# newdoc", 8) == 0) {
            add_doc(c, doc, len);
            doc = NULL, len = dcap = 0;
        } else if (strncmp(line, "# newpar", 8) == 0) {
            new_para = 1;
        } else if (strncmp(line, "# text = ", 9) == 0) {
            const char *t = line + 9;
            size_t n = strcspn(t, "\n");
            if (len + n + 3 > dcap) {
                dcap = 2 * (len + n + 3);
                doc = realloc(doc, dcap);
            }
            if (len)
                len += (size_t)sprintf(doc + len, "%s", new_para ? "\n\n" : " ");
            memcpy(doc + len, t, n);
            len += n;
            doc[len] = '\0';
            new_para = 0;
        }
    }
    add_doc(c, doc, len);
    free(line);
    fclose(f);
    return 0;
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + t.tv_nsec / 1e9;
}

/* Run stages over the corpus `repeat` times; print the rates. */
static void measure(const sr_engine *e, const corpus *c, unsigned stages, const char *name,
                    int repeat)
{
    size_t sentences = 0, tokens = 0, events = 0;
    double t0 = now();
    for (int r = 0; r < repeat; r++)
        for (size_t i = 0; i < c->n; i++) {
            sr_doc_meta meta = {.id = "bench", .date = "2025-08-20"};
            sr_doc *d = sr_doc_new(e, &meta, c->docs[i], c->lens[i]);
            sr_error err;
            if (sr_doc_process(d, stages, &err) == 0) {
                size_t ns = sr_doc_sentence_count(d);
                sentences += ns;
                for (size_t k = 0; k < ns; k++)
                    tokens += sr_doc_sentence(d, k)->ntokens;
                events += sr_doc_event_count(d);
            }
            sr_doc_free(d);
        }
    double s = now() - t0;
    printf("%-28s %8zu sentences %9zu tokens %6zu events  %9.0f sentences/s  %10.0f tokens/s\n",
           name, sentences, tokens, events, sentences / s, tokens / s);
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : SR_SHARED_DIR "/ud/en_ewt-ud-test.conllu";
    int repeat = argc > 2 ? atoi(argv[2]) : 3;
    corpus c = {0};
    if (load_corpus(path, &c) < 0) {
        fprintf(stderr, "bench_pipeline: cannot read %s\n", path);
        return 1;
    }
    sr_error err;
    double t0 = now();
    sr_engine *e = sr_engine_open(NULL, &err);
    if (!e) {
        fprintf(stderr, "bench_pipeline: %s\n", err.msg);
        return 1;
    }
    printf("engine loaded in %.3f s; %zu documents from %s, %d passes, one thread\n", now() - t0,
           c.n, path, repeat);
    measure(e, &c, SR_STAGE_SEGMENT, "segment", repeat);
    measure(e, &c, SR_STAGE_SEGMENT | SR_STAGE_TAG, "segment+tag", repeat);
    measure(e, &c, SR_STAGE_SEGMENT | SR_STAGE_TAG | SR_STAGE_PARSE, "segment+tag+parse", repeat);
    measure(e, &c, SR_STAGE_ALL, "full pipeline (with coding)", repeat);
    sr_engine_close(e);
    for (size_t i = 0; i < c.n; i++)
        free(c.docs[i]);
    free(c.docs);
    free(c.lens);
    return 0;
}
