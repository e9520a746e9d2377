/*
** fuzz_text.c: the plain-text reader and the checks every record passes.
*/
#include "fuzz.h"
#include "read/reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *f = fmemopen((void *)data, size, "rb");
    if (!f)
        return 0;
    sr_reader_defaults defs = {.date = "2025-08-20", .max_bytes = 1 << 16};
    sr_error err = {0};
    sr_reader *r = sr_reader_open_stream(f, "fuzz.txt", SR_INPUT_TEXT, &defs, &err);
    sr_record rec;
    while (r && sr_reader_next(r, &rec, &err) != 0)
        sr_record_clear(&rec);
    sr_reader_close(r);
    fclose(f);
    return 0;
}
