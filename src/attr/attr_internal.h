/*
** attr_internal.h: what the files of the attribute stage share: the word
** lists of data/attr/ (attr_lex.c), walks over the dependency tree
** (attr_tree.c), calendar arithmetic, and the four parts (time, size,
** quotes, places) with their per-document entry points.
*/
#ifndef SR_ATTR_INTERNAL_H
#define SR_ATTR_INTERNAL_H

#include <stdint.h>

#include "attr/attr.h"

/* ---- word lists -------------------------------------------------- */

/* The class column of a data/attr/ word-list line; one bit each in a mask. */
enum lx_class {
    LX_MONTH,
    LX_WEEKDAY,
    LX_DAYREL,
    LX_PERIOD,
    LX_RELMOD,
    LX_PARTOFDAY,
    LX_UNIT,
    LX_AGO,
    LX_MONTHPREP,
    LX_YEARPREP,
    LX_NUM,
    LX_MULT,
    LX_QUAL,
    LX_WHAT,
    LX_WHO,
    LX_THING,
    LX_SUBSET,
    LX_SPEECH,
    LX_MEDIUM,
    LX_SECTOR,
    LX_NCLASSES
};
#define LX(c) (1u << (c))

typedef struct lx_entry {
    const char *phrase; /* lower case, words separated by one space */
    const char *arg;    /* fourth column, or NULL */
    const char *src;    /* "data/attr/time.txt:12" */
    int64_t value;      /* third column, 0 when absent */
    int32_t next;       /* next entry with the same phrase, or -1 */
    uint8_t cls;        /* lx_class */
    uint8_t nwords;
} lx_entry;

typedef struct lx_map lx_map; /* string -> int32 hash map (attr_lex.c) */

typedef struct sr_lex {
    lx_entry *entries;
    size_t n, cap;
    lx_map *phrases; /* phrase -> first entry */
    lx_map *firsts;  /* first word -> most words of a phrase starting with it */
    char **texts;    /* the file contents the strings point into */
    size_t ntexts;
} sr_lex;

/* Read one word-list file into lx; err names FILE:LINE of a bad line. */
int sr_lx_load(sr_lex *lx, const char *path, const char *label, sr_error *err);
void sr_lx_free(sr_lex *lx);
/*
** The longest phrase of a class in mask that starts at token i of s (its
** forms lower-cased, or a one-word phrase by the token's lemma); its word
** count in *nw.  NULL when none.
*/
const lx_entry *sr_lx_match(const sr_lex *lx, const sr_sentence *s, uint32_t i, uint32_t mask,
                         uint32_t *nw);
/* The entry for a phrase given as a string, or NULL. */
const lx_entry *sr_lx_get(const sr_lex *lx, const char *phrase, uint32_t mask);

/* String -> int32 hash map used by the word lists and the gazetteer. */
lx_map *sr_lx_map_new(void);
void sr_lx_map_free(lx_map *m);
/* Insert or replace; the key is copied. */
void sr_lx_map_put(lx_map *m, const char *key, size_t len, int32_t value);
/* The value of key, or -1. */
int32_t sr_lx_map_get(const lx_map *m, const char *key, size_t len);

/* ---- FIPS 10-4 country codes (attr_fips.c) ---------------------- */

/* data/attr/fips.tsv: key (ISO alpha-3, division code or name) -> FIPS code. */
typedef struct sr_fips {
    char *text;  /* the file, the codes point into */
    lx_map *map; /* key -> offset of its code in text */
} sr_fips;

/* Read data/attr/fips.tsv; err names FILE:LINE of a bad line. */
int sr_fips_load(sr_fips *f, const char *path, sr_error *err);
void sr_fips_free(sr_fips *f);
/* The FIPS code of a key as listed ("UKR" -> "UP"); NULL when unlisted or "-". */
const char *sr_fips_get(const sr_fips *f, const char *key);
/*
** The FIPS code of a place: that of its division code (admin1, "PS-GZ"),
** else of the name of a division without a code ("Gaza Strip"), else of
** its ISO alpha-3 country; NULL when none is listed or the code is "-".
** Any argument may be NULL.
*/
const char *sr_fips_of_place(const sr_fips *f, const char *country, const char *admin1,
                             const char *division_name);

/* ---- the tree ---------------------------------------------------- */

/* Index of the token holding byte off, or -1. */
int sr_tree_token_at(const sr_sentence *s, uint32_t off);
/* The token of [first, last) whose head lies outside it (the phrase's head), or -1. */
int sr_tree_span_head(const sr_sentence *s, int first, int last);
/* The token covering span sp best: the head of the tokens it overlaps; -1 if none. */
int sr_tree_span_token(const sr_sentence *s, sr_span sp);
/* 0-based head of token k, or -1 at the root or unparsed. */
int sr_tree_parent(const sr_sentence *s, int k);
/* The nearest verb at or above k (the clause k belongs to); the root if none. */
int sr_tree_clause(const sr_sentence *s, int k);
/* Steps from k up to anc, or -1 when anc does not dominate k. */
int sr_tree_depth_below(const sr_sentence *s, int anc, int k);
/*
** How token k hangs from trigger trig: the steps up to it, or
** TREE_OTHER_CLAUSE when k belongs to a clause below the trigger of its own
** (a complement, an adverbial clause, a parataxis: "said that ... on
** Monday"), TREE_UNLINKED when trig does not dominate k.
*/
#define TREE_UNLINKED (-1)
#define TREE_OTHER_CLAUSE (-2)
int sr_tree_link(const sr_sentence *s, int trig, int k);
/* 1 when token k's relation is rel or starts with "rel:". */
int sr_tree_rel_is(const sr_sentence *s, int k, const char *rel);
/* -1 past, +1 future or present (a plan), 0 unknown, for the clause of k. */
int sr_tree_tense(const sr_sentence *s, int k);
/* Index of the first actor mention of sentence si (mentions are in text order). */
size_t sr_mention_first(const sr_attr_input *in, uint32_t si);
/* Lower-case ASCII of the token's form equals w. */
int sr_tok_is(const sr_token *t, const char *w);
int sr_tok_is_punct(const sr_token *t);

/* ---- calendar ---------------------------------------------------- */

/* Days since 1970-01-01 of a civil date, and back. */
int32_t sr_cal_days(int y, int m, int d);
void sr_cal_civil(int32_t days, int *y, int *m, int *d);
/* 1 Monday .. 7 Sunday. */
int sr_cal_weekday(int32_t days);
int sr_cal_month_len(int y, int m);
/* Parse YYYY-MM-DD; 0 on success. */
int sr_cal_parse(const char *s, int32_t *days);

/* ---- the parts --------------------------------------------------- */

struct sr_gazetteer;

struct sr_attr {
    sr_lex lex;
    struct sr_gazetteer *gaz; /* places; NULL when no place table could be read */
    sr_fips fips;             /* FIPS 10-4 codes of countries (data/attr/fips.tsv) */
};

/* One date expression found in a sentence. */
typedef struct time_expr {
    uint32_t sentence;
    int first, last, head; /* tokens [first, last) and the one the tree hangs it on */
    int32_t days;          /* resolved date */
    uint8_t precision;     /* sr_date_precision */
} time_expr;

/* Find and resolve the date expressions of sentence s (index si) against pub (days). */
size_t sr_time_find(const sr_lex *lx, const sr_sentence *s, uint32_t si, int32_t pub, time_expr *out,
                 size_t cap);
/* Dates of every event. */
void sr_time_run(const sr_attr *at, const sr_attr_input *in, sr_arena *a, sr_event *ev, size_t n);

/* Counts of sentence s into out (subset_of indexes within out); returns how many. */
size_t sr_size_find(const sr_lex *lx, const sr_sentence *s, sr_count *out, int *heads, size_t cap);
void sr_size_run(const sr_attr *at, const sr_attr_input *in, sr_arena *a, sr_event *ev, size_t n);

void sr_quote_run(const sr_attr *at, const sr_attr_input *in, sr_arena *a, sr_event *ev, size_t n,
               sr_quote **quotes, size_t *nquotes);

void sr_place_run(const sr_attr *at, const sr_attr_input *in, sr_arena *a, sr_event *ev, size_t n);

#endif
