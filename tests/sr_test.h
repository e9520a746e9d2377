/*
** sr_test.h: what every cmocka test of sitrep includes, plus helpers for
** writing scratch input files.
*/
#ifndef SR_TEST_H
#define SR_TEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

/* Write len bytes to a new temporary file whose name ends in suffix; returns its path. */
static inline char *sr_test_file(const char *suffix, const void *data, size_t len)
{
    char *path = malloc(256);
    snprintf(path, 256, "/tmp/sitrep-test-XXXXXX%s", suffix);
    int fd = mkstemps(path, (int)strlen(suffix));
    assert_true(fd >= 0);
    assert_int_equal(write(fd, data, len), (ssize_t)len);
    close(fd);
    return path;
}

static inline void sr_test_unlink(char *path)
{
    unlink(path);
    free(path);
}

#endif
