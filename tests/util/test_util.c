/*
** test_util.c: the helpers every stage shares: the bounded line reader,
** the hash map, error messages (codes, no control characters), the
** out-of-memory recovery point, mapped files and little-endian integers.
*/
#include "sr_test.h"

#include "util/arena.h"
#include "util/hashmap.h"
#include "util/lines.h"
#include "util/util.h"

static FILE *memfile(const char *s, size_t n)
{
    FILE *f = fmemopen((void *)s, n, "rb");
    assert_non_null(f);
    return f;
}

static void lines_are_told_apart_from_end_and_overflow(void **state)
{
    (void)state;
    static const char text[] = "one\n0123456789abcdef\n\nlast";
    FILE *f = memfile(text, sizeof text - 1);
    sr_lines lr;
    sr_lines_init(&lr, f, 8);
    assert_int_equal(sr_lines_next(&lr, 0), SR_LINE_OK);
    assert_string_equal(lr.buf, "one");
    assert_int_equal(sr_lines_next(&lr, 0), SR_LINE_TOO_LONG);
    assert_int_equal(lr.line, 2);
    assert_int_equal(lr.len, 8);
    assert_int_equal(lr.full, 16);
    assert_int_equal(sr_lines_next(&lr, 0), SR_LINE_OK); /* the rest was skipped */
    assert_int_equal(lr.len, 0);
    assert_int_equal(sr_lines_next(&lr, 0), SR_LINE_OK);
    assert_string_equal(lr.buf, "last");
    assert_int_equal(lr.line, 4);
    assert_int_equal(sr_lines_next(&lr, 0), SR_LINE_END);
    sr_lines_free(&lr);
    fclose(f);
}

static void an_overlong_binary_line_ends_the_input(void **state)
{
    (void)state;
    static const char zeros[64] = {0};
    FILE *f = memfile(zeros, sizeof zeros);
    sr_lines lr;
    sr_lines_init(&lr, f, 16);
    assert_int_equal(sr_lines_next(&lr, 1), SR_LINE_TOO_LONG);
    assert_null(lr.f);
    assert_int_equal(sr_lines_next(&lr, 1), SR_LINE_END);
    sr_lines_free(&lr);
    fclose(f);
}

static void hashmap_keeps_every_key(void **state)
{
    (void)state;
    sr_hashmap m = SR_HASHMAP_INIT;
    char key[32];
    assert_int_equal(sr_hashmap_reserve(&m, 3000), 0); /* grows past it below */
    assert_true(m.cap >= 6000);
    for (int i = 0; i < 5000; i++) {
        int added;
        int n = snprintf(key, sizeof key, "key%d", i);
        sr_hashmap_slot *s = sr_hashmap_put(&m, key, (size_t)n, &added);
        assert_non_null(s);
        assert_true(added);
        s->value = (void *)(intptr_t)(i + 1);
    }
    for (int i = 0; i < 5000; i++) {
        int added;
        int n = snprintf(key, sizeof key, "key%d", i);
        assert_int_equal((intptr_t)sr_hashmap_find(&m, key, (size_t)n)->value, i + 1);
        assert_non_null(sr_hashmap_put(&m, key, (size_t)n, &added));
        assert_false(added);
    }
    assert_null(sr_hashmap_find(&m, "nokey", 5));
    assert_int_equal(m.n, 5000);
    sr_hashmap_free(&m);
}

static void error_messages_carry_a_code_and_no_control_characters(void **state)
{
    (void)state;
    sr_error err = {0};
    assert_int_equal(sr_error_set(&err, "id \"%s\"", "a\x1b[31mb\a"), -1);
    assert_string_equal(err.msg, "id \"a?[31mb?\"");
    assert_int_equal(err.code, SR_ERR_INVALID);
    sr_error_setc(&err, SR_ERR_NOMEM, "x");
    assert_int_equal(err.code, SR_ERR_NOMEM);
    assert_string_equal(sr_status_name(err.code), "nomem");
    assert_string_equal(sr_status_name(SR_ERR_DATA), "data");
    assert_null(sr_status_name(SR_ERR_DATA + 1));
}

/* An allocation too large for any memory, under a recovery point. */
static int allocate_too_much(sr_arena *a)
{
    jmp_buf jb;
    jmp_buf *outer = sr_oom_catch(&jb);
    if (setjmp(jb) != 0) {
        sr_oom_catch(outer);
        return -1;
    }
    sr_arena_alloc(a, SIZE_MAX / 2);
    sr_oom_catch(outer);
    return 0;
}

static void out_of_memory_returns_to_the_recovery_point(void **state)
{
    (void)state;
    sr_arena a;
    sr_arena_init(&a);
    char *kept = sr_arena_strdup(&a, "kept");
    assert_int_equal(allocate_too_much(&a), -1);
    assert_string_equal(kept, "kept");
    assert_null(sr_oom_handler());
    sr_arena_free(&a);
}

/* A file maps whole; a missing or empty one is an error naming it. */
/* A word is found in a NULL-terminated list whatever its case, and only a whole word. */
static void words_are_found_in_lists_ignoring_case(void **state)
{
    (void)state;
    static const char *const WORDS[] = {"today", "after", NULL};
    assert_true(sr_word_in("Today", WORDS));
    assert_true(sr_word_in("AFTER", WORDS));
    assert_false(sr_word_in("to", WORDS));
    assert_false(sr_word_in("afternoon", WORDS));
    assert_false(sr_word_in(NULL, WORDS));
}

static void files_map_whole_or_fail_by_name(void **state)
{
    (void)state;
    char path[] = "/tmp/sr_test_map_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    sr_error err = {0};
    size_t size = 0;
    assert_null(sr_map_file(path, &size, &err));
    assert_non_null(strstr(err.msg, path));
    assert_non_null(strstr(err.msg, "empty file"));
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs("\x01\x02\x03\x04tail", f);
    fclose(f);
    const unsigned char *p = sr_map_file(path, &size, &err);
    assert_non_null(p);
    assert_int_equal(size, 8);
    assert_int_equal(sr_get_le32(p), 0x04030201);
    assert_memory_equal(p + 4, "tail", 4);
    sr_unmap_file(p, size);
    remove(path);
    assert_null(sr_map_file(path, &size, &err));
    assert_non_null(strstr(err.msg, "cannot open"));

    unsigned char buf[4];
    sr_put_le32(buf, 0xA1B2C3D4u);
    assert_int_equal(buf[0], 0xD4);
    assert_int_equal(buf[3], 0xA1);
    assert_int_equal(sr_get_le32(buf), 0xA1B2C3D4u);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lines_are_told_apart_from_end_and_overflow),
        cmocka_unit_test(an_overlong_binary_line_ends_the_input),
        cmocka_unit_test(hashmap_keeps_every_key),
        cmocka_unit_test(error_messages_carry_a_code_and_no_control_characters),
        cmocka_unit_test(out_of_memory_returns_to_the_recovery_point),
        cmocka_unit_test(files_map_whole_or_fail_by_name),
        cmocka_unit_test(words_are_found_in_lists_ignoring_case),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
