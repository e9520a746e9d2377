/*
** kb_load.c: opening a knowledge base, and the lookups every reader needs.
**
** sr_kb_open() compiles the .kb files of data/kb on first use into a cache file
** (see cache_path()) and maps that file
** read-only on later starts, as long as its fingerprint (names, sizes and
** modification times of the sources, the format version and the build of
** the compiler) still matches.  A cache that is stale, unreadable or corrupt is rebuilt; when
** the cache cannot be written the compiled blob simply stays in memory.
** A mapped or in-memory blob is validated before use, so a damaged file
** is rejected with a message instead of being trusted.
*/
#include "kb/kb_internal.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util/util.h"

/* Whether [off, off + n*size) lies inside a blob of total bytes, 8-aligned. */
static int section_ok(uint64_t off, uint64_t n, uint64_t size, uint64_t total)
{
    if (off % 8 != 0 || off > total)
        return 0;
    if (n != 0 && size > (total - off) / n)
        return 0;
    return 1;
}

/* Check every cross-reference of the records against the array sizes. */
static int references_ok(const sr_kb *kb)
{
    const kb_header *h = kb->h;
    uint32_t ns = h->strings_size;
    for (uint32_t i = 0; i < h->nentities; i++) {
        const kb_entity *e = &kb->entities[i];
        if (e->id >= ns || e->name >= ns || e->code >= ns || e->sector >= ns || e->country >= ns ||
            e->src_file >= ns || e->role_first > h->nroles || e->nroles > h->nroles - e->role_first)
            return 0;
    }
    for (uint32_t i = 0; i < h->nroles; i++) {
        const kb_role *r = &kb->roles[i];
        if (r->code >= ns || r->sector >= ns || r->title >= ns || r->title_key >= ns)
            return 0;
    }
    for (uint32_t i = 0; i < h->npostings; i++) {
        const kb_posting *p = &kb->postings[i];
        if (p->entity >= h->nentities || (p->next != KB_NONE && p->next <= i) ||
            (p->next != KB_NONE && p->next >= h->npostings))
            return 0;
        if ((p->kind == KB_P_METONYM || p->kind == KB_P_TITLE) && p->aux >= ns)
            return 0;
        if (p->kind == KB_P_ROLE && p->aux >= h->nroles)
            return 0;
    }
    for (uint32_t i = 0; i < h->nslots; i++) {
        const kb_slot *s = &kb->slots[i];
        if (s->key >= ns || (s->first != KB_NONE && s->first >= h->npostings))
            return 0;
    }
    for (uint32_t i = 0; i < h->nfuzzy; i++) {
        const kb_fuzzy *f = &kb->fuzzy[i];
        if (f->key >= ns || f->norm >= ns || f->entity >= h->nentities ||
            (i > 0 && f->keylen < kb->fuzzy[i - 1].keylen))
            return 0;
    }
    return 1;
}

/*
** Fill kb->fuzzy_order and kb->fuzzy_group (see kb_internal.h): a counting
** sort of the fuzzy names by the first byte of their key, stable, so that
** each group keeps the table's order by key length.
*/
static void group_fuzzy(sr_kb *kb)
{
    uint32_t n = kb->h->nfuzzy;
    uint32_t *count = kb->fuzzy_group;
    memset(kb->fuzzy_group, 0, sizeof kb->fuzzy_group);
    kb->fuzzy_order = malloc((n ? n : 1) * sizeof *kb->fuzzy_order);
    if (!kb->fuzzy_order)
        sr_oom(n * sizeof *kb->fuzzy_order);
    for (uint32_t i = 0; i < n; i++)
        count[(unsigned char)kb->strings[kb->fuzzy[i].key] + 1]++;
    for (int c = 0; c < 256; c++)
        count[c + 1] += count[c];
    /* count[c] is now where group c starts; it ends where group c + 1 starts */
    uint32_t next[256];
    memcpy(next, count, sizeof next);
    for (uint32_t i = 0; i < n; i++)
        kb->fuzzy_order[next[(unsigned char)kb->strings[kb->fuzzy[i].key]]++] = i;
}

int sr_kb_attach(sr_kb *kb, const uint8_t *blob, size_t size, const char *what, sr_error *err)
{
    const kb_header *h = (const kb_header *)blob;
    if (size < sizeof(kb_header) || memcmp(h->magic, KB_MAGIC, 8) != 0)
        return sr_error_set(err, "%s: not a compiled sitrep knowledge base (bad magic)", what);
    if (h->version != KB_VERSION || h->header_size != sizeof(kb_header))
        return sr_error_set(err, "%s: compiled knowledge base version %u, expected %u", what,
                            h->version, KB_VERSION);
    if (h->total_size != size)
        return sr_error_set(err, "%s: truncated compiled knowledge base (%zu of %llu bytes)", what,
                            size, (unsigned long long)h->total_size);
    if (sr_hash_bytes(blob + sizeof(kb_header), size - sizeof(kb_header), 0) != h->checksum)
        return sr_error_set(err, "%s: corrupt compiled knowledge base (checksum mismatch)", what);
    if (!section_ok(h->off_entities, h->nentities, sizeof(kb_entity), size) ||
        !section_ok(h->off_roles, h->nroles, sizeof(kb_role), size) ||
        !section_ok(h->off_postings, h->npostings, sizeof(kb_posting), size) ||
        !section_ok(h->off_slots, h->nslots, sizeof(kb_slot), size) ||
        !section_ok(h->off_fuzzy, h->nfuzzy, sizeof(kb_fuzzy), size) ||
        !section_ok(h->off_strings, h->strings_size, 1, size) || h->strings_size == 0 ||
        h->nslots == 0 || (h->nslots & (h->nslots - 1)) != 0)
        return sr_error_set(err, "%s: corrupt compiled knowledge base (bad section table)", what);
    kb->blob = blob;
    kb->size = size;
    kb->h = h;
    kb->entities = (const kb_entity *)(blob + h->off_entities);
    kb->roles = (const kb_role *)(blob + h->off_roles);
    kb->postings = (const kb_posting *)(blob + h->off_postings);
    kb->slots = (const kb_slot *)(blob + h->off_slots);
    kb->fuzzy = (const kb_fuzzy *)(blob + h->off_fuzzy);
    kb->strings = (const char *)(blob + h->off_strings);
    if (kb->strings[h->strings_size - 1] != 0 || kb->strings[0] != 0 || !references_ok(kb))
        return sr_error_set(err, "%s: corrupt compiled knowledge base (bad reference)", what);
    group_fuzzy(kb);
    return 0;
}

/* ------------------------------------------------------------------ */
/* Lookups.                                                           */

const kb_slot *sr_kb_find(const sr_kb *kb, const char *key, size_t len)
{
    uint32_t h = sr_kb_hash(key, len);
    uint32_t mask = kb->h->nslots - 1;
    for (uint32_t i = h & mask, n = 0; n <= mask; i = (i + 1) & mask, n++) {
        const kb_slot *s = &kb->slots[i];
        if (!s->key)
            return NULL;
        if (s->hash == h) {
            const char *k = kb->strings + s->key;
            if (strncmp(k, key, len) == 0 && k[len] == 0)
                return s;
        }
    }
    return NULL;
}

const kb_role *sr_kb_role_on(const sr_kb *kb, const kb_entity *e, int32_t date)
{
    const kb_role *best = NULL;
    for (uint32_t i = 0; i < e->nroles; i++) {
        const kb_role *r = &kb->roles[e->role_first + i];
        if (r->from <= date && date <= r->to && (!best || r->from > best->from))
            best = r;
    }
    return best;
}

const char *sr_kb_country_of(const sr_kb *kb, const kb_entity *e, char buf[4])
{
    const char *c = kb_str(kb, e->country);
    if (!*c)
        c = kb_str(kb, e->code);
    if (!*c && e->nroles)
        c = kb_str(kb, kb->roles[e->role_first].code);
    snprintf(buf, 4, "%s", c);
    if (strcmp(buf, "IGO") == 0 || strcmp(buf, "NGO") == 0)
        buf[0] = 0;
    return buf;
}

/* The code of a role without its sector suffix ("RUSGOV" -> "RUS"). */
static void role_country(const sr_kb *kb, const kb_role *r, char *out, size_t cap)
{
    const char *code = kb_str(kb, r->code), *sector = kb_str(kb, r->sector);
    size_t lc = strlen(code), ls = strlen(sector);
    if (ls > 0 && lc >= ls + 3 && strcmp(code + lc - ls, sector) == 0)
        lc -= ls;
    snprintf(out, cap, "%.*s", (int)lc, code);
}

/*
** The nationality of person e for coding a former office holder: its
** country field, else the country of its latest national (non-IGO) role
** that began before date, else the holder part of role r.
*/
static void person_country(const sr_kb *kb, const kb_entity *e, int32_t date, const kb_role *r,
                           char *out, size_t cap)
{
    if (*kb_str(kb, e->country)) {
        kb_copy(out, cap, kb_str(kb, e->country));
        return;
    }
    const kb_role *best = NULL;
    for (uint32_t i = 0; i < e->nroles; i++) {
        const kb_role *x = &kb->roles[e->role_first + i];
        const char *c = kb_str(kb, x->code);
        if (strncmp(c, "IGO", 3) == 0 || strncmp(c, "NGO", 3) == 0 || strlen(c) < 3 ||
            x->from > date)
            continue;
        if (!best || x->from > best->from)
            best = x;
    }
    if (best) {
        snprintf(out, cap, "%.3s", kb_str(kb, best->code));
        return;
    }
    if (r) {
        role_country(kb, r, out, cap);
        return;
    }
    char c3[4];
    kb_copy(out, cap, sr_kb_country_of(kb, e, c3));
}

const char *sr_kb_code_on(const sr_kb *kb, const kb_entity *e, int32_t date, char *buf, size_t cap,
                          const char **sector)
{
    const kb_role *r = sr_kb_role_on(kb, e, date);
    *sector = kb_str(kb, e->sector);
    if (r) {
        *sector = kb_str(kb, r->sector);
        kb_copy(buf, cap, kb_str(kb, r->code));
        return buf;
    }
    /* The most recent role that ended before date, and the first one after. */
    const kb_role *before = NULL, *after = NULL;
    for (uint32_t i = 0; i < e->nroles; i++) {
        const kb_role *x = &kb->roles[e->role_first + i];
        if (x->to < date && (!before || x->to > before->to))
            before = x;
        if (x->from > date && (!after || x->from < after->from))
            after = x;
    }
    if (*kb_str(kb, e->code) || e->type != KB_T_PERSON) {
        if (*kb_str(kb, e->code) || !(before || after)) {
            kb_copy(buf, cap, kb_str(kb, e->code));
            return buf;
        }
        r = before ? before : after;
        *sector = kb_str(kb, r->sector);
        kb_copy(buf, cap, kb_str(kb, r->code));
        return buf;
    }
    char country[32];
    person_country(kb, e, date, before ? before : after, country, sizeof country);
    if (before) {
        /* A former office holder: the country's elite. */
        *sector = "ELI";
        snprintf(buf, cap, "%sELI", country);
    } else {
        *sector = "";
        kb_copy(buf, cap, country);
    }
    return buf;
}

/* ------------------------------------------------------------------ */
/* Opening.                                                           */

/* Fingerprint of the sources: names, sizes, modification times, format version. */
static uint64_t fingerprint(char **paths, int n)
{
    uint64_t h = sr_hash_bytes("sitrep-kb", 9, KB_VERSION);
    const char *stamps[] = {sr_kb_stamp_build(), sr_kb_stamp_translit(), sr_kb_stamp_titles(),
                            sr_kb_stamp_text(), sr_kb_stamp_norm()};
    for (size_t i = 0; i < sizeof stamps / sizeof stamps[0]; i++)
        h = sr_hash_bytes(stamps[i], strlen(stamps[i]), h);
    for (int i = 0; i < n; i++) {
        struct stat st;
        h = sr_hash_bytes(paths[i], strlen(paths[i]), h);
        if (stat(paths[i], &st) == 0) {
            int64_t v[3] = {(int64_t)st.st_size, (int64_t)st.st_mtim.tv_sec,
                            (int64_t)st.st_mtim.tv_nsec};
            h = sr_hash_bytes(v, sizeof v, h);
        }
    }
    return h;
}

/* Map a compiled file read-only; NULL with err set when it is unusable. */
static sr_kb *map_file(const char *path, sr_error *err)
{
    size_t size;
    const unsigned char *p = sr_map_file(path, &size, err);
    if (!p)
        return NULL;
    if (size < sizeof(kb_header)) {
        sr_unmap_file(p, size);
        sr_error_set(err, "%s: not a compiled sitrep knowledge base (too short)", path);
        return NULL;
    }
    sr_kb *kb = calloc(1, sizeof *kb);
    if (!kb)
        sr_oom(sizeof *kb);
    kb->mapped = 1;
    if (sr_kb_attach(kb, p, size, path, err) < 0) {
        sr_unmap_file(p, size);
        free(kb);
        return NULL;
    }
    return kb;
}

sr_kb *sr_kb_open_compiled(const char *path, sr_error *err)
{
    return map_file(path, err);
}

/* Wrap a malloc'd blob in an sr_kb (takes ownership). */
static sr_kb *from_blob(uint8_t *blob, size_t size, const char *what, sr_error *err)
{
    sr_kb *kb = calloc(1, sizeof *kb);
    if (!kb)
        sr_oom(sizeof *kb);
    if (sr_kb_attach(kb, blob, size, what, err) < 0) {
        free(blob);
        free(kb);
        return NULL;
    }
    return kb;
}

/* Write blob to path atomically (temporary file, then rename). */
static int write_blob(const char *path, const uint8_t *blob, size_t size, sr_error *err)
{
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.tmp.XXXXXX", path);
    int fd = mkstemp(tmp); /* unique even between threads of one process */
    if (fd < 0)
        return sr_error_set(err, "%s: cannot write", tmp);
    FILE *f = fdopen(fd, "wb");
    if (!f) {
        close(fd);
        unlink(tmp);
        return sr_error_set(err, "%s: cannot write", tmp);
    }
    int ok = fwrite(blob, 1, size, f) == size;
    ok = (fclose(f) == 0) && ok;
    if (ok)
        chmod(tmp, 0644);
    if (!ok || rename(tmp, path) != 0) {
        unlink(tmp);
        return sr_error_set(err, "%s: cannot write", path);
    }
    return 0;
}

/* Compile the .kb files of data_dir into a blob. */
static uint8_t *compile_dir(const char *data_dir, FILE *errors, uint64_t *fp, size_t *size,
                            int *nproblems, sr_error *err)
{
    char **paths = NULL;
    int n = sr_kb_list_files(data_dir, &paths, err);
    if (n < 0)
        return NULL;
    kb_builder *b = sr_kb_builder_new();
    int problems = 0, failed = 0;
    for (int i = 0; i < n && !failed; i++) {
        int k = sr_kb_read_text_file(b, paths[i], errors, err);
        if (k < 0)
            failed = 1;
        else
            problems += k;
    }
    *fp = fingerprint(paths, n);
    for (int i = 0; i < n; i++)
        free(paths[i]);
    free(paths);
    uint8_t *blob = failed ? NULL : sr_kb_builder_finish(b, *fp, size, err);
    sr_kb_builder_free(b);
    if (nproblems)
        *nproblems = problems;
    return blob;
}

/*
** compile_dir() under a recovery point: out of memory while reading the
** .kb files (sr_oom(), util.h) fails the compile with SR_ERR_NOMEM instead
** of stopping the host.  What the builder held then is lost.
*/
static uint8_t *compile_dir_caught(const char *data_dir, FILE *errors, uint64_t *fp, size_t *size,
                                   int *nproblems, sr_error *err)
{
    jmp_buf jb;
    jmp_buf *outer = sr_oom_catch(&jb);
    if (setjmp(jb) != 0) {
        sr_oom_catch(outer);
        sr_error_setc(err, SR_ERR_NOMEM, "%s/kb: out of memory compiling the knowledge base",
                      data_dir);
        return NULL;
    }
    uint8_t *blob = compile_dir(data_dir, errors, fp, size, nproblems, err);
    sr_oom_catch(outer);
    return blob;
}

static const char *default_data_dir(const char *data_dir)
{
    return sr_data_dir(data_dir);
}

/* Make directory path and its parents (like mkdir -p); errors are ignored. */
static void make_dirs(char *path)
{
    for (char *p = path + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = 0;
        mkdir(path, 0755);
        *p = '/';
    }
    mkdir(path, 0755);
}

/*
** Where the compiled cache of data_dir lives: $SITREP_KB_CACHE; else
** $XDG_CACHE_HOME/sitrep (or ~/.cache/sitrep)/kb-HASH.srkb, HASH naming the
** data folder (one cache per data set, rewritten in place when its .kb
** files change); else data_dir/kb/.compiled.srkb.  Keeping it out of the
** data folder keeps source trees clean and works for read-only installs.
** Returns 1 for a per-user cache directory (see prune_caches()), else 0.
*/
static int cache_path(const char *data_dir, char *out, size_t cap)
{
    const char *env = getenv("SITREP_KB_CACHE");
    if (env && *env) {
        snprintf(out, cap, "%s", env);
        return 0;
    }
    char dir[4096], real[4096];
    const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    if (xdg && *xdg)
        snprintf(dir, sizeof dir, "%s/sitrep", xdg);
    else if (home && *home)
        snprintf(dir, sizeof dir, "%s/.cache/sitrep", home);
    else {
        snprintf(out, cap, "%s/kb/.compiled.srkb", data_dir);
        return 0;
    }
    if (!realpath(data_dir, real))
        snprintf(real, sizeof real, "%s", data_dir);
    make_dirs(dir);
    snprintf(out, cap, "%s/kb-%016llx.srkb", dir,
             (unsigned long long)sr_hash_bytes(real, strlen(real), 0));
    return 1;
}

/*
** Keep a per-user cache directory clean.  Next to each cache kb-HASH.srkb
** a file kb-HASH.dir names the data folder it was compiled from; a cache
** whose folder no longer exists (a removed checkout, a test's temporary
** data) is deleted, and so are temporary files that a killed run left
** behind more than an hour ago.  Best effort: errors are ignored.
*/
static void prune_caches(const char *cache, const char *data_dir)
{
    char dir[4200], real[4096], side[4200];
    snprintf(dir, sizeof dir, "%s", cache);
    char *slash = strrchr(dir, '/');
    if (!slash)
        return;
    *slash = '\0';
    if (!realpath(data_dir, real))
        snprintf(real, sizeof real, "%s", data_dir);
    snprintf(side, sizeof side, "%.*s.dir", (int)(strlen(cache) - 5), cache);
    FILE *f = fopen(side, "w");
    if (f) {
        fprintf(f, "%s\n", real);
        fclose(f);
    }
    DIR *d = opendir(dir);
    if (!d)
        return;
    time_t now = time(NULL);
    struct dirent *de;
    while ((de = readdir(d))) {
        const char *n = de->d_name;
        size_t len = strlen(n);
        if (strncmp(n, "kb-", 3) != 0)
            continue;
        char path[4600], owner[4096];
        snprintf(path, sizeof path, "%s/%s", dir, n);
        struct stat st;
        if (strstr(n, ".srkb.tmp.")) {
            if (stat(path, &st) == 0 && now - st.st_mtime > 3600)
                unlink(path);
            continue;
        }
        if (len < 5 || strcmp(n + len - 4, ".dir") != 0 || !(f = fopen(path, "r")))
            continue;
        int known = fgets(owner, sizeof owner, f) != NULL;
        fclose(f);
        owner[strcspn(owner, "\n")] = '\0';
        if (!known || stat(owner, &st) == 0)
            continue;
        unlink(path);
        snprintf(path, sizeof path, "%s/%.*s.srkb", dir, (int)(len - 4), n);
        unlink(path);
    }
    closedir(d);
}

sr_kb *sr_kb_open(const char *data_dir, sr_error *err)
{
    data_dir = default_data_dir(data_dir);
    char **paths = NULL;
    int n = sr_kb_list_files(data_dir, &paths, err);
    if (n < 0)
        return NULL;
    uint64_t fp = fingerprint(paths, n);
    for (int i = 0; i < n; i++)
        free(paths[i]);
    free(paths);
    char cache[4200];
    int per_user = cache_path(data_dir, cache, sizeof cache);
    sr_kb *kb = map_file(cache, NULL);
    if (kb && kb->h->fingerprint == fp)
        return kb;
    sr_kb_free(kb);
    size_t size;
    uint8_t *blob = compile_dir_caught(data_dir, NULL, &fp, &size, NULL, err);
    if (!blob)
        return NULL;
    /* Best effort: with a read-only cache the compiled blob stays in memory. */
    if (write_blob(cache, blob, size, NULL) == 0 && per_user)
        prune_caches(cache, data_dir);
    return from_blob(blob, size, data_dir, err);
}

int sr_kb_compile(const char *data_dir, const char *out_path, FILE *errors, sr_error *err)
{
    data_dir = default_data_dir(data_dir);
    char cache[4200];
    int per_user = 0;
    if (!out_path) {
        per_user = cache_path(data_dir, cache, sizeof cache);
        out_path = cache;
    }
    uint64_t fp;
    size_t size;
    int problems = 0;
    uint8_t *blob = compile_dir_caught(data_dir, errors, &fp, &size, &problems, err);
    if (!blob)
        return -1;
    int rc = write_blob(out_path, blob, size, err);
    free(blob);
    if (rc == 0 && per_user)
        prune_caches(out_path, data_dir);
    return rc < 0 ? -1 : problems;
}

sr_kb *sr_kb_open_petrarch(const char *actors_path, const char *agents_path, sr_error *err)
{
    kb_builder *b = sr_kb_builder_new();
    /* actors_path may list several files separated by ':'. */
    char one[4096];
    for (const char *p = actors_path; p && *p;) {
        const char *colon = strchr(p, ':');
        size_t len = colon ? (size_t)(colon - p) : strlen(p);
        snprintf(one, sizeof one, "%.*s", (int)len, p);
        p = colon ? colon + 1 : p + len;
        if (sr_kb_read_petrarch_actors(b, one, err) < 0) {
            sr_kb_builder_free(b);
            return NULL;
        }
    }
    if (agents_path && sr_kb_read_petrarch_agents(b, agents_path, err) < 0) {
        sr_kb_builder_free(b);
        return NULL;
    }
    size_t size;
    uint8_t *blob = sr_kb_builder_finish(b, 0, &size, err);
    sr_kb_builder_free(b);
    return blob ? from_blob(blob, size, actors_path, err) : NULL;
}

void sr_kb_free(sr_kb *kb)
{
    if (!kb)
        return;
    if (kb->mapped)
        sr_unmap_file(kb->blob, kb->size);
    else
        free((void *)kb->blob);
    free(kb->fuzzy_order);
    free(kb);
}

void sr_kb_get_stats(const sr_kb *kb, sr_kb_stats *st)
{
    memset(st, 0, sizeof *st);
    st->entities = kb->h->nentities;
    st->roles = kb->h->nroles;
    st->names = kb->h->npostings;
    st->bytes = kb->size;
    for (uint32_t i = 0; i < kb->h->nentities; i++) {
        int t = kb->entities[i].type;
        if (t == KB_T_AGENT)
            st->agents++;
        else if (t == KB_T_PERSON)
            st->people++;
    }
}
