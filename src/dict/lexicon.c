/*
** lexicon.c: loader for sitrep's own verb lexicon (data/verbs/NAME.txt).
**
** One entry per line (docs/verb-format.md):
**
**     attack                       190
**     call on                      020
**     carry out ... strike|raid    190
**     meet                         040   mutual
**     forms: fight fought fighting fights
**
** The first word is the verb's lemma; further words must follow the verb
** in that order, each directly after the previous one unless "..." stands
** between them (up to SR_GAP_LEXICON words may then intervene); "a|b"
** accepts either word, "air_strike" a phrase (in alternatives too).  The
** last field is the CAMEO code (or "---", the null code: the phrase is
** known and codes nothing), optionally followed by "target" (the actor
** named by the phrase's last words is the event's target: "expel ...
** diplomat 161 target" codes "expelled a Russian diplomat" against Russia)
** and by "mutual" (a compound subject with no object codes the event both
** ways: "X and Y met"), and "target:on|against" (the target is the
** actor the preposition introduces).  "noun: attack 190" lines are event
** nouns, matched where the word stands as a noun ("Russian attacks on
** ports"); words before a ">" must precede the head word after it
** ("noun: hunger > strike 142").  "forms:" lines give irregular forms of
** a lemma.  Noun-class constraints ask what kind of thing an argument is:
** "meet 040 obj:person|group", "meet 040 with:person", "withdraw from ...
** @location 0874" (classes: src/dict/nounclass.h); each weighs as a word.
** "#" starts a comment.
*/
#include "dict/dict_internal.h"

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict/nounclass.h"
#include "util/util.h"

#define MAX_FIELDS 32
#define MAX_CONS 4 /* class constraints on one entry */

/* Position of a load for error messages and rule names. */
typedef struct lex_ctx {
    sr_verbdict *d;
    const char *path;
    const char *rule_name;
    const sr_ontology *onto;
    size_t line;
    sr_error *err;
} lex_ctx;

static int lex_error(lex_ctx *c, const char *what, const char *detail)
{
    return sr_error_set(c->err, "%s:%zu: %s%s%s", c->path, c->line, what, detail ? ": " : "",
                        detail ? detail : "");
}

/* Split s at blanks into fields (in place). */
static int split_fields(char *s, char **f)
{
    int n = 0;
    for (char *p = s;;) {
        while (*p == ' ' || *p == '\t' || *p == '\r')
            p++;
        if (!*p)
            break;
        if (n == MAX_FIELDS)
            return -1;
        f[n++] = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\r')
            p++;
        if (*p)
            *p++ = '\0';
    }
    return n;
}

/* A lexicon word: lower-case letters, digits, hyphen, apostrophe, dot. */
static int valid_word(const char *w)
{
    if (!*w || strlen(w) > SR_WORD_MAX)
        return 0;
    for (const char *p = w; *p; p++) {
        unsigned char ch = (unsigned char)*p;
        if (!(islower(ch) || isdigit(ch) || ch == '-' || ch == '\'' || ch == '.' || ch >= 0x80))
            return 0;
    }
    return 1;
}

static int valid_code(const lex_ctx *c, const char *code)
{
    if (strcmp(code, "---") == 0)
        return 1;
    size_t n = strlen(code);
    if (n < 2 || n > 4 || strspn(code, "0123456789") != n)
        return 0;
    return !c->onto || sr_ontology_get(c->onto, code) != NULL;
}

/*
** The verb (or, with noun set, the event noun) for lemma, created with its
** own group when new.  A verb and a noun of the same lemma ("attack") are
** two entries: the coder picks one by the token's part of speech.
*/
static sr_verb *verb_for_lemma(sr_verbdict *d, uint32_t lemma, int noun)
{
    for (uint32_t i = 0; i < d->nverbs; i++)
        if (d->verbs[i].lemma == lemma && d->verbs[i].noun == noun && d->verbs[i].npre == 0 &&
            d->verbs[i].npost == 0)
            return &d->verbs[i];
    uint32_t group = sr_dict_add_group(d);
    sr_verb *v = sr_dict_add_verb(d);
    v->lemma = lemma;
    v->group = group;
    v->noun = (uint8_t)noun;
    sr_dict_add_form(d, lemma, (uint32_t)(v - d->verbs));
    sr_dict_add_inflections(d, lemma);
    return v;
}

/*
** "target:on|against" or "source:from": the prepositions that introduce the
** target or the source, into words_of[].
*/
static int parse_preps(lex_ctx *c, char *list, uint32_t *first, uint32_t *n)
{
    *first = c->d->nwords_of;
    *n = 0;
    for (char *w = list, *bar; w; w = bar) {
        bar = strchr(w, '|');
        if (bar)
            *bar++ = '\0';
        if (!valid_word(w))
            return lex_error(c, "bad preposition in target: or source:", w);
        sr_dict_add_wordref(c->d, sr_dict_intern_str(c->d, w));
        (*n)++;
    }
    return 0;
}

static const char *rule_here(lex_ctx *c)
{
    return sr_arena_printf(&c->d->strings, "%s:%zu", c->rule_name, c->line);
}

/*
** "person|group": noun class names joined by "|" into a mask of enum
** sr_nclass bits (docs/verb-format.md, part 1).
*/
static int parse_classes(lex_ctx *c, const char *list, uint32_t *mask)
{
    *mask = 0;
    for (const char *w = list;;) {
        const char *bar = strchr(w, '|');
        size_t len = bar ? (size_t)(bar - w) : strlen(w);
        int cls = sr_nclass_from_name(w, len);
        if (cls < 0) {
            char name[SR_WORD_MAX + 1];
            snprintf(name, sizeof name, "%.*s", (int)(len < SR_WORD_MAX ? len : SR_WORD_MAX), w);
            return lex_error(c, "unknown noun class", *name ? name : "(empty)");
        }
        *mask |= SR_NC_BIT(cls);
        if (!bar)
            return 0;
        w = bar + 1;
    }
}

/* "forms: lemma form form ..." */
static int load_forms(lex_ctx *c, char **f, int n)
{
    if (n < 3)
        return lex_error(c, "\"forms:\" needs a lemma and at least one form", NULL);
    for (int i = 1; i < n; i++)
        if (!valid_word(f[i]))
            return lex_error(c, "bad word", f[i]);
    uint32_t lemma = sr_dict_intern_str(c->d, f[1]);
    for (int i = 2; i < n; i++)
        sr_dict_set_base(c->d, sr_dict_intern_str(c->d, f[i]), lemma);
    return 0;
}

/*
** One pattern element from a field: a word, or "a|b_c|d" alternatives in
** which "_" joins the words of a phrase ("air_strike").
*/
static int add_word_elem(lex_ctx *c, char *field, uint8_t gap)
{
    sr_verbdict *d = c->d;
    if (field[0] == '@') { /* "@location": a noun of these classes */
        uint32_t mask;
        if (parse_classes(c, field + 1, &mask) < 0)
            return -1;
        sr_dict_add_elem(d, SR_PAT_CLASS, gap, mask);
        return 0;
    }
    if (!strchr(field, '|') && !strchr(field, '_')) {
        if (!valid_word(field))
            return lex_error(c, "bad word", field);
        uint32_t id = sr_dict_intern_str(d, field);
        sr_dict_add_inflections(d, id);
        sr_dict_add_elem(d, SR_PAT_WORD, gap, id);
        return 0;
    }
    d->synsets = sr_dict_grow(d->synsets, d->nsynsets, &d->capsynsets, sizeof *d->synsets);
    sr_synset *s = &d->synsets[d->nsynsets];
    s->name = sr_arena_strdup(&d->strings, field);
    s->phrase = d->nphrases;
    s->nphrase = 0;
    for (char *alt = field, *bar; alt; alt = bar) {
        bar = strchr(alt, '|');
        if (bar)
            *bar++ = '\0';
        uint32_t start = d->nwords_of, len = 0;
        for (char *w = alt, *us; w; w = us) {
            us = strchr(w, '_');
            if (us)
                *us++ = '\0';
            if (!valid_word(w))
                return lex_error(c, "bad word in alternatives", w);
            uint32_t id = sr_dict_intern_str(d, w);
            sr_dict_add_inflections(d, id);
            sr_dict_add_wordref(d, id);
            len++;
        }
        d->phrases = sr_dict_grow(d->phrases, d->nphrases, &d->capphrases, sizeof *d->phrases);
        d->phrases[d->nphrases++] = (sr_phrase){start, len};
        s->nphrase++;
    }
    sr_dict_add_elem(d, SR_PAT_SYNSET, gap, d->nsynsets++);
    return 0;
}

/*
** The options after an entry's code: "mutual", "target", "target:...",
** "source:...", and noun-class constraints "obj:person", "with:group".
*/
typedef struct entry_opts {
    int mutual, target;
    uint32_t preps, npreps, spreps, nspreps;
    uint32_t cons, ncons;
} entry_opts;

/*
** "obj:person|group" or "PREP:classes" (the object of a preposition on the
** predicate: "with:person"), appended to the dictionary's constraints.
** Event nouns have no direct object: they name "of:" instead.
*/
static int parse_constraint(lex_ctx *c, char *field, int noun, entry_opts *o)
{
    char *colon = strchr(field, ':');
    *colon = '\0';
    sr_argcons ac = {SR_NOWORD, 0};
    if (strcmp(field, "obj") == 0) {
        if (noun)
            return lex_error(c, "\"obj:\" is for verbs; an event noun's object is \"of:\"", NULL);
    } else if (valid_word(field)) {
        ac.prep = sr_dict_intern_str(c->d, field);
    } else {
        return lex_error(c, "bad preposition in class constraint", field);
    }
    if (parse_classes(c, colon + 1, &ac.mask) < 0)
        return -1;
    if (o->ncons == MAX_CONS)
        return lex_error(c, "too many class constraints", NULL);
    sr_verbdict *d = c->d;
    if (!o->ncons)
        o->cons = d->nargcons;
    d->argcons = sr_dict_grow(d->argcons, d->nargcons, &d->capargcons, sizeof *d->argcons);
    d->argcons[d->nargcons++] = ac;
    o->ncons++;
    return 0;
}

/*
** The words f[from..to) after the head, as pattern elements, "..." giving
** the next word a gap; their number in *count.
*/
static int add_words_after(lex_ctx *c, char **f, int from, int to, uint32_t *count)
{
    uint8_t gap = 0;
    *count = 0;
    for (int i = from; i < to; i++) {
        if (strcmp(f[i], "...") == 0) {
            if (i == to - 1 || gap)
                return lex_error(c, "\"...\" must be followed by a word", NULL);
            gap = SR_GAP_LEXICON;
            continue;
        }
        if (add_word_elem(c, f[i], gap) < 0)
            return -1;
        gap = 0;
        (*count)++;
    }
    return 0;
}

/* A pattern of group with the elements [pre, +npre) before and [post, +npost) after the head. */
static void add_pattern(lex_ctx *c, uint32_t group, uint32_t pre, uint32_t npre, uint32_t post,
                        uint32_t npost, const char *code, const entry_opts *o)
{
    sr_pattern *p = sr_dict_add_pattern(c->d);
    p->group = group;
    p->pre = pre;
    p->npre = npre;
    p->post = post;
    p->npost = npost;
    p->code = code;
    p->rule = rule_here(c);
    p->weight = (uint16_t)(npre + npost + 1 + o->ncons); /* a constraint weighs as a word */
    p->mutual = (uint8_t)o->mutual;
    p->target = (uint8_t)o->target;
    p->preps = o->preps;
    p->npreps = o->npreps;
    p->spreps = o->spreps;
    p->nspreps = o->nspreps;
    p->cons = o->cons;
    p->ncons = o->ncons;
    p->nclass = (uint16_t)o->ncons;
    for (uint32_t i = 0; i < npre; i++)
        p->nclass += c->d->elems[pre + i].kind == SR_PAT_CLASS;
    for (uint32_t i = 0; i < npost; i++)
        p->nclass += c->d->elems[post + i].kind == SR_PAT_CLASS;
}

/*
** An entry with words before its head ("noun: hunger > strike 142",
** "noun: general|labor > strike 143"): fields f[0..mark) precede the head
** f[mark + 1], in order, "..." allowing a gap as after the head.  A word
** that modifies an event noun can change what it is ("hunger strike" is no
** airstrike), and the head is where the tree coder finds the noun.
*/
static int load_entry_before(lex_ctx *c, char **f, int n, int noun, int mark, const entry_opts *o)
{
    sr_verbdict *d = c->d;
    const char *code = f[n - 1], *head = f[mark + 1];
    if (!valid_code(c, code))
        return lex_error(c, "unknown CAMEO code", code);
    if (!valid_word(head) || strcmp(head, "...") == 0)
        return lex_error(c, "bad verb", head);
    if (strcmp(f[0], "...") == 0)
        return lex_error(c, "\"...\" must stand between words", NULL);
    const char *code_s = strcmp(code, "---") ? sr_arena_strdup(&d->strings, code) : NULL;
    sr_verb *v = verb_for_lemma(d, sr_dict_intern_str(d, head), noun);
    /* the words before, nearest the head first, as the matcher reads them */
    uint32_t pre = d->nelems, npre = 0;
    for (int i = mark - 1; i >= 0; i--) {
        if (strcmp(f[i], "...") == 0)
            continue;
        uint8_t gap = strcmp(f[i + 1], "...") == 0 ? SR_GAP_LEXICON : 0;
        if (add_word_elem(c, f[i], gap) < 0)
            return -1;
        npre++;
    }
    uint32_t post = d->nelems, npost;
    if (add_words_after(c, f, mark + 2, n - 1, &npost) < 0)
        return -1;
    if (o->target && !npost)
        return lex_error(c, "\"target\" needs words after the verb that name it", NULL);
    add_pattern(c, v->group, pre, npre, post, npost, code_s, o);
    return 0;
}

/*
** "[noun:] verb word ... word CODE [mutual] [target] [target:PREP|PREP]
** [source:PREP|PREP] [obj:CLASS|CLASS] [PREP:CLASS|CLASS]"
*/
static int load_entry(lex_ctx *c, char **f, int n, int noun)
{
    sr_verbdict *d = c->d;
    entry_opts o = {0, 0, 0, 0, 0, 0, 0, 0};
    while (n >= 3) {
        if (strcmp(f[n - 1], "mutual") == 0)
            o.mutual = 1;
        else if (strcmp(f[n - 1], "target") == 0)
            o.target = 1;
        else if (strncmp(f[n - 1], "target:", 7) == 0) {
            if (parse_preps(c, f[n - 1] + 7, &o.preps, &o.npreps) < 0)
                return -1;
        } else if (strncmp(f[n - 1], "source:", 7) == 0) {
            if (parse_preps(c, f[n - 1] + 7, &o.spreps, &o.nspreps) < 0)
                return -1;
        } else if (strchr(f[n - 1], ':') && f[n - 1][0] != ':') {
            if (parse_constraint(c, f[n - 1], noun, &o) < 0)
                return -1;
        } else
            break;
        n--;
    }
    if (o.target && n < 3)
        return lex_error(c, "\"target\" needs words after the verb that name it", NULL);
    if (n < 2)
        return lex_error(c, "an entry needs a verb and a CAMEO code", NULL);
    /* "hunger > strike 142": the words before ">" precede the head word */
    int mark = -1;
    for (int i = 0; i < n - 1; i++)
        if (strcmp(f[i], ">") == 0) {
            if (mark >= 0 || i == 0 || i + 2 > n - 1)
                return lex_error(c, "\">\" needs words before it and the head word after it", NULL);
            mark = i;
        }
    if (mark >= 0)
        return load_entry_before(c, f, n, noun, mark, &o);
    const char *code = f[n - 1];
    if (!valid_code(c, code))
        return lex_error(c, "unknown CAMEO code", code);
    if (!valid_word(f[0]))
        return lex_error(c, "bad verb", f[0]);
    const char *code_s = strcmp(code, "---") ? sr_arena_strdup(&d->strings, code) : NULL;
    sr_verb *v = verb_for_lemma(d, sr_dict_intern_str(d, f[0]), noun);
    if (n == 2 && !o.ncons) {
        if (v->rule)
            return lex_error(c,
                             noun ? "duplicate entry for noun, first given at"
                                  : "duplicate entry for verb, first given at",
                             v->rule);
        v->code = code_s;
        v->rule = rule_here(c);
        v->mutual = (uint8_t)o.mutual;
        v->preps = o.preps;
        v->npreps = o.npreps;
        v->spreps = o.spreps;
        v->nspreps = o.nspreps;
        return 0;
    }
    uint32_t first = d->nelems, count;
    if (add_words_after(c, f, 1, n - 1, &count) < 0)
        return -1;
    add_pattern(c, v->group, first, 0, first, count, code_s, &o);
    return 0;
}

static int load_line(lex_ctx *c, char *line)
{
    char *hash = strchr(line, '#');
    if (hash)
        *hash = '\0';
    char *f[MAX_FIELDS];
    int n = split_fields(line, f);
    if (n < 0)
        return lex_error(c, "too many fields", NULL);
    if (n == 0)
        return 0;
    if (strcmp(f[0], "forms:") == 0)
        return load_forms(c, f, n);
    if (strcmp(f[0], "noun:") == 0)
        return n < 3 ? lex_error(c, "\"noun:\" needs a noun and a CAMEO code", NULL)
                     : load_entry(c, f + 1, n - 1, 1);
    return load_entry(c, f, n, 0);
}

int sr_verbdict_load_lexicon(sr_verbdict *d, const char *path, const char *rule_name,
                             const sr_ontology *onto, sr_error *err)
{
    size_t len;
    char *text = sr_read_file(path, &len, err);
    if (!text)
        return -1;
    if (sr_utf8_valid_prefix(text, len) != len || strlen(text) != len) {
        free(text);
        return sr_error_set(err, "%s: not valid UTF-8 text", path);
    }
    lex_ctx c = {d, path, rule_name ? rule_name : path, onto, 0, err};
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

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int sr_verbdict_load_lexicon_dir(sr_verbdict *d, const char *dir, const sr_ontology *onto,
                                 sr_error *err)
{
    DIR *dp = opendir(dir);
    if (!dp)
        return sr_error_set(err, "%s: cannot open the verb lexicon folder", dir);
    char *names[256];
    size_t n = 0;
    for (struct dirent *de; (de = readdir(dp)) && n < 256;) {
        size_t l = strlen(de->d_name);
        if (l > 4 && de->d_name[0] != '.' && strcmp(de->d_name + l - 4, ".txt") == 0)
            names[n++] = strdup(de->d_name);
    }
    closedir(dp);
    qsort(names, n, sizeof *names, cmp_str);
    int rc = n ? 0 : sr_error_set(err, "%s: no *.txt verb lexicon files", dir);
    for (size_t i = 0; i < n; i++) {
        if (rc == 0 && names[i]) {
            char path[4096], rule[512];
            snprintf(path, sizeof path, "%s/%s", dir, names[i]);
            snprintf(rule, sizeof rule, "verbs/%s", names[i]);
            rc = sr_verbdict_load_lexicon(d, path, sr_arena_strdup(&d->strings, rule), onto, err);
        }
        free(names[i]);
    }
    return rc;
}
