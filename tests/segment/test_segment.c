/*
** test_segment.c: tokenization and sentence splitting.
**
** Each test segments a short text and compares the words (as a string
** with "|" between them) or the sentences with what the EWT treebank
** conventions require.  Robustness tests feed large and malformed input
** and check that every token's offsets are valid and its form is the NFC
** of its span.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <utf8proc.h>

#include "segment/segment.h"
#include "util/arena.h"
#include "util/util.h"

/* A segmented text held for a test. */
typedef struct seg {
    sr_arena arena;
    const char *text;
    size_t len;
    sr_sentence *s;
    size_t ns;
} seg;

static void run_with(seg *g, const sr_segmenter *m, const char *text, size_t len)
{
    sr_arena_init(&g->arena);
    g->text = text;
    g->len = len;
    sr_segment_with(m, &g->arena, text, len, &g->s, &g->ns);
}

static void run(seg *g, const char *text)
{
    run_with(g, NULL, text, strlen(text));
}

static void done(seg *g)
{
    sr_arena_free(&g->arena);
}

/* All forms of all sentences joined by "|", sentences separated by " || ". */
static char *joined(const seg *g)
{
    size_t cap = 64;
    for (size_t i = 0; i < g->ns; i++)
        for (uint32_t j = 0; j < g->s[i].ntokens; j++)
            cap += strlen(g->s[i].tokens[j].form) + 5;
    char *out = malloc(cap), *p = out;
    *p = 0;
    for (size_t i = 0; i < g->ns; i++) {
        if (i)
            p += sprintf(p, " || ");
        for (uint32_t j = 0; j < g->s[i].ntokens; j++)
            p += sprintf(p, "%s%s", j ? "|" : "", g->s[i].tokens[j].form);
    }
    return out;
}

/* Segment text and compare with the expected word string. */
static void expect(const char *text, const char *want)
{
    seg g;
    run(&g, text);
    char *got = joined(&g);
    if (strcmp(got, want) != 0)
        print_error("text: %s\n got: %s\nwant: %s\n", text, got, want);
    assert_string_equal(got, want);
    free(got);
    done(&g);
}

/* The token whose form is `form` (first occurrence), or NULL. */
static const sr_token *find(const seg *g, const char *form, size_t *sentence)
{
    for (size_t i = 0; i < g->ns; i++)
        for (uint32_t j = 0; j < g->s[i].ntokens; j++)
            if (!strcmp(g->s[i].tokens[j].form, form)) {
                if (sentence)
                    *sentence = i;
                return &g->s[i].tokens[j];
            }
    return NULL;
}

/* NFC of text[a..b) as a malloc'd string. */
static char *nfc(const char *text, size_t a, size_t b)
{
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)text + a, (utf8proc_ssize_t)(b - a),
                                      &out, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (n < 0)
        return NULL;
    return (char *)out;
}

static int is_ws_byte(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/*
** Every token lies inside the text, after the one before, contains no
** ASCII whitespace, and (for valid UTF-8) has the NFC of its span as form;
** every sentence spans its tokens; no sentence is longer than 500 tokens.
*/
static void check_offsets(const seg *g, int check_forms)
{
    uint32_t prev_end = 0;
    for (size_t i = 0; i < g->ns; i++) {
        const sr_sentence *s = &g->s[i];
        assert_true(s->ntokens > 0);
        assert_true(s->ntokens <= 500);
        assert_int_equal(s->span.start, s->tokens[0].start);
        assert_int_equal(s->span.end, s->tokens[s->ntokens - 1].end);
        for (uint32_t j = 0; j < s->ntokens; j++) {
            const sr_token *t = &s->tokens[j];
            assert_true(t->start < t->end);
            assert_true(t->end <= g->len);
            assert_true(t->start >= prev_end);
            assert_int_equal(t->head, -1);
            for (uint32_t k = t->start; k < t->end; k++)
                assert_false(is_ws_byte((unsigned char)g->text[k]));
            assert_int_equal(sr_utf8_valid_prefix(t->form, strlen(t->form)), strlen(t->form));
            if (check_forms) {
                char *want = nfc(g->text, t->start, t->end);
                assert_non_null(want);
                assert_string_equal(t->form, want);
                free(want);
            }
            prev_end = t->end;
        }
    }
}

/* ------------------------------------------------------------------ */

static void test_abbreviations(void **state)
{
    (void)state;
    expect("Adm. Giuseppe Cavo Dragone met Lt. Col. John Smith and Gen. Mark Milley.",
           "Adm.|Giuseppe|Cavo|Dragone|met|Lt.|Col.|John|Smith|and|Gen.|Mark|Milley|.");
    expect("Mr. Smith and Dr. Jones of Apple Inc. visited St. Louis on Jan. 5 for No. 10.",
           "Mr.|Smith|and|Dr.|Jones|of|Apple|Inc.|visited|St.|Louis|on|Jan.|5|for|No.|10|.");
    expect("U.S. President Joe Biden met U.N. officials.",
           "U.S.|President|Joe|Biden|met|U.N.|officials|.");
    /* "U.S." ends a sentence when a new one clearly starts; EWT then splits its stop. */
    expect("The talks were held in the U.S. The next round is in May.",
           "The|talks|were|held|in|the|U.S|. || The|next|round|is|in|May|.");
    expect("Say no. Then go.", "Say|no|. || Then|go|.");
    expect("He lists apples, pears, etc. and more.", "He|lists|apples|,|pears|,|etc.|and|more|.");
}

static void test_news_abbreviations(void **state)
{
    (void)state;
    expect("Prices rose 3 pct. in May in Roe v. Wade country near Ponchatoula, La., and "
           "Boston, Mass., on Sat. Sept. 23.",
           "Prices|rose|3|pct.|in|May|in|Roe|v.|Wade|country|near|Ponchatoula|,|La.|,|and|"
           "Boston|,|Mass.|,|on|Sat.|Sept.|23|.");
    expect("He was ill. Then he left.", "He|was|ill|. || Then|he|left|.");
    expect("He lives on Main St. The house is old. St. Louis is near.",
           "He|lives|on|Main|St|. || The|house|is|old|. || St.|Louis|is|near|.");
    /* A list marker stays with its item. */
    expect("1. First item\n2. Second item", "1|.|First|item || 2|.|Second|item");
}

static void test_wrapped_lines(void **state)
{
    (void)state;
    /* Hard-wrapped text: a line break inside a sentence is no boundary. */
    expect("The meeting of the defence ministers was held in Brussels on\n"
           "Wednesday, and officials from the United States and several\n"
           "European countries attended the talks, which lasted for hours.\n"
           "Short heading\n"
           "The next paragraph starts here and continues for a while on\n"
           "this line.",
           "The|meeting|of|the|defence|ministers|was|held|in|Brussels|on|Wednesday|,|and|"
           "officials|from|the|United|States|and|several|European|countries|attended|the|talks|"
           ",|which|lasted|for|hours|. || Short|heading || The|next|paragraph|starts|here|and|"
           "continues|for|a|while|on|this|line|.");
}

static void test_initials(void **state)
{
    (void)state;
    expect("J. R. R. Tolkien wrote it. George W. Bush agreed.",
           "J.|R.|R.|Tolkien|wrote|it|. || George|W.|Bush|agreed|.");
}

static void test_numbers(void **state)
{
    (void)state;
    expect("It cost $1,000.50, up 3.5% from 2019.", "It|cost|$|1,000.50|,|up|3.5|%|from|2019|.");
    expect("Call 713-853-3989 at 5:30 on 9/11 in the 1990s, the 21st time for 5kg.",
           "Call|713-853-3989|at|5:30|on|9/11|in|the|1990s|,|the|21st|time|for|5|kg|.");
    expect("From 1969-1970 about 400-500 died.", "From|1969|-|1970|about|400|-|500|died|.");
    /* Non-ASCII characters whose low byte is "." or "-" are no separators. */
    expect("3\xc4\xae"
           "5 and 7\xc4\xad"
           "8",
           "3|\xc4\xae"
           "5|and|7|\xc4\xad"
           "8");
}

static void test_quotes(void **state)
{
    (void)state;
    expect("\"Yes,\" he said.", "\"|Yes|,|\"|he|said|.");
    expect("\xe2\x80\x9cYes,\xe2\x80\x9d he said.", "\xe2\x80\x9c|Yes|,|\xe2\x80\x9d|he|said|.");
    expect("\xe2\x80\x98Yes\xe2\x80\x99 she said.", "\xe2\x80\x98|Yes|\xe2\x80\x99|she|said|.");
    expect("\xc2\xabOui\xc2\xbb, dit-il.", "\xc2\xab|Oui|\xc2\xbb|,|dit|-|il|.");
    expect("'Yes' she said.", "'|Yes|'|she|said|.");
    expect("``Yes'' she said.", "``|Yes|''|she|said|.");
    expect("The workers' union met.", "The|workers|'|union|met|.");
}

static void test_clitics(void **state)
{
    (void)state;
    expect("I can't, won't, don't; we're sure they'll see I've seen I'm here, he'd say.",
           "I|ca|n't|,|wo|n't|,|do|n't|;|we|'re|sure|they|'ll|see|I|'ve|seen|I|'m|here|,|he|'d|"
           "say|.");
    expect("Russia\xe2\x80\x99s army can\xe2\x80\x99t win.",
           "Russia|\xe2\x80\x99s|army|ca|n\xe2\x80\x99t|win|.");
    expect("You cannot, I'm gonna go. John's and O'Brien's.",
           "You|can|not|,|I|'m|gon|na|go|. || John|'s|and|O'Brien|'s|.");
}

static void test_dashes(void **state)
{
    (void)state;
    expect("A - B \xe2\x80\x93 C \xe2\x80\x94 D -- E.",
           "A|-|B|\xe2\x80\x93|C|\xe2\x80\x94|D|--|E|.");
    expect("The Trump-Putin summit, an e-mail and a non-stop well-known flight.",
           "The|Trump|-|Putin|summit|,|an|e-mail|and|a|non-stop|well|-|known|flight|.");
    expect("It was--as usual--late.", "It|was|--|as|usual|--|late|.");
}

static void test_ellipses(void **state)
{
    (void)state;
    expect("Wait... what? Then\xe2\x80\xa6 Nothing.",
           "Wait|...|what|? || Then|\xe2\x80\xa6 || Nothing|.");
    expect("He said... and left.", "He|said|...|and|left|.");
}

static void test_urls(void **state)
{
    (void)state;
    const char *text = "See https://example.com/a?b=1, write to jane.doe@example.org, "
                       "visit www.nato.int. Follow @NATO and #Ukraine (nato.int).";
    expect(text, "See|https://example.com/a?b=1|,|write|to|jane.doe@example.org|,|visit|"
                 "www.nato.int|. || Follow|@NATO|and|#Ukraine|(|nato.int|)|.");
    seg g;
    run(&g, text);
    const char *urls[] = {"https://example.com/a?b=1",
                          "jane.doe@example.org",
                          "www.nato.int",
                          "@NATO",
                          "#Ukraine",
                          "nato.int"};
    for (size_t i = 0; i < sizeof urls / sizeof urls[0]; i++) {
        const sr_token *t = find(&g, urls[i], NULL);
        assert_non_null(t);
        assert_true(t->flags & SR_TOK_URL);
    }
    assert_false(find(&g, "See", NULL)->flags & SR_TOK_URL);
    done(&g);
}

static void test_kava_dragon(void **state)
{
    (void)state;
    const char *text = "the head of the Alliance, Admiral Giuseppe Kava -Dragon.\nNext line.";
    expect(text, "the|head|of|the|Alliance|,|Admiral|Giuseppe|Kava|-|Dragon|. || Next|line|.");
    seg g;
    run(&g, text);
    const sr_token *kava = find(&g, "Kava", NULL), *dash = find(&g, "-", NULL);
    assert_int_equal(kava->space_after, 1);
    assert_int_equal(dash->space_after, 0);
    assert_int_equal(dash->start, strstr(text, "-Dragon") - text);
    done(&g);
}

/* Every form is the NFC of its span, whatever spaces and scripts surround it. */
static void test_offsets_mixed(void **state)
{
    (void)state;
    /* NFD "é" (e + combining acute), NBSP, thin space, tabs, CRLF, emoji. */
    const char *text =
        "Caf"
        "e\xcc\x81"
        " au\xc2\xa0lait\xe2\x80\x89"
        "co\xc3\xbbte 3\xc2\xa0\xe2\x82\xac.\r\n"
        "\tZelensky\xe2\x80\x99s \xe2\x80\x9cplan\xe2\x80\x9d \xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd "
        "(U.S.) can\xe2\x80\x99t\xe2\x80\xa6 http://x.org/\xc3\xa9? ok!";
    seg g;
    run(&g, text);
    check_offsets(&g, 1);
    const sr_token *cafe = find(&g, "Caf\xc3\xa9", NULL);
    assert_non_null(cafe); /* the form is NFC, the span covers the NFD bytes */
    assert_int_equal(cafe->end - cafe->start, 6);
    assert_non_null(find(&g, "au", NULL));
    assert_non_null(find(&g, "lait", NULL)); /* NBSP splits */
    assert_non_null(find(&g, "co\xc3\xbbte", NULL));
    done(&g);
}

static void test_paragraphs(void **state)
{
    (void)state;
    const char *text = "First para here.\n\nSecond para.  Still second.\n \n\nThird";
    seg g;
    run(&g, text);
    assert_int_equal(g.ns, 4);
    assert_true(find(&g, "First", NULL)->flags & SR_TOK_PARA_START);
    assert_true(find(&g, "Second", NULL)->flags & SR_TOK_PARA_START);
    assert_false(find(&g, "Still", NULL)->flags & SR_TOK_PARA_START);
    assert_false(find(&g, "here", NULL)->flags & SR_TOK_PARA_START);
    assert_true(find(&g, "Third", NULL)->flags & SR_TOK_PARA_START);
    done(&g);
}

static void test_line_items(void **state)
{
    (void)state;
    /* A heading line and scraped debris are sentences of their own. */
    expect("Advertising\nThe talks went on.\nParts of the plan\nTrump met Putin.",
           "Advertising || The|talks|went|on|. || Parts|of|the|plan || Trump|met|Putin|.");
}

static void test_empty(void **state)
{
    (void)state;
    seg g;
    run(&g, "");
    assert_int_equal(g.ns, 0);
    done(&g);
    run_with(&g, NULL, NULL, 0);
    assert_int_equal(g.ns, 0);
    done(&g);
    run(&g, " \t\n\r\n  \xc2\xa0\xe2\x80\x83\n");
    assert_int_equal(g.ns, 0);
    done(&g);
}

/* Control characters separate words like spaces; invalid UTF-8 does no harm. */
static void test_control_characters(void **state)
{
    (void)state;
    char text[256];
    size_t n = 0;
    const char *parts[] = {"Hello",   "\x01\x02", "world", "\x7f",  ".",
                           "\x1b[0m", "Again",    "\x00",  "x\x0b", "y"};
    size_t lens[] = {5, 2, 5, 1, 1, 4, 5, 1, 2, 1};
    for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++) {
        memcpy(text + n, parts[i], lens[i]);
        n += lens[i];
    }
    seg g;
    run_with(&g, NULL, text, n);
    check_offsets(&g, 1);
    for (size_t i = 0; i < g.ns; i++)
        for (uint32_t j = 0; j < g.s[i].ntokens; j++)
            for (const char *p = g.s[i].tokens[j].form; *p; p++)
                assert_true((unsigned char)*p >= 0x20 && *p != 0x7f);
    assert_non_null(find(&g, "Hello", NULL));
    assert_non_null(find(&g, "world", NULL));
    done(&g);
    /* Invalid UTF-8 (the readers refuse it, but be defensive). */
    const char bad[] = "ab\xff\xfe cd\xc3 \xe2\x82 ef\xf0\x9f\x91 g.";
    run_with(&g, NULL, bad, sizeof bad - 1);
    check_offsets(&g, 0);
    assert_true(g.ns >= 1);
    done(&g);
}

/* A 10 MB text with no full stop: finishes, sentences capped, offsets valid. */
static void test_huge_without_stop(void **state)
{
    (void)state;
    size_t cap = 10u << 20, n = 0;
    char *text = malloc(cap + 64);
    assert_non_null(text);
    const char *words[] = {"security ",
                           "guarantees, ",
                           "Ukraine ",
                           "and ",
                           "the ",
                           "talks; ",
                           "\xe2\x80\x9cwar\xe2\x80\x9d ",
                           "NATO\n",
                           "(2025) "};
    unsigned x = 12345;
    while (n < cap) {
        x = x * 1103515245u + 12345u;
        const char *w = words[(x >> 16) % (sizeof words / sizeof words[0])];
        size_t l = strlen(w);
        memcpy(text + n, w, l);
        n += l;
    }
    seg g;
    run_with(&g, NULL, text, n);
    assert_true(g.ns > 1000);
    check_offsets(&g, 0);
    done(&g);
    /* One chunk of 2 MB without any space, of punctuation and dotted words. */
    for (size_t i = 0; i < (2u << 20); i++)
        text[i] = "a.b-c(("[i % 7];
    run_with(&g, NULL, text, 2u << 20);
    check_offsets(&g, 0);
    done(&g);
    free(text);
}

static sr_segmenter *load_model(void)
{
    sr_error err;
    sr_segmenter *m = sr_segmenter_load(SR_SOURCE_DIR "/data/models/segment.bin", &err);
    if (!m)
        print_error("%s\n", err.msg);
    return m;
}

/* Random texts made of tricky pieces: never a crash, always valid offsets. */
static void test_random_junk(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        ".",
        "..",
        "'",
        "\xe2\x80\x99",
        "-",
        "--",
        "http://",
        "www.",
        "@",
        "#",
        "1",
        "9,",
        "3.5",
        "a",
        "Z",
        "word",
        "U.S.",
        "n't",
        "'s",
        "(",
        ")",
        "\"",
        "\xe2\x80\xa6",
        "\xc2\xa0",
        "e\xcc\x81",
        "\xf0\x9f\x91\x8d",
        "\x01",
        "\x7f",
        "\xff",
        "\xc3",
        "\xc0\x80",
        "\xed\xa0\x80",
        " ",
        "\n",
        "\n\n",
        "\t",
        "Gen.",
        "No.",
        "/",
        ":",
        "?!",
        "$",
        "%",
        "\xe2\x80\x94",
        "com",
        "e-",
        "cannot",
        ":)",
    };
    size_t npieces = sizeof pieces / sizeof pieces[0];
    sr_segmenter *m = load_model();
    char *text = malloc(8192);
    unsigned x = 42;
    for (int round = 0; round < 400; round++) {
        size_t n = 0;
        x = x * 1103515245u + 12345u;
        int count = (int)((x >> 16) % 300);
        for (int i = 0; i < count; i++) {
            x = x * 1103515245u + 12345u;
            const char *p = pieces[(x >> 16) % npieces];
            size_t l = strlen(p);
            memcpy(text + n, p, l);
            n += l;
        }
        int valid = sr_utf8_valid_prefix(text, n) == n;
        seg g;
        run_with(&g, (round & 1) ? m : NULL, text, n);
        check_offsets(&g, valid);
        done(&g);
    }
    free(text);
    sr_segmenter_free(m);
}

/* ------------------------------------------------------------------ */
/* The seed article and the boundary model.                           */

#define SEED SR_SHARED_DIR "/seed/nato-security-guarantees.txt"

/* Whether the seed article (outside this repository, in ../shared) is there. */
static int have_seed(void)
{
    return access(SEED, R_OK) == 0;
}

static char *read_seed(size_t *len)
{
    sr_error err;
    char *text = sr_read_file(SEED, len, &err);
    if (!text)
        print_error("%s\n", err.msg);
    return text;
}

/* The sentence whose first token is `form`, or -1. */
static long sentence_starting(const seg *g, const char *form)
{
    for (size_t i = 0; i < g->ns; i++)
        if (!strcmp(g->s[i].tokens[0].form, form))
            return (long)i;
    return -1;
}

/* The seed article, segmented with model m (or rules only when NULL). */
static void check_seed(const sr_segmenter *m)
{
    size_t len;
    char *text = read_seed(&len);
    assert_non_null(text);
    seg g;
    run_with(&g, m, text, len);
    check_offsets(&g, 1);
    /* "Advertising" is a sentence of its own. */
    long adv = sentence_starting(&g, "Advertising");
    assert_true(adv >= 0);
    assert_int_equal(g.s[adv].ntokens, 1);
    /* "... Admiral Giuseppe Kava -Dragon." ends a sentence. */
    size_t si = 0;
    const sr_token *dragon = find(&g, "Dragon", &si);
    assert_non_null(dragon);
    const sr_sentence *s = &g.s[si];
    assert_string_equal(s->tokens[s->ntokens - 1].form, ".");
    assert_string_equal(s->tokens[s->ntokens - 2].form, "Dragon");
    assert_string_equal(s->tokens[s->ntokens - 3].form, "-");
    assert_string_equal(s->tokens[s->ntokens - 4].form, "Kava");
    /* The heading is a sentence of its own. */
    long head = sentence_starting(&g, "Parts");
    assert_true(head >= 0);
    assert_int_equal(g.s[head].ntokens, 4);
    /* No sentence starts right after a title or a title-like word. */
    const char *titles[] = {"Admiral", "General", "President", "Minister", "Adm.",
                            "Lt.",     "Col.",    "Gen.",      "Dr.",      "Mr."};
    for (size_t i = 1; i < g.ns; i++) {
        const sr_sentence *prev = &g.s[i - 1];
        const char *last = prev->tokens[prev->ntokens - 1].form;
        for (size_t t = 0; t < sizeof titles / sizeof titles[0]; t++)
            assert_string_not_equal(last, titles[t]);
    }
    done(&g);
    free(text);
}

static void test_seed_article(void **state)
{
    (void)state;
    if (!have_seed())
        skip();
    check_seed(NULL);
}

static void test_seed_article_with_model(void **state)
{
    (void)state;
    sr_segmenter *m = load_model();
    assert_non_null(m);
    if (have_seed())
        check_seed(m);
    /* Titles never end a sentence, with or without a model. */
    seg g;
    const char *text = "They met Lt. Col. John Smith and Adm. Giuseppe Cavo Dragone in the U.S. "
                       "President Trump agreed. It ended.";
    run_with(&g, m, text, strlen(text));
    check_offsets(&g, 1);
    assert_true(sentence_starting(&g, "Col.") < 0);
    assert_true(sentence_starting(&g, "John") < 0);
    assert_true(sentence_starting(&g, "Giuseppe") < 0);
    assert_true(sentence_starting(&g, "It") >= 0);
    assert_true(sentence_starting(&g, "President") < 0);
    done(&g);
    /* A score after a name runs on into the sentence's lower-case words. */
    text = "Real Madrid beat Bayern Munich 2-1 to reach the final. Then 2 fans fell.";
    run_with(&g, m, text, strlen(text));
    assert_int_equal(g.ns, 2);
    assert_true(sentence_starting(&g, "Then") >= 0);
    done(&g);
    sr_segmenter_free(m);
}

/* A missing or malformed model file is refused with a message naming it. */
static void test_model_errors(void **state)
{
    (void)state;
    sr_error err;
    assert_null(sr_segmenter_load("/nonexistent/segment.bin", &err));
    assert_true(err.msg[0] != 0);
    char path[] = "/tmp/sr_segment_badXXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "wb");
    fputs("SRSEGMDL\x01\x00\x00\x00garbage", f);
    fclose(f);
    assert_null(sr_segmenter_load(path, &err));
    assert_non_null(strstr(err.msg, path));
    remove(path);
}

/* 1500 words without a stop become sentences of at most 500, cut at a comma. */
static void test_long_sentence_cap(void **state)
{
    (void)state;
    size_t n = 0;
    char *text = malloc(20000);
    for (int i = 0; i < 1500; i++)
        n += (size_t)sprintf(text + n, i % 40 == 39 ? "word, " : "word ");
    seg g;
    run_with(&g, NULL, text, n);
    assert_true(g.ns >= 3);
    check_offsets(&g, 1);
    /* Cut after a comma where one is near. */
    const sr_sentence *s = &g.s[0];
    assert_string_equal(s->tokens[s->ntokens - 1].form, ",");
    done(&g);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_abbreviations),
        cmocka_unit_test(test_news_abbreviations),
        cmocka_unit_test(test_wrapped_lines),
        cmocka_unit_test(test_initials),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_quotes),
        cmocka_unit_test(test_clitics),
        cmocka_unit_test(test_dashes),
        cmocka_unit_test(test_ellipses),
        cmocka_unit_test(test_urls),
        cmocka_unit_test(test_kava_dragon),
        cmocka_unit_test(test_offsets_mixed),
        cmocka_unit_test(test_paragraphs),
        cmocka_unit_test(test_line_items),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_control_characters),
        cmocka_unit_test(test_huge_without_stop),
        cmocka_unit_test(test_random_junk),
        cmocka_unit_test(test_seed_article),
        cmocka_unit_test(test_seed_article_with_model),
        cmocka_unit_test(test_model_errors),
        cmocka_unit_test(test_long_sentence_cap),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
