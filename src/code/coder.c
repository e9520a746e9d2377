/*
** coder.c: opening and closing the event coder (see coder.h).
**
** The coder holds the read-only knowledge of coding: the CAMEO ontology
** table, the lexicon (sitrep's own or a PETRARCH verb dictionary) and the
** closed-class tables of data/code.  It is loaded once and shared by all
** threads; coding itself is in tree.c.
*/
#include "code/code_internal.h"

#include <stdio.h>
#include <stdlib.h>

#include "util/util.h"

/* A coder with the ontology and closed-class tables of data_dir and an empty dictionary. */
static sr_coder *coder_new(const char *data_dir, int inflect, sr_error *err)
{
    sr_coder *c = calloc(1, sizeof *c);
    if (!c) {
        sr_error_set(err, "coder: out of memory");
        return NULL;
    }
    const char *dir = sr_data_dir(data_dir);
    char path[4096];
    snprintf(path, sizeof path, "%s/ontology/cameo.tsv", dir);
    if (!(c->onto = sr_ontology_open(path, err)))
        goto fail;
    snprintf(path, sizeof path, "%s/code/words.txt", dir);
    if (!(c->words = sr_words_open(path, "code/words.txt", err)))
        goto fail;
    snprintf(path, sizeof path, "%s/code/modality.txt", dir);
    if (!(c->modmap = sr_codemap_open(path, "code/modality.txt", c->onto, 0, err)))
        goto fail;
    snprintf(path, sizeof path, "%s/code/complement.txt", dir);
    if (!(c->compmap = sr_codemap_open(path, "code/complement.txt", c->onto, 1, err)))
        goto fail;
    if (!(c->dict = sr_verbdict_new(inflect))) {
        sr_error_set(err, "coder: out of memory");
        goto fail;
    }
    return c;
fail:
    sr_coder_free(c);
    return NULL;
}

sr_coder *sr_coder_open(const char *data_dir, sr_error *err)
{
    sr_coder *c = coder_new(data_dir, 1, err);
    if (!c)
        return NULL;
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/verbs", sr_data_dir(data_dir));
    if (sr_verbdict_load_lexicon_dir(c->dict, dir, c->onto, err) < 0) {
        sr_coder_free(c);
        return NULL;
    }
    sr_verbdict_finish(c->dict);
    /* noun classes for the lexicon's class constraints; without them (no WordNet at build
       time) only actors and pronouns have a class (docs/verb-format.md) */
    sr_error nc_err = {0};
    if (!(c->nclass = sr_nounclass_open(data_dir, &nc_err)) && nc_err.msg[0]) {
        sr_error_set(err, "%s", nc_err.msg);
        sr_coder_free(c);
        return NULL;
    }
    return c;
}

sr_coder *sr_coder_open_petrarch(const char *data_dir, const char *verbs_path, sr_error *err)
{
    sr_coder *c = coder_new(data_dir, 0, err);
    if (!c)
        return NULL;
    if (sr_verbdict_load_petrarch(c->dict, verbs_path, err) < 0) {
        sr_coder_free(c);
        return NULL;
    }
    sr_verbdict_finish(c->dict);
    return c;
}

void sr_coder_free(sr_coder *c)
{
    if (!c)
        return;
    sr_ontology_free(c->onto);
    sr_verbdict_free(c->dict);
    sr_words_free(c->words);
    sr_codemap_free(c->modmap);
    sr_codemap_free(c->compmap);
    sr_nounclass_free(c->nclass);
    free(c);
}

const sr_verbdict *sr_coder_dict(const sr_coder *c)
{
    return c->dict;
}

const sr_ontology *sr_coder_ontology(const sr_coder *c)
{
    return c->onto;
}
