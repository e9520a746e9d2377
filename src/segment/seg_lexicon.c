/*
** seg_lexicon.c: the closed word lists the tokenizer and sentence splitter
** consult: abbreviations that keep their full stop, titles that precede
** names, prefixes whose hyphen the EWT treebank does not split, top-level
** domains, fused forms split as EWT splits them, and frequent
** sentence-initial words.
**
** Lists are sorted lower-case ASCII and searched with bsearch; keys are
** folded to lower case (ASCII only) before the search.
*/
#include <stdlib.h>
#include <string.h>

#include "segment/seg_internal.h"

/* Abbreviations written with a full stop (the stop is not part of the key). */
static const char *const abbrevs[] = {
    "adj",   "adm",  "adv",   "al",   "ala",  "approx", "apr",  "apt",  "ariz",  "ark",  "assn",
    "assoc", "atty", "aug",   "ave",  "bldg", "blvd",   "brig", "bros", "calif", "capt", "cdr",
    "cf",    "cmdr", "co",    "col",  "colo", "comdr",  "conn", "corp", "cpl",   "cpt",  "dec",
    "dept",  "dist", "dr",    "e.g",  "esp",  "esq",    "etc",  "feb",  "fla",   "fri",  "ft",
    "gen",   "gov",  "govt",  "hon",  "hosp", "hwy",    "i.e",  "inc",  "insp",  "intl", "jan",
    "jr",    "jul",  "jun",   "kan",  "kans", "lb",     "lbs",  "lt",   "ltd",   "maj",  "messrs",
    "mfg",   "mgr",  "mich",  "minn", "mont", "mr",     "mrs",  "ms",   "msgr",  "mt",   "mtn",
    "natl",  "neb",  "nev",   "nov",  "nr",   "oct",    "okla", "oz",   "pct",   "penn", "pfc",
    "ph.d",  "pp",   "pres",  "prof", "pt",   "pvt",    "rd",   "rep",  "reps",  "rev",  "sen",
    "sens",  "sep",  "sept",  "sgt",  "sr",   "st",     "ste",  "supt", "surg",  "tenn", "tex",
    "thu",   "thur", "thurs", "tue",  "tues", "univ",   "v",    "va",   "vol",   "vols", "vs",
    "vt",    "wis",  "wyo",   "yr",   "yrs",
};

/* Titles and similar words that are followed by a name, never by a new sentence. */
static const char *const titles[] = {
    "adm", "brig", "capt", "cdr", "cmdr",   "col",  "comdr", "cpl", "cpt",  "dr",  "gen",  "gov",
    "hon", "insp", "lt",   "maj", "messrs", "mr",   "mrs",   "ms",  "msgr", "mt",  "no",   "nos",
    "pfc", "pres", "prof", "pvt", "rep",    "reps", "rev",   "sen", "sens", "sgt", "supt", "vs",
};

/* Prefixes whose hyphen EWT keeps inside the word ("non-stop", "e-mail"). */
static const char *const keep_prefixes[] = {
    "anti",  "arch",  "bi",    "co",    "counter", "cross",  "e",      "ex",    "extra",
    "hyper", "intra", "macro", "mega",  "micro",   "mid",    "mini",   "multi", "neo",
    "non",   "over",  "post",  "pre",   "pro",     "pseudo", "psycho", "re",    "semi",
    "socio", "sub",   "super", "trans", "tri",     "ultra",  "un",     "under",
};

/* Top-level domains that make "name.tld" a web address. */
static const char *const tlds[] = {
    "au",   "biz", "br", "ca", "cn", "co",  "com", "de", "edu", "es", "eu", "fr", "gov", "in",
    "info", "int", "io", "it", "jp", "mil", "net", "nl", "org", "ru", "tv", "ua", "uk",  "us",
};

/* Weekdays and months that are abbreviations only before a date ("Sat. Sept. 23"). */
static const char *const date_abbrevs[] = {
    "mar", "mon", "sat", "sun", "wed",
};

/*
** State abbreviations that are also words ("Ill.", "Mass."): abbreviations
** only when capitalized and followed by a comma ("Ponchatoula, La., church").
*/
static const char *const state_words[] = {
    "del", "ga", "ill", "ind", "ky", "la", "mass", "md", "miss", "mo", "ore", "pa", "wash",
};

/* File name extensions: "report.pdf" is one token. */
static const char *const file_exts[] = {
    "avi", "csv", "doc", "docx", "exe", "gif", "htm", "html", "jpeg", "jpg", "mp3", "mp4",
    "pdf", "png", "ppt", "pptx", "rtf", "txt", "wav", "xls",  "xlsx", "xml", "zip",
};

/* Words that, capitalized after an abbreviation, show a new sentence has begun. */
static const char *const starters[] = {
    "a",     "after",     "also",  "an",   "and",  "as",      "at",    "but",  "by",    "during",
    "for",   "he",        "her",   "here", "his",  "however", "i",     "if",   "in",    "it",
    "its",   "meanwhile", "more",  "most", "my",   "no",      "not",   "on",   "one",   "our",
    "she",   "since",     "so",    "some", "that", "the",     "their", "then", "there", "these",
    "they",  "this",      "those", "thus", "to",   "today",   "under", "we",   "what",  "when",
    "where", "while",     "who",   "why",  "with", "yes",     "yet",   "you",  "your",
};

/* Fused forms and where EWT splits them ("cannot" = can + not). */
static const struct fused_form {
    const char *word;
    unsigned split;
} fused[] = {
    {"aint", 2},   {"arent", 3},   {"cannot", 3}, {"cant", 2},  {"couldnt", 5}, {"didnt", 3},
    {"doesnt", 4}, {"dont", 2},    {"gimme", 3},  {"gonna", 3}, {"gotta", 3},   {"hadnt", 3},
    {"hasnt", 3},  {"havent", 4},  {"im", 1},     {"isnt", 2},  {"ive", 1},     {"shouldnt", 6},
    {"thats", 4},  {"theyre", 4},  {"wanna", 3},  {"wasnt", 3}, {"werent", 4},  {"whats", 4},
    {"wont", 2},   {"wouldnt", 5}, {"youre", 3},
};

static int cmp_key(const void *key, const void *elem)
{
    return strcmp((const char *)key, *(const char *const *)elem);
}

/* Fold s[0..n) to lower case into buf (size cap); 0 when too long. */
static int fold(const char *s, size_t n, char *buf, size_t cap)
{
    if (n == 0 || n >= cap)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        buf[i] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
    }
    buf[n] = 0;
    return 1;
}

static int in_list(const char *const *list, size_t count, const char *s, size_t n)
{
    char buf[32];
    if (!fold(s, n, buf, sizeof buf))
        return 0;
    return bsearch(buf, list, count, sizeof *list, cmp_key) != NULL;
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

int sr_seg_lex_abbrev(const char *s, size_t n)
{
    return in_list(abbrevs, COUNT(abbrevs), s, n);
}

int sr_seg_lex_title(const char *s, size_t n)
{
    return in_list(titles, COUNT(titles), s, n);
}

int sr_seg_lex_keep_prefix(const char *s, size_t n)
{
    return in_list(keep_prefixes, COUNT(keep_prefixes), s, n);
}

int sr_seg_lex_tld(const char *s, size_t n)
{
    return in_list(tlds, COUNT(tlds), s, n);
}

int sr_seg_lex_date_abbrev(const char *s, size_t n)
{
    return in_list(date_abbrevs, COUNT(date_abbrevs), s, n);
}

int sr_seg_lex_state_word(const char *s, size_t n)
{
    return in_list(state_words, COUNT(state_words), s, n);
}

int sr_seg_lex_file_ext(const char *s, size_t n)
{
    return in_list(file_exts, COUNT(file_exts), s, n);
}

int sr_seg_lex_starter(const char *s, size_t n)
{
    return in_list(starters, COUNT(starters), s, n);
}

/* bsearch comparison for the fused table. */
static int cmp_fused(const void *key, const void *elem)
{
    return strcmp((const char *)key, ((const struct fused_form *)elem)->word);
}

size_t sr_seg_lex_fused(const char *s, size_t n)
{
    char buf[32];
    if (n < 2 || n > 8 || !fold(s, n, buf, sizeof buf))
        return 0;
    const struct fused_form *f = bsearch(buf, fused, COUNT(fused), sizeof fused[0], cmp_fused);
    return f ? f->split : 0;
}
