/*
** petrarch.c: importer for PETRARCH/TABARI verb dictionaries (the format
** of CAMEO.2.0.txt; PETRARCH2 docs/source/dictionaries.rst describes it).
**
**     &NAME                 a synset; "+PHRASE" lines follow ("+&OTHER"
**                           embeds another); NAME_ or PHRASE_ : no plurals
**     --- NAME [CODE] ---   a verb block; CODE is the default of its verbs
**     VERB {FORMS} [CODE]   a verb of the block; "+" marks the inflected
**                           word of a phrase (WIRE_+TAP); {FORMS} lists
**                           irregular forms, else regular ones are made
**     - WORDS * WORDS [CODE]  a pattern: "*" the verb, "_" joins words that
**                           must be adjacent, a blank allows words between,
**                           "+" target, "$" source, "%" compound actor,
**                           "^" skip, &NAME a synset, {..} and (..) group
**                           a noun or prepositional phrase
**     # ... ; ... <!-- -->  comments
**
** Codes "[---]" are the null code; a code without a digit ("[+++]") is
** no code at all (its pattern is skipped, its verb takes the block's
** code).  "[A:B]" codes A from source to target and B from target to
** source ("X arrived in Y [032:033]": Y hosts X); "[:B]" only the latter.
** Patterns that cannot be used (no "*", an undefined synset, TABARI's
** disjunctions) are counted in d->skipped, as PETRARCH ignores them too.
** Malformed lines (an unterminated code, a pattern before any verb) are
** errors naming the file and line.
*/
#include "dict/dict_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

#define MAX_ITEMS 64

enum pmode { MODE_NONE, MODE_SYNSET, MODE_BLOCK };

typedef struct pet_ctx {
    sr_verbdict *d;
    const char *path;
    const char *base; /* file name for rules */
    size_t line;
    sr_error *err;
    enum pmode mode;
    uint32_t group; /* current block, SR_NOWORD before the first */
    const char *group_code;
    const char *group_code2; /* reverse code of the block, or NULL */
    uint32_t synset;         /* synset being defined */
    int synset_noplural;
} pet_ctx;

static int pet_error(pet_ctx *c, const char *what)
{
    return sr_error_set(c->err, "%s:%zu: %s", c->path, c->line, what);
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\r')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

/* Blank out <!-- ... --> comments, keeping newlines so line numbers hold. */
static void strip_xml_comments(char *t)
{
    for (char *p = strstr(t, "<!--"); p; p = strstr(p, "<!--")) {
        char *e = strstr(p + 4, "-->");
        char *stop = e ? e + 3 : p + strlen(p);
        for (; p < stop; p++)
            if (*p != '\n')
                *p = ' ';
    }
}

/* One side of a "[A:B]" code: NULL for the null code, "" for none. */
static const char *code_value(pet_ctx *c, char *code)
{
    code = trim(code);
    if (!*code || strcmp(code, "---") == 0)
        return NULL;
    if (!strpbrk(code, "0123456789"))
        return ""; /* "[+++]", "[###]": no usable code, as if there were none */
    return sr_arena_strdup(&c->d->strings, code);
}

/*
** The code between [ and ] at or after s: NULL for the null code, "" when
** there is none.  *reverse gets B of "[A:B]" (the code of the reverse
** event, target to source), else NULL.  Sets *bad on an unterminated
** bracket.
*/
static const char *parse_code(pet_ctx *c, char *s, int *bad, const char **reverse)
{
    char *open = strchr(s, '[');
    *bad = 0;
    *reverse = NULL;
    if (!open)
        return "";
    char *close = strchr(open, ']');
    if (!close) {
        *bad = 1;
        return NULL;
    }
    *close = '\0';
    *open = '\0';
    char *code = open + 1;
    char *colon = strchr(code, ':');
    if (colon) {
        *colon = '\0';
        const char *r = code_value(c, colon + 1);
        *reverse = r && *r ? r : NULL;
        const char *a = code_value(c, code);
        return a && !*a ? NULL : a; /* "[:B]": only the reverse event */
    }
    return code_value(c, code);
}

/* Phrase words (split at blanks and '_') of s into words_of[]; returns count. */
static uint32_t add_phrase_words(sr_verbdict *d, char *s, uint32_t *start, int plural_last)
{
    uint32_t n = 0;
    *start = d->nwords_of;
    char *save = NULL;
    uint32_t last = SR_NOWORD;
    for (char *w = strtok_r(s, " \t_", &save); w; w = strtok_r(NULL, " \t_", &save)) {
        uint32_t id = sr_dict_intern_str(d, w);
        if (id == SR_NOWORD)
            continue;
        sr_dict_add_wordref(d, id);
        last = id;
        n++;
    }
    if (plural_last && n && last != SR_NOWORD) {
        /* a second phrase: the same words with the last one pluralized */
        uint32_t s2 = d->nwords_of;
        for (uint32_t i = 0; i + 1 < n; i++)
            sr_dict_add_wordref(d, d->words_of[*start + i]);
        char pl[SR_WORD_MAX + 8];
        sr_inflect_plural(d->words[last].s, pl, sizeof pl);
        uint32_t pid = sr_dict_intern_str(d, pl);
        if (pid != SR_NOWORD) {
            sr_dict_add_wordref(d, pid);
            d->phrases = sr_dict_grow(d->phrases, d->nphrases, &d->capphrases, sizeof *d->phrases);
            d->phrases[d->nphrases++] = (sr_phrase){s2, n};
        }
    }
    return n;
}

static int32_t find_synset(const sr_verbdict *d, const char *name)
{
    for (uint32_t i = 0; i < d->nsynsets; i++)
        if (strcmp(d->synsets[i].name, name) == 0)
            return (int32_t)i;
    return -1;
}

/* Synset names are kept upper-case without '&' and trailing '_'. */
static void synset_name(const char *s, char *out, size_t cap, int *noplural)
{
    size_t n = 0;
    if (*s == '&')
        s++;
    while (*s && *s != ' ' && *s != '\t' && n + 1 < cap)
        out[n++] = *s++;
    *noplural = n > 0 && out[n - 1] == '_';
    while (n > 0 && out[n - 1] == '_')
        n--;
    out[n] = '\0';
}

static void start_synset(pet_ctx *c, char *line)
{
    sr_verbdict *d = c->d;
    char name[128];
    synset_name(line, name, sizeof name, &c->synset_noplural);
    d->synsets = sr_dict_grow(d->synsets, d->nsynsets, &d->capsynsets, sizeof *d->synsets);
    d->synsets[d->nsynsets] = (sr_synset){sr_arena_strdup(&d->strings, name), d->nphrases, 0};
    c->synset = d->nsynsets++;
    c->mode = MODE_SYNSET;
}

/*
** "+PHRASE" of the synset being defined.  Phrases must be contiguous in
** phrases[] for their synset, which holds because nothing else adds
** phrases while a synset is open.
*/
static void add_synset_phrase(pet_ctx *c, char *text)
{
    sr_verbdict *d = c->d;
    sr_synset *s = &d->synsets[c->synset];
    text = trim(text);
    if (*text == '&') {
        char name[128];
        int np;
        synset_name(text, name, sizeof name, &np);
        int32_t other = find_synset(d, name);
        if (other < 0 || (uint32_t)other == c->synset) {
            d->skipped++;
            return;
        }
        uint32_t from = d->synsets[other].phrase, cnt = d->synsets[other].nphrase;
        for (uint32_t i = 0; i < cnt; i++) {
            d->phrases = sr_dict_grow(d->phrases, d->nphrases, &d->capphrases, sizeof *d->phrases);
            d->phrases[d->nphrases++] = d->phrases[from + i];
            s = &d->synsets[c->synset];
            s->nphrase++;
        }
        return;
    }
    size_t n = strlen(text);
    int noplural = c->synset_noplural || (n && text[n - 1] == '_');
    uint32_t at = d->nphrases;
    d->phrases = sr_dict_grow(d->phrases, d->nphrases, &d->capphrases, sizeof *d->phrases);
    d->nphrases++;
    uint32_t start, len = add_phrase_words(d, text, &start, !noplural);
    if (!len) {
        /* nothing usable: drop the slot (no plural was added either) */
        d->nphrases--;
        return;
    }
    d->phrases[at] = (sr_phrase){start, len};
    s = &d->synsets[c->synset];
    s->nphrase = d->nphrases - s->phrase;
}

static void start_block(pet_ctx *c, char *line)
{
    int bad;
    char *body = line + 3;
    const char *rev;
    const char *code = parse_code(c, body, &bad, &rev);
    c->group = sr_dict_add_group(c->d);
    c->group_code = (bad || (code && !*code)) ? NULL : code;
    c->group_code2 = bad ? NULL : rev;
    c->mode = MODE_BLOCK;
}

/*
** Split a verb phrase "KLM_NOP_+RST" into words; *head is the index of
** the inflected word ('+'-marked, else the first).  Returns the count.
*/
static int verb_words(char *s, char **w, int max, int *head)
{
    int n = 0;
    *head = -1;
    char *save = NULL;
    for (char *t = strtok_r(s, " \t_", &save); t && n < max; t = strtok_r(NULL, " \t_", &save)) {
        if (*t == '+') {
            t++;
            if (*head < 0)
                *head = n;
        }
        if (*t)
            w[n++] = t;
    }
    if (*head < 0 || *head >= n)
        *head = 0;
    return n;
}

/* The inflected word of each form phrase in {FORMS} becomes a form of verb. */
static void add_listed_forms(sr_verbdict *d, char *forms, uint32_t verb, int head)
{
    char *save = NULL;
    for (char *f = strtok_r(forms, " \t", &save); f; f = strtok_r(NULL, " \t", &save)) {
        char *w[MAX_ITEMS];
        int h, n = verb_words(f, w, MAX_ITEMS, &h);
        if (n == 0)
            continue;
        if (!strchr(f, '+') && n > head)
            h = head; /* no marker: the word where the verb's head stands */
        (void)n;
        sr_dict_add_form(d, sr_dict_intern_str(d, w[h]), verb);
    }
}

/* "VERB {FORMS} [CODE]": one verb of the current block. */
static int add_verb_line(pet_ctx *c, char *line)
{
    sr_verbdict *d = c->d;
    if (c->mode != MODE_BLOCK || c->group == SR_NOWORD) {
        c->group = sr_dict_add_group(d);
        c->group_code = NULL;
        c->mode = MODE_BLOCK;
    }
    int bad;
    const char *rev;
    const char *code = parse_code(c, line, &bad, &rev);
    if (bad)
        return pet_error(c, "unterminated [code]");
    if (code && !*code) {
        code = c->group_code;
        rev = c->group_code2;
    }
    char *forms = NULL, *brace = strchr(line, '{');
    if (brace) {
        char *end = strchr(brace, '}');
        if (!end)
            return pet_error(c, "unterminated {forms}");
        *end = '\0';
        *brace = '\0';
        forms = brace + 1;
    }
    char *w[MAX_ITEMS];
    int head, n = verb_words(line, w, MAX_ITEMS, &head);
    if (n == 0)
        return pet_error(c, "a verb line without a verb");
    uint32_t ids[MAX_ITEMS];
    for (int i = 0; i < n; i++)
        if ((ids[i] = sr_dict_intern_str(d, w[i])) == SR_NOWORD)
            return pet_error(c, "a verb word longer than the dictionary allows");
    sr_verb *v = sr_dict_add_verb(d);
    uint32_t vid = (uint32_t)(v - d->verbs);
    v->lemma = ids[head];
    v->group = c->group;
    v->code = code;
    v->code2 = rev;
    v->rule = sr_arena_printf(&d->strings, "%s:%zu", c->base, c->line);
    v->pre = d->nwords_of;
    for (int i = head - 1; i >= 0; i--)
        sr_dict_add_wordref(d, ids[i]);
    v->npre = (uint32_t)head;
    v->post = d->nwords_of;
    for (int i = head + 1; i < n; i++)
        sr_dict_add_wordref(d, ids[i]);
    v->npost = (uint32_t)(n - head - 1);
    sr_dict_add_form(d, ids[head], vid);
    if (forms)
        add_listed_forms(d, forms, vid, head);
    else
        sr_dict_add_regular_forms(d, ids[head], vid);
    return 0;
}

/* One item of a pattern in text order. */
typedef struct pat_item {
    uint8_t kind;   /* SR_PAT_*, or 0 for the verb */
    uint8_t joined; /* joined by '_' to the item before it */
    uint32_t id;
} pat_item;

/* Parse pattern words into items; returns the count, or -1 when unusable. */
static int pattern_items(pet_ctx *c, char *s, pat_item *it, int *verb_at)
{
    sr_verbdict *d = c->d;
    int n = 0, skip_next_gap = 0;
    *verb_at = -1;
    for (char *p = s; *p; p++)
        if (*p == '{' || *p == '}' || *p == '(' || *p == ')')
            *p = ' ';
    if (strchr(s, '|'))
        return -1;
    char *save = NULL;
    for (char *tok = strtok_r(s, " \t", &save); tok; tok = strtok_r(NULL, " \t", &save)) {
        int first = 1;
        for (char *part = tok, *us; part; part = us, first = 0) {
            us = strchr(part, '_');
            if (us)
                *us++ = '\0';
            if (!*part)
                continue; /* "WORD_" (exact) or "_WORD" */
            if (n == MAX_ITEMS)
                return -1;
            pat_item x = {0, (uint8_t)(!first && !skip_next_gap), 0};
            skip_next_gap = 0;
            if (strcmp(part, "*") == 0 || strcmp(part, "**") == 0) {
                if (*verb_at >= 0)
                    return -1;
                *verb_at = n;
            } else if (strcmp(part, "+") == 0) {
                x.kind = SR_PAT_TARGET;
            } else if (strcmp(part, "$") == 0) {
                x.kind = SR_PAT_SOURCE;
            } else if (strcmp(part, "%") == 0) {
                x.kind = SR_PAT_COMPOUND;
            } else if (strcmp(part, "^") == 0) {
                x.kind = SR_PAT_SKIP; /* TABARI: pass over the next noun phrase */
                skip_next_gap = 1;
            } else if (*part == '&') {
                char name[128];
                int np;
                synset_name(part, name, sizeof name, &np);
                int32_t sy = find_synset(d, name);
                if (sy < 0)
                    return -1;
                x.kind = SR_PAT_SYNSET;
                x.id = (uint32_t)sy;
            } else {
                x.kind = SR_PAT_WORD;
                if ((x.id = sr_dict_intern_str(d, part)) == SR_NOWORD)
                    return -1;
            }
            it[n++] = x;
        }
    }
    return *verb_at < 0 ? -1 : n;
}

/* "- WORDS * WORDS [CODE]": a pattern of the current block. */
static int add_pattern_line(pet_ctx *c, char *line)
{
    sr_verbdict *d = c->d;
    if (c->group == SR_NOWORD)
        return pet_error(c, "a pattern before any verb block");
    int bad;
    const char *rev;
    const char *code = parse_code(c, line, &bad, &rev);
    if (bad)
        return pet_error(c, "unterminated [code]");
    if (code && !*code) {
        d->skipped++; /* a pattern without a code codes nothing */
        return 0;
    }
    pat_item it[MAX_ITEMS];
    int verb_at, n = pattern_items(c, line + 1, it, &verb_at);
    if (n < 0) {
        d->skipped++;
        return 0;
    }
    sr_pattern *p = sr_dict_add_pattern(d);
    p->group = c->group;
    p->code = code;
    p->code2 = rev;
    p->rule = sr_arena_printf(&d->strings, "%s:%zu", c->base, c->line);
    p->pre = d->nelems;
    for (int k = verb_at - 1; k >= 0; k--) {
        uint8_t gap = it[k + 1].joined ? 0 : SR_GAP_ANY;
        sr_dict_add_elem(d, it[k].kind, gap, it[k].id);
        if (it[k].kind == SR_PAT_COMPOUND)
            p->mutual = 1;
    }
    p->npre = (uint32_t)verb_at;
    p->post = d->nelems;
    for (int k = verb_at + 1; k < n; k++) {
        sr_dict_add_elem(d, it[k].kind, it[k].joined ? 0 : SR_GAP_ANY, it[k].id);
        if (it[k].kind == SR_PAT_COMPOUND)
            p->mutual = 1;
    }
    p->npost = (uint32_t)(n - verb_at - 1);
    p->weight = (uint16_t)n;
    return 0;
}

/* Cut a "#" or ";" comment off the line; a "#" inside a [code] is kept ("[###]"). */
static void strip_line_comment(char *s)
{
    int in_code = 0;
    for (char *p = s; *p; p++) {
        if (*p == '[')
            in_code = 1;
        else if (*p == ']')
            in_code = 0;
        else if ((*p == '#' || *p == ';') && !in_code) {
            *p = '\0';
            return;
        }
    }
}

static int load_line(pet_ctx *c, char *raw)
{
    strip_line_comment(raw);
    char *line = trim(raw);
    if (!*line) {
        if (c->mode == MODE_SYNSET)
            c->mode = MODE_NONE;
        return 0;
    }
    if (c->mode == MODE_SYNSET) {
        if (*line == '+') {
            add_synset_phrase(c, line + 1);
            return 0;
        }
        c->mode = MODE_NONE;
    }
    if (strncmp(line, "---", 3) == 0) {
        start_block(c, line);
        return 0;
    }
    if (*line == '&') {
        start_synset(c, line);
        return 0;
    }
    if (*line == '-')
        return add_pattern_line(c, line);
    return add_verb_line(c, line);
}

int sr_verbdict_load_petrarch(sr_verbdict *d, const char *path, sr_error *err)
{
    size_t len;
    char *text = sr_read_file(path, &len, err);
    if (!text)
        return -1;
    strip_xml_comments(text);
    const char *slash = strrchr(path, '/');
    pet_ctx c = {d,         path, sr_arena_strdup(&d->strings, slash ? slash + 1 : path),
                 0,         err,  MODE_NONE,
                 SR_NOWORD, NULL, NULL,
                 0,         0};
    int rc = 0;
    for (char *line = text, *next; line && *line && rc == 0; line = next) {
        c.line++;
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        rc = load_line(&c, line);
    }
    free(text);
    return rc;
}
