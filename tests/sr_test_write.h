/*
** sr_test_write.h: reading what sitrep's writers print, for the tests of
** the output formats (tests/store, tests/attr).
*/
#ifndef SR_TEST_WRITE_H
#define SR_TEST_WRITE_H

#include "sr_test.h"

#include "sitrep.h"

/* What sr_write_events prints for d in fmt; malloc'd. */
static inline char *sr_test_written(const sr_doc *d, sr_format fmt)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    assert_int_equal(sr_write_events(f, d, fmt), 0);
    fclose(f);
    return buf;
}

/* Column i (0-based) of a tab-separated line, in a static buffer; "" past the last one. */
static inline const char *sr_test_column(const char *line, int i)
{
    static char buf[256];
    for (; i > 0 && line; i--) {
        line = strchr(line, '\t');
        line = line ? line + 1 : NULL;
    }
    if (!line)
        return "";
    snprintf(buf, sizeof buf, "%.*s", (int)strcspn(line, "\t\n"), line);
    return buf;
}

/* How many tab-separated columns the line has. */
static inline int sr_test_columns(const char *line)
{
    int n = 1;
    for (; *line && *line != '\n'; line++)
        n += *line == '\t';
    return n;
}

#endif
