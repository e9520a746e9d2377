/*
** doc_internal.h: the engine and document structures behind the opaque
** public types, shared by the pipeline and the writers and store.
*/
#ifndef SR_DOC_INTERNAL_H
#define SR_DOC_INTERNAL_H

#include "kb/actors.h"
#include "sitrep.h"
#include "util/arena.h"

typedef struct sr_segmenter sr_segmenter;
typedef struct sr_tagger sr_tagger;
typedef struct sr_lemmatizer sr_lemmatizer;
typedef struct sr_parser sr_parser;
typedef struct sr_coder sr_coder;
typedef struct sr_attr sr_attr;

struct sr_engine {
    char *data_dir;
    sr_segmenter *segmenter; /* NULL when the model is absent: rules only */
    sr_tagger *tagger;       /* NULL when the model is absent: no tags */
    sr_lemmatizer *lemmatizer;
    sr_parser *parser;       /* NULL when the model is absent: no parse */
    sr_kb *kb;
    sr_coder *coder;
    sr_attr *attr;           /* dates, places, sizes, quotes of events */
    int petrarch;            /* coding with PETRARCH/TABARI dictionaries */
};

struct sr_doc {
    const sr_engine *engine;
    sr_arena keep;           /* meta and text: they outlive a failed run */
    sr_arena arena;          /* everything the stages make lives here */
    sr_doc_meta meta;
    char *text;
    size_t len;
    sr_sentence *sentences;
    size_t nsentences;
    sr_mention *mentions;
    size_t nmentions;
    sr_event *events;
    size_t nevents;
    sr_quote *quotes;
    size_t nquotes;
    unsigned done;           /* SR_STAGE_* bits already run */
    unsigned options;        /* SR_OPT_* */
};

/*
** A document whose words are given (CoNLL-U input): its text is the
** sentences' texts joined by newlines, token offsets move with them, and
** the analysis columns are cleared so that every later stage runs afresh.
*/
sr_doc *sr_doc_new_tokenized(const sr_engine *e, const sr_doc_meta *meta,
                             const sr_sentence *sentences, const char *const *texts, size_t n);

/* The actor mentions of a processed document. */
const sr_mention *sr_doc_mentions(const sr_doc *d, size_t *n);

#endif
