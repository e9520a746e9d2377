/*
** sitrep.h: the public interface of libsitrep.
**
** sitrep reads news articles and writes event data: who did what to whom,
** when and where, coded in the CAMEO and PLOVER ontologies, with the byte
** span of the input that supports every field.
**
** Usage (tests/api/test_header_example.c compiles this very text):
**
**     #include <sitrep.h>
**
**     int code_one(const char *text)
**     {
**         sr_error err = {0};
**         sr_engine *e = sr_engine_open(NULL, &err);  // load data/ once
**         if (!e)
**             return fprintf(stderr, "%s\n", err.msg), -1;
**         sr_doc_meta meta = {.id = "example", .date = "2025-08-20"};
**         sr_doc *d = sr_doc_new(e, &meta, text, strlen(text));
**         if (d && sr_doc_process(d, SR_STAGE_ALL, &err) == 0) {
**             for (size_t i = 0; i < sr_doc_event_count(d); i++) {
**                 const sr_event *ev = sr_doc_event(d, i);
**                 printf("%s %s %s\n", ev->source.code, ev->cameo,
**                        ev->target.code ? ev->target.code : "-");
**             }
**             sr_write_events(stdout, d, SR_FORMAT_JSONL);
**         } else if (d) {
**             fprintf(stderr, "%s\n", err.msg);  // err.code says why
**         }
**         sr_doc_free(d);
**         sr_engine_close(e);
**         return 0;
**     }
**
** Build with `cc prog.c $(pkg-config --cflags --libs sitrep)`.
**
** An sr_engine is read-only once opened and may be shared by any number of
** threads.  An sr_doc belongs to one thread at a time; all memory that its
** processing needs lives in one arena released by sr_doc_free().
**
** Every span is a pair of byte offsets [start, end) into the document text
** exactly as it was handed to sr_doc_new().
*/
#ifndef SITREP_H
#define SITREP_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SR_VERSION "0.1.0"

/* Marks the functions of the interface: everything else in the library is hidden. */
#if defined(__GNUC__)
#define SR_API __attribute__((visibility("default")))
#else
#define SR_API
#endif

/*
** What kind of failure an sr_error reports.  Every failure that input can
** cause is returned, never fatal: a library must not abort its host.
*/
typedef enum sr_status {
    SR_OK = 0,
    SR_ERR_INVALID,   /* the input is not usable (bad encoding, malformed record, ...) */
    SR_ERR_TOO_LARGE, /* a record, line or page is over a size or depth limit */
    SR_ERR_NOMEM,     /* out of memory: the record was dropped, the caller may go on */
    SR_ERR_IO,        /* a file could not be opened, read or written */
    SR_ERR_DATA       /* the data directory, a model or a database is unusable */
} sr_status;

/* An error message returned to the caller; empty when there is none. */
typedef struct sr_error {
    char msg[512];
    int code; /* sr_status */
} sr_error;

/* "ok", "invalid", "too-large", "nomem", "io", "data"; NULL for an unknown value. */
SR_API const char *sr_status_name(int code);

/* A byte range [start, end) of the document text. */
typedef struct sr_span {
    uint32_t start, end;
} sr_span;

/* Universal POS tags, in the order of the UD guidelines. */
typedef enum sr_upos {
    SR_UPOS_NONE = 0,
    SR_UPOS_ADJ,
    SR_UPOS_ADP,
    SR_UPOS_ADV,
    SR_UPOS_AUX,
    SR_UPOS_CCONJ,
    SR_UPOS_DET,
    SR_UPOS_INTJ,
    SR_UPOS_NOUN,
    SR_UPOS_NUM,
    SR_UPOS_PART,
    SR_UPOS_PRON,
    SR_UPOS_PROPN,
    SR_UPOS_PUNCT,
    SR_UPOS_SCONJ,
    SR_UPOS_SYM,
    SR_UPOS_VERB,
    SR_UPOS_X,
    SR_UPOS_COUNT
} sr_upos;

/* "ADJ", "ADP", ... ; "_" for SR_UPOS_NONE. */
SR_API const char *sr_upos_name(int upos);
/* The tag named by s, or SR_UPOS_NONE. */
SR_API int sr_upos_from_name(const char *s);

/*
** One syntactic word of a sentence.  The segmenter fills start, end, form
** and space_after; the tagger upos, xpos and feats; the lemmatizer lemma;
** the parser head and deprel.  Strings are NUL-terminated and owned by the
** document (or by the engine's models for tag and relation names).
*/
typedef struct sr_token {
    uint32_t start, end; /* bytes of the original text this word covers */
    const char *form;    /* the word, NFC-normalized */
    const char *lemma;   /* NULL until lemmatized */
    const char *xpos;    /* Penn Treebank tag; NULL until tagged */
    const char *feats;   /* UD features "A=x|B=y", or NULL for none */
    const char *deprel;  /* UD relation; NULL until parsed */
    int32_t head;        /* 1-based index of the head, 0 for root, -1 unparsed */
    uint8_t upos;        /* sr_upos */
    uint8_t space_after; /* 1 when whitespace follows in the text */
    uint16_t flags;      /* SR_TOK_* */
} sr_token;

#define SR_TOK_PARA_START 0x1 /* first word of a paragraph */
#define SR_TOK_URL 0x2        /* URL, e-mail address or handle */

/* One sentence: a run of tokens and the text span they come from. */
typedef struct sr_sentence {
    sr_span span;
    sr_token *tokens;
    uint32_t ntokens;
} sr_sentence;

/* An actor as coded in an event. */
typedef struct sr_actor {
    const char *code;   /* CAMEO actor code, e.g. "RUSGOV" */
    const char *name;   /* canonical name, e.g. "Russia" */
    const char *entity; /* knowledge-base id, or NULL */
    sr_span span;       /* the mention in the text */
} sr_actor;

/* How precisely an event's date is known (sr_event.date_precision). */
typedef enum sr_date_precision {
    SR_DATE_NONE = 0,    /* no date: the document has none */
    SR_DATE_PUBLICATION, /* the document's date, nothing in the text said otherwise */
    SR_DATE_YEAR,        /* date is the first day of the year */
    SR_DATE_MONTH,       /* date is the first day of the month */
    SR_DATE_WEEK,        /* date is the Monday of the week */
    SR_DATE_DAY
} sr_date_precision;
/* "publication", "year", "month", "week", "day"; NULL for SR_DATE_NONE. */
const char *sr_date_precision_name(int p);

/* How precisely an event's place is known (sr_place.precision). */
typedef enum sr_place_precision {
    SR_PLACE_NONE = 0,
    SR_PLACE_EXACT,  /* the event's own place, from the tree ("attacks on Sumy") */
    SR_PLACE_NEAR,   /* a place named in the event's sentence, not tied to the trigger */
    SR_PLACE_REGION, /* a region (state, province): no point coordinates */
    SR_PLACE_COUNTRY /* a country only: lat/lon are NaN, never a centroid */
} sr_place_precision;
/* "exact", "near", "region", "country"; NULL for SR_PLACE_NONE. */
const char *sr_place_precision_name(int p);

/* The place of an event; name is NULL when it has none. */
typedef struct sr_place {
    const char *name;    /* canonical name, e.g. "Odesa" */
    const char *country; /* ISO 3166-1 alpha-3, e.g. "UKR", or NULL */
    const char *admin1;  /* ISO 3166-2 code of the first-level division, or NULL */
    const char *feature; /* "city", "admin1", "country" */
    int64_t geonames;    /* GeoNames id, 0 when unknown */
    double lat, lon;     /* degrees; NaN when unknown */
    sr_span span;        /* the place as written */
    uint8_t precision;   /* sr_place_precision */
    const char *fips;    /* FIPS 10-4 country code, as GDELT writes it ("UP" for
                            Ukraine, "GZ" for Gaza), or NULL when FIPS has none */
} sr_place;

/* What a number in the text counts (sr_count.what). */
typedef enum sr_count_kind {
    SR_COUNT_NONE = 0,
    SR_COUNT_KILLED,
    SR_COUNT_INJURED,
    SR_COUNT_CASUALTIES,
    SR_COUNT_MISSING,
    SR_COUNT_CAPTURED,
    SR_COUNT_DISPLACED,
    SR_COUNT_ARRESTED,
    SR_COUNT_PROTESTERS,
    SR_COUNT_UNITS, /* things: drones, missiles, troops */
    SR_COUNT_KIND_COUNT
} sr_count_kind;
/* "killed", "injured", ...; NULL for SR_COUNT_NONE. */
const char *sr_count_kind_name(int k);

/* How a count is bounded (sr_count.qual). */
enum { SR_QUAL_EXACT = 0, SR_QUAL_MIN, SR_QUAL_MAX, SR_QUAL_APPROX };
/* "exact", "min" (at least), "max" (up to), "approx". */
const char *sr_count_qual_name(int q);

/* One number of the text and what it counts. */
typedef struct sr_count {
    int64_t n;
    const char *of;    /* who or what is counted: "civilians", "children", "drones", or NULL */
    int32_t subset_of; /* index in the same sr_size of the count this one is part of, or -1 */
    sr_span span;      /* the number with its qualifier and noun */
    uint8_t what;      /* sr_count_kind */
    uint8_t qual;      /* SR_QUAL_* */
} sr_count;

/* The size of an event: every count attached to it. */
typedef struct sr_size {
    const sr_count *counts;
    uint32_t ncounts;
} sr_size;

/* One coded event. */
typedef struct sr_event {
    char id[17];       /* stable id: 16 hex digits, the same for the same input */
    uint32_t sentence; /* index of the sentence in the document */
    sr_actor source;
    sr_actor target;            /* target.code is NULL when there is no target */
    const char *cameo;          /* CAMEO event code, e.g. "042" */
    const char *plover;         /* PLOVER event type, e.g. "CONSULT" */
    const char *plover_mode;    /* PLOVER mode, or NULL */
    const char *plover_context; /* PLOVER context ("military", "diplomatic"), or NULL */
    int quad_class;   /* 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict */
    double goldstein; /* Goldstein scale, -10..+10 */
    sr_span trigger;  /* the words that express the event */
    const char *rule; /* the lexicon entry and rules that coded it ("FILE:LINE ...") */
    const char *modality; /* "asserted", "negated", "future", "conditional", "intended" */
    double confidence;    /* 0..1, see docs/verb-format.md */
    /* Attributes, filled by the attribute stage after coding (src/attr). */
    const char *date;       /* YYYY-MM-DD (first day of a week, month, year), or NULL */
    sr_span date_span;      /* the expression that set the date; empty for the publication date */
    uint8_t date_precision; /* sr_date_precision */
    sr_place place;
    sr_size size;
    int32_t quote;                /* index of the quote that carries the event, or -1 */
    const char *source_code_orig; /* set when the place changed source.code ("police" in
                                     Belgrade: SRBCOP): the code before; else NULL */
    const char *target_code_orig; /* the same for target.code ("students": ---EDU) */
} sr_event;

/* A quotation: direct (in quote marks) or reported ("X said that ..."). */
typedef struct sr_quote {
    uint32_t sentence; /* sentence of the attribution */
    uint8_t direct;    /* 1 direct, 0 reported speech */
    sr_span span;      /* the quoted words, quote marks excluded */
    int32_t speaker;   /* index of the speaker's actor mention, or -1 */
    const char *speaker_code, *speaker_name, *speaker_entity; /* NULL when unknown */
    sr_span speaker_span;
    sr_span verb;       /* the speech verb ("said", "wrote"); empty when none */
    const char *medium; /* canonical medium ("Telegram", "X", "press conference"), or NULL */
    sr_span medium_span;
} sr_quote;

/* ------------------------------------------------------------------ */
/* Engine: models and dictionaries, loaded once, shared by threads.   */

typedef struct sr_engine sr_engine;

/*
** Load the engine from data_dir (NULL: $SITREP_DATA, else the build's data/).
** Returns NULL and fills err on failure.
*/
SR_API sr_engine *sr_engine_open(const char *data_dir, sr_error *err);
/*
** Like sr_engine_open, but code with the PETRARCH/TABARI dictionaries of
** dict_dir (its *verbs*.txt or CAMEO*.txt verb file, *actors*.txt and
** *agents*.txt) instead of sitrep's lexicon and knowledge base.
*/
SR_API sr_engine *sr_engine_open_dictionaries(const char *data_dir, const char *dict_dir,
                                              sr_error *err);
SR_API void sr_engine_close(sr_engine *e);
/* The data directory the engine was loaded from. */
SR_API const char *sr_engine_data_dir(const sr_engine *e);

/* Which stages sr_doc_process runs. */
#define SR_STAGE_SEGMENT 0x1
#define SR_STAGE_TAG 0x2
#define SR_STAGE_PARSE 0x4
#define SR_STAGE_CODE 0x8
#define SR_STAGE_ALL 0xf

/* ------------------------------------------------------------------ */
/* Documents.                                                         */

typedef struct sr_doc sr_doc;

/* Metadata that travels with a document into every output. */
typedef struct sr_doc_meta {
    const char *id;     /* document id (required) */
    const char *date;   /* YYYY-MM-DD, or NULL when unknown */
    const char *title;  /* optional */
    const char *url;    /* optional */
    const char *source; /* optional: the publisher */
} sr_doc_meta;

/* A new document; text is copied. Returns NULL only when out of memory. */
SR_API sr_doc *sr_doc_new(const sr_engine *e, const sr_doc_meta *meta, const char *text,
                          size_t len);
SR_API void sr_doc_free(sr_doc *d);

/* Coding options of a document (before sr_doc_process). */
#define SR_OPT_NO_STATEMENTS 0x1 /* drop bare public statements (CAMEO 01x) */
/* 0x2 is reserved: it once chose a word-order baseline coder */
#define SR_OPT_TREE 0x4 /* the tree coder, which codes every document; accepted and ignored */
SR_API void sr_doc_set_options(sr_doc *d, unsigned options);

/*
** Run the stages in `stages` (SR_STAGE_*).  Returns 0, or -1 with err set:
** SR_ERR_INVALID for text that is not UTF-8, SR_ERR_DATA when events are
** asked for and the engine has no parser model, SR_ERR_NOMEM when memory ran
** out (the document is then emptied, its memory given back, and the caller
** may go on with the next one; nothing aborts).
*/
SR_API int sr_doc_process(sr_doc *d, unsigned stages, sr_error *err);

SR_API const sr_doc_meta *sr_doc_get_meta(const sr_doc *d);
SR_API const char *sr_doc_text(const sr_doc *d, size_t *len);
SR_API size_t sr_doc_sentence_count(const sr_doc *d);
SR_API const sr_sentence *sr_doc_sentence(const sr_doc *d, size_t i);
SR_API size_t sr_doc_event_count(const sr_doc *d);
SR_API const sr_event *sr_doc_event(const sr_doc *d, size_t i);
SR_API size_t sr_doc_quote_count(const sr_doc *d);
SR_API const sr_quote *sr_doc_quote(const sr_doc *d, size_t i);

/*
** A document whose words are given in a CoNLL-U file (its tokenization is
** kept; tags and trees are made afresh by sr_doc_process).  Returns NULL
** with err set when the file cannot be read or is malformed.
*/
SR_API sr_doc *sr_doc_from_conllu(const sr_engine *e, const sr_doc_meta *meta, const char *path,
                                  sr_error *err);

/* How an actor mention was found. */
enum sr_mention_kind {
    SR_MENTION_NAME = 1, /* a name of an entity in the base */
    SR_MENTION_AGENT,    /* an agent word, maybe with a country: "Russian troops" */
    SR_MENTION_TITLE,    /* a title without a name: the office holder on the date ("the US
                            president") or an earlier actor ("the minister", antecedent set) */
    SR_MENTION_PRONOUN,  /* he, she, they... resolved by coreference */
    SR_MENTION_UNKNOWN,  /* person-shaped name not in the base, coded from context */
    SR_MENTION_METONYM   /* a seat of power for its government ("the Kremlin", "Kyiv said") */
};

/* One actor mention of a processed document (SR_STAGE_CODE). */
typedef struct sr_mention {
    uint32_t sentence;    /* sentence index */
    uint32_t first, last; /* tokens [first, last) of that sentence */
    sr_span span;         /* bytes of the text */
    const char *code;     /* CAMEO actor code on the date, e.g. "RUSGOV"; never NULL
                             ("---" when the base gives none) */
    const char *name;     /* canonical name; the agent word's for an agent; the text
                             for an unknown person */
    const char *entity;   /* knowledge-base id, or NULL; for a composed agent
                             ("Russian troops") the modifier's id ("russia") */
    const char *agent;    /* knowledge-base id of the agent word ("agent-troops"), or NULL */
    const char *sector;   /* PLOVER/CAMEO sector, e.g. "GOV", or NULL */
    int32_t antecedent;   /* index of the mention this one refers back to, or -1 */
    uint8_t kind;         /* sr_mention_kind */
} sr_mention;

SR_API size_t sr_doc_mention_count(const sr_doc *d);
SR_API const sr_mention *sr_doc_mention(const sr_doc *d, size_t i);
/* "name", "agent", "title", "pronoun", "unknown"; "other" for anything else. */
SR_API const char *sr_mention_kind_name(int kind);
/*
** An event's id as a number below 2^53, so that it survives a double: the
** 16 hex digits of ev->id shifted right by 11 bits (never 0).  It is
** GLOBALEVENTID in the GDELT format and the report's id in the store.
*/
SR_API uint64_t sr_event_number(const sr_event *ev);

/* ------------------------------------------------------------------ */
/* Output.                                                            */

/* Output formats for sr_write_events. */
typedef enum sr_format {
    SR_FORMAT_JSONL = 0, /* one JSON object per event */
    SR_FORMAT_TSV,       /* one line per event, fixed columns, with header */
    SR_FORMAT_GDELT,     /* GDELT 2.0 Events columns, tab-separated */
    SR_FORMAT_PLOVER,    /* one PLOVER-style JSON record per event (no 01x statements) */
    SR_FORMAT_QUOTES     /* one JSON object per quote */
} sr_format;

/* "jsonl", "tsv", "gdelt", "plover", "quotes"; NULL for an unknown value. */
SR_API const char *sr_format_name(int fmt);
/* The format named s, or -1. */
SR_API int sr_format_from_name(const char *s);

/* Write the events of d to out. Returns 0, or -1 on a write error. */
SR_API int sr_write_events(FILE *out, const sr_doc *d, sr_format fmt);
/* Header line for formats that have one (TSV), else nothing. */
SR_API int sr_write_header(FILE *out, sr_format fmt);
/* Write the sentences and tokens of d, one token per line (sitrep segment). */
SR_API int sr_write_tokens(FILE *out, const sr_doc *d);
/* Write d in CoNLL-U, all ten columns (sitrep parse). */
SR_API int sr_write_conllu(FILE *out, const sr_doc *d);

/* ------------------------------------------------------------------ */
/* Readers: input files to article records.                           */
/*
** A reader yields one record per article: plain text (one article per
** file), JSON Lines (one article per line) or HTML (the article body of a
** scraped page).  A bad record is reported with the file, line and byte
** where the problem is, and the reader goes on with the next one.
*/

typedef enum sr_input_kind { SR_INPUT_TEXT = 0, SR_INPUT_JSONL, SR_INPUT_HTML } sr_input_kind;

/* "text", "jsonl", "html"; NULL for an unknown value. */
SR_API const char *sr_input_kind_name(int kind);
/* The input kind named by s, or -1. */
SR_API int sr_input_kind_from_name(const char *s);

/*
** The default limit on one record (a text or HTML file, a JSON line), in
** bytes.  A larger record is rejected with SR_ERR_TOO_LARGE without being
** held in memory, so the memory of a run is bounded by the limit whatever
** the size of its input.
*/
#define SR_RECORD_MAX ((size_t)16 << 20)

/* Defaults applied to records that do not carry their own. */
typedef struct sr_reader_defaults {
    const char *id;   /* document id for text/HTML input; NULL: the file's base name */
    const char *date; /* YYYY-MM-DD for records without a date; NULL: none */
    size_t max_bytes; /* limit on one record; 0: SR_RECORD_MAX */
} sr_reader_defaults;

/* One article; every string is malloc'd and owned by the record. */
typedef struct sr_record {
    char *id, *date, *title, *url, *source;
    char *text;
    size_t len;
    size_t line;   /* line of the input file where the record starts */
    char *warning; /* a non-fatal note about the record (e.g. "no date"), or NULL */
} sr_record;

typedef struct sr_reader sr_reader;

/*
** Open path ("-" for stdin).  Returns NULL with err set if it cannot be
** read, or is a directory.
*/
SR_API sr_reader *sr_reader_open(const char *path, sr_input_kind kind,
                                 const sr_reader_defaults *defaults, sr_error *err);
/*
** Read from an open stream f, named `name` in messages; f stays the
** caller's (sr_reader_close does not close it).
*/
SR_API sr_reader *sr_reader_open_stream(FILE *f, const char *name, sr_input_kind kind,
                                        const sr_reader_defaults *defaults, sr_error *err);
/*
** Next record: 1 and rec filled; 0 at end of input; -1 when a record was
** rejected (err names file, line and byte; call again for the next one).
*/
SR_API int sr_reader_next(sr_reader *r, sr_record *rec, sr_error *err);
SR_API void sr_record_clear(sr_record *rec);
SR_API void sr_reader_close(sr_reader *r);

/* 1 when s is a valid calendar date YYYY-MM-DD. */
SR_API int sr_date_valid(const char *s);

/* ------------------------------------------------------------------ */
/* Knowledge base of actors.                                          */

typedef struct sr_kb sr_kb;

/* The engine's knowledge base. */
SR_API const sr_kb *sr_engine_kb(const sr_engine *e);

/* One resolved name (sr_kb_lookup). Strings live in the base or in buf. */
typedef struct sr_kb_match {
    const char *entity; /* id; for a composed agent ("Russian troops") the modifier's */
    const char *agent;  /* id of the agent word, or NULL */
    const char *name;   /* canonical name */
    const char *type;   /* "person", "country", "agent"... */
    const char *code;   /* actor code on the date */
    const char *sector; /* "" when none */
    const char *title;  /* title of the role valid on the date, or NULL */
    char role_from[12], role_to[12]; /* its dates, YYYY-MM-DD, "" when open or no role */
    const char *how;                 /* "exact", "name", "title", "agent", "coref", "unknown" */
    char buf[64], namebuf[128];
} sr_kb_match;

/*
** Resolve one name as a news text would write it ("Vladimir Putin",
** "Russian troops", "the US president", "Zelenskiy") on date (YYYY-MM-DD
** or NULL).  Returns 1 and fills m when it resolves, else 0.
*/
SR_API int sr_kb_lookup(const sr_kb *kb, const char *name, const char *date, sr_kb_match *m);
/*
** Like sr_kb_lookup, printing the result as one JSON object:
** {"name":..., "match":{...}} or {"name":..., "match":null}.  Returns 1 if matched.
*/
SR_API int sr_kb_lookup_json(const sr_kb *kb, const char *name, const char *date, FILE *out);
/*
** Validate the .kb files of data_dir/kb (NULL: the default data folder):
** duplicate ids, overlapping roles with different codes, bad dates,
** unknown keys, missing required fields.  Each problem is written to
** errors as "file:line: message".  Returns the number of problems (or -1
** when the folder cannot be read, with a message on errors).
*/
SR_API int sr_kb_check(const char *data_dir, FILE *errors);
/*
** Compile the .kb files of data_dir/kb into out_path (NULL: the cache the
** engine uses).  Problems in the sources are written to errors (may be
** NULL) as "file:line: message".  Returns the number of problems, or -1
** with err set.
*/
SR_API int sr_kb_compile(const char *data_dir, const char *out_path, FILE *errors, sr_error *err);

/* ------------------------------------------------------------------ */
/* SQLite store.                                                      */

typedef struct sr_store sr_store;

/*
** Open or create the database at path (schema: docs/store-format.md),
** upgrading one written by an older sitrep.  A database of a newer
** version, or not sitrep's, is refused and left as it was.
*/
SR_API sr_store *sr_store_open(const char *path, sr_error *err);
/*
** Store d's reports (replacing any document with the same id) in one
** transaction.  They join happenings when the store is merged.
*/
SR_API int sr_store_put(sr_store *s, const sr_doc *d, sr_error *err);
/*
** Merge the reports stored since the last merge into happenings (the
** events table).  The result depends only on the reports in the database,
** not on the order or the runs they came in.  0, or -1 with err set.
*/
SR_API int sr_store_merge(sr_store *s, sr_error *err);
/* What sr_store_export_gdelt writes. */
typedef enum sr_export_table {
    SR_EXPORT_EVENTS = 0, /* GDELT 2.0 Events: one row per happening, with NumMentions,
                             NumSources and NumArticles; GLOBALEVENTID is events.id */
    SR_EXPORT_MENTIONS    /* GDELT 2.0 Mentions: one row per report, with its happening's id */
} sr_export_table;
/*
** Write the database's happenings or reports as GDELT 2.0 tab-separated
** rows (after merging what is left to merge).  0, or -1 with err set.
*/
SR_API int sr_store_export_gdelt(sr_store *s, FILE *out, int table, sr_error *err);
/* Merge what is left to merge (errors are lost: call sr_store_merge first) and close. */
SR_API void sr_store_close(sr_store *s);

#ifdef __cplusplus
}
#endif
#endif /* SITREP_H */
