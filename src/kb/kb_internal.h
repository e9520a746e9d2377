/*
** kb_internal.h: the compiled knowledge base, shared by the compiler, the
** loader and the mention finder.
**
** A compiled base is one contiguous, position-independent blob: a header,
** then arrays of fixed-size records that refer to strings by 32-bit offsets
** into a string pool.  The same blob is either built in memory by the
** compiler or mapped read-only from a cache file, so every reader works on
** the same layout and the loader only has to validate it.
**
** Names are looked up by their normalized form (sr_kb_norm): case-folded,
** marks stripped, hyphens and whitespace collapsed to one space.  A hash
** table maps each normalized key to a chain of postings (which entity, in
** which capacity: name, alias, adjective, agent word, office title...).  The
** table also holds every word-prefix of a multi-word key, flagged, so the
** mention finder can stop extending a token run as soon as no name can
** continue it.
*/
#ifndef SR_KB_INTERNAL_H
#define SR_KB_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "kb/actors.h"

#define KB_MAGIC "SRKB\r\n\x1a\n"
#define KB_VERSION 5u
#define KB_NONE UINT32_MAX
#define KB_DATE_MIN 0
#define KB_DATE_MAX 99991231

/* Entity types (the `type:` field). */
enum kb_type {
    KB_T_UNKNOWN = 0,
    KB_T_COUNTRY,
    KB_T_IGO,
    KB_T_GOV_BODY,
    KB_T_ARMED_GROUP,
    KB_T_PARTY,
    KB_T_PERSON,
    KB_T_PLACE,
    KB_T_NGO,
    KB_T_MEDIA,
    KB_T_AGENT,
    KB_T_ACTOR, /* an imported PETRARCH actor: person or not, unknown */
    KB_T_COUNT
};

/* In which capacity a key designates an entity. */
enum kb_posting_kind {
    KB_P_NAME = 1, /* canonical name */
    KB_P_ALIAS,    /* alias written in the base */
    KB_P_VARIANT,  /* generated: transliteration of a native name */
    KB_P_NATIVE,   /* native-script name */
    KB_P_ADJ,      /* adjective: "Russian" */
    KB_P_DEMONYM,  /* "Russians" */
    KB_P_METONYM,  /* "the Kremlin": aux is the code */
    KB_P_AGENT,    /* agent word of an agent entity */
    KB_P_TITLE,    /* office title phrase of a role: aux is the title key */
    KB_P_ROLE,     /* title index: entity held role aux */
    KB_P_SURNAME   /* generated: last word of a person's name, used alone */
};

/* Entity flags. */
#define KB_E_AGENT_PREFIX 0x1 /* agent code goes before the country: NGO~ */
#define KB_E_PLURAL 0x2       /* the entity is a group: "they" may refer to it */
#define KB_E_OWN_PLURALS 0x4  /* agent words come with their plurals: make none */

/* Slot flags. */
#define KB_S_PREFIX 0x1  /* the key is a word-prefix of a longer key */
#define KB_S_ACRONYM 0x2 /* every name with the key is an acronym ("WHO"): capitals only */
#define KB_S_PROPER 0x4  /* every name with the key has a capital ("Turkey"): not "turkey" */

typedef struct kb_header {
    char magic[8];
    uint32_t version;
    uint32_t header_size;
    uint64_t total_size;
    uint64_t checksum;    /* FNV-1a of every byte after the header */
    uint64_t fingerprint; /* of the sources the blob was compiled from */
    uint32_t newest_date; /* YYYYMMDD: the newest date the base mentions */
    uint32_t nentities, nroles, npostings, nslots, nfuzzy;
    uint32_t strings_size;
    uint32_t pad;
    uint64_t off_entities, off_roles, off_postings, off_slots, off_fuzzy, off_strings;
} kb_header;

typedef struct kb_entity {
    uint32_t id, name, code, sector, country; /* string offsets; 0 is "" */
    uint32_t role_first, nroles;
    uint32_t src_file, src_line; /* where the record was read */
    uint8_t type, gender, flags, pad;
} kb_entity;

typedef struct kb_role {
    int32_t from, to; /* YYYYMMDD, inclusive; KB_DATE_MIN / KB_DATE_MAX when open */
    uint32_t code, sector, title;
    uint32_t title_key; /* normalized short title: "president", "foreign minister" */
} kb_role;

typedef struct kb_posting {
    uint32_t entity;
    uint32_t aux; /* code (metonym), title key (title), role index (role) */
    uint32_t next;
    uint8_t kind;
    uint8_t nwords;
    uint8_t acronym; /* 2: written in capitals ("WHO"); 1: has a capital; 0: lowercase */
    uint8_t pad;
} kb_posting;

typedef struct kb_slot {
    uint32_t key; /* string offset; 0 when the slot is empty */
    uint32_t hash;
    uint32_t first; /* first posting, or KB_NONE for a pure prefix */
    uint32_t flags;
} kb_slot;

/* One name of a person for approximate matching. */
typedef struct kb_fuzzy {
    uint32_t key;  /* phonetic key of the whole name */
    uint32_t norm; /* normalized name */
    uint32_t entity;
    uint16_t keylen; /* strlen of key; the array is sorted by it */
    uint8_t nwords;
    uint8_t surname;  /* 1 when this is the last word of a name alone */
    uint32_t letters; /* bit i set when letter 'a'+i occurs in key: a cheap distance bound */
} kb_fuzzy;

/* An opened base: pointers into the blob. */
struct sr_kb {
    const uint8_t *blob;
    size_t size;
    int mapped; /* 1: munmap on free; 0: free() */
    const kb_header *h;
    const kb_entity *entities;
    const kb_role *roles;
    const kb_posting *postings;
    const kb_slot *slots;
    const kb_fuzzy *fuzzy;
    const char *strings;
    /*
    ** Built at load, not stored: the indices of the fuzzy names grouped by
    ** the first byte of their key, each group in the table's order (by key
    ** length), group c at fuzzy_order[fuzzy_group[c] .. fuzzy_group[c + 1]).
    ** A name is only ever compared with keys of its own first sound.
    */
    uint32_t *fuzzy_order;
    uint32_t fuzzy_group[257];
};

/*
** Whether an entity is a person: typed so, or an imported PETRARCH actor
** with dated roles and a name of several words (PETRARCH does not say).
*/
static inline int kb_personlike(const kb_entity *e, const char *name)
{
    return e->type == KB_T_PERSON ||
           (e->type == KB_T_ACTOR && e->nroles > 0 && strchr(name, ' ') != NULL);
}

/* ---- kb_norm.c ---- */

/*
** Append the normalized form of s[0..len) to out (capacity cap, always
** NUL-terminated), n being its current length.  A separating space is
** put before the new text when out is not empty and s begins with a space
** or hyphen; call it once per token (passing the whitespace before the
** token, if any) to build a key token by token.  Returns the new length,
** or cap when it did not fit.
*/
size_t sr_kb_norm_append(char *out, size_t n, size_t cap, const char *s, size_t len);
/*
** What one token appends to a key, computed once: s[0..len) normalized
** onto the empty out (as sr_kb_norm_append would; returns its length, or
** cap when it did not fit), and in *lead_sep whether a separator comes
** before its first byte.  Appended to a key that does not end in a space,
** the token adds a space first when *lead_sep is set, then out.
*/
size_t sr_kb_norm_token(const char *s, size_t len, char *out, size_t cap, int *lead_sep);
/* Normalize a whole string into out; returns its length (0 on overflow). */
size_t sr_kb_norm(const char *s, char *out, size_t cap);
/* Phonetic key of a normalized string, into out; returns its length. */
size_t sr_kb_phonetic(const char *norm, char *out, size_t cap);
/* Bit set of the ASCII letters of s (bit 26: anything else). */
uint32_t sr_kb_letters(const char *s);
/* Damerau-Levenshtein (optimal string alignment) distance, or max+1 when above max. */
int sr_kb_edit_distance(const char *a, size_t la, const char *b, size_t lb, int max);
/* Hash of a key for the slot table. */
uint32_t sr_kb_hash(const char *s, size_t len);
/* Parse YYYY-MM-DD (or YYYYMMDD) into YYYYMMDD; -1 when malformed. */
int32_t sr_kb_parse_date(const char *s, size_t len);
/* An article's date: YYYY-MM-DD, YYYYMMDD, or an ISO 8601 time on a day; -1 otherwise. */
int32_t sr_kb_parse_doc_date(const char *s);
/* The day delta days after (before, when negative) the YYYYMMDD date d. */
int32_t sr_kb_date_add(int32_t d, int delta);
/* Note in *upper / *lower whether s has capital / small letters (any script). */
void sr_kb_case_scan(const char *s, int *upper, int *lower);
/*
** Whether text written with (has_upper, has_lower) letters may be a
** key with these slot flags: an acronym must be in capitals, a proper
** name must have one.
*/
static inline int kb_case_ok(uint32_t flags, int has_upper, int has_lower)
{
    if ((flags & KB_S_ACRONYM) && has_lower)
        return 0;
    if ((flags & (KB_S_PROPER | KB_S_ACRONYM)) && !has_upper)
        return 0;
    return 1;
}
/* Count words (space-separated) of a normalized key. */
int sr_kb_count_words(const char *norm);

/* Compile times of the compiler's sources (cache fingerprint). */
const char *sr_kb_stamp_build(void);
const char *sr_kb_stamp_translit(void);
const char *sr_kb_stamp_titles(void);
const char *sr_kb_stamp_text(void);
const char *sr_kb_stamp_norm(void);

/* ---- kb_build.c, kb_translit.c, kb_titles.c: the compiler ---- */

typedef struct kb_builder kb_builder;

kb_builder *sr_kb_builder_new(void);
void sr_kb_builder_free(kb_builder *b);
/* Intern a string; returns its offset. */
uint32_t sr_kb_intern(kb_builder *b, const char *s);
uint32_t sr_kb_intern_n(kb_builder *b, const char *s, size_t len);
/*
** Claim an entity id: 1 when it is new, 0 when taken (then *prev gets the
** entity that has it).
*/
int sr_kb_claim_id(kb_builder *b, const char *id, uint32_t *prev);
/* The builder's string at offset off. */
const char *sr_kb_builder_str(const kb_builder *b, uint32_t off);
/* Start a new entity; returns its index. Roles and names added next belong to it. */
uint32_t sr_kb_add_entity(kb_builder *b, const char *id, int type, uint32_t src_file,
                          uint32_t src_line);
kb_entity *sr_kb_entity_at(kb_builder *b, uint32_t e);
/* Add a role to entity e (must be the last entity added). */
void sr_kb_add_role(kb_builder *b, uint32_t e, int32_t from, int32_t to, const char *code,
                    const char *sector, const char *title);
/* Add a name of entity e in the given capacity (aux as in kb_posting). */
void sr_kb_add_name(kb_builder *b, uint32_t e, const char *name, int kind, uint32_t aux);
/*
** Whether names added from now on keep the case they were written in as a
** hint: an all-capitals name ("WHO", "US") then never matches lowercase
** text ("who", "us").  Off for PETRARCH dictionaries, which are all capitals.
*/
void sr_kb_builder_case_hints(kb_builder *b, int on);
/* Native-script name in language lang ("ru", "uk"...): adds it and its romanizations. */
void sr_kb_add_native(kb_builder *b, uint32_t e, const char *lang, const char *name);
/*
** Lay the base out as one blob (malloc'd) and return it; NULL with err set
** when it would exceed the format's limits.
*/
uint8_t *sr_kb_builder_finish(kb_builder *b, uint64_t fingerprint, size_t *size, sr_error *err);

/* ---- kb_text.c: the .kb reader ---- */

/*
** Read one .kb file into b.  Problems are reported to errors (may be NULL)
** as "file:line: message" and counted; the offending field or record is
** skipped.  Returns the number of problems, or -1 with err set when the
** file cannot be read.
*/
int sr_kb_read_text_file(kb_builder *b, const char *path, FILE *errors, sr_error *err);
/* The .kb files of data_dir/kb, sorted; returns their count (paths malloc'd). */
int sr_kb_list_files(const char *data_dir, char ***paths, sr_error *err);

/* ---- kb_petrarch.c ---- */

/* Read a PETRARCH/TABARI actor dictionary; returns problems found, or -1 with err set. */
int sr_kb_read_petrarch_actors(kb_builder *b, const char *path, sr_error *err);
/* Read a PETRARCH agent dictionary; returns problems found, or -1 with err set. */
int sr_kb_read_petrarch_agents(kb_builder *b, const char *path, sr_error *err);

/* ---- kb_load.c ---- */

/* Check a blob and fill kb's pointers; -1 with err set when it is malformed. */
int sr_kb_attach(sr_kb *kb, const uint8_t *blob, size_t size, const char *what, sr_error *err);

/* ---- lookups (kb_load.c) ---- */

/* Copy s into d (capacity cap), truncating; always NUL-terminated. */
static inline void kb_copy(char *d, size_t cap, const char *s)
{
    size_t n = strlen(s);
    if (n >= cap)
        n = cap - 1;
    memcpy(d, s, n);
    d[n] = 0;
}

static inline const char *kb_str(const sr_kb *kb, uint32_t off)
{
    return kb->strings + off;
}
/* The slot of a normalized key, or NULL. */
const kb_slot *sr_kb_find(const sr_kb *kb, const char *key, size_t len);
/* The role of entity e valid on date, or NULL. */
const kb_role *sr_kb_role_on(const sr_kb *kb, const kb_entity *e, int32_t date);
/*
** The actor code of entity e on date: the role valid then; else for a
** former holder the country of the last role plus ELI; else the entity's
** code.  Writes at most cap bytes into buf and returns buf.  *sector gets
** the sector string (may be "").
*/
const char *sr_kb_code_on(const sr_kb *kb, const kb_entity *e, int32_t date, char *buf, size_t cap,
                          const char **sector);
/* The country part of entity e: its country field or the first 3 letters of its code. */
const char *sr_kb_country_of(const sr_kb *kb, const kb_entity *e, char buf[4]);
/* The type name of an entity type. */
const char *sr_kb_type_name(int type);
int sr_kb_type_from_name(const char *s);

#endif
