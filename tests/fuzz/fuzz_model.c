/*
** fuzz_model.c: the model files a user can supply (data/models): the first
** byte chooses the loader (segmenter, tagger, parser, lemma table), the
** rest is the file.
*/
#include "fuzz.h"
#include "nlp/lemma_internal.h"
#include "nlp/nlp.h"
#include "segment/segment.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const char *path = fuzz_file(data + 1, size - 1, ".bin");
    sr_error err = {0};
    switch (data[0] & 3) {
    case 0:
        sr_segmenter_free(sr_segmenter_load(path, &err));
        break;
    case 1:
        sr_tagger_free(sr_tagger_load(path, &err));
        break;
    case 2:
        sr_parser_free(sr_parser_load(path, &err));
        break;
    default: {
        sr_lemmatizer *l = sr_lm_new();
        if (l) {
            sr_lm_load_table(l, path, &err);
            sr_lemmatizer_free(l);
        }
        break;
    }
    }
    return 0;
}
