/*
** seg_internal.h: private interfaces shared by the files of the segmenter.
**
** The segmenter works in three passes over the text: a scanner cuts the
** text into whitespace-free chunks and records the line breaks between
** them; the tokenizer (seg_tokenize.c) cuts each chunk into words as the
** EWT treebank does; the sentence splitter (segment.c, with the optional
** boundary model of seg_model.c) groups the words into sentences.
*/
#ifndef SR_SEG_INTERNAL_H
#define SR_SEG_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "sitrep.h"

/* What a token is, as far as sentence splitting cares. */
enum seg_kind {
    SEG_WORD = 0, /* letters, digits, clitics */
    SEG_NUMBER,   /* starts with a digit */
    SEG_ABBREV,   /* word with its full stop, e.g. "Gen." or "U.S." */
    SEG_FINAL,    /* . ! ? ... and runs of them */
    SEG_QUOTE,    /* a quotation mark */
    SEG_OPEN,     /* ( [ { < */
    SEG_CLOSE,    /* ) ] } > */
    SEG_PUNCT,    /* any other symbol or punctuation */
    SEG_URL       /* URL, e-mail address, @handle or #hashtag */
};

/* One token while segmenting: a compact record, turned into sr_token later. */
typedef struct seg_tok {
    uint32_t start, end; /* byte span in the text */
    uint16_t nl;         /* line breaks in the whitespace before the token */
    uint8_t kind;        /* enum seg_kind */
    uint8_t space;       /* whitespace (or the end of the text) follows */
    uint16_t linelen;    /* when nl == 1: bytes of the line that the break ends */
} seg_tok;

/* A growable array of seg_tok. */
typedef struct seg_toks {
    seg_tok *v;
    size_t n, cap;
} seg_toks;

/* Append t; out of memory calls sr_oom() (as the arena does). */
void sr_seg_toks_push(seg_toks *tv, seg_tok t);

/* A chunk of text between whitespace, decoded to code points. */
typedef struct seg_chunk {
    const int32_t *cp;   /* n code points */
    const uint32_t *off; /* n + 1 byte offsets into the text: off[i] is where cp[i] starts */
    size_t n;
    int32_t next; /* first code point of the next chunk, 0 at the end of the text */
} seg_chunk;

/* Cut one chunk into tokens, appended to out (nl and space are left 0). */
void sr_seg_tokenize_chunk(const seg_chunk *c, seg_toks *out);

/* Decode one code point of text[i..len), defensively: an invalid byte is U+FFFD of size 1. */
int32_t sr_seg_decode(const unsigned char *s, size_t len, size_t *adv);

/* Character classes. */
int sr_seg_is_space(int32_t c);
int sr_seg_is_letter(int32_t c); /* letters and combining marks */
int sr_seg_is_digit(int32_t c);
int sr_seg_is_upper(int32_t c);
int sr_seg_is_lower(int32_t c);

/* Lexicon lookups; s[0..n) compared case-insensitively (ASCII folding). */
int sr_seg_lex_abbrev(const char *s, size_t n);      /* "Gen", "etc" (without the dot) */
int sr_seg_lex_title(const char *s, size_t n);       /* titles before names: "Gen", "Mr" */
int sr_seg_lex_keep_prefix(const char *s, size_t n); /* "non" in "non-stop": hyphen kept */
int sr_seg_lex_tld(const char *s, size_t n);         /* "com", "org" */
int sr_seg_lex_date_abbrev(const char *s, size_t n); /* "Sat", "Mar": before a date only */
int sr_seg_lex_state_word(const char *s, size_t n);  /* "La", "Mass": before a comma only */
int sr_seg_lex_file_ext(const char *s, size_t n);    /* "pdf", "doc" */
int sr_seg_lex_starter(const char *s, size_t n);     /* words that often start a sentence */
/* For fused forms like "cannot": length of the first part, or 0. */
size_t sr_seg_lex_fused(const char *s, size_t n);

/* What the scan learns about the lines of the text. */
typedef struct seg_lines {
    size_t count;          /* lines with words */
    size_t longest;        /* bytes of the longest line */
    size_t by_length[102]; /* lines of each length in bytes; [101]: longer than 100 */
} seg_lines;

/* Pass 1 of sr_segment: tokens of the whole text, with line information. */
void sr_seg_scan(const char *text, size_t len, seg_toks *tv, seg_lines *lines);
/* Pass 2 by rule: brk[k] = 1 when a sentence ends after token k (the last token excepted). */
void sr_seg_rule_boundaries(const char *text, const seg_toks *tv, const seg_lines *lines,
                            uint8_t *brk);
/* Is the abbreviation t a title or initial, never the end of a sentence? */
int sr_seg_abbrev_binds(const char *text, const seg_tok *t);

/* ------------------------------------------------------------------ */
/* The boundary model (seg_model.c).                                  */

#define SEG_MODEL_BITS 18
#define SEG_MODEL_SIZE (1u << SEG_MODEL_BITS)
#define SEG_MODEL_MAGIC "SRSEGMDL"
#define SEG_MODEL_VERSION 1u

/* Called with the hashed index of every feature of a gap. */
typedef void (*seg_feature_fn)(void *ctx, uint32_t index);

/* The hashed description of one token, cached while walking through the gaps. */
typedef struct seg_tok_hash {
    long index; /* token index (-1: before the text) */
    int valid;
    uint64_t word, shape;
} seg_tok_hash;

/* The last few token descriptions; zero it before the first gap of a text. */
typedef struct seg_feat_cache {
    seg_tok_hash slot[4];
} seg_feat_cache;

/*
** The features of the gap after token k: its words, shapes and kinds, the
** rule's decision rule_brk, and dist (tokens since the last boundary).
*/
void sr_seg_gap_features(const char *text, const seg_toks *tv, size_t k, int rule_brk, size_t dist,
                         seg_feat_cache *cache, seg_feature_fn fn, void *ctx);

/* Does the model decide on the gap after k (same line, not forced by a blank line)? */
int sr_seg_model_gap(const char *text, const seg_toks *tv, size_t k);

/* Replace the rule's decisions within lines by the model's. */
struct sr_segmenter;
void sr_seg_model_boundaries(const struct sr_segmenter *m, const char *text, const seg_toks *tv,
                             uint8_t *brk);

/* For training: a model holding a copy of w (SEG_MODEL_SIZE weights), and saving weights. */
struct sr_segmenter *sr_seg_model_from_weights(const float *w);
int sr_seg_model_save(const float *w, const char *path, sr_error *err);

#endif
