/*
** fuzz_kb.c: the knowledge-base text format (.kb files a user can add to
** data/kb), compiled to the binary form the engine maps.
*/
#include "fuzz.h"
#include "kb/kb_internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_file(data, size, ".kb");
    FILE *errors = fopen("/dev/null", "w");
    kb_builder *b = sr_kb_builder_new();
    sr_error err = {0};
    if (sr_kb_read_text_file(b, path, errors, &err) >= 0) {
        size_t blob_size;
        uint8_t *blob = sr_kb_builder_finish(b, 0, &blob_size, &err);
        free(blob);
    }
    sr_kb_builder_free(b);
    fclose(errors);
    return 0;
}
