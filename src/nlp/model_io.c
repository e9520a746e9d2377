/*
** model_io.c: the binary model container (see model_io.h and
** docs/model-format.md).
**
** Layout, all integers little-endian:
**
**   header, 64 bytes:
**     0  "SRMD"          magic
**     4  u32             format version (SR_MODEL_FORMAT_VERSION)
**     8  char[24]        model kind, NUL-padded
**     32 u32             number of sections
**     36 u32             0
**     40 u64             total file size in bytes
**     48 u64             checksum: FNV-1a 64 of bytes [64, file size)
**     56 u64             0
**   section table, 64 bytes per section:
**     0  char[40]        name, NUL-padded
**     40 u32             element type (sr_model_type)
**     44 u32             0
**     48 u64             element count
**     56 u64             byte offset of the data from the start of the file
**   section data, each aligned to 16 bytes, zero padding between.
*/
#include "nlp/model_io.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/util.h"

#define HEADER_SIZE 64
#define ENTRY_SIZE 64
#define DATA_ALIGN 16

typedef struct model_section {
    char name[SR_MODEL_SECTION_NAME_MAX];
    uint32_t type;
    uint64_t count;
    uint64_t offset;     /* in the file */
    unsigned char *data; /* writer: owned copy; reader: unused */
} model_section;

struct sr_model_writer {
    char kind[SR_MODEL_KIND_MAX];
    model_section *sections;
    size_t n, cap;
};

struct sr_model_file {
    char *path;
    char kind[SR_MODEL_KIND_MAX];
    const unsigned char *base; /* the mapping (or malloc'd copy) */
    size_t size;
    int mapped; /* 1: munmap base; 0: free base */
    model_section *sections;
    size_t n;
};

size_t sr_model_type_size(int type)
{
    switch (type) {
    case SR_MT_U8:
    case SR_MT_I8:
        return 1;
    case SR_MT_I16:
    case SR_MT_U16:
        return 2;
    case SR_MT_I32:
    case SR_MT_U32:
    case SR_MT_F32:
        return 4;
    case SR_MT_U64:
        return 8;
    default:
        return 0;
    }
}

/* The checksum of the file body: 64-bit FNV-1a. */
static uint64_t body_checksum(const unsigned char *p, size_t len)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 1099511628211ULL;
    }
    return h;
}

static int host_is_little_endian(void)
{
    const uint16_t one = 1;
    return *(const unsigned char *)&one == 1;
}

static void put_u32(unsigned char *p, uint32_t v)
{
    memcpy(p, &v, 4);
}

static void put_u64(unsigned char *p, uint64_t v)
{
    memcpy(p, &v, 8);
}

static uint32_t get_u32(const unsigned char *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

static uint64_t get_u64(const unsigned char *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

static size_t align_up(size_t x)
{
    return (x + DATA_ALIGN - 1) & ~(size_t)(DATA_ALIGN - 1);
}

/* ------------------------------------------------------------------ */
/* Writing.                                                           */

sr_model_writer *sr_model_writer_new(const char *kind)
{
    sr_model_writer *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    snprintf(w->kind, sizeof w->kind, "%s", kind ? kind : "");
    return w;
}

void sr_model_writer_free(sr_model_writer *w)
{
    if (!w)
        return;
    for (size_t i = 0; i < w->n; i++)
        free(w->sections[i].data);
    free(w->sections);
    free(w);
}

int sr_model_writer_add(sr_model_writer *w, const char *name, int type, const void *data,
                        size_t count, sr_error *err)
{
    size_t esize = sr_model_type_size(type);
    if (esize == 0)
        return sr_error_set(err, "model section %s: unknown element type %d", name, type);
    if (strlen(name) == 0 || strlen(name) >= SR_MODEL_SECTION_NAME_MAX)
        return sr_error_set(err, "model section name '%s': empty or longer than %d bytes", name,
                            SR_MODEL_SECTION_NAME_MAX - 1);
    for (size_t i = 0; i < w->n; i++)
        if (strcmp(w->sections[i].name, name) == 0)
            return sr_error_set(err, "model section %s added twice", name);
    if (w->n == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 16;
        model_section *ns = realloc(w->sections, cap * sizeof *ns);
        if (!ns)
            return sr_error_set(err, "out of memory");
        w->sections = ns;
        w->cap = cap;
    }
    model_section *s = &w->sections[w->n];
    memset(s, 0, sizeof *s);
    snprintf(s->name, sizeof s->name, "%s", name);
    s->type = (uint32_t)type;
    s->count = count;
    s->data = malloc(count * esize + 1);
    if (!s->data)
        return sr_error_set(err, "out of memory");
    if (count)
        memcpy(s->data, data, count * esize);
    w->n++;
    return 0;
}

int sr_model_writer_add_string(sr_model_writer *w, const char *name, const char *s, sr_error *err)
{
    return sr_model_writer_add(w, name, SR_MT_U8, s, strlen(s) + 1, err);
}

/* Lay the whole file out in one buffer; returns it and its size. */
static unsigned char *writer_layout(const sr_model_writer *w, size_t *size)
{
    size_t off = align_up(HEADER_SIZE + ENTRY_SIZE * w->n);
    for (size_t i = 0; i < w->n; i++) {
        w->sections[i].offset = off;
        off = align_up(off + w->sections[i].count * sr_model_type_size((int)w->sections[i].type));
    }
    unsigned char *buf = calloc(1, off);
    if (!buf)
        return NULL;
    memcpy(buf, SR_MODEL_MAGIC, 4);
    put_u32(buf + 4, SR_MODEL_FORMAT_VERSION);
    memcpy(buf + 8, w->kind, strlen(w->kind));
    put_u32(buf + 32, (uint32_t)w->n);
    put_u64(buf + 40, off);
    for (size_t i = 0; i < w->n; i++) {
        const model_section *s = &w->sections[i];
        unsigned char *e = buf + HEADER_SIZE + ENTRY_SIZE * i;
        memcpy(e, s->name, strlen(s->name));
        put_u32(e + 40, s->type);
        put_u64(e + 48, s->count);
        put_u64(e + 56, s->offset);
        memcpy(buf + s->offset, s->data, s->count * sr_model_type_size((int)s->type));
    }
    put_u64(buf + 48, body_checksum(buf + HEADER_SIZE, off - HEADER_SIZE));
    *size = off;
    return buf;
}

int sr_model_writer_save(const sr_model_writer *w, const char *path, sr_error *err)
{
    if (!host_is_little_endian())
        return sr_error_set(err, "%s: model files can only be written on little-endian hosts",
                            path);
    size_t size;
    unsigned char *buf = writer_layout(w, &size);
    if (!buf)
        return sr_error_set(err, "%s: out of memory", path);
    char *tmp = malloc(strlen(path) + 5);
    if (!tmp) {
        free(buf);
        return sr_error_set(err, "%s: out of memory", path);
    }
    sprintf(tmp, "%s.tmp", path);
    int rc = 0;
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        rc = sr_error_set(err, "%s: cannot create: %s", tmp, strerror(errno));
    } else {
        size_t put = fwrite(buf, 1, size, f);
        int closed = fclose(f);
        if (put != size || closed != 0)
            rc = sr_error_set(err, "%s: write error", tmp);
        else if (rename(tmp, path) != 0)
            rc = sr_error_set(err, "%s: cannot rename to %s: %s", tmp, path, strerror(errno));
        if (rc)
            remove(tmp);
    }
    free(tmp);
    free(buf);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Reading.                                                           */

void sr_model_close(sr_model_file *m)
{
    if (!m)
        return;
    if (m->base) {
        if (m->mapped)
            munmap((void *)m->base, m->size);
        else
            free((void *)m->base);
    }
    free(m->sections);
    free(m->path);
    free(m);
}

/*
** Map the file, or read it: when mapping is impossible, and for a file of
** several megabytes, whose tables are looked up at random and so are
** better read into memory that huge pages may back (sr_alloc_table).
*/
static int model_map(sr_model_file *m, const char *path, sr_error *err)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return sr_error_set(err, "%s: cannot open model: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return sr_error_set(err, "%s: not a regular file", path);
    }
    m->size = (size_t)st.st_size;
    if (m->size < HEADER_SIZE) {
        close(fd);
        return sr_error_set(err, "%s: truncated model file (%zu bytes, header needs %d)", path,
                            m->size, HEADER_SIZE);
    }
    const size_t big = (size_t)4 << 20;
    void *p = m->size >= big ? MAP_FAILED : mmap(NULL, m->size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p != MAP_FAILED) {
        m->base = p;
        m->mapped = 1;
        close(fd);
        return 0;
    }
    unsigned char *buf = sr_alloc_table(m->size);
    size_t got = 0;
    while (buf && got < m->size) {
        ssize_t r = read(fd, buf + got, m->size - got);
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    close(fd);
    if (!buf || got != m->size) {
        free(buf);
        return sr_error_set(err, "%s: read error", path);
    }
    m->base = buf;
    return 0;
}

/* Check the header and checksum of a mapped file. */
static int model_check_header(sr_model_file *m, const char *kind, sr_error *err)
{
    const unsigned char *b = m->base;
    if (memcmp(b, SR_MODEL_MAGIC, 4) != 0)
        return sr_error_set(err, "%s: not a sitrep model file (bad magic)", m->path);
    uint32_t version = get_u32(b + 4);
    if (version != SR_MODEL_FORMAT_VERSION)
        return sr_error_set(err, "%s: model format version %u, this build reads version %d",
                            m->path, version, SR_MODEL_FORMAT_VERSION);
    memcpy(m->kind, b + 8, SR_MODEL_KIND_MAX);
    m->kind[SR_MODEL_KIND_MAX - 1] = '\0';
    if (kind && strcmp(kind, m->kind) != 0)
        return sr_error_set(err, "%s: model of kind '%s', expected '%s'", m->path, m->kind, kind);
    uint64_t want = get_u64(b + 40);
    if (want != m->size)
        return sr_error_set(err, "%s: truncated or padded model file (%zu bytes, header says %llu)",
                            m->path, m->size, (unsigned long long)want);
    if (body_checksum(b + HEADER_SIZE, m->size - HEADER_SIZE) != get_u64(b + 48))
        return sr_error_set(err, "%s: corrupt model file (checksum mismatch)", m->path);
    if (!host_is_little_endian())
        return sr_error_set(err, "%s: model files can only be read on little-endian hosts",
                            m->path);
    return 0;
}

/* Read and bounds-check the section table. */
static int model_read_sections(sr_model_file *m, sr_error *err)
{
    const unsigned char *b = m->base;
    uint32_t n = get_u32(b + 32);
    if ((uint64_t)n * ENTRY_SIZE > m->size - HEADER_SIZE)
        return sr_error_set(err, "%s: corrupt model file (section table past end)", m->path);
    m->sections = calloc(n ? n : 1, sizeof *m->sections);
    if (!m->sections)
        return sr_error_set(err, "%s: out of memory", m->path);
    m->n = n;
    for (uint32_t i = 0; i < n; i++) {
        const unsigned char *e = b + HEADER_SIZE + (size_t)ENTRY_SIZE * i;
        model_section *s = &m->sections[i];
        memcpy(s->name, e, SR_MODEL_SECTION_NAME_MAX);
        s->name[SR_MODEL_SECTION_NAME_MAX - 1] = '\0';
        s->type = get_u32(e + 40);
        s->count = get_u64(e + 48);
        s->offset = get_u64(e + 56);
        size_t esize = sr_model_type_size((int)s->type);
        if (esize == 0)
            return sr_error_set(err, "%s: corrupt model file (section %s has unknown type %u)",
                                m->path, s->name, s->type);
        if (s->offset % DATA_ALIGN || s->offset > m->size ||
            s->count > (m->size - s->offset) / esize)
            return sr_error_set(err, "%s: corrupt model file (section %s lies outside the file)",
                                m->path, s->name);
    }
    return 0;
}

sr_model_file *sr_model_open(const char *path, const char *kind, sr_error *err)
{
    sr_model_file *m = calloc(1, sizeof *m);
    if (!m) {
        sr_error_set(err, "%s: out of memory", path);
        return NULL;
    }
    m->path = strdup(path);
    if (!m->path || model_map(m, path, err) != 0 || model_check_header(m, kind, err) != 0 ||
        model_read_sections(m, err) != 0) {
        if (!m->path)
            sr_error_set(err, "%s: out of memory", path);
        sr_model_close(m);
        return NULL;
    }
    return m;
}

const char *sr_model_kind(const sr_model_file *m)
{
    return m->kind;
}

const char *sr_model_path(const sr_model_file *m)
{
    return m->path;
}

static const model_section *find_section(const sr_model_file *m, const char *name)
{
    for (size_t i = 0; i < m->n; i++)
        if (strcmp(m->sections[i].name, name) == 0)
            return &m->sections[i];
    return NULL;
}

int sr_model_has_section(const sr_model_file *m, const char *name)
{
    return find_section(m, name) != NULL;
}

const void *sr_model_section(const sr_model_file *m, const char *name, int type, size_t *count,
                             sr_error *err)
{
    const model_section *s = find_section(m, name);
    if (!s) {
        sr_error_set(err, "%s: model has no section '%s'", m->path, name);
        return NULL;
    }
    if ((int)s->type != type) {
        sr_error_set(err, "%s: model section '%s' has type %u, expected %d", m->path, name, s->type,
                     type);
        return NULL;
    }
    if (count)
        *count = (size_t)s->count;
    return m->base + s->offset;
}

const void *sr_model_section_n(const sr_model_file *m, const char *name, int type, size_t count,
                               sr_error *err)
{
    size_t have;
    const void *p = sr_model_section(m, name, type, &have, err);
    if (p && have != count) {
        sr_error_set(err, "%s: model section '%s' has %zu elements, expected %zu", m->path, name,
                     have, count);
        return NULL;
    }
    return p;
}
