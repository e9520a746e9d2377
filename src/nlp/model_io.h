/*
** model_io.h: the binary container every trained model of sitrep lives in.
**
** A model file holds named sections, each an array of one element type
** (bytes, integers or floats).  A writer collects sections in memory and
** writes the whole file in one call; a reader maps the file read-only in one
** call, checks its magic, format version, kind, size and checksum, and hands
** out pointers straight into the mapping.  Truncated or corrupt files are
** rejected with an error that names the file.  See docs/model-format.md.
**
** Sections are aligned to 16 bytes inside the file, so a pointer returned by
** sr_model_section() may be used directly as an array of its type.  Data is
** little-endian; on a big-endian host files are rejected.
*/
#ifndef SR_MODEL_IO_H
#define SR_MODEL_IO_H

#include <stddef.h>
#include <stdint.h>

#include "sitrep.h"

#define SR_MODEL_MAGIC "SRMD"
#define SR_MODEL_FORMAT_VERSION 1
#define SR_MODEL_KIND_MAX 24 /* bytes, including the NUL */
#define SR_MODEL_SECTION_NAME_MAX 40

/* Element types of a section. */
typedef enum sr_model_type {
    SR_MT_U8 = 1, /* raw bytes, also strings */
    SR_MT_I8 = 2,
    SR_MT_I16 = 3,
    SR_MT_U16 = 4,
    SR_MT_I32 = 5,
    SR_MT_U32 = 6,
    SR_MT_U64 = 7,
    SR_MT_F32 = 8,
} sr_model_type;

/* Size in bytes of one element of type t, or 0 for an unknown type. */
size_t sr_model_type_size(int type);

/* ---- Writing ---- */

typedef struct sr_model_writer sr_model_writer;

/* A new, empty writer for a model of the given kind ("tagger", "parser"). */
sr_model_writer *sr_model_writer_new(const char *kind);
/*
** Add section `name` of count elements of type `type`, copying data.
** Returns 0, or -1 with err set (duplicate or over-long name, bad type,
** out of memory).
*/
int sr_model_writer_add(sr_model_writer *w, const char *name, int type, const void *data,
                        size_t count, sr_error *err);
/* Add a NUL-terminated string as a U8 section (the NUL is stored too). */
int sr_model_writer_add_string(sr_model_writer *w, const char *name, const char *s, sr_error *err);
/*
** Write the file.  It goes to path.tmp first and is renamed over path, so a
** reader never sees a half-written model.  Returns 0, or -1 with err set.
*/
int sr_model_writer_save(const sr_model_writer *w, const char *path, sr_error *err);
void sr_model_writer_free(sr_model_writer *w);

/* ---- Reading ---- */

typedef struct sr_model_file sr_model_file;

/*
** Map and validate the model file at path.  kind, when not NULL, must match
** the kind stored in the file.  Returns NULL with err set when the file is
** missing, truncated, corrupt, of another format version or of another kind.
*/
sr_model_file *sr_model_open(const char *path, const char *kind, sr_error *err);
void sr_model_close(sr_model_file *m);

/* The kind string stored in the file. */
const char *sr_model_kind(const sr_model_file *m);
/* The path the file was opened from (for error messages). */
const char *sr_model_path(const sr_model_file *m);

/*
** The data of section `name`, which must have element type `type`; its
** element count goes to *count.  Returns NULL with err set (naming the file
** and section) when the section is absent or of another type.
*/
const void *sr_model_section(const sr_model_file *m, const char *name, int type, size_t *count,
                             sr_error *err);
/* Like sr_model_section, but also requires exactly `count` elements. */
const void *sr_model_section_n(const sr_model_file *m, const char *name, int type, size_t count,
                               sr_error *err);
/* Whether the file has a section called name. */
int sr_model_has_section(const sr_model_file *m, const char *name);

#endif
