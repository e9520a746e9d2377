/*
** code_events.c: print the events the coder finds in a text file, with the
** sentence, trigger and rule of each (for inspecting the lexicon).  Uses
** sr_segment, the knowledge base of data/kb and the lexicon of data/verbs,
** or a PETRARCH verb dictionary given with -p.
**
** Usage: code_events [-d YYYY-MM-DD] [-p VERBS.txt] FILE
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "code/coder.h"
#include "kb/actors.h"
#include "segment/segment.h"
#include "util/util.h"

int main(int argc, char **argv)
{
    const char *date = NULL, *verbs = NULL, *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-d") && i + 1 < argc)
            date = argv[++i];
        else if (!strcmp(argv[i], "-p") && i + 1 < argc)
            verbs = argv[++i];
        else
            path = argv[i];
    }
    if (!path) {
        fprintf(stderr, "usage: code_events [-d YYYY-MM-DD] [-p VERBS.txt] FILE\n");
        return 2;
    }
    sr_error err = {0};
    size_t len;
    char *text = sr_read_file(path, &len, &err);
    sr_kb *kb = text ? sr_kb_open(SR_DATA_DIR, &err) : NULL;
    sr_coder *c = NULL;
    if (kb)
        c = verbs ? sr_coder_open_petrarch(SR_DATA_DIR, verbs, &err)
                  : sr_coder_open(SR_DATA_DIR, &err);
    if (!c) {
        fprintf(stderr, "code_events: %s\n", err.msg);
        return 1;
    }
    sr_arena a;
    sr_arena_init(&a);
    sr_sentence *s;
    size_t ns, nm, ne;
    sr_mention *m;
    sr_event *ev;
    sr_segment(&a, text, len, &s, &ns);
    sr_actors_find(kb, text, s, ns, date, &a, &m, &nm);
    sr_code_input in = {path, 0, text, date, s, ns, m, nm};
    sr_coder_code(c, &in, &a, &ev, &ne);
    uint32_t last = UINT32_MAX;
    for (size_t i = 0; i < ne; i++) {
        const sr_event *e = &ev[i];
        if (e->sentence != last) {
            const sr_span *sp = &s[e->sentence].span;
            printf("[%u] %.*s\n", e->sentence, (int)(sp->end - sp->start), text + sp->start);
            last = e->sentence;
        }
        printf("    %s (%.*s) -> %s (%.*s)  %s %s/%s q%d g%.1f  \"%.*s\"  %s\n", e->source.code,
               (int)(e->source.span.end - e->source.span.start), text + e->source.span.start,
               e->target.code ? e->target.code : "-",
               e->target.code ? (int)(e->target.span.end - e->target.span.start) : 0,
               e->target.code ? text + e->target.span.start : "", e->cameo,
               e->plover ? e->plover : "-", e->plover_mode ? e->plover_mode : "-", e->quad_class,
               e->goldstein, (int)(e->trigger.end - e->trigger.start), text + e->trigger.start,
               e->rule);
    }
    fprintf(stderr, "%zu sentences, %zu mentions, %zu events\n", ns, nm, ne);
    sr_arena_free(&a);
    sr_coder_free(c);
    sr_kb_free(kb);
    free(text);
    return 0;
}
