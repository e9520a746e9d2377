/*
** test_write_attr.c: the attribute fields in every output, on a document
** built by hand: GDELT's ActionGeo and Actor geography columns, the JSONL
** place, size and date fields, PLOVER-style records and quote records.
*/
#include <math.h>

#include "sr_test.h"
#include "sr_test_write.h"

#include "api/doc_internal.h"

static const char TEXT[] = "Russia struck Sumy, injuring 15 people. “We will rebuild,” he said.";

/* One attack in Sumy dated by the text, with 15 injured of whom 3 children, and one quote. */
static sr_doc *doc_with_attributes(const char *src)
{
    sr_doc_meta meta = {.id = "d", .date = "2025-08-20"};
    sr_doc *d = sr_doc_new(NULL, &meta, TEXT, strlen(TEXT));
    d->sentences = sr_arena_calloc(&d->arena, 1, sizeof *d->sentences);
    d->sentences[0].span = (sr_span){0, (uint32_t)strlen(TEXT)};
    d->nsentences = 1;
    d->events = sr_arena_calloc(&d->arena, 1, sizeof *d->events);
    sr_event *ev = &d->events[0];
    ev->source = (sr_actor){src, "source", NULL, {0, 6}};
    ev->cameo = "195";
    ev->plover = "ASSAULT";
    ev->quad_class = 4;
    ev->trigger = (sr_span){7, 13};
    ev->date = "2025-08-19";
    ev->date_precision = SR_DATE_DAY;
    ev->place = (sr_place){"Sumy", "UKR", "UA-21",  "city",         692194,
                           50.92,  34.80, {14, 18}, SR_PLACE_EXACT, "UP"};
    sr_count *c = sr_arena_calloc(&d->arena, 2, sizeof *c);
    c[0] = (sr_count){15, "people", -1, {29, 38}, SR_COUNT_INJURED, SR_QUAL_EXACT};
    c[1] = (sr_count){3, "children", 0, {29, 38}, SR_COUNT_INJURED, SR_QUAL_EXACT};
    ev->size = (sr_size){c, 2};
    ev->quote = 0;
    d->nevents = 1;
    d->quotes = sr_arena_calloc(&d->arena, 1, sizeof *d->quotes);
    uint32_t q = (uint32_t)(strstr(TEXT, "We will") - TEXT);
    d->quotes[0] =
        (sr_quote){0, 1, {q, q + 15}, -1, NULL, NULL, NULL, {0, 0}, {q + 23, q + 27}, NULL, {0, 0}};
    d->nquotes = 1;
    return d;
}

enum { SQLDATE = 1, A1GEO = 35, A2GEO = 43, ACTIONGEO = 51 };

static void gdelt_geography(void **state)
{
    (void)state;
    sr_doc *d = doc_with_attributes("UKRCVL");
    char *out = sr_test_written(d, SR_FORMAT_GDELT);
    assert_string_equal(sr_test_column(out, SQLDATE), "20250819"); /* the event's date */
    assert_string_equal(sr_test_column(out, ACTIONGEO), "4");      /* a city outside the US */
    assert_string_equal(sr_test_column(out, ACTIONGEO + 1), "Sumy");
    assert_string_equal(sr_test_column(out, ACTIONGEO + 2), "UP"); /* FIPS 10-4, not ISO */
    assert_string_equal(sr_test_column(out, ACTIONGEO + 3), "UA-21");
    assert_string_equal(sr_test_column(out, ACTIONGEO + 5), "50.9200");
    assert_string_equal(sr_test_column(out, ACTIONGEO + 7), "692194");
    assert_string_equal(sr_test_column(out, A1GEO + 1), "Sumy"); /* a Ukrainian actor in Sumy */
    assert_string_equal(sr_test_column(out, A2GEO + 1), "");     /* no target */
    free(out);
    sr_doc_free(d);
    d = doc_with_attributes("RUSMIL");
    out = sr_test_written(d, SR_FORMAT_GDELT);
    assert_string_equal(sr_test_column(out, A1GEO), ""); /* a Russian actor is not placed in Sumy */
    free(out);
    /* A country only: type 1, no coordinates. */
    d->events[0].place = (sr_place){"Ukraine", "UKR", NULL,     "country",        0,
                                    NAN,       NAN,   {14, 18}, SR_PLACE_COUNTRY, "UP"};
    out = sr_test_written(d, SR_FORMAT_GDELT);
    assert_string_equal(sr_test_column(out, ACTIONGEO), "1");
    assert_string_equal(sr_test_column(out, ACTIONGEO + 2), "UP");
    assert_string_equal(sr_test_column(out, ACTIONGEO + 5), "");
    free(out);
    /* A country FIPS has no code for: the column is empty, never the ISO code. */
    d->events[0].place.fips = NULL;
    out = sr_test_written(d, SR_FORMAT_GDELT);
    assert_string_equal(sr_test_column(out, ACTIONGEO + 1), "Ukraine");
    assert_string_equal(sr_test_column(out, ACTIONGEO + 2), "");
    free(out);
    sr_doc_free(d);
}

static void jsonl_plover_and_quotes(void **state)
{
    (void)state;
    sr_doc *d = doc_with_attributes("RUSMIL");
    char *out = sr_test_written(d, SR_FORMAT_JSONL);
    assert_non_null(strstr(out, "\"date\":\"2025-08-19\",\"date_precision\":\"day\""));
    assert_non_null(strstr(out, "\"doc_date\":\"2025-08-20\""));
    assert_non_null(strstr(out, "\"place\":{\"name\":\"Sumy\",\"text\":\"Sumy\""));
    assert_non_null(strstr(out, "\"country\":\"UKR\",\"fips\":\"UP\",\"admin1\":\"UA-21\""));
    assert_non_null(strstr(out, "\"precision\":\"exact\""));
    /* 15 injured, not 18: the subset is listed, never added. */
    assert_non_null(strstr(out, "\"size\":{\"injured\":15,\"counts\":["));
    assert_non_null(strstr(out, "\"of\":\"children\",\"subset_of\":0"));
    assert_non_null(strstr(out, "\"quote\":0"));
    free(out);
    out = sr_test_written(d, SR_FORMAT_PLOVER);
    assert_non_null(strstr(out, "\"event_date\":\"2025-08-19\""));
    assert_non_null(strstr(out, "\"location\":{\"name\":\"Sumy\""));
    free(out);
    out = sr_test_written(d, SR_FORMAT_QUOTES);
    assert_non_null(strstr(out, "\"kind\":\"direct\""));
    assert_non_null(strstr(out, "\"text\":\"We will rebuild\""));
    assert_non_null(strstr(out, "\"verb\":{\"text\":\"said\""));
    assert_non_null(strstr(out, "\"events\":[0]"));
    free(out);
    sr_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(gdelt_geography),
        cmocka_unit_test(jsonl_plover_and_quotes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
