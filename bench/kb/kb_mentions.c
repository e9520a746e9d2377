/*
** kb_mentions: print the actor mentions sitrep finds in a text.
**
**     kb_mentions [--data DIR | --petrarch ACTORS[:ACTORS...] AGENTS]
**                 [--date YYYY-MM-DD] [FILE]
**
** Segments the text (stdin by default) and prints one line per mention:
** sentence, span, kind, code, entity, name, antecedent and the text.  A
** tool for inspecting the knowledge base and the resolver by hand.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kb/actors.h"
#include "segment/segment.h"
#include "util/util.h"

int main(int argc, char **argv)
{
    const char *data = NULL, *date = NULL, *path = "-", *actors = NULL, *agents = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--data") == 0 && i + 1 < argc)
            data = argv[++i];
        else if (strcmp(argv[i], "--petrarch") == 0 && i + 2 < argc) {
            actors = argv[++i];
            agents = argv[++i];
        } else if (strcmp(argv[i], "--date") == 0 && i + 1 < argc)
            date = argv[++i];
        else
            path = argv[i];
    }
    sr_error err = {{0}};
    sr_kb *kb = actors ? sr_kb_open_petrarch(actors, agents, &err) : sr_kb_open(data, &err);
    if (!kb) {
        fprintf(stderr, "kb_mentions: %s\n", err.msg);
        return 1;
    }
    size_t len;
    char *text = sr_read_file(path, &len, &err);
    if (!text) {
        fprintf(stderr, "kb_mentions: %s\n", err.msg);
        sr_kb_free(kb);
        return 1;
    }
    sr_arena a;
    sr_arena_init(&a);
    sr_sentence *ss;
    size_t ns;
    sr_segment(&a, text, len, &ss, &ns);
    sr_mention *m;
    size_t nm;
    sr_actors_find(kb, text, ss, ns, date, &a, &m, &nm);
    static const char *const kinds[] = {"?", "NAME", "AGENT", "TITLE", "PRONOUN", "UNKNOWN"};
    for (size_t i = 0; i < nm; i++)
        printf("%u\t%u-%u\t%s\t%s\t%s\t%s\t%d\t%.*s\n", m[i].sentence, m[i].span.start,
               m[i].span.end, kinds[m[i].kind <= 5 ? m[i].kind : 0], m[i].code,
               m[i].entity ? m[i].entity : "-", m[i].name ? m[i].name : "-", m[i].antecedent,
               (int)(m[i].span.end - m[i].span.start), text + m[i].span.start);
    sr_arena_free(&a);
    free(text);
    sr_kb_free(kb);
    return 0;
}
