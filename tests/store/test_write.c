/*
** test_write.c: the event writers on a document built by hand, so that
** every actor code and every awkward byte can be put exactly where it
** matters: GDELT's split of CAMEO actor codes into its columns, DATEADDED,
** and control characters in TSV and GDELT fields.
*/
#include "sr_test.h"

#include "api/doc_internal.h"

/* A document with one sentence and one event between actor codes src and tgt. */
static sr_doc *doc_with_event(const char *text, const char *date, const char *src, const char *tgt)
{
    sr_doc_meta meta = {.id = "d", .date = date};
    sr_doc *d = sr_doc_new(NULL, &meta, text, strlen(text));
    assert_non_null(d);
    uint32_t len = (uint32_t)strlen(text);
    d->sentences = sr_arena_calloc(&d->arena, 1, sizeof *d->sentences);
    d->sentences[0].span = (sr_span){0, len};
    d->nsentences = 1;
    d->events = sr_arena_calloc(&d->arena, 1, sizeof *d->events);
    sr_event *ev = &d->events[0];
    ev->source = (sr_actor){src, "source", NULL, {0, 4}};
    ev->target = (sr_actor){tgt, "target", NULL, {len - 4, len}};
    ev->cameo = "190";
    ev->quad_class = 4;
    ev->goldstein = -10;
    ev->trigger = (sr_span){5, 9};
    d->nevents = 1;
    return d;
}

/* The GDELT row of d's event, split into its tab-separated columns. */
static char *gdelt_row(sr_doc *d, char *cols[61])
{
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    assert_int_equal(sr_write_events(f, d, SR_FORMAT_GDELT), 0);
    fclose(f);
    int n = 0;
    char *p = buf;
    cols[n++] = p;
    for (; *p && *p != '\n'; p++)
        if (*p == '\t') {
            *p = '\0';
            assert_true(n < 61);
            cols[n++] = p + 1;
        }
    *p = '\0';
    assert_int_equal(n, 61);
    return buf;
}

/* Actor1 columns 5..14 and Actor2 columns 15..24 (0-based). */
enum { A1_CODE = 5, A1_COUNTRY = 7, A1_GROUP = 8, A1_TYPE1 = 12, A1_TYPE2 = 13,
       A2_CODE = 15, A2_COUNTRY = 17, A2_GROUP = 18, A2_TYPE1 = 22, DATEADDED = 59 };

static void gdelt_splits_actor_codes(void **state)
{
    (void)state;
    char *cols[61];
    sr_doc *d = doc_with_event("NATO hits Kyiv", "2025-08-20", "IGOWSTNATMIL", "---GOV");
    char *buf = gdelt_row(d, cols);
    assert_string_equal(cols[A1_CODE], "IGOWSTNATMIL");
    assert_string_equal(cols[A1_COUNTRY], "");
    assert_string_equal(cols[A1_GROUP], "NAT");
    assert_string_equal(cols[A1_TYPE1], "MIL");
    assert_string_equal(cols[A2_CODE], "---GOV");
    assert_string_equal(cols[A2_COUNTRY], "");
    assert_string_equal(cols[A2_TYPE1], "GOV");
    assert_string_equal(cols[DATEADDED], "20250820000000");
    free(buf);
    sr_doc_free(d);

    d = doc_with_event("Kyiv hits NATO", "2025-08-20", "UKRMILREB", "IGOUNOAGRFAO");
    buf = gdelt_row(d, cols);
    assert_string_equal(cols[A1_COUNTRY], "UKR");
    assert_string_equal(cols[A1_GROUP], "");
    assert_string_equal(cols[A1_TYPE1], "MIL");
    assert_string_equal(cols[A1_TYPE2], "REB");
    assert_string_equal(cols[A2_GROUP], "FAO");
    assert_string_equal(cols[A2_TYPE1], "AGR");
    free(buf);
    sr_doc_free(d);
}

static void gdelt_date_added_without_a_date(void **state)
{
    (void)state;
    char *cols[61];
    sr_doc *d = doc_with_event("NATO hits Kyiv", NULL, "RUS", "UKR");
    char *buf = gdelt_row(d, cols);
    assert_int_equal(strlen(cols[DATEADDED]), 14);
    assert_false(strncmp(cols[DATEADDED] + 8, "000000", 6) == 0 &&
                 strncmp(cols[DATEADDED], "000000", 6) == 0);
    assert_true(strncmp(cols[DATEADDED], "20", 2) == 0);
    free(buf);
    sr_doc_free(d);
}

static void tsv_fields_carry_no_control_characters(void **state)
{
    (void)state;
    /* ESC and BEL inside the actor texts, a C1 CSI (U+009B) in the trigger. */
    sr_doc *d = doc_with_event("R\x1b[2 \xc2\x9b" "ttk \a Ukr\x07", "2025-08-20", "RUS", "UKR");
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    assert_int_equal(sr_write_events(f, d, SR_FORMAT_TSV), 0);
    assert_int_equal(sr_write_events(f, d, SR_FORMAT_GDELT), 0);
    fclose(f);
    for (size_t i = 0; i < size; i++) {
        unsigned char c = (unsigned char)buf[i];
        assert_true(c >= 0x20 || c == '\t' || c == '\n');
        assert_false(c == 0xc2 && (unsigned char)buf[i + 1] == 0x9b);
    }
    free(buf);
    sr_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(gdelt_splits_actor_codes),
        cmocka_unit_test(gdelt_date_added_without_a_date),
        cmocka_unit_test(tsv_fields_carry_no_control_characters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
