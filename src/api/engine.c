/*
** engine.c: loading and releasing the read-only resources every document
** shares: tagger, lemmatizer and parser models, the actor knowledge base,
** the event coder's lexicon and the attribute stage's word lists and places.
*/
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api/doc_internal.h"
#include "attr/attr.h"
#include "code/coder.h"
#include "nlp/nlp.h"
#include "segment/segment.h"
#include "util/util.h"

const char *sr_engine_data_dir(const sr_engine *e)
{
    return e->data_dir;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* data_dir, else $SITREP_DATA, else the source tree's data/ of this build. */
static const char *pick_data_dir(const char *data_dir)
{
    if (data_dir && *data_dir)
        return data_dir;
    const char *env = getenv("SITREP_DATA");
    if (env && *env)
        return env;
    return SR_DATA_DIR;
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
    e->data_dir = strdup(pick_data_dir(data_dir));
    if (access(e->data_dir, R_OK | X_OK) != 0) {
        sr_error_set(err, "%s: data directory not found (set SITREP_DATA or --data)", e->data_dir);
        sr_engine_close(e);
        return NULL;
    }
    if (load_nlp(e, err) < 0 || !(e->kb = sr_kb_open(e->data_dir, err)) ||
        !(e->coder = sr_coder_open(e->data_dir, err)) ||
        !(e->attr = sr_attr_open(e->data_dir, err))) {
        sr_engine_close(e);
        return NULL;
    }
    return e;
}

/*
** The files of a PETRARCH/TABARI dictionary folder: the verb dictionary
** (a name with "verbs" or "CAMEO" in it), every "*actors*" file and the
** "*agents*" file.  Returns -1 with err set when no verb file is found.
*/
static int find_dictionaries(const char *dir, char *verbs, char *actors, char *agents,
                             size_t size, sr_error *err)
{
    DIR *dp = opendir(dir);
    if (!dp)
        return sr_error_set(err, "%s: cannot open the dictionary folder", dir);
    char *names[256];
    size_t n = 0;
    for (struct dirent *de; (de = readdir(dp)) && n < 256;)
        if (de->d_name[0] != '.' && strstr(de->d_name, ".txt"))
            names[n++] = strdup(de->d_name);
    closedir(dp);
    qsort(names, n, sizeof *names, cmp_names);
    verbs[0] = actors[0] = agents[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        const char *nm = names[i];
        if (!nm)
            continue;
        if (strstr(nm, "verbs") || strstr(nm, "CAMEO"))
            snprintf(verbs, size, "%s/%s", dir, nm);
        else if (strstr(nm, "actors")) {
            size_t l = strlen(actors);
            snprintf(actors + l, size - l, "%s%s/%s", l ? ":" : "", dir, nm);
        } else if (strstr(nm, "agents"))
            snprintf(agents, size, "%s/%s", dir, nm);
        free(names[i]);
    }
    if (!verbs[0])
        return sr_error_set(err, "%s: no verb dictionary (a *verbs*.txt or CAMEO*.txt file)", dir);
    if (!actors[0])
        return sr_error_set(err, "%s: no actor dictionary (an *actors*.txt file)", dir);
    return 0;
}

sr_engine *sr_engine_open_dictionaries(const char *data_dir, const char *dict_dir, sr_error *err)
{
    char verbs[4096], actors[8192], agents[4096];
    if (find_dictionaries(dict_dir, verbs, actors, agents, sizeof verbs, err) < 0)
        return NULL;
    sr_engine *e = calloc(1, sizeof *e);
    if (!e) {
        sr_error_set(err, "out of memory");
        return NULL;
    }
    e->data_dir = strdup(pick_data_dir(data_dir));
    if (load_nlp(e, err) < 0 ||
        !(e->kb = sr_kb_open_petrarch(actors, agents[0] ? agents : NULL, err)) ||
        !(e->coder = sr_coder_open_petrarch(e->data_dir, verbs, err)) ||
        !(e->attr = sr_attr_open(e->data_dir, err))) {
        sr_engine_close(e);
        return NULL;
    }
    e->petrarch = 1;
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
    sr_attr_free(e->attr);
    free(e->data_dir);
    free(e);
}
