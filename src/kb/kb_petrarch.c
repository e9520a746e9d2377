/*
** kb_petrarch.c: importer of PETRARCH/TABARI actor and agent dictionaries.
**
** Actor dictionary: an unindented line starts an actor ("VLADIMIR_PUTIN_",
** words joined by underscores or spaces, a final underscore meaning "whole
** word"), optionally followed by codes; "+NAME" lines add synonyms; codes
** are "[CODE]" or "[CODE DATE-RESTRICTION]" on the actor line or on
** indented lines after it.  A restriction is "<DATE" (before), ">DATE"
** (from) or "DATE-DATE"; dates are YYMMDD, YYYYMMDD or YYYY-MM-DD.  A code
** without a restriction is the actor's default; "---" is the null code.
**
** Agent dictionary: "NAME {PLURALS} [~CODE]" where "~CODE" is appended to
** the actor's code and "CODE~" put before it; "{}" means no plural;
** "!SET! = A, B" defines a substitution set usable inside names.
**
** Comments: '#' to the end of the line, lines starting with '<' and
** <!-- ... --> blocks.  Imported actors have type `actor`; agents `agent`.
*/
#include "kb/kb_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

/* Line-by-line reading with comment removal. */
typedef struct lines {
    char *text, *p;
    int line;
    int in_comment;
} lines;

/* The next meaningful line with comments removed, or NULL at the end. */
static char *next_line(lines *L)
{
    while (*L->p) {
        char *s = L->p;
        char *eol = strchr(s, '\n');
        L->p = eol ? eol + 1 : s + strlen(s);
        if (eol)
            *eol = 0;
        L->line++;
        if (L->in_comment) {
            if (strstr(s, "-->"))
                L->in_comment = 0;
            continue;
        }
        char *open = strstr(s, "<!");
        if (open) {
            char *close = strstr(open, "-->");
            if (!close && strncmp(open, "<!--", 4) == 0 && open == s)
                L->in_comment = 1;
            if (close)
                memmove(open, close + 3, strlen(close + 3) + 1);
            else
                *open = 0;
        }
        char *hash = strchr(s, '#');
        if (hash)
            *hash = 0;
        size_t n = strlen(s);
        while (n > 0 && isspace((unsigned char)s[n - 1]))
            s[--n] = 0;
        if (n == 0 || s[0] == '<')
            continue;
        return s;
    }
    return NULL;
}

/* A TABARI/PETRARCH date: YYMMDD (years < 30 are 20xx), YYYYMMDD or YYYY-MM-DD. */
static int32_t petr_date(const char *s, size_t n)
{
    if (n == 6) {
        for (size_t i = 0; i < 6; i++)
            if (!isdigit((unsigned char)s[i]))
                return -1;
        char buf[9];
        int yy = (s[0] - '0') * 10 + (s[1] - '0');
        snprintf(buf, sizeof buf, "%s%.6s", yy < 30 ? "20" : "19", s);
        return sr_kb_parse_date(buf, 8);
    }
    return sr_kb_parse_date(s, n);
}

/* Length of the date at s: 10 for YYYY-MM-DD, else the run of digits. */
static size_t date_len(const char *s)
{
    size_t n = 0;
    while (isdigit((unsigned char)s[n]))
        n++;
    if (n == 4 && s[4] == '-' && isdigit((unsigned char)s[5]) && s[7] == '-')
        return 10;
    return n;
}

/* Parse a date restriction into [from, to]; -1 when malformed. */
static int parse_restriction(const char *s, int32_t *from, int32_t *to)
{
    while (*s == ' ')
        s++;
    *from = KB_DATE_MIN;
    *to = KB_DATE_MAX;
    if (!*s)
        return 0;
    if (*s == '<' || *s == '>') {
        char op = *s++;
        while (*s == ' ')
            s++;
        int32_t d = petr_date(s, date_len(s));
        if (d < 0)
            return -1;
        if (op == '<')
            *to = sr_kb_date_add(d, -1);
        else
            *from = d;
        return 0;
    }
    size_t n = date_len(s);
    int32_t a = petr_date(s, n);
    s += n;
    while (*s == ' ')
        s++;
    if (a < 0 || *s != '-')
        return -1;
    s++;
    while (*s == ' ')
        s++;
    int32_t b = petr_date(s, date_len(s));
    if (b < 0 || b < a)
        return -1;
    *from = a;
    *to = b;
    return 0;
}

/* "VLADIMIR_PUTIN_" -> "Vladimir Putin" (display form of an imported name). */
static void display_name(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    int start = 1;
    for (; *s && n + 1 < cap; s++) {
        char c = *s == '_' ? ' ' : *s;
        if (c == ' ' && (n == 0 || out[n - 1] == ' '))
            continue;
        out[n++] = (char)(start ? c : tolower((unsigned char)c));
        start = c == ' ' || c == '-' || c == '.';
    }
    while (n > 0 && out[n - 1] == ' ')
        n--;
    out[n] = 0;
}

/* An id from a name: lowercase letters and digits joined by '-'. */
static void make_id(kb_builder *b, const char *prefix, const char *name, int line, char *id,
                    size_t cap)
{
    size_t n = (size_t)snprintf(id, cap, "%s", prefix);
    for (; *name && n + 1 < cap; name++) {
        unsigned char c = (unsigned char)*name;
        if (isalnum(c))
            id[n++] = (char)tolower(c);
        else if (n > 0 && id[n - 1] != '-')
            id[n++] = '-';
    }
    while (n > 0 && id[n - 1] == '-')
        n--;
    id[n] = 0;
    uint32_t prev;
    if (!sr_kb_claim_id(b, id, &prev)) {
        snprintf(id + n, cap - n, "-%d", line);
        sr_kb_claim_id(b, id, &prev);
    }
}

/* Read every [CODE RESTRICTION] group of s into roles of actor e. */
static int read_codes(kb_builder *b, uint32_t e, char *s)
{
    int problems = 0;
    for (char *open = strchr(s, '['); open; open = strchr(open + 1, '[')) {
        char *close = strchr(open, ']');
        if (!close)
            return problems + 1;
        *close = 0;
        char *c = open + 1;
        while (*c == ' ' || *c == '\t')
            c++;
        char code[64];
        size_t n = 0;
        while (c[n] && c[n] != ' ' && c[n] != '\t' && n + 1 < sizeof code) {
            code[n] = (char)toupper((unsigned char)c[n]);
            n++;
        }
        code[n] = 0;
        /* a multi-code actor ("[FRO/BIL/SAM]") keeps its codes for the coder, which
           codes each; a dated role keeps the first */
        char *slash = strchr(code, '/');
        int32_t from, to;
        if (!code[0] || isdigit((unsigned char)code[0]) || code[0] == '<' || code[0] == '>' ||
            parse_restriction(c + n, &from, &to) < 0) {
            problems++;
            open = close;
            continue;
        }
        kb_entity *ent = sr_kb_entity_at(b, e);
        if (from == KB_DATE_MIN && to == KB_DATE_MAX) {
            if (!ent->code)
                ent->code = sr_kb_intern(b, code);
        } else {
            if (slash)
                *slash = 0;
            sr_kb_add_role(b, e, from, to, code, strlen(code) > 3 ? code + 3 : "", "");
        }
        open = close;
    }
    return problems;
}

int sr_kb_read_petrarch_actors(kb_builder *b, const char *path, sr_error *err)
{
    size_t len;
    char *text = sr_read_file(path, &len, err);
    if (!text)
        return -1;
    lines L = {text, text, 0, 0};
    uint32_t file = sr_kb_intern(b, path);
    int problems = 0, have = 0;
    uint32_t e = 0;
    char *s;
    while ((s = next_line(&L))) {
        if (s[0] == '+' && have) {
            char *br = strchr(s, '[');
            if (br)
                problems += read_codes(b, e, br);
            if (br)
                *br = 0;
            sr_kb_add_name(b, e, s + 1, KB_P_ALIAS, 0);
        } else if (s[0] == ' ' || s[0] == '\t' || s[0] == '[') {
            if (have)
                problems += read_codes(b, e, s);
            else
                problems++;
        } else if (s[0] != '+') {
            char *br = strchr(s, '[');
            char name[512], id[600], display[512];
            snprintf(name, sizeof name, "%.*s", br ? (int)(br - s) : (int)strlen(s), s);
            display_name(name, display, sizeof display);
            if (!display[0]) {
                problems++;
                continue;
            }
            make_id(b, "", display, L.line, id, sizeof id);
            e = sr_kb_add_entity(b, id, KB_T_ACTOR, file, (uint32_t)L.line);
            have = 1;
            sr_kb_entity_at(b, e)->name = sr_kb_intern(b, display);
            sr_kb_add_name(b, e, name, KB_P_NAME, 0);
            if (br)
                problems += read_codes(b, e, br);
        } else {
            problems++;
        }
    }
    free(text);
    return problems;
}

/* A substitution set "!NAME! = A, B, C". */
typedef struct subst {
    char name[64];
    char items[16][64];
    int n;
} subst;

/* Parse a substitution set line into sets (at most 32 of them). */
static void read_subst(char *s, subst *sets, int *nsets)
{
    char *eq = strchr(s, '=');
    if (!eq || *nsets == 32)
        return;
    subst *st = &sets[(*nsets)++];
    memset(st, 0, sizeof *st);
    *eq = 0;
    char *end = eq;
    while (end > s && end[-1] == ' ')
        *--end = 0;
    snprintf(st->name, sizeof st->name, "%s", s);
    for (char *item = strtok(eq + 1, ","); item && st->n < 16; item = strtok(NULL, ",")) {
        while (*item == ' ')
            item++;
        char *ie = item + strlen(item);
        while (ie > item && ie[-1] == ' ')
            *--ie = 0;
        snprintf(st->items[st->n++], 64, "%s", item);
    }
}

/* Add name with its substitution sets expanded (one level) as agent words of e. */
static void add_expanded(kb_builder *b, uint32_t e, const char *name, const subst *sets, int nsets)
{
    for (int i = 0; i < nsets; i++) {
        const char *at = strstr(name, sets[i].name);
        if (!at)
            continue;
        for (int j = 0; j < sets[i].n; j++) {
            char x[512];
            snprintf(x, sizeof x, "%.*s%s%s", (int)(at - name), name, sets[i].items[j],
                     at + strlen(sets[i].name));
            sr_kb_add_name(b, e, x, KB_P_AGENT, 0);
        }
        return;
    }
    sr_kb_add_name(b, e, name, KB_P_AGENT, 0);
}

/* Read one agent line: NAME {PLURALS} [CODE]. */
static int read_agent(kb_builder *b, char *s, int line, uint32_t file, const subst *sets, int nsets)
{
    char *br = strchr(s, '['), *close = br ? strchr(br, ']') : NULL;
    if (!br || !close)
        return 1;
    *close = 0;
    char code[64];
    size_t n = 0;
    for (char *c = br + 1; *c && n + 1 < sizeof code; c++)
        if (*c != ' ' && *c != '\t')
            code[n++] = (char)toupper((unsigned char)*c);
    code[n] = 0;
    char *tilde = strchr(code, '~');
    if (!tilde || n < 3)
        return 1;
    int prefix = tilde != code;
    memmove(tilde, tilde + 1, strlen(tilde));
    *br = 0;
    char *plurals = strchr(s, '{');
    char *pend = plurals ? strchr(plurals, '}') : NULL;
    if (plurals)
        *plurals = 0;
    char name[512], id[600], display[512];
    snprintf(name, sizeof name, "%s", s);
    display_name(name, display, sizeof display);
    for (int i = 0; i < nsets; i++) {
        /* "!MINIST! FOR_AGRICULTURE" is displayed with the set's first word */
        const char *at = strstr(name, sets[i].name);
        if (at && sets[i].n > 0) {
            char x[512];
            snprintf(x, sizeof x, "%.*s%s%s", (int)(at - name), name, sets[i].items[0],
                     at + strlen(sets[i].name));
            display_name(x, display, sizeof display);
            break;
        }
    }
    if (!display[0])
        return 1;
    make_id(b, "agent-", display, line, id, sizeof id);
    uint32_t e = sr_kb_add_entity(b, id, KB_T_AGENT, file, (uint32_t)line);
    kb_entity *ent = sr_kb_entity_at(b, e);
    ent->name = sr_kb_intern(b, display);
    ent->sector = sr_kb_intern(b, code);
    if (prefix)
        ent->flags |= KB_E_AGENT_PREFIX;
    if (plurals)
        ent->flags |= KB_E_OWN_PLURALS;
    add_expanded(b, e, name, sets, nsets);
    if (plurals && pend) {
        *pend = 0;
        for (char *w = strtok(plurals + 1, " \t"); w; w = strtok(NULL, " \t"))
            add_expanded(b, e, w, sets, nsets);
    }
    return 0;
}

int sr_kb_read_petrarch_agents(kb_builder *b, const char *path, sr_error *err)
{
    size_t len;
    char *text = sr_read_file(path, &len, err);
    if (!text)
        return -1;
    lines L = {text, text, 0, 0};
    uint32_t file = sr_kb_intern(b, path);
    subst sets[32];
    int nsets = 0, problems = 0;
    char *s;
    while ((s = next_line(&L))) {
        if (s[0] == '!' && strchr(s, '=') && !strchr(s, '['))
            read_subst(s, sets, &nsets);
        else
            problems += read_agent(b, s, L.line, file, sets, nsets);
    }
    free(text);
    return problems;
}
