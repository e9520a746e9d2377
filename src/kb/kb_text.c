/*
** kb_text.c: the reader of the knowledge-base text format (docs/kb-format.md).
**
** A file is a sequence of records separated by blank lines; a record is a
** sequence of `key: value` lines.  The reader collects a record's fields,
** checks them, and hands the record to the compiler.  Every problem is
** reported as "file:line: message" and the offending field (or record,
** when it lacks an id, a name or a type) is left out, so one mistake in a
** file being edited never keeps the rest of the base from loading.
*/
#include "kb/kb_internal.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

#define MAX_FIELDS 256

/* One `key: value` line of a record. */
typedef struct field {
    char *key, *value; /* point into the file buffer, NUL-terminated */
    int line;
} field;

/* What reading a file shares between its records. */
typedef struct reader {
    kb_builder *b;
    const char *path;
    uint32_t file; /* interned path */
    FILE *errors;
    int nerrors;
} reader;

static void problem(reader *r, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Report one problem at path:line. */
static void problem(reader *r, int line, const char *fmt, ...)
{
    r->nerrors++;
    if (!r->errors)
        return;
    va_list ap;
    va_start(ap, fmt);
    fprintf(r->errors, "%s:%d: ", r->path, line);
    vfprintf(r->errors, fmt, ap);
    fputc('\n', r->errors);
    va_end(ap);
}

static const char *const type_names[KB_T_COUNT] = {
    "",       "country", "igo", "gov_body", "armed_group", "party",
    "person", "place",   "ngo", "media",    "agent",       "actor"};

const char *sr_kb_type_name(int type)
{
    return type > 0 && type < KB_T_COUNT ? type_names[type] : "unknown";
}

int sr_kb_type_from_name(const char *s)
{
    for (int i = 1; i < KB_T_COUNT; i++)
        if (strcmp(s, type_names[i]) == 0)
            return i;
    return KB_T_UNKNOWN;
}

/* Whether s is a valid id: lowercase ASCII letters, digits and '-'. */
static int valid_id(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
            return 0;
    return 1;
}

/* Whether s is a CAMEO-style code: uppercase ASCII letters and digits. */
static int valid_code(const char *s, size_t min)
{
    size_t n = 0;
    for (; *s; s++, n++)
        if (!((*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9')))
            return 0;
    return n >= min;
}

/* Split off the next space-separated word of *p (modified in place). */
static char *next_word(char **p)
{
    char *s = *p;
    while (*s == ' ' || *s == '\t')
        s++;
    if (!*s)
        return NULL;
    char *e = s;
    while (*e && *e != ' ' && *e != '\t')
        e++;
    if (*e)
        *e++ = 0;
    *p = e;
    return s;
}

/* A parsed role line. */
typedef struct role_line {
    int32_t from, to;
    char *code, *sector, *title;
    int line;
} role_line;

/* Parse a date field of a role: YYYY-MM-DD or '-'. */
static int role_date(reader *r, int line, const char *s, int32_t open, int32_t *out)
{
    if (strcmp(s, "-") == 0) {
        *out = open;
        return 0;
    }
    int32_t d = sr_kb_parse_date(s, strlen(s));
    if (d < 0) {
        problem(r, line, "bad date '%s' (want YYYY-MM-DD or -)", s);
        return -1;
    }
    *out = d;
    return 0;
}

/* Parse "FROM TO CODE SECTOR TITLE..." into rl; -1 after reporting a problem. */
static int parse_role(reader *r, field *f, role_line *rl)
{
    char *p = f->value;
    char *from = next_word(&p), *to = next_word(&p), *code = next_word(&p);
    char *sector = next_word(&p);
    if (!from || !to || !code) {
        problem(r, f->line, "role needs FROM TO CODE [SECTOR] [TITLE]");
        return -1;
    }
    rl->line = f->line;
    if (role_date(r, f->line, from, KB_DATE_MIN, &rl->from) < 0 ||
        role_date(r, f->line, to, KB_DATE_MAX, &rl->to) < 0)
        return -1;
    if (rl->from > rl->to) {
        problem(r, f->line, "role ends (%s) before it starts (%s)", to, from);
        return -1;
    }
    if (!valid_code(code, 3)) {
        problem(r, f->line, "bad actor code '%s'", code);
        return -1;
    }
    if (sector && !valid_code(sector, 2)) {
        /* no sector: the word belongs to the title */
        *(sector + strlen(sector)) = p > sector + strlen(sector) ? ' ' : 0;
        p = sector;
        sector = NULL;
    }
    while (*p == ' ' || *p == '\t')
        p++;
    rl->code = code;
    rl->sector = sector ? sector : "";
    rl->title = p;
    return 0;
}

/* Report roles of one record that overlap with different codes. */
static void check_overlaps(reader *r, const char *id, role_line *roles, int n)
{
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            if (roles[i].from <= roles[j].to && roles[j].from <= roles[i].to &&
                strcmp(roles[i].code, roles[j].code) != 0)
                problem(r, roles[j].line, "%s: role %s overlaps the role %s of line %d", id,
                        roles[j].code, roles[i].code, roles[i].line);
}

/* Find the single field `key`; reports repeats. */
static field *single(reader *r, field *fs, int n, const char *key)
{
    field *found = NULL;
    for (int i = 0; i < n; i++) {
        if (strcmp(fs[i].key, key) != 0)
            continue;
        if (found)
            problem(r, fs[i].line, "'%s' given twice", key);
        else
            found = &fs[i];
    }
    return found;
}

/* Keys a record may have, and whether they may repeat. */
static const struct {
    const char *key;
    int repeats;
} known_keys[] = {{"id", 0},     {"name", 0},     {"type", 0},    {"alias", 1},  {"native", 1},
                  {"adj", 1},    {"demonym", 1},  {"metonym", 1}, {"code", 0},   {"sector", 0},
                  {"gender", 0}, {"wikidata", 0}, {"role", 1},    {"country", 0}};

static int known_key(const char *k)
{
    for (size_t i = 0; i < sizeof known_keys / sizeof known_keys[0]; i++)
        if (strcmp(known_keys[i].key, k) == 0)
            return 1;
    return 0;
}

/* Add the metonym "NAME | CODE" (CODE defaults to the entity's code + GOV). */
static void add_metonym(reader *r, uint32_t e, const char *code, field *f)
{
    char *bar = strchr(f->value, '|');
    char mcode[64];
    if (bar) {
        *bar = 0;
        char *c = bar + 1;
        while (*c == ' ')
            c++;
        char *end = c + strlen(c);
        while (end > c && end[-1] == ' ')
            *--end = 0;
        if (!valid_code(c, 3)) {
            problem(r, f->line, "bad metonym code '%s'", c);
            return;
        }
        snprintf(mcode, sizeof mcode, "%s", c);
        char *v = bar;
        while (v > f->value && v[-1] == ' ')
            *--v = 0;
    } else if (code && *code) {
        snprintf(mcode, sizeof mcode, "%sGOV", code);
    } else {
        problem(r, f->line, "metonym without a code, and the record has no code");
        return;
    }
    sr_kb_add_name(r->b, e, f->value, KB_P_METONYM, sr_kb_intern(r->b, mcode));
}

/* Add "LANG: name" as a native name. */
static void add_native(reader *r, uint32_t e, field *f)
{
    char *colon = strchr(f->value, ':');
    if (!colon || colon == f->value || colon - f->value > 8) {
        problem(r, f->line, "native wants 'LANG: name'");
        return;
    }
    *colon = 0;
    char *name = colon + 1;
    while (*name == ' ')
        name++;
    if (!*name) {
        problem(r, f->line, "native wants 'LANG: name'");
        return;
    }
    sr_kb_add_native(r->b, e, f->value, name);
}

/* Add the last word (and last two of three or more) of a person's name as weak surname keys. */
static void add_surname(reader *r, uint32_t e, const char *name)
{
    const char *sp = strrchr(name, ' ');
    if (sp && strlen(sp + 1) >= 3)
        sr_kb_add_name(r->b, e, sp + 1, KB_P_SURNAME, 0);
    /* "Giuseppe Cavo Dragone": "Cavo Dragone"; "Recep Tayyip Erdogan": "Tayyip Erdogan" */
    const char *sp2 = sp;
    while (sp2 && sp2 > name && sp2[-1] != ' ')
        sp2--;
    if (sp && sp2 > name && sp2[-1] == ' ')
        sr_kb_add_name(r->b, e, sp2, KB_P_SURNAME, 0);
}

/* Check a record's single-valued fields; fills what emit_record needs. */
static int check_record(reader *r, field *fs, int n, int *type)
{
    field *id = single(r, fs, n, "id"), *name = single(r, fs, n, "name");
    field *ty = single(r, fs, n, "type");
    for (int i = 0; i < n; i++) {
        if (!known_key(fs[i].key))
            problem(r, fs[i].line, "unknown key '%s'", fs[i].key);
        if (!*fs[i].value)
            problem(r, fs[i].line, "empty value for '%s'", fs[i].key);
    }
    const char *who = id ? id->value : "record";
    if (!id) {
        problem(r, fs[0].line, "record without an id");
        return -1;
    }
    if (id != &fs[0])
        problem(r, id->line, "id should be the first field of a record");
    if (!valid_id(id->value)) {
        problem(r, id->line, "bad id '%s' (lowercase letters, digits, -)", id->value);
        return -1;
    }
    if (!name || !*name->value) {
        problem(r, id->line, "%s: missing name", who);
        return -1;
    }
    if (!ty) {
        problem(r, id->line, "%s: missing type", who);
        return -1;
    }
    *type = sr_kb_type_from_name(ty->value);
    if (*type == KB_T_UNKNOWN || *type == KB_T_ACTOR) {
        problem(r, ty->line, "%s: unknown type '%s'", who, ty->value);
        return -1;
    }
    field *code = single(r, fs, n, "code"), *sector = single(r, fs, n, "sector");
    field *gender = single(r, fs, n, "gender"), *country = single(r, fs, n, "country");
    single(r, fs, n, "wikidata");
    if (code && !valid_code(code->value, 3))
        problem(r, code->line, "%s: bad code '%s'", who, code->value);
    if (sector && !valid_code(sector->value, 2))
        problem(r, sector->line, "%s: bad sector '%s'", who, sector->value);
    if (*type == KB_T_AGENT && !sector)
        problem(r, id->line, "%s: agent without a sector", who);
    if ((*type == KB_T_COUNTRY || *type == KB_T_IGO) && !code)
        problem(r, id->line, "%s: %s without a code", who, ty->value);
    if (gender && strcmp(gender->value, "m") != 0 && strcmp(gender->value, "f") != 0)
        problem(r, gender->line, "%s: gender must be m or f", who);
    if (country && !valid_code(country->value, 3))
        problem(r, country->line, "%s: bad country code '%s'", who, country->value);
    return 0;
}

/* Check one record and hand it to the compiler. */
static void emit_record(reader *r, field *fs, int n)
{
    int type;
    if (n == 0 || check_record(r, fs, n, &type) < 0)
        return;
    const char *id = fs[0].value;
    for (int i = 0; i < n; i++)
        if (strcmp(fs[i].key, "id") == 0)
            id = fs[i].value;
    uint32_t prev;
    if (!sr_kb_claim_id(r->b, id, &prev)) {
        const kb_entity *pe = sr_kb_entity_at(r->b, prev);
        problem(r, fs[0].line, "duplicate id '%s' (first at %s:%u)", id,
                sr_kb_builder_str(r->b, pe->src_file), pe->src_line);
        return;
    }
    uint32_t e = sr_kb_add_entity(r->b, id, type, r->file, (uint32_t)fs[0].line);
    role_line roles[MAX_FIELDS];
    int nroles = 0;
    const char *code = NULL;
    for (int i = 0; i < n; i++) {
        field *f = &fs[i];
        kb_entity *ent = sr_kb_entity_at(r->b, e);
        if (strcmp(f->key, "code") == 0 && valid_code(f->value, 3))
            ent->code = sr_kb_intern(r->b, code = f->value);
        else if (strcmp(f->key, "sector") == 0 && valid_code(f->value, 2))
            ent->sector = sr_kb_intern(r->b, f->value);
        else if (strcmp(f->key, "country") == 0 && valid_code(f->value, 3))
            ent->country = sr_kb_intern(r->b, f->value);
        else if (strcmp(f->key, "gender") == 0)
            ent->gender = (uint8_t)f->value[0];
        else if (strcmp(f->key, "role") == 0 && parse_role(r, f, &roles[nroles]) == 0)
            nroles++;
    }
    check_overlaps(r, id, roles, nroles);
    for (int i = 0; i < nroles; i++) {
        /* Without a sector, the code's letters after the country say it. */
        const char *sector = roles[i].sector;
        if (!*sector && strlen(roles[i].code) > 3)
            sector = roles[i].code + 3;
        sr_kb_add_role(r->b, e, roles[i].from, roles[i].to, roles[i].code, sector, roles[i].title);
    }
    int agent = type == KB_T_AGENT, person = type == KB_T_PERSON;
    for (int i = 0; i < n; i++) {
        field *f = &fs[i];
        if (strcmp(f->key, "name") == 0 || strcmp(f->key, "alias") == 0) {
            int kind = agent ? KB_P_AGENT : strcmp(f->key, "name") == 0 ? KB_P_NAME : KB_P_ALIAS;
            if (strcmp(f->key, "name") == 0)
                sr_kb_entity_at(r->b, e)->name = sr_kb_intern(r->b, f->value);
            sr_kb_add_name(r->b, e, f->value, kind, 0);
            if (person)
                add_surname(r, e, f->value);
        } else if (strcmp(f->key, "adj") == 0) {
            sr_kb_add_name(r->b, e, f->value, KB_P_ADJ, 0);
        } else if (strcmp(f->key, "demonym") == 0) {
            sr_kb_add_name(r->b, e, f->value, KB_P_DEMONYM, 0);
        } else if (strcmp(f->key, "metonym") == 0) {
            add_metonym(r, e, code, f);
        } else if (strcmp(f->key, "native") == 0) {
            add_native(r, e, f);
        }
    }
    if (type == KB_T_ARMED_GROUP || type == KB_T_COUNTRY || type == KB_T_IGO ||
        type == KB_T_GOV_BODY || type == KB_T_PARTY || type == KB_T_NGO)
        sr_kb_entity_at(r->b, e)->flags |= KB_E_PLURAL;
}

/* Trim trailing spaces, tabs and CR in place. */
static void rtrim(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = 0;
}

/* Read the records of one buffer (modified in place). */
static void read_records(reader *r, char *text)
{
    field fs[MAX_FIELDS];
    int n = 0, line = 0;
    char *p = text;
    while (*p) {
        char *eol = strchr(p, '\n');
        char *next = eol ? eol + 1 : p + strlen(p);
        if (eol)
            *eol = 0;
        line++;
        rtrim(p);
        char *s = p;
        p = next;
        if (*s == '#')
            continue;
        if (!*s) {
            emit_record(r, fs, n);
            n = 0;
            continue;
        }
        char *colon = strchr(s, ':');
        if (!colon || colon == s || *s == ' ' || *s == '\t') {
            problem(r, line, "expected 'key: value'");
            continue;
        }
        if (n == MAX_FIELDS) {
            problem(r, line, "record has more than %d fields", MAX_FIELDS);
            continue;
        }
        *colon = 0;
        char *v = colon + 1;
        while (*v == ' ' || *v == '\t')
            v++;
        rtrim(s);
        fs[n].key = s;
        fs[n].value = v;
        fs[n].line = line;
        n++;
    }
    emit_record(r, fs, n);
}

int sr_kb_read_text_file(kb_builder *b, const char *path, FILE *errors, sr_error *err)
{
    size_t len;
    char *text = sr_read_file(path, &len, err);
    if (!text)
        return -1;
    reader r = {b, path, sr_kb_intern(b, path), errors, 0};
    sr_kb_builder_case_hints(b, 1);
    if (sr_utf8_valid_prefix(text, len) != len) {
        size_t line, col;
        sr_line_col(text, sr_utf8_valid_prefix(text, len), &line, &col);
        problem(&r, (int)line, "invalid UTF-8; the rest of the file is ignored");
        text[sr_utf8_valid_prefix(text, len)] = 0;
    }
    if (strlen(text) != len && memchr(text, 0, len))
        problem(&r, 1, "NUL byte in file; the rest of the file is ignored");
    read_records(&r, text);
    free(text);
    return r.nerrors;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int sr_kb_list_files(const char *data_dir, char ***paths, sr_error *err)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/kb", data_dir);
    DIR *d = opendir(dir);
    if (!d)
        return sr_error_set(err, "%s: cannot open the knowledge-base folder", dir);
    char **v = NULL;
    int n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        size_t l = strlen(de->d_name);
        if (l < 4 || strcmp(de->d_name + l - 3, ".kb") != 0 || de->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            v = realloc(v, (size_t)cap * sizeof *v);
            if (!v)
                abort();
        }
        size_t pl = strlen(dir) + l + 2;
        v[n] = malloc(pl);
        if (!v[n])
            abort();
        snprintf(v[n], pl, "%s/%s", dir, de->d_name);
        n++;
    }
    closedir(d);
    if (n > 1)
        qsort(v, (size_t)n, sizeof *v, cmp_str);
    *paths = v;
    return n;
}

/* When this file was compiled: part of the cache fingerprint, so a new compiler rebuilds caches. */
const char *sr_kb_stamp_text(void)
{
    return __DATE__ " " __TIME__;
}
