/*
** json_out.h: writing JSON values straight to a stream, without building a
** tree first: the event writer emits millions of small objects.
*/
#ifndef SR_JSON_OUT_H
#define SR_JSON_OUT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* s[0..len) as a JSON string literal (quotes included); NULL as null. */
void sr_json_string(FILE *out, const char *s, size_t len);
/* NUL-terminated s as a JSON string, or null. */
void sr_json_cstring(FILE *out, const char *s);
/* v in decimal, as printf's %u writes it. */
void sr_json_uint(FILE *out, uint64_t v);
/* ,"span":[start,end] */
void sr_json_span(FILE *out, uint32_t start, uint32_t end);

#endif
