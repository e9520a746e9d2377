/*
** fuzz.h: what the libFuzzer targets of sitrep share: writing the input to
** a scratch file for the loaders that take a path.
**
** Each target is a file fuzz_NAME.c defining LLVMFuzzerTestOneInput; the
** seeds of target NAME are in tests/fuzz/corpus/NAME.  scripts/fuzz.sh
** builds them with clang and runs each for a bounded time.
*/
#ifndef SR_FUZZ_H
#define SR_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The input as a file, rewritten at every call; returns its path. */
static inline const char *fuzz_file(const uint8_t *data, size_t size, const char *suffix)
{
    static char path[128];
    snprintf(path, sizeof path, "/tmp/sitrep-fuzz-%d%s", (int)getpid(), suffix);
    FILE *f = fopen(path, "wb");
    if (!f)
        abort();
    if (size && fwrite(data, 1, size, f) != size)
        abort();
    fclose(f);
    return path;
}

#endif
