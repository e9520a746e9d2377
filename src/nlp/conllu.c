/*
** conllu.c: CoNLL-U reader and writer (see conllu.h).
**
** The reader takes the file line by line with util's bounded line reader
** (so neither a huge line nor an endless stream holds unbounded memory)
** and builds each sentence's words in a growable malloc'd vector, copying
** them into the arena when the sentence ends.  Every malformed line is
** reported with its file name and line number; nothing is guessed.
*/
#include "nlp/conllu.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "util/lines.h"
#include "util/util.h"

/* The longest line read (a sentence's "# text" or one word's columns). */
#define CONLLU_LINE_MAX ((size_t)1 << 20)

#define CONLLU_COLUMNS 10

/* The state of a read in progress. */
typedef struct conllu_reader {
    const char *path;
    sr_arena *a;
    sr_error *err;
    size_t line;     /* 1-based number of the line being read */
    sr_token *words; /* words of the current sentence (malloc'd) */
    size_t nwords, capwords;
    const char *text;    /* "# text" of the current sentence, or NULL */
    long mwt_last;       /* last word id of the open multiword token, or 0 */
    int mwt_space_after; /* that token's space_after */
    sr_sentence *sents;  /* finished sentences (malloc'd) */
    const char **texts;
    size_t nsents, capsents;
} conllu_reader;

/* Report a malformed line. Always returns -1. */
static int conllu_fail(conllu_reader *r, const char *what, const char *detail)
{
    return sr_error_set(r->err, "%s:%zu: %s%s%s", r->path, r->line, what, detail ? ": " : "",
                        detail ? detail : "");
}

/* Parse a decimal number that fills all of s; -1 when s is not one. */
static long parse_index(const char *s)
{
    if (*s < '0' || *s > '9')
        return -1;
    long v = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || v > 100000000)
            return -1;
        v = v * 10 + (*s - '0');
    }
    return v;
}

/* 1 when the MISC column says SpaceAfter=No. */
static int misc_no_space(const char *misc)
{
    for (const char *p = misc; (p = strstr(p, "SpaceAfter=No")) != NULL; p++) {
        int starts = p == misc || p[-1] == '|';
        int ends = p[13] == '\0' || p[13] == '|';
        if (starts && ends)
            return 1;
    }
    return 0;
}

/* An arena copy of a column, or NULL for "_" when underscore_is_null. */
static const char *column_str(conllu_reader *r, const char *s, int underscore_is_null)
{
    if (underscore_is_null && strcmp(s, "_") == 0)
        return NULL;
    return sr_arena_strdup(r->a, s);
}

/*
** Give every word the byte offsets of its form within text, scanning left
** to right; a word that cannot be found keeps start = end = 0.
*/
static void align_offsets(sr_token *w, size_t n, const char *text)
{
    size_t cur = 0, len = strlen(text);
    for (size_t i = 0; i < n; i++) {
        size_t flen = strlen(w[i].form);
        size_t at = cur;
        while (at < len && (text[at] == ' ' || text[at] == '\t'))
            at++;
        if (flen == 0 || at + flen > len || memcmp(text + at, w[i].form, flen) != 0) {
            const char *hit = flen ? strstr(text + cur, w[i].form) : NULL;
            if (!hit)
                continue;
            at = (size_t)(hit - text);
        }
        w[i].start = (uint32_t)at;
        w[i].end = (uint32_t)(at + flen);
        cur = at + flen;
    }
}

/* Close the current sentence (if it has words): check heads, copy it out. */
static int finish_sentence(conllu_reader *r)
{
    if (r->nwords == 0) {
        r->text = NULL;
        r->mwt_last = 0;
        return 0;
    }
    for (size_t i = 0; i < r->nwords; i++)
        if (r->words[i].head > (int32_t)r->nwords)
            return sr_error_set(r->err,
                                "%s:%zu: word %zu has head %d beyond the sentence's %zu words",
                                r->path, r->line, i + 1, r->words[i].head, r->nwords);
    if (r->mwt_last)
        return conllu_fail(r, "multiword token extends past the end of the sentence", NULL);
    if (r->nsents == r->capsents) {
        size_t cap = r->capsents ? r->capsents * 2 : 1024;
        sr_sentence *s = realloc(r->sents, cap * sizeof *s);
        const char **t = s ? realloc(r->texts, cap * sizeof *t) : NULL;
        if (s)
            r->sents = s;
        if (t)
            r->texts = t;
        if (!s || !t)
            return sr_error_set(r->err, "%s: out of memory", r->path);
        r->capsents = cap;
    }
    sr_sentence *s = &r->sents[r->nsents];
    s->ntokens = (uint32_t)r->nwords;
    s->tokens = sr_arena_alloc(r->a, r->nwords * sizeof *s->tokens);
    memcpy(s->tokens, r->words, r->nwords * sizeof *s->tokens);
    s->span.start = 0;
    s->span.end = r->text ? (uint32_t)strlen(r->text) : 0;
    if (r->text)
        align_offsets(s->tokens, s->ntokens, r->text);
    r->texts[r->nsents] = r->text ? r->text : "";
    r->nsents++;
    r->nwords = 0;
    r->text = NULL;
    return 0;
}

/* Split line in place into exactly CONLLU_COLUMNS tab-separated columns. */
static int split_columns(conllu_reader *r, char *line, char **col)
{
    size_t n = 0;
    col[n++] = line;
    for (char *p = line; *p; p++) {
        if (*p != '\t')
            continue;
        if (n == CONLLU_COLUMNS)
            return conllu_fail(r, "more than 10 tab-separated columns", NULL);
        *p = '\0';
        col[n++] = p + 1;
    }
    if (n != CONLLU_COLUMNS)
        return conllu_fail(r, "fewer than 10 tab-separated columns", NULL);
    for (size_t i = 0; i < n; i++)
        if (col[i][0] == '\0')
            return conllu_fail(r, "empty column", NULL);
    return 0;
}

/* Handle a multiword-token line "a-b": remember its range and spacing. */
static int read_multiword(conllu_reader *r, char **col, char *dash)
{
    *dash = '\0';
    long first = parse_index(col[0]), last = parse_index(dash + 1);
    if (first < 1 || last < first || first != (long)r->nwords + 1)
        return conllu_fail(r, "bad multiword token range", NULL);
    r->mwt_last = last;
    r->mwt_space_after = !misc_no_space(col[9]);
    return 0;
}

/* Append one word line to the current sentence. */
static int read_word(conllu_reader *r, char **col)
{
    long id = parse_index(col[0]);
    if (id != (long)r->nwords + 1)
        return conllu_fail(r, "word ids must run 1, 2, 3, ... within a sentence; got", col[0]);
    sr_token t;
    memset(&t, 0, sizeof t);
    t.form = column_str(r, col[1], 0);
    t.lemma = column_str(r, col[2], 0);
    if (strcmp(col[3], "_") != 0) {
        t.upos = (uint8_t)sr_upos_from_name(col[3]);
        if (t.upos == SR_UPOS_NONE)
            return conllu_fail(r, "unknown UPOS tag", col[3]);
    }
    t.xpos = column_str(r, col[4], 1);
    t.feats = column_str(r, col[5], 1);
    t.head = strcmp(col[6], "_") == 0 ? -1 : (int32_t)parse_index(col[6]);
    if (t.head < 0 && strcmp(col[6], "_") != 0)
        return conllu_fail(r, "HEAD is not a number", col[6]);
    if (t.head == id)
        return conllu_fail(r, "word is its own head", col[6]);
    t.deprel = column_str(r, col[7], 1);
    t.space_after = !misc_no_space(col[9]);
    if (r->mwt_last) {
        /* Words inside a multiword token touch; the last takes its spacing. */
        t.space_after = id == r->mwt_last ? (uint8_t)r->mwt_space_after : 0;
        if (id == r->mwt_last)
            r->mwt_last = 0;
    }
    if (r->nwords == r->capwords) {
        size_t cap = r->capwords ? r->capwords * 2 : 256;
        sr_token *w = realloc(r->words, cap * sizeof *w);
        if (!w)
            return sr_error_set(r->err, "%s: out of memory", r->path);
        r->words = w;
        r->capwords = cap;
    }
    r->words[r->nwords++] = t;
    return 0;
}

/* Interpret one line (without its line break). */
static int read_line(conllu_reader *r, char *line)
{
    if (line[0] == '\0')
        return finish_sentence(r);
    if (line[0] == '#') {
        if (strncmp(line, "# text = ", 9) == 0)
            r->text = sr_arena_strdup(r->a, line + 9);
        return 0;
    }
    char *col[CONLLU_COLUMNS];
    if (split_columns(r, line, col) != 0)
        return -1;
    char *dash = strchr(col[0], '-');
    if (dash)
        return read_multiword(r, col, dash);
    if (strchr(col[0], '.'))
        return 0; /* an empty node of the enhanced graph */
    return read_word(r, col);
}

int sr_conllu_read_texts(const char *path, sr_arena *a, sr_sentence **sentences,
                         const char ***texts, size_t *n, sr_error *err)
{
    *sentences = NULL;
    *n = 0;
    if (texts)
        *texts = NULL;
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f)
        return sr_error_setc(err, SR_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
    sr_lines lr;
    sr_lines_init(&lr, f, CONLLU_LINE_MAX);
    conllu_reader r;
    memset(&r, 0, sizeof r);
    r.path = path;
    r.a = a;
    r.err = err;
    int rc = 0;
    while (rc == 0) {
        sr_line_status st = sr_lines_next(&lr, 1);
        r.line = (size_t)lr.line;
        if (st == SR_LINE_END)
            break;
        if (st == SR_LINE_ERROR)
            rc = sr_error_setc(err, SR_ERR_IO, "%s:%zu: read error: %s", path, r.line + 1,
                               strerror(errno));
        else if (st == SR_LINE_TOO_LONG && !lr.f)
            rc = sr_error_setc(err, SR_ERR_INVALID, "%s:%zu: binary data (NUL bytes); the file "
                               "was skipped", path, r.line);
        else if (st == SR_LINE_TOO_LONG)
            rc = sr_error_setc(err, SR_ERR_TOO_LARGE, "%s:%zu: a line of more than %zu bytes",
                               path, r.line, CONLLU_LINE_MAX);
        else if (st == SR_LINE_NOMEM)
            rc = sr_error_setc(err, SR_ERR_NOMEM, "%s:%zu: out of memory", path, r.line);
        else if (lr.pos > SR_CONLLU_MAX)
            rc = sr_error_setc(err, SR_ERR_TOO_LARGE, "%s: more than %zu bytes, over the limit",
                               path, SR_CONLLU_MAX);
        if (rc != 0)
            break;
        char *line = lr.buf;
        size_t len = lr.len;
        if (len && line[len - 1] == '\r')
            line[--len] = '\0';
        size_t valid = sr_utf8_valid_prefix(line, len);
        if (valid != len)
            rc = sr_error_setc(err, SR_ERR_INVALID, "%s:%zu: invalid UTF-8 (byte %zu)", path,
                               r.line, valid + 1);
        else if (memchr(line, '\0', len))
            rc = conllu_fail(&r, "NUL byte in line", NULL);
        else
            rc = read_line(&r, line);
    }
    if (rc == 0)
        rc = finish_sentence(&r);
    if (rc == 0 && r.nsents) {
        *sentences = sr_arena_alloc(a, r.nsents * sizeof **sentences);
        memcpy(*sentences, r.sents, r.nsents * sizeof **sentences);
        if (texts) {
            *texts = sr_arena_alloc(a, r.nsents * sizeof **texts);
            memcpy((void *)*texts, r.texts, r.nsents * sizeof **texts);
        }
        *n = r.nsents;
    }
    free(r.words);
    free(r.sents);
    free(r.texts);
    sr_lines_free(&lr);
    if (!is_stdin)
        fclose(f);
    return rc;
}

int sr_conllu_read(const char *path, sr_arena *a, sr_sentence **sentences, size_t *n, sr_error *err)
{
    return sr_conllu_read_texts(path, a, sentences, NULL, n, err);
}

/* Write s (or "_" when NULL or empty) with tabs and line breaks as spaces. */
static void write_field(FILE *out, const char *s)
{
    if (!s || !*s) {
        fputc('_', out);
        return;
    }
    for (; *s; s++)
        fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, out);
}

int sr_conllu_write_sentence(FILE *out, const sr_sentence *s, size_t index, const char *text)
{
    fprintf(out, "# sent_id = %zu\n", index + 1);
    if (text) {
        fputs("# text = ", out);
        for (const char *p = text; *p; p++) /* control characters (ESC...) too */
            fputc((unsigned char)*p < 0x20 || *p == 0x7f ? ' ' : *p, out);
        fputc('\n', out);
    }
    for (uint32_t i = 0; i < s->ntokens; i++) {
        const sr_token *t = &s->tokens[i];
        fprintf(out, "%u\t", i + 1);
        write_field(out, t->form);
        fputc('\t', out);
        write_field(out, t->lemma);
        fprintf(out, "\t%s\t", sr_upos_name(t->upos));
        write_field(out, t->xpos);
        fputc('\t', out);
        write_field(out, t->feats);
        if (t->head >= 0)
            fprintf(out, "\t%d\t", t->head);
        else
            fputs("\t_\t", out);
        write_field(out, t->deprel);
        fputs(t->space_after ? "\t_\t_\n" : "\t_\tSpaceAfter=No\n", out);
    }
    fputc('\n', out);
    return ferror(out) ? -1 : 0;
}
