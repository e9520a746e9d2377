/*
** json_out.c: JSON strings and numbers (see json_out.h).  Input is valid UTF-8
** (the readers see to it), so only quotes, backslashes and control
** characters need escapes.
*/
#include "store/json_out.h"

void sr_json_string(FILE *out, const char *s, size_t len)
{
    if (!s) {
        fputs("null", out);
        return;
    }
    putc('"', out);
    size_t run = 0; /* start of the pending run of bytes that need no escape */
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        fwrite(s + run, 1, i - run, out);
        run = i + 1;
        switch (c) {
        case '"':
            fputs("\\\"", out);
            break;
        case '\\':
            fputs("\\\\", out);
            break;
        case '\n':
            fputs("\\n", out);
            break;
        case '\r':
            fputs("\\r", out);
            break;
        case '\t':
            fputs("\\t", out);
            break;
        default:
            fprintf(out, "\\u%04x", c);
            break;
        }
    }
    fwrite(s + run, 1, len - run, out);
    putc('"', out);
}

void sr_json_cstring(FILE *out, const char *s)
{
    size_t n = 0;
    if (s)
        while (s[n])
            n++;
    sr_json_string(out, s, n);
}

/*
** Numbers are written by hand, not with fprintf: every event has half a
** dozen spans, and a format string is parsed anew for each.
*/
void sr_json_uint(FILE *out, uint64_t v)
{
    char buf[24];
    size_t n = sizeof buf;
    do {
        buf[--n] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    fwrite(buf + n, 1, sizeof buf - n, out);
}

void sr_json_span(FILE *out, uint32_t start, uint32_t end)
{
    fputs(",\"span\":[", out);
    sr_json_uint(out, start);
    putc(',', out);
    sr_json_uint(out, end);
    putc(']', out);
}
