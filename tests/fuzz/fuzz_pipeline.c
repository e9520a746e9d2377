/*
** fuzz_pipeline.c: the whole pipeline on arbitrary text.  Segmenting,
** tagging, parsing, the actor finder, the event coder and the attribute
** stage must take any bytes without a crash, a leak or undefined
** behaviour, and every event they write must point into the text.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "sitrep.h"

static sr_engine *engine; /* loaded once: the models and the knowledge base are read-only */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    sr_error err = {0};
    engine = sr_engine_open(SR_DATA_DIR, &err);
    if (!engine) {
        fprintf(stderr, "fuzz_pipeline: %s\n", err.msg);
        abort();
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > (1u << 14))
        return 0; /* the pipeline's cost grows with the text: keep each run short */
    sr_doc_meta meta = {"fuzz", "2025-08-20", NULL, NULL, NULL};
    sr_doc *d = sr_doc_new(engine, &meta, (const char *)data, size);
    if (!d)
        return 0;
    sr_error err = {0};
    if (sr_doc_process(d, SR_STAGE_ALL, &err) == 0)
        for (size_t i = 0; i < sr_doc_event_count(d); i++) {
            const sr_event *e = sr_doc_event(d, i);
            if (!e->source.code || !e->cameo || e->trigger.start > e->trigger.end ||
                e->trigger.end > size || e->source.span.end > size ||
                (e->target.code && e->target.span.end > size))
                abort();
        }
    sr_doc_free(d);
    return 0;
}
