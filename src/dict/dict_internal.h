/*
** dict_internal.h: helpers shared by the dictionary loaders (dict.c,
** lexicon.c, petrarch.c).  Not for use outside src/dict.
*/
#ifndef SR_DICT_INTERNAL_H
#define SR_DICT_INTERNAL_H

#include "dict/dict.h"

void *sr_dict_grow(void *p, uint32_t n, uint32_t *cap, size_t size);
uint32_t sr_dict_intern(sr_verbdict *d, const char *s, size_t len);
uint32_t sr_dict_intern_str(sr_verbdict *d, const char *s);
uint32_t sr_dict_add_wordref(sr_verbdict *d, uint32_t id);
uint32_t sr_dict_add_elem(sr_verbdict *d, uint8_t kind, uint8_t gap, uint32_t id);
uint32_t sr_dict_add_group(sr_verbdict *d);
sr_pattern *sr_dict_add_pattern(sr_verbdict *d);
sr_verb *sr_dict_add_verb(sr_verbdict *d);
void sr_dict_add_form(sr_verbdict *d, uint32_t form, uint32_t verb);
void sr_dict_set_base(sr_verbdict *d, uint32_t form, uint32_t base);
/* Regular inflections of lemma as forms of verb (and inflections of lemma). */
void sr_dict_add_regular_forms(sr_verbdict *d, uint32_t lemma, uint32_t verb);
/* Regular verb inflections and plural of word, mapped to word as their base. */
void sr_dict_add_inflections(sr_verbdict *d, uint32_t word);

#endif
