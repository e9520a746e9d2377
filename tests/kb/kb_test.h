/*
** kb_test.h: helpers shared by the knowledge-base tests: segment a text,
** find its mentions, and pick the mention that covers a given phrase.
*/
#ifndef SR_KB_TEST_H
#define SR_KB_TEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "kb/actors.h"
#include "segment/segment.h"
#include "util/util.h"

/* The fixture base of tests/kb/data. */
#define KB_FIXTURE SR_SOURCE_DIR "/tests/kb/data"

/* A text and its mentions. */
typedef struct found {
    sr_arena a;
    const char *text;
    sr_mention *m;
    size_t n;
} found;

static inline void found_run(found *f, const sr_kb *kb, const char *text, const char *date)
{
    sr_arena_init(&f->a);
    f->text = text;
    sr_sentence *ss;
    size_t ns;
    sr_segment(&f->a, text, strlen(text), &ss, &ns);
    sr_actors_find(kb, text, ss, ns, date, &f->a, &f->m, &f->n);
}

static inline void found_free(found *f)
{
    sr_arena_free(&f->a);
}

/* The mention whose span covers the first occurrence of phrase, or NULL. */
static inline const sr_mention *covering(const found *f, const char *phrase)
{
    const char *at = strstr(f->text, phrase);
    if (!at)
        return NULL;
    uint32_t s = (uint32_t)(at - f->text), e = s + (uint32_t)strlen(phrase);
    for (size_t i = 0; i < f->n; i++)
        if (f->m[i].span.start <= s && e <= f->m[i].span.end)
            return &f->m[i];
    /* or a mention inside the phrase */
    for (size_t i = 0; i < f->n; i++)
        if (s <= f->m[i].span.start && f->m[i].span.end <= e)
            return &f->m[i];
    return NULL;
}

/* Point the compiled cache at a private file so tests never race on one. */
static inline void private_cache(void)
{
    static char path[64];
    snprintf(path, sizeof path, "/tmp/sitrep-kb-test-%ld.srkb", (long)getpid());
    setenv("SITREP_KB_CACHE", path, 1);
}

static inline void drop_private_cache(void)
{
    const char *p = getenv("SITREP_KB_CACHE");
    if (p)
        unlink(p);
}

/* Open the base of dir for a test (private cache); prints why when it cannot. */
static inline sr_kb *kb_test_open(const char *dir)
{
    sr_error err = {0};
    sr_kb *kb = sr_kb_open(dir, &err);
    if (!kb)
        fprintf(stderr, "%s: %s\n", dir, err.msg);
    return kb;
}

/* Assert that the mention over phrase exists and has this code and entity (NULL: none). */
#define assert_mention(f, phrase, code_, entity_)                                                  \
    do {                                                                                           \
        const sr_mention *m_ = covering((f), (phrase));                                            \
        if (!m_)                                                                                   \
            fail_msg("no mention covers '%s'", (phrase));                                          \
        assert_string_equal(m_->code, (code_));                                                    \
        if ((entity_) == NULL)                                                                     \
            assert_null(m_->entity);                                                               \
        else {                                                                                     \
            assert_non_null(m_->entity);                                                           \
            assert_string_equal(m_->entity, (const char *)(entity_));                              \
        }                                                                                          \
    } while (0)

#endif
