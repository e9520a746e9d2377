/*
** attr_fips.c: the FIPS 10-4 country codes of data/attr/fips.tsv, which
** GDELT writes in its geography columns, and the code of a place.
**
** Every line is KEY<TAB>FIPS: KEY an ISO 3166-1 alpha-3 code, a division
** code of the gazetteer or the canonical name of a division without one
** (for territories FIPS splits: Gaza GZ, the West Bank WE); FIPS two
** capital letters, or "-" for none.  A malformed line or a repeated key is
** an error that names FILE:LINE.
*/
#include <stdlib.h>
#include <string.h>

#include "attr/attr_internal.h"
#include "util/util.h"

static int is_fips(const char *s)
{
    if (strcmp(s, "-") == 0)
        return 1;
    return strlen(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z';
}

int sr_fips_load(sr_fips *f, const char *path, sr_error *err)
{
    size_t len;
    char *text = sr_read_file(path, &len, err);
    if (!text)
        return -1;
    f->text = text;
    f->map = sr_lx_map_new();
    char *next;
    int lineno = 0;
    for (char *line = text; line && *line; line = next) {
        char *nl = strchr(line, '\n');
        next = nl ? nl + 1 : NULL;
        if (nl)
            *nl = '\0';
        lineno++;
        size_t n = strlen(line);
        if (n && line[n - 1] == '\r')
            line[--n] = '\0';
        if (*line == '#' || *line == '\0')
            continue;
        char *tab = strchr(line, '\t');
        if (!tab || tab == line || strchr(tab + 1, '\t') || !is_fips(tab + 1))
            return sr_error_set(err, "%s:%d: expected KEY<TAB>FIPS (two capital letters or -)",
                                path, lineno);
        *tab = '\0';
        size_t klen = (size_t)(tab - line);
        if (sr_lx_map_get(f->map, line, klen) >= 0)
            return sr_error_set(err, "%s:%d: %s given twice", path, lineno, line);
        sr_lx_map_put(f->map, line, klen, (int32_t)(tab + 1 - text));
    }
    return 0;
}

void sr_fips_free(sr_fips *f)
{
    sr_lx_map_free(f->map);
    free(f->text);
    memset(f, 0, sizeof *f);
}

/* The code of one key: 1 and the code (NULL for "-") when the key is listed, else 0. */
static int fips_key(const sr_fips *f, const char *key, const char **code)
{
    if (!f->map || !key)
        return 0;
    int32_t off = sr_lx_map_get(f->map, key, strlen(key));
    if (off < 0)
        return 0;
    *code = f->text[off] == '-' ? NULL : f->text + off;
    return 1;
}

const char *sr_fips_get(const sr_fips *f, const char *key)
{
    const char *code = NULL;
    fips_key(f, key, &code);
    return code;
}

const char *sr_fips_of_place(const sr_fips *f, const char *country, const char *admin1,
                             const char *division_name)
{
    const char *code = NULL;
    if (fips_key(f, admin1, &code) || fips_key(f, division_name, &code) ||
        fips_key(f, country, &code))
        return code;
    return NULL;
}
