/*
** tree_repair.c: corrections of the parser's output that its features
** cannot make, applied to every parsed sentence.
**
** A deictic time word at the end of a clause ("arrested students in
** Moscow today") is sometimes read as the head of a noun phrase whose
** first noun is the verb's object, hung on it as a compound: the event
** then loses its target.  "today", "yesterday", "tonight" and "tomorrow"
** never head a compound in English, so a compound they take is given back
** to their own head: as its object when that head is a verb that has
** none and the noun has no preposition, as an oblique when it has one,
** else with the relation the time word bears.
*/
#include <string.h>
#include <strings.h>

#include "nlp/nlp.h"

/* Is t a deictic time word, which modifies a clause but never heads a compound? */
static int deictic_time(const sr_token *t)
{
    static const char *const WORDS[] = {"today", "yesterday", "tonight", "tomorrow", NULL};
    for (int i = 0; WORDS[i]; i++)
        if (strcasecmp(t->form, WORDS[i]) == 0)
            return 1;
    return 0;
}

/* Has the token at 1-based index h a dependent whose relation is rel? */
static int has_dependent(const sr_sentence *s, int h, const char *rel)
{
    for (uint32_t k = 0; k < s->ntokens; k++)
        if (s->tokens[k].head == h && s->tokens[k].deprel && strcmp(s->tokens[k].deprel, rel) == 0)
            return 1;
    return 0;
}

/* Move the compounds of deictic time words to the time word's own head. */
static void repair_time_compounds(sr_sentence *s)
{
    for (uint32_t i = 0; i < s->ntokens; i++) {
        sr_token *d = &s->tokens[i];
        if (d->head <= 0 || !d->deprel || strcmp(d->deprel, "compound") != 0)
            continue;
        const sr_token *time = &s->tokens[d->head - 1];
        if (!deictic_time(time) || time->head <= 0 ||
            (d->upos != SR_UPOS_NOUN && d->upos != SR_UPOS_PROPN))
            continue;
        const sr_token *gov = &s->tokens[time->head - 1];
        int marked = has_dependent(s, (int)i + 1, "case");
        int object = gov->upos == SR_UPOS_VERB && !has_dependent(s, time->head, "obj") && !marked;
        d->head = time->head;
        d->deprel = object ? "obj" : marked ? "obl" : time->deprel;
    }
}

void sr_parser_repair(sr_sentence *s)
{
    repair_time_compounds(s);
}
