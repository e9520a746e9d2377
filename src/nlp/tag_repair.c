/*
** tag_repair.c: corrections of the greedy tagger's output, made before the
** parser reads the tags: main verbs and subordinate verbs read as
** participles, the bare verb of a "that" clause read as a noun, a name
** opening a sentence read as an imperative ("Trump gave ..."), a
** possessed noun read as an adjective ("Israel's military said"), a
** participle before a conjoined noun ("fighters and allied militias"), and
** a participle set off by commas read as a past tense ("X, arrested after
** his return, declared"), a phrasal verb read as a noun ("a jet shot down
** a balloon"), a name read as a common noun ("Trump and Xi met"), and a
** participle after a preposition read as a past tense ("in withheld
** revenues").
**
** The tagger learnt its tags from web text, where a past-tense verb right
** after a noun is as often a participle modifying it ("the man killed in
** the crash") as the sentence's main verb.  In news the main verb is the
** rule ("Israeli forces demolished dozens of homes", "German police raised
** security after an attack killed five people"), and a participle (VBN)
** there makes the parser hang the verb on its subject and take a later
** verb for the root: the event then loses its actors.
**
** A VBN becomes a finite past (VBD) when it stands where only a main verb
** can: right after the head of its subject (a noun or pronoun), before any
** finite verb or clause boundary of the sentence, followed by what begins
** an object or a particle, and with every later finite verb set off by a
** comma, a conjunction or a subordinator ("..., officials said", "after X
** killed").  Only tags decide, so the rule needs no word lists; on UD EWT
** it changes XPOS, UAS and LAS by at most 0.01.
**
** The same holds in a clause that a subordinator opens ("a day after
** gunmen killed 26 people", "after police opened fire on protesters"): a
** VBN right after that clause's subject noun, followed by a determiner,
** number, pronoun or noun, is its finite verb, since a passive participle
** takes no direct object; so is one of a clause joined after a comma
** (", and police opened fire").  This needs the subordinators by name, for
** their tag (IN) is that of prepositions ("the families of soldiers
** killed last week" keeps its participle).  Before a past tense the
** subordinator is made a mark too ("after Paris endorsed the plan"), so
** that the parser opens the clause there.
*/
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "nlp/nlp.h"
#include "util/util.h"

static int tag_is(const sr_token *t, const char *tag)
{
    return t->xpos && strcmp(t->xpos, tag) == 0;
}

static int tag_starts(const sr_token *t, const char *prefix)
{
    return t->xpos && strncmp(t->xpos, prefix, strlen(prefix)) == 0;
}

static int finite_verb(const sr_token *t)
{
    return tag_is(t, "VBD") || tag_is(t, "VBZ") || tag_is(t, "VBP") || tag_is(t, "MD");
}

/* A comma, conjunction, subordinator or wh-word: a new clause may begin after it. */
static int clause_boundary(const sr_token *t)
{
    return strcmp(t->form, ",") == 0 || t->upos == SR_UPOS_SCONJ || t->upos == SR_UPOS_CCONJ ||
           tag_is(t, "WDT") || tag_is(t, "WP") || tag_is(t, "WRB");
}

/* What may follow a transitive or phrasal verb: a determiner, noun, number, adjective, "to"... */
static int object_start(const sr_token *t)
{
    return tag_is(t, "DT") || tag_is(t, "CD") || tag_starts(t, "NN") || tag_starts(t, "JJ") ||
           tag_is(t, "PRP$") || tag_is(t, "PRP") || tag_is(t, "RP") || tag_is(t, "IN") ||
           tag_is(t, "TO");
}

static int subordinator(const sr_token *t);

/*
** Is every finite verb after token i set off from it by a clause boundary?
** A subordinator read as a preposition counts ("raised security after a
** car attack in Magdeburg killed five people").
*/
static int later_verbs_set_off(const sr_sentence *s, uint32_t i)
{
    int boundary = 0;
    for (uint32_t j = i + 1; j < s->ntokens; j++) {
        const sr_token *t = &s->tokens[j];
        if (finite_verb(t) && !boundary)
            return 0;
        boundary |= clause_boundary(t) || (tag_is(t, "IN") && subordinator(t));
    }
    return 1;
}

/* Is token k a comma inside a list of adjectives or names ("Russian, Chinese and Iranian")? */
static int list_comma(const sr_sentence *s, uint32_t k)
{
    if (strcmp(s->tokens[k].form, ",") != 0 || k == 0 || k + 1 >= s->ntokens)
        return 0;
    const sr_token *a = &s->tokens[k - 1], *b = &s->tokens[k + 1];
    return (tag_starts(a, "JJ") || tag_is(a, "NNP")) && (tag_starts(b, "JJ") || tag_is(b, "NNP"));
}

/*
** Has the sentence a finite verb or a clause boundary before token i?  A
** conjunction that joins nouns ("RSF fighters and allied militias killed")
** opens no clause: only one after a verb counts; nor does a comma in a list
** of adjectives or names ("Russian, Chinese and Iranian warships held").
*/
static int clause_before(const sr_sentence *s, uint32_t i)
{
    int verb = 0;
    for (uint32_t k = 0; k < i; k++) {
        const sr_token *t = &s->tokens[k];
        int joins = t->upos == SR_UPOS_CCONJ || list_comma(s, k);
        if (finite_verb(t) || (clause_boundary(t) && (!joins || verb)))
            return 1;
        verb |= tag_starts(t, "VB");
    }
    return 0;
}

/* Does t open an adverbial clause ("after", "before", "since", "when"...)? */
static int subordinator(const sr_token *t)
{
    static const char *const WORDS[] = {"after",  "before",  "since", "until", "once",
                                        "while",  "because", "when",  "as",    "although",
                                        "though", "that",    NULL};
    return sr_word_in(t->form, WORDS);
}

/*
** Has the clause of token i a finite verb after it?  Without one, a VBN
** after the clause's subject is its verb also before a preposition, where
** machine translation puts the object last ("that the troops used against
** the positions the chemical weapon").
*/
static int finite_after(const sr_sentence *s, uint32_t i)
{
    for (uint32_t k = i + 1; k < s->ntokens && !clause_boundary(&s->tokens[k]); k++)
        if (finite_verb(&s->tokens[k]))
            return 1;
    return 0;
}

/* A word of a noun phrase before its head: determiner, adjective, number, noun, possessive. */
static int noun_phrase_word(const sr_token *t)
{
    return tag_is(t, "DT") || tag_starts(t, "JJ") || tag_is(t, "CD") || tag_starts(t, "NN") ||
           tag_is(t, "PRP$") || tag_is(t, "POS");
}

/*
** The bare verb of a mandative clause read as a noun: "demanding that
** Maduro step down", "demanded that the government scrap the rules".  The
** last of the nouns after "that" (following a verb), when no finite verb
** follows before the clause ends, nor a participle right after it, is that
** clause's verb (VB).
*/
static void repair_mandative_verbs(sr_sentence *s)
{
    for (uint32_t i = 1; i + 3 < s->ntokens; i++) {
        const sr_token *that = &s->tokens[i];
        if (strcasecmp(that->form, "that") != 0 || !tag_starts(&s->tokens[i - 1], "VB"))
            continue;
        uint32_t j = i + 1; /* the subject: a noun phrase, then the verb read as its last noun */
        while (j < s->ntokens && (tag_is(&s->tokens[j], "DT") || tag_starts(&s->tokens[j], "JJ")))
            j++;
        uint32_t first_noun = j;
        while (j + 1 < s->ntokens && tag_starts(&s->tokens[j + 1], "NN"))
            j++;
        uint32_t v = j;
        if (v >= s->ntokens || v == first_noun || !tag_starts(&s->tokens[first_noun], "NN") ||
            !(tag_is(&s->tokens[v], "NN") || tag_is(&s->tokens[v], "NNS")))
            continue;
        /* a participle right after it is the verb: "that the occupation forces arrested" */
        int finite = v + 1 < s->ntokens && tag_is(&s->tokens[v + 1], "VBN");
        for (uint32_t k = v + 1; k < s->ntokens && !clause_boundary(&s->tokens[k]); k++)
            finite |= finite_verb(&s->tokens[k]);
        if (finite)
            continue;
        s->tokens[v].xpos = "VB";
        s->tokens[v].upos = SR_UPOS_VERB;
        s->tokens[v].feats = "VerbForm=Inf";
    }
}

/* Make finite the VBN of each subordinate clause "SUBORDINATOR NP VBN OBJECT". */
static void repair_subordinate_verbs(sr_sentence *s)
{
    for (uint32_t i = 2; i + 1 < s->ntokens; i++) {
        sr_token *t = &s->tokens[i];
        const sr_token *next = &s->tokens[i + 1];
        int past = tag_is(t, "VBD"); /* finite already: only the subordinator to mark */
        if (!(past || tag_is(t, "VBN")) || !tag_starts(&s->tokens[i - 1], "NN") ||
            !(past || tag_is(next, "DT") || tag_is(next, "CD") || tag_is(next, "PRP$") ||
              tag_is(next, "PRP") || tag_starts(next, "NN") ||
              (tag_is(next, "IN") && !finite_after(s, i))))
            continue;
        uint32_t j = i - 1;
        while (j > 0 && noun_phrase_word(&s->tokens[j - 1]))
            j--;
        /* ", and police opened fire": a clause joined after a comma opens the same way */
        int joined = j > 1 && tag_is(&s->tokens[j - 1], "CC") &&
                     strcmp(s->tokens[j - 2].form, ",") == 0 && tag_starts(&s->tokens[i - 1], "NN");
        if (joined && !past) {
            t->xpos = "VBD";
            t->feats = "Mood=Ind|Tense=Past|VerbForm=Fin";
        } else if (j > 0 && subordinator(&s->tokens[j - 1])) {
            t->xpos = "VBD";
            t->feats = "Mood=Ind|Tense=Past|VerbForm=Fin";
            sr_token *sub = &s->tokens[j - 1];
            if (sub->upos == SR_UPOS_ADP && strcasecmp(sub->form, "as") != 0)
                sub->upos = SR_UPOS_SCONJ; /* it opens the clause: the verb's mark */
        }
    }
}

/*
** "Trump gave Ukraine security guarantees": a capitalized first word read
** as an imperative (VB) right before a finite verb is the sentence's
** subject, a proper noun; an imperative takes an object, not a verb.
*/
static void repair_initial_name(sr_sentence *s)
{
    if (s->ntokens < 3)
        return;
    sr_token *t = &s->tokens[0];
    const sr_token *next = &s->tokens[1];
    /* "Trump and Xi Jinping met": a common noun joined to a name is a name too */
    int joined = tag_is(t, "NN") && tag_is(next, "CC") && tag_is(&s->tokens[2], "NNP");
    if ((tag_is(t, "VB") || joined) && isupper((unsigned char)t->form[0]) &&
        (joined || tag_is(next, "VBD") || tag_is(next, "VBZ") || tag_is(next, "MD"))) {
        t->xpos = "NNP";
        t->upos = SR_UPOS_PROPN;
        t->feats = "Number=Sing";
        t->lemma = t->form;
    }
}

/*
** "Israel's military said", "Russia's military launched": a word read as
** an adjective (JJ) right after a possessive "'s" and right before a verb
** is what the possessor has, the subject's head noun: an adjective there
** would modify nothing.
*/
static void repair_possessed_adjectives(sr_sentence *s)
{
    for (uint32_t i = 1; i + 1 < s->ntokens; i++) {
        sr_token *t = &s->tokens[i];
        const sr_token *next = &s->tokens[i + 1];
        if (!tag_is(t, "JJ") || !tag_is(&s->tokens[i - 1], "POS") ||
            !(tag_starts(next, "VB") || tag_is(next, "MD")) || tag_is(next, "VBG"))
            continue;
        t->xpos = "NN";
        t->upos = SR_UPOS_NOUN;
        t->feats = "Number=Sing";
    }
}

/*
** "RSF fighters and allied Arab militias killed": a participle right after
** a conjunction that joins nouns, before a noun phrase whose head is
** followed by a finite verb, modifies that noun (JJ) as an adjective: the
** verb's subject is the whole conjunction.
*/
static void repair_conjoined_participles(sr_sentence *s)
{
    for (uint32_t i = 2; i + 2 < s->ntokens; i++) {
        sr_token *t = &s->tokens[i];
        if (!tag_is(t, "VBN") || !tag_is(&s->tokens[i - 1], "CC") ||
            !tag_starts(&s->tokens[i - 2], "NN"))
            continue;
        uint32_t j = i + 1;
        while (j < s->ntokens &&
               (tag_starts(&s->tokens[j], "JJ") || tag_starts(&s->tokens[j], "NN")))
            j++;
        if (j == i + 1 || j >= s->ntokens || !tag_starts(&s->tokens[j - 1], "NN") ||
            !finite_verb(&s->tokens[j]))
            continue;
        t->xpos = "JJ";
        t->upos = SR_UPOS_ADJ;
        t->feats = "Degree=Pos";
    }
}

/*
** "Saakashvili, arrested after his return, declared a hunger strike": a
** past tense set off by commas right after its noun, with no object after
** it, before a comma and the sentence's finite verb, is a participle (VBN)
** describing the noun, not the main verb.
*/
static void repair_parenthetical_participles(sr_sentence *s)
{
    for (uint32_t i = 2; i + 3 < s->ntokens; i++) {
        sr_token *t = &s->tokens[i];
        const sr_token *next = &s->tokens[i + 1];
        if (!tag_is(t, "VBD") || strcmp(s->tokens[i - 1].form, ",") != 0 ||
            !tag_starts(&s->tokens[i - 2], "NN") || !(tag_is(next, "IN") || tag_starts(next, "RB")))
            continue;
        uint32_t j = i + 1;
        while (j + 1 < s->ntokens && strcmp(s->tokens[j].form, ",") != 0 &&
               !finite_verb(&s->tokens[j]))
            j++;
        if (j + 1 >= s->ntokens || strcmp(s->tokens[j].form, ",") != 0 ||
            !finite_verb(&s->tokens[j + 1]))
            continue;
        t->xpos = "VBN";
        t->feats = "Tense=Past|VerbForm=Part|Voice=Pass";
    }
}

/*
** "A U.S. fighter jet shot down a balloon": a singular noun right after
** the subject's noun, before a particle and an object, with no verb
** before it, is the sentence's verb (VBD): a noun is never followed by
** "down a ..." or "off the ...".
*/
static void repair_phrasal_verb_nouns(sr_sentence *s)
{
    static const char *const PARTICLES[] = {"down", "up", "off", "out", NULL};
    for (uint32_t i = 1; i + 2 < s->ntokens; i++) {
        sr_token *t = &s->tokens[i];
        const sr_token *prt = &s->tokens[i + 1];
        if (!tag_is(t, "NN") || !tag_starts(&s->tokens[i - 1], "NN") ||
            !noun_phrase_word(&s->tokens[i + 2]) || !sr_word_in(prt->form, PARTICLES) ||
            clause_before(s, i))
            continue;
        t->xpos = "VBD";
        t->upos = SR_UPOS_VERB;
        t->feats = "Mood=Ind|Tense=Past|VerbForm=Fin";
        return;
    }
}

/* Is t a preposition that never opens a clause ("in", "of", "with"...)? */
static int pure_preposition(const sr_token *t)
{
    static const char *const WORDS[] = {
        "in",   "of",    "on",      "at",      "with",   "from", "for", "by",      "into", "under",
        "over", "about", "against", "through", "across", "near", "to",  "without", "onto", NULL};
    return sr_word_in(t->form, WORDS);
}

/*
** "released 400 million shekels in withheld tax revenues": a past tense
** right after a preposition that opens no clause, before a noun phrase, is
** a participle modifying that phrase (VBN).
*/
static void repair_prepositional_participles(sr_sentence *s)
{
    for (uint32_t i = 1; i + 1 < s->ntokens; i++) {
        sr_token *t = &s->tokens[i];
        const sr_token *next = &s->tokens[i + 1];
        if (!tag_is(t, "VBD") || !pure_preposition(&s->tokens[i - 1]) ||
            !(tag_starts(next, "JJ") || tag_starts(next, "NN")))
            continue;
        t->xpos = "VBN";
        t->feats = "Tense=Past|VerbForm=Part";
    }
}

/* The first participle that stands where only the main verb can is that verb (VBD). */
static void repair_main_verb(sr_sentence *s)
{
    for (uint32_t i = 1; i + 1 < s->ntokens; i++) {
        sr_token *t = &s->tokens[i];
        const sr_token *before = &s->tokens[i - 1];
        if (!tag_is(t, "VBN") || !(tag_starts(before, "NN") || tag_is(before, "PRP")) ||
            !object_start(&s->tokens[i + 1]) || clause_before(s, i) || !later_verbs_set_off(s, i))
            continue;
        t->xpos = "VBD";
        t->feats = "Mood=Ind|Tense=Past|VerbForm=Fin";
        return; /* the main verb is found; later participles are the tagger's */
    }
}

void sr_tagger_repair(sr_sentence *s)
{
    repair_initial_name(s);
    repair_possessed_adjectives(s);
    repair_parenthetical_participles(s);
    repair_phrasal_verb_nouns(s);
    repair_prepositional_participles(s);
    repair_subordinate_verbs(s);
    repair_mandative_verbs(s);
    repair_main_verb(s);
    repair_conjoined_participles(s); /* once the verb after the subject is finite */
}
