/*
** fuzz_html.c: the HTML article extractor (pre-scan limits, gumbo, walks).
*/
#include "fuzz.h"
#include "read/reader.h"
#include "util/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sr_record rec = {0};
    sr_error err = {0};
    if (sr_html_extract("fuzz.html", (const char *)data, size, &rec, &err) == 0) {
        /* The extracted text is valid UTF-8 of the length it claims. */
        if (sr_utf8_valid_prefix(rec.text, rec.len) != rec.len || strlen(rec.text) != rec.len)
            abort();
    }
    sr_record_clear(&rec);
    return 0;
}
