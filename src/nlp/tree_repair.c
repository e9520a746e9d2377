/*
** tree_repair.c: corrections of the parser's output that its features
** cannot make, applied to every parsed sentence: compounds of deictic time
** words, adjectives after a noun read as its predicate, and a subject's
** verb read as a clause on it.
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

#include "nlp/nlp.h"
#include "util/util.h"

/* Is t a deictic time word, which modifies a clause but never heads a compound? */
static int deictic_time(const sr_token *t)
{
    static const char *const WORDS[] = {"today", "yesterday", "tonight", "tomorrow", NULL};
    return sr_word_in(t->form, WORDS);
}

/* The first child of head h (1-based) whose relation is rel, as a 0-based index, or -1. */
static int child_with(const sr_sentence *s, int h, const char *rel)
{
    for (uint32_t k = 0; k < s->ntokens; k++)
        if (s->tokens[k].head == h && s->tokens[k].deprel && strcmp(s->tokens[k].deprel, rel) == 0)
            return (int)k;
    return -1;
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
        int marked = child_with(s, (int)i + 1, "case") >= 0;
        int object = gov->upos == SR_UPOS_VERB && child_with(s, time->head, "obj") < 0 && !marked;
        d->head = time->head;
        d->deprel = object ? "obj" : marked ? "obl" : time->deprel;
    }
}

/* Is t a finite verb (past or present tense)? */
static int finite(const sr_token *t)
{
    return t->upos == SR_UPOS_VERB && t->xpos &&
           (strcmp(t->xpos, "VBD") == 0 || strcmp(t->xpos, "VBZ") == 0 ||
            strcmp(t->xpos, "VBP") == 0);
}

/*
** "Fighters loyal to Russia shelled the town": an adjective right after a
** noun, read as the predicate of that noun (no copula) with the sentence's
** finite verb hung on it as a clause of its own, is the noun's modifier;
** the verb heads the clause and takes the noun as its subject, and the
** adjective's dependents after the verb go with it.
*/
static void repair_postnominal_adjectives(sr_sentence *s)
{
    for (uint32_t a = 1; a < s->ntokens; a++) {
        sr_token *adj = &s->tokens[a];
        if (adj->upos != SR_UPOS_ADJ)
            continue;
        int h = (int)a + 1, n = child_with(s, h, "nsubj"), v = -1;
        static const char *const CLAUSES[] = {"advcl", "parataxis", "ccomp", NULL};
        for (int r = 0; CLAUSES[r] && v < 0; r++)
            v = child_with(s, h, CLAUSES[r]);
        if (adj->upos != SR_UPOS_ADJ || n != (int)a - 1 || v < (int)a ||
            child_with(s, h, "cop") >= 0 || !finite(&s->tokens[v]) ||
            child_with(s, v + 1, "mark") >= 0 || child_with(s, v + 1, "nsubj") >= 0)
            continue;
        sr_token *verb = &s->tokens[v];
        for (uint32_t k = 0; k < s->ntokens; k++)
            if (s->tokens[k].head == h && (int)k > v)
                s->tokens[k].head = v + 1; /* what follows the verb is the verb's */
        verb->head = adj->head;
        verb->deprel = adj->deprel;
        s->tokens[n].head = v + 1;
        s->tokens[n].deprel = "nsubj";
        adj->head = n + 1;
        adj->deprel = "amod";
    }
}

/* Is token k (0-based) a subject of its head? */
static int subject(const sr_token *t)
{
    return t->deprel && strncmp(t->deprel, "nsubj", 5) == 0;
}

/*
** "Syrian military aircraft used sarin in an attack ..., investigators
** concluded": a past tense read as a clause on a noun (acl) of a subject
** whose verb has a subject of its own is that subject's verb.  The subject
** becomes the verb's, and the verb hangs beside the other clause as its
** parataxis.
*/
static void repair_subject_verbs(sr_sentence *s)
{
    for (uint32_t v = 1; v < s->ntokens; v++) {
        sr_token *verb = &s->tokens[v];
        if (!verb->xpos || strcmp(verb->xpos, "VBD") != 0 || !verb->deprel ||
            strcmp(verb->deprel, "acl") != 0 || verb->head <= 0 || verb->head > (int32_t)v)
            continue;
        int t = verb->head - 1; /* up the noun phrase to its subject */
        for (uint32_t steps = 0; steps < s->ntokens && !subject(&s->tokens[t]); steps++) {
            const char *rel = s->tokens[t].deprel;
            if (!rel || s->tokens[t].head <= 0 ||
                !(strcmp(rel, "nmod") == 0 || strcmp(rel, "compound") == 0 ||
                  strcmp(rel, "flat") == 0))
                break;
            t = s->tokens[t].head - 1;
        }
        int clause = s->tokens[t].head;
        if (!subject(&s->tokens[t]) || clause <= 0)
            continue;
        int other = 0; /* the clause has a subject of its own besides this one */
        for (uint32_t k = 0; k < s->ntokens; k++)
            other |= (int)k != t && s->tokens[k].head == clause && subject(&s->tokens[k]);
        if (!other)
            continue;
        verb->head = clause;
        verb->deprel = "parataxis";
        s->tokens[t].head = (int32_t)v + 1;
        s->tokens[t].deprel = "nsubj";
    }
}

void sr_parser_repair(sr_sentence *s)
{
    repair_subject_verbs(s);
    repair_time_compounds(s);
    repair_postnominal_adjectives(s);
}
