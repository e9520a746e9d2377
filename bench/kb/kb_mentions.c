/*
** kb_mentions: print the actor mentions sitrep finds in a text.
**
**     kb_mentions [--data DIR | --petrarch ACTORS[:ACTORS...] AGENTS]
**                 [--date YYYY-MM-DD] [--tag [--no-parse]] [FILE]
**
** Segments the text (stdin by default), with --tag also tags and parses it
** with the models of data/models as the pipeline does (when this tool is
** built with sr_nlp; --no-parse leaves the trees out), and prints one
** line per mention:
** sentence, span, kind, code, entity, name, antecedent and the text.  A
** tool for inspecting the knowledge base and the resolver by hand.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kb/actors.h"
#ifdef SR_HAVE_NLP
#include "nlp/nlp.h"
#endif
#include "segment/segment.h"
#include "util/util.h"

#ifdef SR_HAVE_NLP
/* Tag, lemmatize and parse the sentences with the models that load. */
static void tag_and_parse(const char *data, sr_sentence *ss, size_t ns, int parse, sr_arena *a)
{
    const char *dd = data ? data : getenv("SITREP_DATA") ? getenv("SITREP_DATA") : SR_DATA_DIR;
    char path[4096];
    sr_error err = {0};
    snprintf(path, sizeof path, "%s/models/tagger.bin", dd);
    sr_tagger *tagger = sr_tagger_load(path, &err);
    if (!tagger) {
        fprintf(stderr, "kb_mentions: no tagger (%s)\n", err.msg);
        return;
    }
    sr_lemmatizer *lem = sr_lemmatizer_open(dd, &err);
    snprintf(path, sizeof path, "%s/models/parser.bin", dd);
    sr_parser *parser = parse ? sr_parser_load(path, &err) : NULL;
    if (parse && !parser)
        fprintf(stderr, "kb_mentions: no parser (%s)\n", err.msg);
    for (size_t i = 0; i < ns; i++) {
        sr_tagger_tag(tagger, &ss[i], a);
        if (lem)
            sr_lemmatize(lem, &ss[i], a);
        if (parser)
            sr_parser_parse(parser, &ss[i], a);
    }
    sr_parser_free(parser);
    sr_lemmatizer_free(lem);
    sr_tagger_free(tagger);
}
#endif

int main(int argc, char **argv)
{
    const char *data = NULL, *date = NULL, *path = "-", *actors = NULL, *agents = NULL;
    int tag = 0, parse = 1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--tag") == 0)
            tag = 1;
        else if (strcmp(argv[i], "--no-parse") == 0)
            parse = 0;
        else if (strcmp(argv[i], "--data") == 0 && i + 1 < argc)
            data = argv[++i];
        else if (strcmp(argv[i], "--petrarch") == 0 && i + 2 < argc) {
            actors = argv[++i];
            agents = argv[++i];
        } else if (strcmp(argv[i], "--date") == 0 && i + 1 < argc)
            date = argv[++i];
        else
            path = argv[i];
    }
    sr_error err = {0};
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
#ifdef SR_HAVE_NLP
    if (tag)
        tag_and_parse(data, ss, ns, parse, &a);
#else
    if (tag)
        fprintf(stderr, "kb_mentions: built without sr_nlp: --tag ignored\n");
    (void)parse;
#endif
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
