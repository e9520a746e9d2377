/*
** tree_repair.c: corrections of the parser's output that its features
** cannot make, applied to every parsed sentence: compounds of deictic time
** words, adjectives after a noun read as its predicate, a subject's verb
** read as a clause on it, and a sentence's verb read as a modifier of its
** object.
**
** A deictic time word at the end of a clause ("arrested students in
** Moscow today") is sometimes read as the head of a noun phrase whose
** first noun is the verb's object, hung on it as a compound: the event
** then loses its target.  "today", "yesterday", "tonight" and "tomorrow"
** never head a compound in English, so a compound they take is given back
** to their own head: as its object when that head is a verb that has
** none and the noun has no preposition, as an oblique when it has one,
** else with the relation the time word bears.
**
** The other repairs are stated above their functions.
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

/* Is t a noun or a name, which can be a verb's subject? */
static int nominal(const sr_token *t)
{
    return t->upos == SR_UPOS_NOUN || t->upos == SR_UPOS_PROPN || t->upos == SR_UPOS_PRON;
}

/*
** Is token k an adjective standing as a noun right before verb v, after a
** determiner ("The Israeli military destroyed": "military")?
*/
static int determined_adjective(const sr_sentence *s, int k, int v)
{
    if (k != v - 1 || s->tokens[k].upos != SR_UPOS_ADJ)
        return 0;
    for (int d = 0; d < k; d++)
        if (s->tokens[d].upos == SR_UPOS_DET && s->tokens[d].head > k)
            return 1;
    return 0;
}

/* Does any verb other than token v (0-based) have a subject? */
static int other_verb_has_subject(const sr_sentence *s, uint32_t v)
{
    for (uint32_t k = 0; k < s->ntokens; k++) {
        const sr_token *t = &s->tokens[k];
        if (subject(t) && t->head > 0 && t->head != (int32_t)v + 1 &&
            s->tokens[t->head - 1].upos == SR_UPOS_VERB)
            return 1;
    }
    return 0;
}

/*
** "China's military began two days of drills", "Egyptian aircraft
** air-dropped food into Gaza": a finite verb read as a modifier (amod or
** compound) of the noun after it, which heads the whole sentence with no
** verb of its own, is the sentence's verb.  It becomes the root and takes
** that noun as its object; when it has no subject, the nearest noun
** before it becomes one, with the other words before the verb.  Only
** when no other verb of the sentence has a subject: a clause of its own
** elsewhere means the parse found the sentence's structure.
*/
static void repair_verb_as_modifier(sr_sentence *s)
{
    int r = child_with(s, 0, "root");
    if (r < 0 || !nominal(&s->tokens[r]) || child_with(s, r + 1, "cop") >= 0)
        return;
    int v = -1;
    for (int k = 0; k < r && v < 0; k++) {
        const sr_token *t = &s->tokens[k];
        if (t->upos == SR_UPOS_VERB && t->xpos && t->head == r + 1 &&
            (strcmp(t->deprel, "amod") == 0 || strcmp(t->deprel, "compound") == 0))
            v = k;
    }
    if (v < 0 || other_verb_has_subject(s, (uint32_t)v))
        return;
    int32_t vh = v + 1, rh = r + 1;
    int subj = child_with(s, vh, "nsubj");
    for (int k = v - 1; k >= 0 && subj < 0; k--) /* the nearest noun before the verb */
        if ((nominal(&s->tokens[k]) || determined_adjective(s, k, v)) &&
            (s->tokens[k].head == vh || s->tokens[k].head == rh) &&
            strcmp(s->tokens[k].deprel, "nmod:poss") != 0)
            subj = k;
    /* a participle ("the destroyed bridge") is a verb only with a subject before it */
    if (!finite(&s->tokens[v]) && (strcmp(s->tokens[v].xpos, "VBN") != 0 || subj < 0))
        return;
    s->tokens[v].head = 0;
    s->tokens[v].deprel = "root";
    s->tokens[r].head = vh;
    s->tokens[r].deprel = "obj";
    for (uint32_t k = 0; k < s->ntokens; k++)
        if (s->tokens[k].head == rh && strcmp(s->tokens[k].deprel, "punct") == 0)
            s->tokens[k].head = vh; /* the sentence's punctuation stays on its root */
    if (subj < 0 || (s->tokens[subj].head == vh && strcmp(s->tokens[subj].deprel, "nsubj") == 0))
        return;
    for (int k = 0; k < v; k++)
        if (k != subj && (s->tokens[k].head == vh || s->tokens[k].head == rh))
            s->tokens[k].head = subj + 1; /* "Jordanian and Egyptian ... aircraft" */
    s->tokens[subj].head = vh;
    s->tokens[subj].deprel = "nsubj";
}

/* Is t a function word that UD gives no dependents: an auxiliary or a copula? */
static int function_head(const sr_token *t)
{
    return t->deprel && (strcmp(t->deprel, "aux") == 0 || strcmp(t->deprel, "aux:pass") == 0 ||
                         strcmp(t->deprel, "cop") == 0);
}

/*
** "Russia has repeatedly stated that ...": a subject hung on an auxiliary
** or a copula (here on "has") belongs to the auxiliary's head, the verb or
** predicate; UD gives function words no subjects.
*/
static void repair_function_word_subjects(sr_sentence *s)
{
    for (uint32_t k = 0; k < s->ntokens; k++) {
        sr_token *t = &s->tokens[k];
        if (t->head <= 0 || !subject(t) || !function_head(&s->tokens[t->head - 1]))
            continue;
        int32_t up = s->tokens[t->head - 1].head;
        if (up > 0 && up != (int32_t)k + 1)
            t->head = up;
    }
}

void sr_parser_repair(sr_sentence *s)
{
    repair_function_word_subjects(s);
    repair_subject_verbs(s);
    repair_time_compounds(s);
    repair_postnominal_adjectives(s);
    repair_verb_as_modifier(s);
}
