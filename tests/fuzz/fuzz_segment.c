/*
** fuzz_segment.c: the sentence splitter and tokenizer, with and without
** the boundary model: every token span lies inside its sentence, in order.
*/
#include "fuzz.h"
#include "segment/segment.h"
#include "util/arena.h"
#include "util/util.h"

static sr_segmenter *model;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    sr_error err = {0};
    model = sr_segmenter_load(SR_DATA_DIR "/models/segment.bin", &err);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    size_t len = sr_utf8_valid_prefix(text, size); /* the readers pass valid UTF-8 only */
    for (int with_model = 0; with_model < 2; with_model++) {
        sr_arena a;
        sr_arena_init(&a);
        sr_sentence *s;
        size_t n;
        sr_segment_with(with_model ? model : NULL, &a, text, len, &s, &n);
        uint32_t last = 0;
        for (size_t i = 0; i < n; i++) {
            if (s[i].span.start < last || s[i].span.end > len || s[i].ntokens == 0)
                abort();
            for (uint32_t k = 0; k < s[i].ntokens; k++) {
                const sr_token *t = &s[i].tokens[k];
                if (t->start < s[i].span.start || t->end > s[i].span.end || t->start >= t->end)
                    abort();
            }
            last = s[i].span.end;
        }
        sr_arena_free(&a);
    }
    return 0;
}
