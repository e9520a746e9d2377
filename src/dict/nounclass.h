/*
** nounclass.h: WordNet's noun classes (lexicographer files) of English
** noun lemmas, for the lexicon's argument constraints ("meet obj:person").
**
** WordNet files every noun sense under one of 26 classes (noun.person,
** noun.group, noun.location, noun.artifact, ...).  The build compiles, from
** WordNet's index.noun and data.noun, a table of each lemma's classes as a
** 32-bit mask (docs/nounclass-format.md); the coder maps it read-only and
** shares it between threads.  Without the table every noun has no class.
*/
#ifndef SR_NOUNCLASS_H
#define SR_NOUNCLASS_H

#include <stddef.h>
#include <stdint.h>

#include "sitrep.h"

/* The classes, in WordNet's lex_filenum order (noun.Tops is file 3): bit = filenum - 3. */
enum sr_nclass {
    SR_NC_TOPS,
    SR_NC_ACT,
    SR_NC_ANIMAL,
    SR_NC_ARTIFACT,
    SR_NC_ATTRIBUTE,
    SR_NC_BODY,
    SR_NC_COGNITION,
    SR_NC_COMMUNICATION,
    SR_NC_EVENT,
    SR_NC_FEELING,
    SR_NC_FOOD,
    SR_NC_GROUP,
    SR_NC_LOCATION,
    SR_NC_MOTIVE,
    SR_NC_OBJECT,
    SR_NC_PERSON,
    SR_NC_PHENOMENON,
    SR_NC_PLANT,
    SR_NC_POSSESSION,
    SR_NC_PROCESS,
    SR_NC_QUANTITY,
    SR_NC_RELATION,
    SR_NC_SHAPE,
    SR_NC_STATE,
    SR_NC_SUBSTANCE,
    SR_NC_TIME,
    SR_NC_COUNT
};

/*
** A class of the lexicon's constraints that no WordNet file holds: a noun
** counted in the hundreds or more ("killed about 1,200 people", "hundreds
** of civilians"), which src/code/match.c finds from the words, not the table.
*/
#define SR_NC_MULTITUDE SR_NC_COUNT

#define SR_NC_BIT(c) (UINT32_C(1) << (c))

#define SR_NOUNCLASS_MAGIC "SRNCLS\r\n" /* 8 bytes */
#define SR_NOUNCLASS_VERSION 1

/* Name of class c without the "noun." prefix ("person"), or NULL; also of SR_NC_MULTITUDE. */
const char *sr_nclass_name(int c);
/* Class of name[0..len) ("person" or "noun.person", "multitude"), or -1. */
int sr_nclass_from_name(const char *name, size_t len);

typedef struct sr_nounclass sr_nounclass;

/*
** Open the table: $SITREP_NOUNCLASS ("none": no table), data_dir/nounclass.bin, else the
** build's file (SR_NOUNCLASS_FILE).  NULL with err untouched when there is
** none; NULL with err set when a file is there but cannot be used.
*/
sr_nounclass *sr_nounclass_open(const char *data_dir, sr_error *err);
/* Map the table at path, checking its header and bounds. */
sr_nounclass *sr_nounclass_map(const char *path, sr_error *err);
void sr_nounclass_free(sr_nounclass *t);
/* Class mask of the lower-case lemma w[0..len) (WordNet joins words with '_'), 0 if unknown. */
uint32_t sr_nounclass_get(const sr_nounclass *t, const char *w, size_t len);
size_t sr_nounclass_count(const sr_nounclass *t);

/*
** Compile the table from WordNet's index.noun and data.noun in wordnet_dir
** into out_path (written to a temporary file, then renamed).  Returns the
** number of lemmas, or -1 with err set.
*/
long sr_nounclass_compile(const char *wordnet_dir, const char *out_path, sr_error *err);

#endif
