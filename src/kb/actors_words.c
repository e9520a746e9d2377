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
/*
** Built-in honorifics and ranks: used when the base has no such word.
** Kept in strcmp() order: sr_act_find_honorific() searches by halves.
*/
static const honorific honorifics[] = {
    {"admiral", "MIL", 0},
    {"adviser", "GOV", 0},
    {"advisor", "GOV", 0},
    {"ambassador", "GOV", 0},
    {"archbishop", "REL", 'm'},
    {"army chief", "MIL", 0},
    {"ayatollah", "REL", 'm'},
    {"bishop", "REL", 'm'},
    {"brigadier", "MIL", 0},
    {"capt", "MIL", 0},
    {"captain", "MIL", 0},
    {"cardinal", "REL", 'm'},
    {"chancellor", "GOV", 0},
    {"chief", "", 0},
    {"col", "MIL", 0},
    {"colonel", "MIL", 0},
    {"commander", "MIL", 0},
    {"commander in chief", "MIL", 0},
    {"congressman", "LEG", 'm'},
    {"congresswoman", "LEG", 'f'},
    {"dame", "", 'f'},
    {"defence minister", "GOV", 0},
    {"defense minister", "GOV", 0},
    {"deputy", "", 0},
    {"diplomat", "GOV", 0},
    {"dr", "", 0},
    {"envoy", "GOV", 0},
    {"field marshal", "MIL", 0},
    {"foreign minister", "GOV", 0},
    {"gen", "MIL", 0},
    {"general", "MIL", 0},
    {"gov", "GOV", 0},
    {"governor", "GOV", 0},
    {"head", "", 0},
    {"imam", "REL", 'm'},
    {"judge", "JUD", 0},
    {"king", "GOV", 'm'},
    {"lady", "", 'f'},
    {"leader", "", 0},
    {"lieutenant", "MIL", 0},
    {"lieutenant general", "MIL", 0},
    {"lord", "", 'm'},
    {"lt", "MIL", 0},
    {"maj", "MIL", 0},
    {"major", "MIL", 0},
    {"major general", "MIL", 0},
    {"marshal", "MIL", 0},
    {"mayor", "GOV", 0},
    {"military chief", "MIL", 0},
    {"minister", "GOV", 0},
    {"miss", "", 'f'},
    {"mr", "", 'm'},
    {"mrs", "", 'f'},
    {"ms", "", 'f'},
    {"official", "GOV", 0},
    {"pope", "REL", 'm'},
    {"premier", "GOV", 0},
    {"president", "GOV", 0},
    {"prime minister", "GOV", 0},
    {"prince", "ELI", 'm'},
    {"princess", "ELI", 'f'},
    {"prof", "", 0},
    {"professor", "EDU", 0},
    {"queen", "GOV", 'f'},
    {"rabbi", "REL", 0},
    {"rear admiral", "MIL", 0},
    {"rep", "LEG", 0},
    {"secretary", "GOV", 0},
    {"sen", "LEG", 0},
    {"senator", "LEG", 0},
    {"sergeant", "MIL", 0},
    {"sgt", "MIL", 0},
    {"sheikh", "", 'm'},
    {"sir", "", 'm'},
    {"spokesman", "GOV", 'm'},
    {"spokesperson", "GOV", 0},
    {"spokeswoman", "GOV", 'f'},
    {"top diplomat", "GOV", 0},
    {"vice admiral", "MIL", 0},
    {"vice president", "GOV", 0},
};

/* Generic titles: they fit any person in coreference ("the Russian leader"). */
int sr_act_generic_title(const char *w)
{
    return strcmp(w, "leader") == 0 || strcmp(w, "head") == 0 || strcmp(w, "chief") == 0 ||
           strcmp(w, "official") == 0 || strcmp(w, "politician") == 0 || strcmp(w, "man") == 0 ||
           strcmp(w, "woman") == 0;
}

/* strcmp() of honorific word w against the n bytes of key (no NUL among them). */
static int compare_word(const char *w, const char *key, size_t n)
{
    int c = strncmp(w, key, n);
    return c != 0 ? c : w[n] != 0;
}

/*
** The built-in honorific or rank written norm ("mr", "gen."), or NULL.  It
** is looked up for most tokens and title words: a binary search over the
** sorted table, since most words are no honorific.
*/
const honorific *sr_act_find_honorific(const char *norm)
{
    size_t n = strlen(norm);
    if (n > 1 && norm[n - 1] == '.')
        n--; /* "Mr." "Gen." */
    if (n == 0)
        return NULL;
    size_t lo = 0, hi = sizeof honorifics / sizeof honorifics[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = compare_word(honorifics[mid].word, norm, n);
        if (c == 0)
            return &honorifics[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
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
