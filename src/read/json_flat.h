/*
** json_flat.h: the JSON Lines record most inputs are made of, read
** without building a tree (see json_flat.c).  Internal to src/read.
*/
#ifndef SR_JSON_FLAT_H
#define SR_JSON_FLAT_H

#include <stddef.h>

/*
** Read line[0..len) as one flat JSON object of string (or null) members.
** On 1, values[i] is a malloc'd copy of the string member keys[i] and
** lens[i] its length, or NULL and 0 when the member is missing or null.
** On 0 every values[i] is NULL: the line is something else (another kind
** of value, a duplicate key, a \u0000, malformed JSON) or memory ran out,
** and a full JSON parser must read it.  The line must have passed
** sr_text_check() (valid UTF-8).
*/
int sr_json_flat_strings(const char *line, size_t len, const char *const *keys, size_t nkeys,
                         char **values, size_t *lens);

#endif
