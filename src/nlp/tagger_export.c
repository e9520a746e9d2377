/*
** tagger_export.c: writing a tagger model file from averaged weights.
**
** Every epoch's candidate and the final ensemble are written here and
** loaded back to be scored, so the dev score is that of the file shipped:
** the averaged weights pruned, the strongest rows of each table kept,
** quantized to int16 with one scale per table and laid out in the hash
** tables the tagger probes (docs/model-format.md), with the inventory's
** classes, FEATS strings and dictionaries.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nlp/tagger_train_internal.h"
#include "util/util.h"

/*
** Slots for a hash table of n entries: a power of two, filled to at most
** 90% (Robin Hood order keeps probes short) so the model stays compact.
*/
static size_t table_slots(size_t n)
{
    size_t p = 16;
    while (p * 90 < n * 100 + 100)
        p *= 2;
    return p;
}

/* log2 of table_slots(n). */
unsigned sr_tgt_slot_bits(size_t n)
{
    unsigned bits = 0;
    while ((1ul << bits) < table_slots(n))
        bits++;
    return bits;
}

static int strength_desc(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x < y) - (x > y);
}

/*
** The smallest row strength (largest weight of a row) that keeps at most
** max_rows rows; 0 when every row fits (max_rows 0: no limit).
*/
static double row_floor(const double *strength, size_t n, size_t max_rows)
{
    size_t live = 0;
    for (size_t i = 0; i < n; i++)
        live += strength[i] > 0;
    if (max_rows == 0 || live <= max_rows)
        return 0;
    double *sorted = malloc(n * sizeof *sorted);
    if (!sorted)
        return 0;
    memcpy(sorted, strength, n * sizeof *sorted);
    qsort(sorted, n, sizeof *sorted, strength_desc);
    double floor = sorted[max_rows - 1];
    free(sorted);
    return floor;
}

/* Add a table's slots as section <prefix>_slots. */
static int export_slots(sr_model_writer *mw, const char *prefix, const sr_tg_slot *slots,
                        size_t cap, sr_error *err)
{
    char name[SR_MODEL_SECTION_NAME_MAX];
    snprintf(name, sizeof name, "%s_slots", prefix);
    return sr_model_writer_add(mw, name, SR_MT_U32, slots, cap * 2, err);
}

/*
** Add one perceptron as sections <prefix>_slots/_cls/_w: averaged weights
** at least `prune` in magnitude, quantized to int16 with one scale; rows
** of a single weight are stored inline in their slot.
*/
static int export_table(sr_model_writer *mw, const char *prefix, const tr_weights *tw,
                        size_t nclass, double prune, size_t max_rows, sr_error *err)
{
    double maxw = 0;
    size_t kept_rows = 0, kept = 0;
    double *strength = calloc(tw->nrows + 1, sizeof *strength);
    if (!strength)
        return sr_error_set(err, "out of memory");
    for (size_t i = 0; i < tw->nrows; i++)
        for (uint32_t j = 0; j < tw->rows[i].n; j++) {
            double a = fabs(sr_tgt_average(&tw->rows[i].e[j], tw->t));
            if (a >= prune && a > strength[i])
                strength[i] = a;
        }
    double floor = row_floor(strength, tw->nrows, max_rows);
    size_t at_floor = 0;
    for (size_t i = 0; i < tw->nrows; i++) {
        if (strength[i] == 0 || strength[i] < floor ||
            (strength[i] == floor && kept_rows >= max_rows)) {
            strength[i] = 0; /* dropped */
            continue;
        }
        at_floor += strength[i] == floor;
        for (uint32_t j = 0; j < tw->rows[i].n; j++) {
            double a = fabs(sr_tgt_average(&tw->rows[i].e[j], tw->t));
            if (a >= prune) {
                maxw = a > maxw ? a : maxw;
                kept++;
            }
        }
        kept_rows++;
    }
    (void)at_floor;
    double scale = maxw > 0 ? 32767.0 / maxw : 1.0;
    unsigned bits = sr_tgt_slot_bits(kept_rows);
    size_t cap = (size_t)1 << bits;
    sr_tg_slot *slots = calloc(cap, sizeof *slots);
    uint8_t *cls = malloc(kept + 1);
    int16_t *w = malloc((kept + 1) * sizeof *w);
    size_t ndense = 0, dense_min = nclass / 3 > 8 ? nclass / 3 : 8;
    size_t stride = sr_tg_dense_stride(nclass);
    int16_t *dense = malloc((kept / dense_min + 1) * stride * sizeof *dense);
    int rc = -1;
    if (!slots || !cls || !w || !dense) {
        sr_error_set(err, "out of memory");
        goto done;
    }
    size_t pool = 0;
    for (size_t i = 0; i < tw->nrows; i++) {
        const tr_row *r = &tw->rows[i];
        size_t start = pool;
        if (strength[i] == 0)
            continue;
        for (uint32_t j = 0; j < r->n; j++) {
            double a = sr_tgt_average(&r->e[j], tw->t);
            long q = lround(a * scale);
            if (fabs(a) >= prune && q != 0) {
                cls[pool] = r->e[j].cls;
                w[pool++] = (int16_t)q;
            }
        }
        uint32_t row = (uint32_t)(start << 8 | (pool - start));
        if (pool - start == 1) { /* inline, and give the pool entry back */
            row = SR_TG_INLINE | (uint32_t)cls[start] << 16 | (uint16_t)w[start];
            pool = start;
        } else if (pool - start >= dense_min) { /* dense */
            int16_t *d = dense + ndense * stride;
            memset(d, 0, stride * sizeof *d);
            for (size_t j = start; j < pool; j++)
                d[cls[j]] = w[j];
            row = (uint32_t)(ndense++ << 8);
            pool = start;
            if (sr_tg_insert(slots, (uint32_t)(cap - 1), bits, sr_tg_fingerprint(r->key), row))
                ndense--;
            continue;
        }
        if (pool == start && !(row & SR_TG_INLINE))
            continue;
        if (sr_tg_insert(slots, (uint32_t)(cap - 1), bits, sr_tg_fingerprint(r->key), row))
            pool = start; /* fingerprint clash: drop the row */
    }
    if (pool >= (1u << 23)) {
        sr_error_set(err, "%s table: %zu weights, more than the format's 2^23", prefix, pool);
        goto done;
    }
    char name[SR_MODEL_SECTION_NAME_MAX];
    if (export_slots(mw, prefix, slots, cap, err))
        goto done;
    snprintf(name, sizeof name, "%s_cls", prefix);
    if (sr_model_writer_add(mw, name, SR_MT_U8, cls, pool, err))
        goto done;
    snprintf(name, sizeof name, "%s_w", prefix);
    if (sr_model_writer_add(mw, name, SR_MT_I16, w, pool, err))
        goto done;
    snprintf(name, sizeof name, "%s_dense", prefix);
    rc = sr_model_writer_add(mw, name, SR_MT_I16, dense, ndense * stride, err);
done:
    free(strength);
    free(dense);
    free(slots);
    free(cls);
    free(w);
    return rc;
}

/* Add the NUL-separated strings names[0..n) (skipping `skip` bytes of each) as one section. */
static int export_strings(sr_model_writer *mw, const char *section, const tr_label *names, size_t n,
                          int after_tab, sr_error *err)
{
    size_t len = 0;
    for (size_t i = 0; i < n; i++)
        len += strlen(names[i].name) + 1;
    char *buf = malloc(len + 1), *p = buf;
    if (!buf)
        return sr_error_set(err, "out of memory");
    for (size_t i = 0; i < n; i++) {
        const char *s = names[i].name;
        if (after_tab && strchr(s, '\t'))
            s = strchr(s, '\t') + 1;
        size_t l = strlen(s) + 1;
        memcpy(p, s, l);
        p += l;
    }
    int rc = sr_model_writer_add(mw, section, SR_MT_U8, buf, (size_t)(p - buf), err);
    free(buf);
    return rc;
}

/* Class names, FEATS strings, allowed sets and tag dictionary. */
static int export_inventory(sr_model_writer *mw, const tr_inventory *inv, sr_error *err)
{
    size_t nc = inv->classes.n, nf = inv->feats.n;
    if (sr_model_writer_add(mw, "class_upos", SR_MT_U8, inv->class_upos, nc, err) ||
        export_strings(mw, "class_xpos", inv->classes.v, nc, 1, err) ||
        export_strings(mw, "feats", inv->feats.v, nf, 0, err))
        return -1;
    uint16_t *start = malloc((nc + 1) * sizeof *start);
    uint8_t *allow = malloc(nc * nf + 1);
    unsigned bits = sr_tgt_slot_bits(inv->ndict);
    size_t cap = (size_t)1 << bits;
    sr_tg_slot *dict = calloc(cap, sizeof *dict);
    int rc = -1;
    if (!start || !allow || !dict) {
        sr_error_set(err, "out of memory");
        goto done;
    }
    size_t k = 0;
    for (size_t c = 0; c < nc; c++) {
        start[c] = (uint16_t)k;
        for (size_t f = 0; f < nf; f++)
            if (inv->allowed[c * nf + f])
                allow[k++] = (uint8_t)f;
    }
    start[nc] = (uint16_t)k;
    for (size_t i = 0; i < inv->ndict; i++)
        sr_tg_insert(dict, (uint32_t)(cap - 1), bits, sr_tg_fingerprint(inv->dict_form[i]),
                     SR_TG_INLINE | (uint32_t)inv->dict_cls[i] << 16);
    if (!sr_model_writer_add(mw, "allow_start", SR_MT_U16, start, nc + 1, err) &&
        !sr_model_writer_add(mw, "allow", SR_MT_U8, allow, k, err) &&
        !export_slots(mw, "dict", dict, cap, err) &&
        !export_slots(mw, "lex", inv->lex_slots, inv->lex.mask + 1u, err) &&
        !export_slots(mw, "fdict", inv->fdict_slots, inv->fdict.mask + 1u, err))
        rc = 0;
done:
    free(start);
    free(allow);
    free(dict);
    return rc;
}

int sr_tgt_export_model(const tr_inventory *inv, const tr_weights *pos, const tr_weights *fts,
                        const sr_tg_train_opts *o, const char *info, const char *path,
                        sr_error *err)
{
    sr_model_writer *mw = sr_model_writer_new(SR_TG_KIND);
    if (!mw)
        return sr_error_set(err, "out of memory");
    int rc = export_inventory(mw, inv, err);
    if (!rc)
        rc = export_table(mw, "pos", pos, inv->classes.n, o->prune, o->max_rows, err);
    if (!rc)
        rc = export_table(mw, "fts", fts, inv->feats.n, o->prune, o->max_rows, err);
    if (!rc)
        rc = sr_model_writer_add_string(mw, "info", info, err);
    if (!rc)
        rc = sr_model_writer_save(mw, path, err);
    sr_model_writer_free(mw);
    return rc;
}
