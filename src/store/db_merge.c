/*
** db_merge.c: reports of the same happening merged into one event.
**
** One attack reported by ten outlets must count once, as GDELT's Events
** table counts it, but with every report kept (mentions) and the reasons
** visible.  Reports can only be of the same happening when they share the
** CAMEO root and the source country: such a set is a block,
** and a block is always recomputed whole, from its reports alone, in a
** fixed order.  The events of a database therefore depend only on the
** reports in it, never on the order, the runs or the threads they came
** from.  Blocks are queued when a document is written (merge_queue) and
** recomputed when the store is merged.
**
** Within a block, a report joins a happening when it agrees with every
** report already in it (docs/store-format.md#merging):
**   - dates: each report has a window of days it may have happened on (a
**     day-precise date: that day; the publication date: that day or the
**     day before; a week, month or year: all its days); windows must
**     overlap.  In one dimension, windows that overlap pairwise share a
**     common part, so a happening keeps just the intersection.
**   - targets: the same country, or no target on one side ("Xi arrived in
**     Moscow for talks" is the meeting with Putin);
**   - actors: where both name an entity, the same one, unless one side is
**     only its country ("Russia" or "the Russian government" agrees with
**     "Putin"; an entity is a country's when some report names it by a bare
**     country code); actors without a country (international bodies) by
**     code.
**   - places: where both have one, the same country, and the same city or
**     region unless one of them is coarser and contains the other.
** Reports are taken most precise first (day, publication, week, month,
** year), then by date and id; each joins the agreeing happening whose
** first report is nearest in date, else starts one.  Complete agreement
** (not a chain of pairwise likenesses) keeps daily strikes on one city
** from fusing into one long event.
*/
#include <stdlib.h>
#include <string.h>

#include "store/db_internal.h"
#include "util/arena.h"
#include "util/vec.h"

/* One report of a block, with what merging compares. */
typedef struct report {
    sqlite3_int64 id;
    int has_date;
    int day, lo, hi; /* its date and window, in days since 1970-01-01 */
    int precision;   /* 5 day, 4 publication, 3 week, 2 month, 1 year, 0 none */
    const char *src_entity, *tgt_entity, *src_code, *tgt_code, *tgt_country;
    int src_generic, tgt_generic; /* the actor is only its country ("RUS") */
    sqlite3_int64 geonames;
    const char *place_name, *place_country, *place_admin1, *place_feature;
    int place_rank; /* 3 city, 2 region, 1 country, 0 none */
    double confidence;
    const char *pub, *outlet, *doc;
    sqlite3_int64 killed, injured; /* -1: none */
    int happening;
} report;

/* A happening being built: its members (indexes into the reports) and common window. */
typedef struct happening {
    int lo, hi;
    int first; /* its first report */
    sr_vec members;
} happening;

/* Days since 1970-01-01 of YYYY-MM-DD (H. Hinnant's days_from_civil); 0 on failure. */
static int parse_day(const char *s, int *day)
{
    int y, m, d;
    if (!s || sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
        return 0;
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    *day = era * 146097 + doe - 719468;
    return 1;
}

static int days_in_month(const char *s)
{
    int y = atoi(s), m = atoi(s + 5);
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[(m - 1) % 12];
}

/* The date, its precision and window of r. */
static void set_window(report *r, const char *date, const char *precision)
{
    static const char *const names[] = {"", "year", "month", "week", "publication", "day"};
    r->precision = 0;
    for (int k = 1; k <= 5; k++)
        if (precision && strcmp(precision, names[k]) == 0)
            r->precision = k;
    r->has_date = r->precision && parse_day(date, &r->day);
    if (!r->has_date) {
        r->precision = 0;
        return;
    }
    r->lo = r->hi = r->day;
    switch (r->precision) {
    case 4:
        r->lo = r->day - 1;
        break;
    case 3:
        r->hi = r->day + 6;
        break;
    case 2:
        r->hi = r->day + days_in_month(date) - 1;
        break;
    case 1:
        r->hi = r->day + 364;
        break;
    }
}

static int same(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

/* An international or non-governmental body: a code without a country. */
static int is_org(const char *code)
{
    return code && (strncmp(code, "IGO", 3) == 0 || strncmp(code, "NGO", 3) == 0);
}

/* Do two actors of the same role agree? (Their countries are the block's.) */
static int actors_agree(const char *ea, const char *ca, int ga, const char *eb, const char *cb,
                        int gb)
{
    if (ea && eb)
        return strcmp(ea, eb) == 0 || ga || gb;
    if (is_org(ca) || is_org(cb))
        return same(ca, cb);
    return 1;
}

/* Do the places agree (both present: same country, and one contains the other)? */
static int places_agree(const report *a, const report *b)
{
    if (!a->place_rank || !b->place_rank)
        return 1;
    if (a->place_country && b->place_country && strcmp(a->place_country, b->place_country) != 0)
        return 0;
    if (a->place_rank == 3 && b->place_rank == 3)
        return a->geonames && b->geonames ? a->geonames == b->geonames
                                          : same(a->place_name, b->place_name);
    if (a->place_rank >= 2 && b->place_rank >= 2)
        return !a->place_admin1 || !b->place_admin1 || same(a->place_admin1, b->place_admin1);
    return 1;
}

static int reports_agree(const report *a, const report *b)
{
    if (a->tgt_code && b->tgt_code &&
        !(a->tgt_country && b->tgt_country ? strcmp(a->tgt_country, b->tgt_country) == 0
                                           : !a->tgt_country && !b->tgt_country))
        return 0;
    return actors_agree(a->src_entity, a->src_code, a->src_generic, b->src_entity, b->src_code,
                        b->src_generic) &&
           actors_agree(a->tgt_entity, a->tgt_code, a->tgt_generic, b->tgt_entity, b->tgt_code,
                        b->tgt_generic) &&
           places_agree(a, b);
}

/* Most precise first, then by date and id: the fixed order of merging. */
static int cmp_reports(const void *pa, const void *pb)
{
    const report *a = pa, *b = pb;
    if (a->precision != b->precision)
        return b->precision - a->precision;
    if (a->has_date && a->day != b->day)
        return a->day < b->day ? -1 : 1;
    return a->id < b->id ? -1 : a->id > b->id;
}

static const char *dup_col(sr_arena *a, sqlite3_stmt *st, int col)
{
    const char *t = (const char *)sqlite3_column_text(st, col);
    return t ? sr_arena_strdup(a, t) : NULL;
}

/* The entities reports name by a bare country code ("russia"), sorted. */
typedef struct entity_set {
    char **v;
    size_t n;
} entity_set;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int is_country_entity(const entity_set *s, const char *entity)
{
    return entity && s->n && bsearch(&entity, s->v, s->n, sizeof *s->v, cmp_str) != NULL;
}

static int load_country_entities(sqlite3 *db, entity_set *s)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db,
                                "SELECT source_entity FROM mentions WHERE length(source_code) = 3"
                                " AND source_entity IS NOT NULL UNION SELECT target_entity"
                                " FROM mentions WHERE length(target_code) = 3"
                                " AND target_entity IS NOT NULL ORDER BY 1",
                                -1, &st, NULL);
    size_t cap = 0;
    s->v = NULL;
    s->n = 0;
    while (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
        if (s->n == cap) {
            cap = cap ? 2 * cap : 64;
            char **v = realloc(s->v, cap * sizeof *v);
            if (!v) {
                rc = SQLITE_NOMEM;
                break;
            }
            s->v = v;
        }
        s->v[s->n] = strdup((const char *)sqlite3_column_text(st, 0));
        if (!s->v[s->n++])
            rc = SQLITE_NOMEM;
    }
    sqlite3_finalize(st);
    if (s->n) /* in strcmp's order, whatever the collation */
        qsort(s->v, s->n, sizeof *s->v, cmp_str);
    return rc;
}

static void free_entities(entity_set *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->v[i]);
    free(s->v);
}

/* An actor code that names only a country: three letters, not a role. */
static int country_only(const char *code)
{
    return code && strlen(code) == 3 && strcmp(code, "---") != 0;
}

static const char select_block[] =
    "SELECT m.id, m.date, m.date_precision, m.source_entity, m.target_entity, m.source_code,"
    " m.target_code, m.place_geonames, m.place_name, m.place_country, m.place_admin1,"
    " m.place_feature, m.confidence, d.date, coalesce(d.source, d.id), m.doc_id, m.killed,"
    " m.injured, m.target_country FROM mentions m JOIN documents d ON d.id = m.doc_id"
    " WHERE m.cameo_root IS ?1 AND m.source_country IS ?2";

/* Read the reports of a block into v (report items), strings in a. */
static int load_block(sqlite3 *db, const char *key[2], const entity_set *countries, sr_vec *v,
                      sr_arena *a)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db, select_block, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    for (int k = 0; k < 2; k++)
        sr_db_bind_cstr(st, k + 1, *key[k] ? key[k] : NULL);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        report *r = sr_vec_push(v);
        r->id = sqlite3_column_int64(st, 0);
        set_window(r, (const char *)sqlite3_column_text(st, 1),
                   (const char *)sqlite3_column_text(st, 2));
        r->src_entity = dup_col(a, st, 3);
        r->tgt_entity = dup_col(a, st, 4);
        r->src_code = dup_col(a, st, 5);
        r->tgt_code = dup_col(a, st, 6);
        r->src_generic = country_only(r->src_code) || is_country_entity(countries, r->src_entity);
        r->tgt_generic = country_only(r->tgt_code) || is_country_entity(countries, r->tgt_entity);
        r->geonames = sqlite3_column_int64(st, 7);
        r->place_name = dup_col(a, st, 8);
        r->place_country = dup_col(a, st, 9);
        r->place_admin1 = dup_col(a, st, 10);
        r->place_feature = dup_col(a, st, 11);
        r->place_rank = !r->place_name                      ? 0
                        : same(r->place_feature, "city")    ? 3
                        : same(r->place_feature, "country") ? 1
                                                            : 2;
        r->confidence = sqlite3_column_double(st, 12);
        r->pub = dup_col(a, st, 13);
        r->outlet = dup_col(a, st, 14);
        r->doc = dup_col(a, st, 15);
        r->killed = sqlite3_column_type(st, 16) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 16);
        r->injured = sqlite3_column_type(st, 17) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 17);
        r->tgt_country = dup_col(a, st, 18);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Can r join h: its window meets h's and it agrees with every member? */
static int joins(const report *r, const happening *h, const report *all)
{
    if (!r->has_date || r->lo > h->hi || r->hi < h->lo)
        return 0;
    for (size_t i = 0; i < h->members.n; i++)
        if (!reports_agree(r, &all[SR_VEC_AT(h->members, int, i)]))
            return 0;
    return 1;
}

/* Assign every report (sorted) to a happening; returns them in hs. */
static void cluster(report *rs, size_t n, sr_vec *hs)
{
    for (size_t i = 0; i < n; i++) {
        report *r = &rs[i];
        int best = -1, best_gap = 0;
        for (size_t k = 0; r->has_date && k < hs->n; k++) {
            happening *h = &SR_VEC_AT(*hs, happening, k);
            if (!joins(r, h, rs))
                continue;
            int gap = abs(rs[h->first].day - r->day);
            if (best < 0 || gap < best_gap) {
                best = (int)k;
                best_gap = gap;
            }
        }
        if (best < 0) {
            happening *h = sr_vec_push(hs);
            h->lo = r->has_date ? r->lo : 0;
            h->hi = r->has_date ? r->hi : -1;
            h->first = (int)i;
            h->members = (sr_vec)SR_VEC_INIT(sizeof(int));
            best = (int)(hs->n - 1);
        }
        happening *h = &SR_VEC_AT(*hs, happening, best);
        if (r->has_date) {
            h->lo = r->lo > h->lo ? r->lo : h->lo;
            h->hi = r->hi < h->hi ? r->hi : h->hi;
        }
        *(int *)sr_vec_push(&h->members) = (int)i;
        r->happening = best;
    }
}

/* Is a a better representative than b: more confident, published earlier, smaller id? */
static int better_rep(const report *a, const report *b)
{
    if (a->confidence != b->confidence)
        return a->confidence > b->confidence;
    int c = strcmp(a->pub ? a->pub : "~", b->pub ? b->pub : "~");
    return c ? c < 0 : a->id < b->id;
}

/* Is a an earlier report than b: by publication date, then id? */
static int earlier(const report *a, const report *b)
{
    int c = strcmp(a->pub ? a->pub : "~", b->pub ? b->pub : "~");
    return c ? c < 0 : a->id < b->id;
}

/* Distinct strings among n (sorted in place). */
static int count_distinct(const char **s, size_t n)
{
    qsort(s, n, sizeof *s, cmp_str);
    int d = 0;
    for (size_t i = 0; i < n; i++)
        d += i == 0 || strcmp(s[i], s[i - 1]) != 0;
    return d;
}

static const char insert_event[] =
    "INSERT INTO events (id, cameo, cameo_base, cameo_root, quad_class, goldstein, plover,"
    " plover_mode, plover_context, source_code, source_name, source_entity, source_country,"
    " source_type1, target_code, target_name, target_entity, target_country, target_type1,"
    " date, date_precision, place_name, place_country, place_admin1, place_lat, place_lon,"
    " place_precision, place_feature, place_geonames, place_fips, killed, injured, nmentions,"
    " narticles, nsources, first_report,"
    " first_seen, confidence)"
    " SELECT ?1, r.cameo, r.cameo_base, r.cameo_root, r.quad_class, r.goldstein, r.plover,"
    " r.plover_mode, r.plover_context, r.source_code, r.source_name, r.source_entity,"
    " r.source_country, r.source_type1, r.target_code, r.target_name, r.target_entity,"
    " r.target_country, r.target_type1, a.date, a.date_precision, p.place_name,"
    " p.place_country, p.place_admin1, p.place_lat, p.place_lon, p.place_precision,"
    " p.place_feature, p.place_geonames, p.place_fips,"
    " ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12 FROM mentions r JOIN mentions a ON a.id = ?3"
    " LEFT JOIN mentions p ON p.id = ?4 WHERE r.id = ?2";

/* Write happening h: its row in events and its members' event_id. */
static int write_happening(sqlite3 *db, sqlite3_stmt *ins, sqlite3_stmt *link, const report *rs,
                           const happening *h, sr_arena *a)
{
    size_t n = h->members.n;
    const int *m = h->members.v;
    const report *rep = &rs[m[0]], *first = &rs[m[0]], *place = NULL;
    sqlite3_int64 id = rs[m[0]].id, killed = -1, injured = -1;
    const char **docs = sr_arena_alloc(a, n * sizeof *docs);
    const char **outlets = sr_arena_alloc(a, n * sizeof *outlets);
    for (size_t i = 0; i < n; i++) {
        const report *r = &rs[m[i]];
        id = r->id < id ? r->id : id;
        rep = better_rep(r, rep) ? r : rep;
        first = earlier(r, first) ? r : first;
        if (r->place_rank && (!place || r->place_rank > place->place_rank))
            place = r;
        killed = r->killed > killed ? r->killed : killed;
        injured = r->injured > injured ? r->injured : injured;
        docs[i] = r->doc;
        outlets[i] = r->outlet;
    }
    /* Confidence: independent documents, each by its best report. */
    double miss = 1;
    for (size_t i = 0; i < n; i++) {
        const report *r = &rs[m[i]];
        int best_of_doc = 1;
        for (size_t j = 0; j < n && best_of_doc; j++)
            if (j != i && strcmp(rs[m[j]].doc, r->doc) == 0 &&
                (rs[m[j]].confidence > r->confidence ||
                 (rs[m[j]].confidence == r->confidence && j < i)))
                best_of_doc = 0;
        if (best_of_doc)
            miss *= 1 - r->confidence;
    }
    sqlite3_bind_int64(ins, 1, id);
    sqlite3_bind_int64(ins, 2, rep->id);
    sqlite3_bind_int64(ins, 3, rs[h->first].id); /* the most precise date, the earliest */
    if (place)
        sqlite3_bind_int64(ins, 4, place->id);
    if (killed >= 0)
        sqlite3_bind_int64(ins, 5, killed);
    if (injured >= 0)
        sqlite3_bind_int64(ins, 6, injured);
    sqlite3_bind_int64(ins, 7, (sqlite3_int64)n);
    sqlite3_bind_int(ins, 8, count_distinct(docs, n));
    sqlite3_bind_int(ins, 9, count_distinct(outlets, n));
    sqlite3_bind_int64(ins, 10, first->id);
    sr_db_bind_cstr(ins, 11, first->pub);
    sqlite3_bind_double(ins, 12, 1 - miss);
    int rc = sqlite3_step(ins);
    sqlite3_reset(ins);
    sqlite3_clear_bindings(ins);
    if (rc != SQLITE_DONE)
        return rc == SQLITE_OK ? SQLITE_ERROR : sqlite3_errcode(db);
    for (size_t i = 0; i < n; i++) {
        sqlite3_bind_int64(link, 1, id);
        sqlite3_bind_int64(link, 2, rs[m[i]].id);
        rc = sqlite3_step(link);
        sqlite3_reset(link);
        if (rc != SQLITE_DONE)
            return sqlite3_errcode(db);
    }
    return SQLITE_OK;
}

/* Recompute the happenings of one block. */
static int merge_block(sqlite3 *db, const char *key[2], const entity_set *countries,
                       sqlite3_stmt *del, sqlite3_stmt *ins, sqlite3_stmt *link)
{
    sr_arena a;
    sr_arena_init(&a);
    sr_vec rs = SR_VEC_INIT(sizeof(report)), hs = SR_VEC_INIT(sizeof(happening));
    int rc = load_block(db, key, countries, &rs, &a);
    if (rc == SQLITE_OK) {
        for (int k = 0; k < 2; k++)
            sr_db_bind_cstr(del, k + 1, *key[k] ? key[k] : NULL);
        rc = sqlite3_step(del) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db);
        sqlite3_reset(del);
    }
    if (rc == SQLITE_OK && rs.n) {
        qsort(rs.v, rs.n, sizeof(report), cmp_reports);
        cluster(rs.v, rs.n, &hs);
    }
    for (size_t k = 0; rc == SQLITE_OK && k < hs.n; k++)
        rc = write_happening(db, ins, link, rs.v, &SR_VEC_AT(hs, happening, k), &a);
    for (size_t k = 0; k < hs.n; k++)
        sr_vec_free(&SR_VEC_AT(hs, happening, k).members);
    sr_vec_free(&hs);
    sr_vec_free(&rs);
    sr_arena_free(&a);
    return rc;
}

int sr_db_merge_queued(sqlite3 *db)
{
    sqlite3_stmt *q = NULL, *del = NULL, *ins = NULL, *link = NULL;
    entity_set countries = {NULL, 0};
    int rc = load_country_entities(db, &countries);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(db, "SELECT DISTINCT cameo_root, source_country FROM merge_queue",
                                -1, &q, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(db,
                                "DELETE FROM events WHERE cameo_root IS ?1"
                                " AND source_country IS ?2",
                                -1, &del, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(db, insert_event, -1, &ins, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(db, "UPDATE mentions SET event_id = ?1 WHERE id = ?2", -1, &link,
                                NULL);
    while (rc == SQLITE_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
        const char *key[2];
        for (int k = 0; k < 2; k++)
            key[k] = (const char *)sqlite3_column_text(q, k);
        rc = merge_block(db, key, &countries, del, ins, link);
    }
    if (rc == SQLITE_DONE)
        rc = sqlite3_exec(db, "DELETE FROM merge_queue", NULL, NULL, NULL);
    sqlite3_finalize(q);
    sqlite3_finalize(del);
    sqlite3_finalize(ins);
    sqlite3_finalize(link);
    free_entities(&countries);
    return rc;
}
