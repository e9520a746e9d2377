/*
** upos.c: names of the Universal POS tags.
*/
#include <string.h>

#include "sitrep.h"

static const char *const upos_names[SR_UPOS_COUNT] = {
    "_",    "ADJ",  "ADP",   "ADV",  "AUX",   "CCONJ", "DET", "INTJ", "NOUN",
    "NUM",  "PART", "PRON",  "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X",
};

const char *sr_upos_name(int upos)
{
    return upos > 0 && upos < SR_UPOS_COUNT ? upos_names[upos] : "_";
}

int sr_upos_from_name(const char *s)
{
    for (int i = 1; i < SR_UPOS_COUNT; i++)
        if (strcmp(upos_names[i], s) == 0)
            return i;
    return SR_UPOS_NONE;
}
