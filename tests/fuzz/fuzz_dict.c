/*
** fuzz_dict.c: the verb dictionaries a user can supply.  The first byte
** chooses: bit 1 clear, sitrep's lexicon format (the files of data/verbs);
** set, the PETRARCH/TABARI format; bit 0 turns on inflected matching.  The
** rest is the file.
*/
#include "fuzz.h"
#include "dict/dict.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const char *path = fuzz_file(data + 1, size - 1, ".txt");
    sr_verbdict *d = sr_verbdict_new(data[0] & 1);
    sr_error err = {0};
    int rc = data[0] & 2 ? sr_verbdict_load_petrarch(d, path, &err)
                         : sr_verbdict_load_lexicon(d, path, "verbs/fuzz.txt", NULL, &err);
    if (rc == 0)
        sr_verbdict_finish(d); /* an empty dictionary too */
    sr_verbdict_free(d);
    return 0;
}
