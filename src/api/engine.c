/*
** engine.c: loading and releasing the read-only resources every document
** shares: tagger, lemmatizer and parser models, the actor knowledge base and
** the event coder's lexicon.
*/
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api/doc_internal.h"
#include "code/coder.h"
#include "nlp/nlp.h"
#include "segment/segment.h"
#include "util/util.h"

const char *sr_engine_data_dir(const sr_engine *e)
{
    return e->data_dir;
}

const sr_kb *sr_engine_kb(const sr_engine *e)
{
    return e->kb;
}


/* path of a model under data_dir/models, or NULL when that file is absent. */
static char *model_path(const char *dir, const char *name, char *buf, size_t size)
{
    snprintf(buf, size, "%s/models/%s", dir, name);
    return access(buf, R_OK) == 0 ? buf : NULL;
}

/* Load the segmenter and NLP models; a missing model file disables its stage, a corrupt one fails. */
static int load_nlp(sr_engine *e, sr_error *err)
{
    char path[4096];
    if (model_path(e->data_dir, "segment.bin", path, sizeof path) &&
        !(e->segmenter = sr_segmenter_load(path, err)))
        return -1;
    if (model_path(e->data_dir, "tagger.bin", path, sizeof path)) {
        if (!(e->tagger = sr_tagger_load(path, err)))
            return -1;
        if (!(e->lemmatizer = sr_lemmatizer_open(e->data_dir, err)))
            return -1;
    }
    if (model_path(e->data_dir, "parser.bin", path, sizeof path) && e->tagger) {
        if (!(e->parser = sr_parser_load(path, err)))
            return -1;
    }
    return 0;
}

sr_engine *sr_engine_open(const char *data_dir, sr_error *err)
{
    sr_engine *e = calloc(1, sizeof *e);
    if (!e) {
        sr_error_set(err, "out of memory");
        return NULL;
    }
    e->data_dir = strdup(sr_data_dir(data_dir));
    if (access(e->data_dir, R_OK | X_OK) != 0) {
        sr_error_set(err, "%s: data directory not found (set SITREP_DATA or --data)", e->data_dir);
        sr_engine_close(e);
        return NULL;
    }
    if (load_nlp(e, err) < 0 || !(e->kb = sr_kb_open(e->data_dir, err)) ||
        !(e->coder = sr_coder_open(e->data_dir, err))) {
        sr_engine_close(e);
        return NULL;
    }
    return e;
}

void sr_engine_close(sr_engine *e)
{
    if (!e)
        return;
    if (e->segmenter)
        sr_segmenter_free(e->segmenter);
    if (e->tagger)
        sr_tagger_free(e->tagger);
    if (e->lemmatizer)
        sr_lemmatizer_free(e->lemmatizer);
    if (e->parser)
        sr_parser_free(e->parser);
    if (e->kb)
        sr_kb_free(e->kb);
    if (e->coder)
        sr_coder_free(e->coder);
    free(e->data_dir);
    free(e);
}
