/*
** doc.c: a document and the pipeline that runs over it.
**
** Stages run in order, each reading what the earlier ones wrote into the
** document: segment → tag and lemmatize → parse → actor mentions and events
** → event attributes (date, place, size) and quotes.
** Every allocation of a document comes from its arena.
*/
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include "api/doc_internal.h"
#include "attr/attr.h"
#include "code/coder.h"
#include "nlp/conllu.h"
#include "nlp/nlp.h"
#include "segment/segment.h"
#include "util/util.h"

static void run_stages(sr_doc *d, unsigned stages);

static const char *arena_dup(sr_arena *a, const char *s)
{
    return s ? sr_arena_strdup(a, s) : NULL;
}

/* Copy meta and text into d->keep; -1 when out of memory. */
static int copy_in(sr_doc *d, const sr_doc_meta *meta, const char *text, size_t len)
{
    jmp_buf jb;
    jmp_buf *outer = sr_oom_catch(&jb);
    if (setjmp(jb) != 0) {
        sr_oom_catch(outer);
        return -1;
    }
    d->meta.id = arena_dup(&d->keep, meta && meta->id ? meta->id : "doc");
    if (meta) {
        d->meta.date = arena_dup(&d->keep, meta->date);
        d->meta.title = arena_dup(&d->keep, meta->title);
        d->meta.url = arena_dup(&d->keep, meta->url);
        d->meta.source = arena_dup(&d->keep, meta->source);
    }
    d->text = sr_arena_strndup(&d->keep, text, len);
    d->len = len;
    sr_oom_catch(outer);
    return 0;
}

sr_doc *sr_doc_new(const sr_engine *e, const sr_doc_meta *meta, const char *text, size_t len)
{
    sr_doc *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->engine = e;
    sr_arena_init(&d->arena);
    sr_arena_init(&d->keep);
    if (copy_in(d, meta, text, len) < 0) {
        sr_doc_free(d);
        return NULL;
    }
    return d;
}

sr_doc *sr_doc_new_tokenized(const sr_engine *e, const sr_doc_meta *meta,
                             const sr_sentence *sentences, const char *const *texts, size_t n)
{
    size_t len = 0;
    for (size_t i = 0; i < n; i++)
        len += strlen(texts[i]) + 1;
    char *text = malloc(len + 1);
    if (!text)
        return NULL;
    text[len] = '\0';
    size_t off = 0;
    for (size_t i = 0; i < n; i++) {
        size_t k = strlen(texts[i]);
        memcpy(text + off, texts[i], k);
        text[off + k] = '\n';
        off += k + 1;
    }
    sr_doc *d = sr_doc_new(e, meta, text, len);
    free(text);
    if (!d)
        return NULL;
    d->sentences = sr_arena_calloc(&d->arena, n ? n : 1, sizeof *d->sentences);
    d->nsentences = n;
    off = 0;
    for (size_t i = 0; i < n; i++) {
        const sr_sentence *src = &sentences[i];
        sr_sentence *s = &d->sentences[i];
        uint32_t base = (uint32_t)off;
        s->span = (sr_span){base, base + (uint32_t)strlen(texts[i])};
        s->ntokens = src->ntokens;
        s->tokens = sr_arena_calloc(&d->arena, src->ntokens ? src->ntokens : 1, sizeof *s->tokens);
        for (uint32_t k = 0; k < src->ntokens; k++) {
            const sr_token *t = &src->tokens[k];
            sr_token *u = &s->tokens[k];
            u->start = base + t->start;
            u->end = base + t->end;
            u->form = sr_arena_strdup(&d->arena, t->form);
            u->space_after = t->space_after;
            u->flags = t->flags;
            u->head = -1;
        }
        off += strlen(texts[i]) + 1;
    }
    d->done = SR_STAGE_SEGMENT;
    return d;
}

void sr_doc_free(sr_doc *d)
{
    if (!d)
        return;
    sr_arena_free(&d->arena);
    sr_arena_free(&d->keep);
    free(d);
}

/*
** Tag, lemmatize and parse every sentence with the models the engine has.
** The tagger and the parser's supertagger hash the same words the same
** way: with both, the hashes are computed once per sentence.
*/
static void run_nlp(sr_doc *d, unsigned stages)
{
    const sr_engine *e = d->engine;
    int tag = (stages & SR_STAGE_TAG) && e->tagger;
    int parse = (stages & SR_STAGE_PARSE) && e->parser;
    for (size_t i = 0; i < d->nsentences; i++) {
        sr_sentence *s = &d->sentences[i];
        sr_tg_word *words = tag && parse ? sr_tagger_words(s, &d->arena) : NULL;
        if (tag) {
            sr_tagger_tag_words(e->tagger, s, words, &d->arena);
            sr_lemmatize(e->lemmatizer, s, &d->arena);
        }
        if (parse)
            sr_parser_parse_words(e->parser, s, words, &d->arena);
    }
}

/* Find actor mentions, then code events over them. */
static void run_coder(sr_doc *d)
{
    const sr_engine *e = d->engine;
    sr_actors_find(e->kb, d->text, d->sentences, d->nsentences, d->meta.date, &d->arena,
                   &d->mentions, &d->nmentions);
    sr_code_input in = {
        .doc_id = d->meta.id,
        .flags = ((d->options & SR_OPT_NO_STATEMENTS) ? SR_CODE_NO_STATEMENTS : 0u),
        .text = d->text,
        .date = d->meta.date,
        .sentences = d->sentences,
        .nsentences = d->nsentences,
        .mentions = d->mentions,
        .nmentions = d->nmentions,
    };
    sr_coder_code(e->coder, &in, &d->arena, &d->events, &d->nevents);
    sr_attr_input ain = {
        .text = d->text,
        .len = d->len,
        .date = d->meta.date,
        .sentences = d->sentences,
        .nsentences = d->nsentences,
        .mentions = d->mentions,
        .nmentions = d->nmentions,
    };
    sr_attr_run(e->attr, &ain, &d->arena, d->events, d->nevents, &d->quotes, &d->nquotes);
}

void sr_doc_set_options(sr_doc *d, unsigned options)
{
    d->options = options;
}

/*
** Run the stages.  Out of memory anywhere below (the arena, the segmenter,
** the actor finder) jumps back here through sr_oom(): the document is
** marked empty and reported with SR_ERR_NOMEM, and the host goes on.
*/
int sr_doc_process(sr_doc *d, unsigned stages, sr_error *err)
{
    if (sr_utf8_valid_prefix(d->text, d->len) != d->len)
        return sr_error_set(err, "%s: text is not valid UTF-8", d->meta.id);
    if ((stages & SR_STAGE_CODE) && !d->engine->parser)
        return sr_error_setc(err, SR_ERR_DATA,
                             "%s/models: no tagger.bin or parser.bin; the event coder reads "
                             "dependency trees and needs both models",
                             d->engine->data_dir);
    jmp_buf jb;
    jmp_buf *outer = sr_oom_catch(&jb);
    if (setjmp(jb) != 0) {
        sr_oom_catch(outer);
        sr_arena_free(&d->arena); /* give the memory back at once; meta and text stay */
        d->sentences = NULL;
        d->mentions = NULL;
        d->events = NULL;
        d->nsentences = d->nmentions = d->nevents = 0;
        d->done = 0;
        return sr_error_setc(err, SR_ERR_NOMEM,
                             "%s: out of memory processing %zu bytes of text; the document "
                             "was skipped (split it, or allow more memory)",
                             d->meta.id, d->len);
    }
    run_stages(d, stages);
    sr_oom_catch(outer);
    return 0;
}

/* The stages of sr_doc_process, under its recovery point. */
static void run_stages(sr_doc *d, unsigned stages)
{
    /* Later stages need the earlier ones. */
    if (stages & SR_STAGE_CODE)
        stages |= SR_STAGE_PARSE;
    if (stages & SR_STAGE_PARSE)
        stages |= SR_STAGE_TAG;
    stages |= SR_STAGE_SEGMENT;
    stages &= ~d->done;
    if (stages & SR_STAGE_SEGMENT)
        sr_segment_with(d->engine->segmenter, &d->arena, d->text, d->len, &d->sentences,
                        &d->nsentences);
    if (stages & (SR_STAGE_TAG | SR_STAGE_PARSE))
        run_nlp(d, stages);
    if (stages & SR_STAGE_CODE)
        run_coder(d);
    d->done |= stages;
}

const sr_doc_meta *sr_doc_get_meta(const sr_doc *d)
{
    return &d->meta;
}

const char *sr_doc_text(const sr_doc *d, size_t *len)
{
    if (len)
        *len = d->len;
    return d->text;
}

size_t sr_doc_sentence_count(const sr_doc *d)
{
    return d->nsentences;
}

const sr_sentence *sr_doc_sentence(const sr_doc *d, size_t i)
{
    return i < d->nsentences ? &d->sentences[i] : NULL;
}

size_t sr_doc_event_count(const sr_doc *d)
{
    return d->nevents;
}

const sr_event *sr_doc_event(const sr_doc *d, size_t i)
{
    return i < d->nevents ? &d->events[i] : NULL;
}

size_t sr_doc_quote_count(const sr_doc *d)
{
    return d->nquotes;
}

const sr_quote *sr_doc_quote(const sr_doc *d, size_t i)
{
    return i < d->nquotes ? &d->quotes[i] : NULL;
}

size_t sr_doc_mention_count(const sr_doc *d)
{
    return d->nmentions;
}

const sr_mention *sr_doc_mention(const sr_doc *d, size_t i)
{
    return i < d->nmentions ? &d->mentions[i] : NULL;
}

const char *sr_mention_kind_name(int kind)
{
    static const char *const names[] = {"",        "name",    "agent",  "title",
                                        "pronoun", "unknown", "metonym"};
    return kind >= SR_MENTION_NAME && kind <= SR_MENTION_METONYM ? names[kind] : "other";
}

uint64_t sr_event_number(const sr_event *ev)
{
    uint64_t h = strtoull(ev->id, NULL, 16) >> 11;
    return h ? h : 1;
}

/*
** Read the CoNLL-U file into a document, under a recovery point: out of
** memory fails with SR_ERR_NOMEM (what was built then is lost).
*/
static sr_doc *from_conllu(const sr_engine *e, const sr_doc_meta *meta, const char *path,
                           sr_arena *a, sr_error *err)
{
    jmp_buf jb;
    jmp_buf *outer = sr_oom_catch(&jb);
    if (setjmp(jb) != 0) {
        sr_oom_catch(outer);
        sr_error_setc(err, SR_ERR_NOMEM, "%s: out of memory reading CoNLL-U", path);
        return NULL;
    }
    sr_sentence *sents;
    const char **texts;
    size_t n;
    sr_doc *d = NULL;
    if (sr_conllu_read_texts(path, a, &sents, &texts, &n, err) == 0) {
        d = sr_doc_new_tokenized(e, meta, sents, texts, n);
        if (!d)
            sr_error_setc(err, SR_ERR_NOMEM, "%s: out of memory", path);
    }
    sr_oom_catch(outer);
    return d;
}

sr_doc *sr_doc_from_conllu(const sr_engine *e, const sr_doc_meta *meta, const char *path,
                           sr_error *err)
{
    sr_arena a;
    sr_arena_init(&a);
    sr_doc *d = from_conllu(e, meta, path, &a, err);
    sr_arena_free(&a);
    return d;
}

const sr_mention *sr_doc_mentions(const sr_doc *d, size_t *n)
{
    *n = d->nmentions;
    return d->mentions;
}
