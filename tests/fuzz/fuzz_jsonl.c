/*
** fuzz_jsonl.c: the JSON Lines reader (line limit, BOM, fields, dates).
*/
#include "fuzz.h"
#include "read/reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *f = fmemopen((void *)data, size, "rb");
    if (!f)
        return 0;
    sr_reader_defaults defs = {.max_bytes = 4096};
    sr_error err = {0};
    sr_reader *r = sr_reader_open_stream(f, "fuzz.jsonl", SR_INPUT_JSONL, &defs, &err);
    sr_record rec;
    int rc;
    while (r && (rc = sr_reader_next(r, &rec, &err)) != 0)
        if (rc > 0) {
            if (!rec.id || !rec.text || strlen(rec.text) != rec.len)
                abort(); /* a record always has an id and its text */
            sr_record_clear(&rec);
        }
    sr_reader_close(r);
    fclose(f);
    return 0;
}
