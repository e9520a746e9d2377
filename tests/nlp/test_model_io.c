/*
** test_model_io.c: the binary model container round-trips sections and
** rejects truncated, corrupt or foreign files with an error naming the file.
*/
#include "sr_test.h"

#include "nlp/model_io.h"

/* Write a small model with three sections to a temporary path. */
static char *write_sample(void)
{
    char *path = sr_test_file(".bin", "", 0);
    sr_error err = {0};
    sr_model_writer *w = sr_model_writer_new("testkind");
    assert_non_null(w);
    const float f[3] = {1.5f, -2.0f, 0.25f};
    const int32_t i[2] = {-7, 1 << 30};
    assert_int_equal(sr_model_writer_add(w, "floats", SR_MT_F32, f, 3, &err), 0);
    assert_int_equal(sr_model_writer_add(w, "ints", SR_MT_I32, i, 2, &err), 0);
    assert_int_equal(sr_model_writer_add_string(w, "note", "hello", &err), 0);
    assert_int_equal(sr_model_writer_add(w, "ints", SR_MT_I32, i, 2, &err), -1);
    assert_non_null(strstr(err.msg, "twice"));
    assert_int_equal(sr_model_writer_save(w, path, &err), 0);
    sr_model_writer_free(w);
    return path;
}

static void test_round_trip(void **state)
{
    (void)state;
    char *path = write_sample();
    sr_error err = {0};
    sr_model_file *m = sr_model_open(path, "testkind", &err);
    assert_non_null(m);
    assert_string_equal(sr_model_kind(m), "testkind");
    size_t n;
    const float *f = sr_model_section(m, "floats", SR_MT_F32, &n, &err);
    assert_non_null(f);
    assert_int_equal(n, 3);
    assert_true(f[0] == 1.5f && f[1] == -2.0f && f[2] == 0.25f);
    assert_int_equal(((uintptr_t)f) % 16, 0);
    const int32_t *i = sr_model_section_n(m, "ints", SR_MT_I32, 2, &err);
    assert_non_null(i);
    assert_int_equal(i[0], -7);
    assert_int_equal(i[1], 1 << 30);
    assert_string_equal((const char *)sr_model_section(m, "note", SR_MT_U8, &n, &err), "hello");
    assert_null(sr_model_section(m, "missing", SR_MT_U8, &n, &err));
    assert_non_null(strstr(err.msg, "missing"));
    assert_null(sr_model_section(m, "floats", SR_MT_I32, &n, &err));
    assert_null(sr_model_section_n(m, "ints", SR_MT_I32, 3, &err));
    sr_model_close(m);
    sr_test_unlink(path);
}

/* Rewrite path with its first keep bytes, optionally flipping one byte. */
static void damage(const char *path, size_t keep, long flip_at)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    unsigned char buf[4096];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    if (keep > n)
        keep = n;
    if (flip_at >= 0 && (size_t)flip_at < keep)
        buf[flip_at] ^= 0x5a;
    f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(buf, 1, keep, f), keep);
    fclose(f);
}

static void expect_rejected(const char *path, const char *kind, const char *why)
{
    sr_error err = {0};
    sr_model_file *m = sr_model_open(path, kind, &err);
    assert_null(m);
    assert_non_null(strstr(err.msg, path));
    if (!strstr(err.msg, why))
        fail_msg("error '%s' does not mention '%s'", err.msg, why);
}

static void test_rejects_truncated(void **state)
{
    (void)state;
    char *path = write_sample();
    FILE *f = fopen(path, "rb");
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fclose(f);
    damage(path, (size_t)size - 8, -1);
    expect_rejected(path, "testkind", "truncated");
    damage(path, 20, -1);
    expect_rejected(path, "testkind", "truncated");
    sr_test_unlink(path);
}

static void test_rejects_corrupt(void **state)
{
    (void)state;
    char *path = write_sample();
    damage(path, 4096, 200); /* a byte of the section data */
    expect_rejected(path, "testkind", "checksum");
    sr_test_unlink(path);

    path = write_sample();
    damage(path, 4096, 0); /* the magic */
    expect_rejected(path, "testkind", "magic");
    sr_test_unlink(path);

    path = write_sample();
    expect_rejected(path, "parser", "kind");
    sr_test_unlink(path);

    expect_rejected("/nonexistent/model.bin", NULL, "cannot open");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_rejects_truncated),
        cmocka_unit_test(test_rejects_corrupt),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
