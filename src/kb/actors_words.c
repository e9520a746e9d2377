/*
** actors_words.c: the finder's built-in closed-class words: honorifics and
** ranks used when the base has none, generic titles that fit any person
** in coreference ("the Russian leader"), and words that begin sentences
** capitalized but are never part of a name.
*/
#include "kb/actors_internal.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util/util.h"

/* ------------------------------------------------------------------ */
/* Built-in honorifics and ranks: used when the base has no such word. */

static const honorific honorifics[] = {
    {"mr", "", 'm'},
    {"mrs", "", 'f'},
    {"ms", "", 'f'},
    {"miss", "", 'f'},
    {"dr", "", 0},
    {"sir", "", 'm'},
    {"dame", "", 'f'},
    {"lord", "", 'm'},
    {"lady", "", 'f'},
    {"prof", "", 0},
    {"professor", "EDU", 0},
    {"admiral", "MIL", 0},
    {"vice admiral", "MIL", 0},
    {"rear admiral", "MIL", 0},
    {"general", "MIL", 0},
    {"gen", "MIL", 0},
    {"lieutenant general", "MIL", 0},
    {"major general", "MIL", 0},
    {"lieutenant", "MIL", 0},
    {"lt", "MIL", 0},
    {"colonel", "MIL", 0},
    {"col", "MIL", 0},
    {"major", "MIL", 0},
    {"maj", "MIL", 0},
    {"captain", "MIL", 0},
    {"capt", "MIL", 0},
    {"marshal", "MIL", 0},
    {"field marshal", "MIL", 0},
    {"commander", "MIL", 0},
    {"sergeant", "MIL", 0},
    {"sgt", "MIL", 0},
    {"brigadier", "MIL", 0},
    {"senator", "LEG", 0},
    {"sen", "LEG", 0},
    {"rep", "LEG", 0},
    {"congressman", "LEG", 'm'},
    {"congresswoman", "LEG", 'f'},
    {"governor", "GOV", 0},
    {"gov", "GOV", 0},
    {"president", "GOV", 0},
    {"vice president", "GOV", 0},
    {"minister", "GOV", 0},
    {"prime minister", "GOV", 0},
    {"premier", "GOV", 0},
    {"chancellor", "GOV", 0},
    {"secretary", "GOV", 0},
    {"ambassador", "GOV", 0},
    {"envoy", "GOV", 0},
    {"spokesman", "GOV", 'm'},
    {"spokeswoman", "GOV", 'f'},
    {"spokesperson", "GOV", 0},
    {"king", "GOV", 'm'},
    {"queen", "GOV", 'f'},
    {"prince", "ELI", 'm'},
    {"princess", "ELI", 'f'},
    {"sheikh", "", 'm'},
    {"pope", "REL", 'm'},
    {"cardinal", "REL", 'm'},
    {"archbishop", "REL", 'm'},
    {"bishop", "REL", 'm'},
    {"rabbi", "REL", 0},
    {"imam", "REL", 'm'},
    {"ayatollah", "REL", 'm'},
    {"leader", "", 0},
    {"chief", "", 0},
    {"head", "", 0},
    {"official", "GOV", 0},
    {"diplomat", "GOV", 0},
    {"judge", "JUD", 0},
    {"mayor", "GOV", 0},
    {"deputy", "", 0},
    {"adviser", "GOV", 0},
    {"advisor", "GOV", 0},
    {"foreign minister", "GOV", 0},
    {"defense minister", "GOV", 0},
    {"defence minister", "GOV", 0},
    {"top diplomat", "GOV", 0},
    {"military chief", "MIL", 0},
    {"army chief", "MIL", 0},
    {"commander in chief", "MIL", 0},
};

/* Generic titles: they fit any person in coreference ("the Russian leader"). */
int sr_act_generic_title(const char *w)
{
    return strcmp(w, "leader") == 0 || strcmp(w, "head") == 0 || strcmp(w, "chief") == 0 ||
           strcmp(w, "official") == 0 || strcmp(w, "politician") == 0 || strcmp(w, "man") == 0 ||
           strcmp(w, "woman") == 0;
}

/* The built-in honorific or rank written norm ("mr", "gen."), or NULL. */
const honorific *sr_act_find_honorific(const char *norm)
{
    size_t n = strlen(norm);
    if (n > 1 && norm[n - 1] == '.')
        n--; /* "Mr." "Gen." */
    /* most words are no honorific: the first letter rules out nearly every entry */
    for (size_t i = 0; i < sizeof honorifics / sizeof honorifics[0]; i++) {
        const char *w = honorifics[i].word;
        if (w[0] == norm[0] && strncmp(w, norm, n) == 0 && w[n] == 0)
            return &honorifics[i];
    }
    return NULL;
}

/* Words that begin sentences capitalized but are never part of a name. */
int sr_act_stop_word(const char *norm)
{
    static const char *const w[] = {
        "the",         "a",         "an",        "in",        "on",        "at",       "of",
        "for",         "and",       "but",       "or",        "to",        "with",     "by",
        "from",        "as",        "this",      "that",      "these",     "those",    "he",
        "she",         "it",        "they",      "we",        "i",         "you",      "his",
        "her",         "its",       "their",     "our",       "my",        "after",    "before",
        "when",        "while",     "if",        "however",   "meanwhile", "also",     "according",
        "advertising", "monday",    "tuesday",   "wednesday", "thursday",  "friday",   "saturday",
        "sunday",      "january",   "february",  "march",     "april",     "may",      "june",
        "july",        "august",    "september", "october",   "november",  "december", "said",
        "says",        "there",     "here",      "what",      "who",       "which",    "where",
        "why",         "how",       "not",       "no",        "yes",       "all",      "some",
        "earlier",     "later",     "today",     "yesterday", "tomorrow",  "now",      "then",
        "staff",       "committee", "council",   "ministry",  "office",    "house",    "forces",
        "army",        "europe"};
    return act_one_of(norm, w, sizeof w / sizeof w[0]);
}
