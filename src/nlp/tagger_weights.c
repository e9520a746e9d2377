/*
** tagger_weights.c: the weights of a perceptron while it is trained.
**
** Training keeps one growable sparse row of (class, weight, running total,
** timestamp) per feature key, so memory follows the number of features
** actually updated rather than features x classes.  The running total is
** brought up to date only when a weight changes, from the number of
** instances since its timestamp, so averaging costs nothing per instance.
*/
#include <stdlib.h>
#include <string.h>

#include "nlp/tagger_train_internal.h"

int sr_tgt_init(tr_weights *tw)
{
    memset(tw, 0, sizeof *tw);
    tw->cap = 1 << 16;
    tw->slot_row = calloc(tw->cap, sizeof *tw->slot_row);
    return tw->slot_row ? 0 : -1;
}

void sr_tgt_free(tr_weights *tw)
{
    for (size_t i = 0; i < tw->nrows; i++)
        free(tw->rows[i].e);
    free(tw->rows);
    free(tw->slot_row);
}

/* The row of key, or NULL when the key has never been updated. */
static tr_row *tr_find(const tr_weights *tw, uint64_t key)
{
    size_t mask = tw->cap - 1, s = key & mask;
    while (tw->slot_row[s]) {
        tr_row *r = &tw->rows[tw->slot_row[s] - 1];
        if (r->key == key)
            return r;
        s = (s + 1) & mask;
    }
    return NULL;
}

/* Double the slot array. */
static int tr_grow(tr_weights *tw)
{
    size_t cap = tw->cap * 2, mask = cap - 1;
    uint32_t *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < tw->nrows; i++) {
        size_t s = tw->rows[i].key & mask;
        while (slots[s])
            s = (s + 1) & mask;
        slots[s] = (uint32_t)i + 1;
    }
    free(tw->slot_row);
    tw->slot_row = slots;
    tw->cap = cap;
    return 0;
}

/* The row of key, created when absent; NULL when out of memory. */
static tr_row *tr_get(tr_weights *tw, uint64_t key)
{
    tr_row *r = tr_find(tw, key);
    if (r)
        return r;
    if ((tw->nrows + 1) * 2 > tw->cap && tr_grow(tw))
        return NULL;
    if (tw->nrows == tw->rows_cap) {
        size_t cap = tw->rows_cap ? tw->rows_cap * 2 : 1 << 16;
        tr_row *nr = realloc(tw->rows, cap * sizeof *nr);
        if (!nr)
            return NULL;
        tw->rows = nr;
        tw->rows_cap = cap;
    }
    size_t mask = tw->cap - 1, s = key & mask;
    while (tw->slot_row[s])
        s = (s + 1) & mask;
    tw->slot_row[s] = (uint32_t)tw->nrows + 1;
    r = &tw->rows[tw->nrows++];
    memset(r, 0, sizeof *r);
    r->key = key;
    return r;
}

/* Current (not averaged) scores of keys[0..n) into scores. */
void sr_tgt_score(const tr_weights *tw, const uint64_t *keys, size_t n, float *scores)
{
    for (size_t i = 0; i < n; i++) {
        const tr_row *r = tr_find(tw, keys[i]);
        if (r)
            for (uint32_t j = 0; j < r->n; j++)
                scores[r->e[j].cls] += r->e[j].w;
    }
}

/* Add delta to the weight of class c in row r, keeping the running total. */
static int tr_bump(tr_row *r, unsigned c, float delta, uint32_t t)
{
    tr_entry *e = NULL;
    for (uint32_t j = 0; j < r->n; j++)
        if (r->e[j].cls == c)
            e = &r->e[j];
    if (!e) {
        if (r->n == r->cap) {
            uint32_t cap = r->cap ? r->cap * 2 : 2;
            tr_entry *ne = realloc(r->e, cap * sizeof *ne);
            if (!ne)
                return -1;
            r->e = ne;
            r->cap = cap;
        }
        e = &r->e[r->n++];
        memset(e, 0, sizeof *e);
        e->cls = (uint8_t)c;
        e->ts = t;
    }
    e->total += (double)(t - e->ts) * e->w;
    e->ts = t;
    e->w += delta;
    return 0;
}

/* The perceptron update: reward gold, penalize the guess. */
int sr_tgt_update(tr_weights *tw, const uint64_t *keys, size_t n, unsigned gold, unsigned guess)
{
    for (size_t i = 0; i < n; i++) {
        tr_row *r = tr_get(tw, keys[i]);
        if (!r || tr_bump(r, gold, 1.0f, tw->t) || tr_bump(r, guess, -1.0f, tw->t))
            return -1;
    }
    return 0;
}

double sr_tgt_average(const tr_entry *e, uint32_t t)
{
    return t ? (e->total + (double)(t - e->ts) * e->w) / t : 0.0;
}

/*
** Add the averaged weights of src to dst, whose instance count is 1 and
** whose weights are therefore their own averages.  Summing the averaged
** models of several runs gives one linear model that scores like their
** ensemble.
*/
int sr_tgt_add_averaged(tr_weights *dst, const tr_weights *src)
{
    dst->t = 1;
    for (size_t i = 0; i < src->nrows; i++) {
        const tr_row *r = &src->rows[i];
        tr_row *d = r->n ? tr_get(dst, r->key) : NULL;
        if (r->n && !d)
            return -1;
        for (uint32_t j = 0; j < r->n; j++) {
            double avg = sr_tgt_average(&r->e[j], src->t);
            if (avg != 0 && tr_bump(d, r->e[j].cls, (float)avg, 0))
                return -1;
        }
    }
    return 0;
}

/* Forget every weight of tw, keeping its memory. */
void sr_tgt_clear(tr_weights *tw)
{
    for (size_t i = 0; i < tw->nrows; i++)
        free(tw->rows[i].e);
    tw->nrows = 0;
    tw->t = 0;
    memset(tw->slot_row, 0, tw->cap * sizeof *tw->slot_row);
}
