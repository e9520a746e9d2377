/*
** charmap.c: byte to character offsets.  A character starts at every byte
** that is not a UTF-8 continuation byte (10xxxxxx), which is how SQLite
** counts the characters of valid UTF-8 text.
*/
#include <stdlib.h>

#include "store/charmap.h"

static int starts_char(unsigned char c)
{
    return (c & 0xC0) != 0x80;
}

int sr_charmap_init(sr_charmap *m, const char *text, size_t len)
{
    m->text = (const unsigned char *)text;
    m->len = len;
    size_t n = len / SR_CHARMAP_STEP + 1;
    m->before = malloc(n * sizeof *m->before);
    if (!m->before)
        return -1;
    uint32_t chars = 0;
    for (size_t k = 0, i = 0; k < n; k++) {
        for (size_t end = k * SR_CHARMAP_STEP; i < end; i++)
            chars += starts_char(m->text[i]);
        m->before[k] = chars;
    }
    return 0;
}

uint32_t sr_charmap_at(const sr_charmap *m, size_t byte)
{
    if (byte > m->len)
        byte = m->len;
    size_t k = byte / SR_CHARMAP_STEP;
    uint32_t chars = m->before[k];
    for (size_t i = k * SR_CHARMAP_STEP; i < byte; i++)
        chars += starts_char(m->text[i]);
    return chars;
}

void sr_charmap_free(sr_charmap *m)
{
    free(m->before);
    m->before = NULL;
}
