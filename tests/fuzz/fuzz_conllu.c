/*
** fuzz_conllu.c: the CoNLL-U reader behind `sitrep parse --input conllu`.
*/
#include "fuzz.h"
#include "nlp/conllu.h"
#include "util/arena.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_file(data, size, ".conllu");
    sr_arena a;
    sr_arena_init(&a);
    sr_sentence *s;
    const char **texts;
    size_t n;
    sr_error err = {0};
    sr_conllu_read_texts(path, &a, &s, &texts, &n, &err);
    sr_arena_free(&a);
    return 0;
}
