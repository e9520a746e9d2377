/*
** charmap.h: byte offsets into a UTF-8 text turned into character
** offsets (code points), which is what SQLite's substr() and most
** languages' string indices count.  Spans are stored both ways.
*/
#ifndef SR_CHARMAP_H
#define SR_CHARMAP_H

#include <stddef.h>
#include <stdint.h>

/* Checkpoints every SR_CHARMAP_STEP bytes: memory is len/16 bytes, a look-up scans < 64 bytes. */
#define SR_CHARMAP_STEP 64

typedef struct sr_charmap {
    const unsigned char *text;
    size_t len;
    uint32_t *before; /* before[k]: characters in text[0 .. k * SR_CHARMAP_STEP) */
} sr_charmap;

/* Index text (not copied; it must outlive the map). 0, or -1 when out of memory. */
int sr_charmap_init(sr_charmap *m, const char *text, size_t len);
/* Characters in text[0 .. byte); byte is clamped to the text's length. */
uint32_t sr_charmap_at(const sr_charmap *m, size_t byte);
void sr_charmap_free(sr_charmap *m);

#endif
