/*
** attr_time.c: date expressions, resolved against the publication date,
** and the date of each event.
**
** A sentence is scanned left to right for the shapes below; the words come
** from data/attr/time.txt.  Each expression resolves to a day and a
** precision (day, week, month, year).  Relative ones need the publication
** date; absolute ones ("15 August 2025") resolve without it.
**
**   2025-08-15  15.08.2025  15/08/2025        day (d/m/y when ambiguous)
**   15 August [2025]  August 15[,] [2025]     day; the year by tense when absent
**   August 2025                               month
**   in March, last March                      month, the year by tense / modifier
**   in 2022                                   year
**   [last|next|this] Tuesday [evening]        day, by modifier else by tense
**   yesterday, overnight, last night          day (time.txt: dayrel)
**   last week, earlier this month             week / month / year (time.txt: period)
**   three days ago                            day / week / month / year
**
** An event takes the expression its trigger dominates in the tree (the
** closest), else one in the trigger's clause, else the nearest one in its
** sentence, else the publication date.  An expression of a clause below
** the trigger ("said that Russia attacked on Monday") belongs to that
** clause's event, never to the trigger's.
*/
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "attr/attr_internal.h"

#define NO_DATE INT32_MIN

/* The value of a token of digits (an ordinal suffix allowed: "15th"), or -1. */
static int digits_of(const sr_token *t)
{
    const char *p = t->form;
    if (!isdigit((unsigned char)*p))
        return -1;
    long v = 0;
    for (; isdigit((unsigned char)*p); p++)
        if ((v = v * 10 + (*p - '0')) > 100000)
            return -1;
    if (*p && !(strcmp(p, "st") == 0 || strcmp(p, "nd") == 0 || strcmp(p, "rd") == 0 ||
                strcmp(p, "th") == 0))
        return -1;
    return (int)v;
}

static int is_year(const sr_token *t)
{
    int v = digits_of(t);
    return strlen(t->form) == 4 && v >= 1900 && v <= 2100 ? v : 0;
}

/* A capitalized word or a comma (dateline material). */
static int capitalized_or_comma(const sr_token *t)
{
    return isupper((unsigned char)t->form[0]) || strcmp(t->form, ",") == 0;
}

/* A valid civil date as days, else NO_DATE. */
static int32_t ymd(int y, int m, int d)
{
    if (m < 1 || m > 12 || d < 1 || d > sr_cal_month_len(y, m))
        return NO_DATE;
    return sr_cal_days(y, m, d);
}

/* "2025-08-15", "15.08.2025", "15/08/2025" in one token, or "2025 - 08 - 15" glued. */
static int32_t numeric_date(const sr_sentence *s, int i, int *last)
{
    const sr_token *t = &s->tokens[i];
    int a, b, c;
    char sep1, sep2, tail;
    if (sscanf(t->form, "%4d-%2d-%2d%c", &a, &b, &c, &tail) == 3 && strlen(t->form) == 10) {
        *last = i + 1;
        return ymd(a, b, c);
    }
    if (sscanf(t->form, "%2d%c%2d%c%4d%c", &a, &sep1, &b, &sep2, &c, &tail) == 5 && sep1 == sep2 &&
        (sep1 == '.' || sep1 == '/') && c >= 1900 && c <= 2100) {
        *last = i + 1;
        if (b > 12 && sep1 == '/')
            return ymd(c, a, b); /* 08/15/2025: month first */
        return ymd(c, b, a);
    }
    if (is_year(t) && i + 4 < (int)s->ntokens && !t->space_after &&
        sr_tok_is(&s->tokens[i + 1], "-") && !s->tokens[i + 1].space_after &&
        !s->tokens[i + 2].space_after && sr_tok_is(&s->tokens[i + 3], "-") &&
        !s->tokens[i + 3].space_after) {
        int m = digits_of(&s->tokens[i + 2]), d = digits_of(&s->tokens[i + 4]);
        if (m > 0 && d > 0) {
            *last = i + 5;
            return ymd(is_year(t), m, d);
        }
    }
    return NO_DATE;
}

/* The year of a month-day without one: the publication year, moved by tense. */
static int32_t month_day_near(int32_t pub, int m, int d, int tense)
{
    if (pub == NO_DATE)
        return NO_DATE;
    int y, pm, pd;
    sr_cal_civil(pub, &y, &pm, &pd);
    int32_t r = ymd(y, m, d);
    if (r == NO_DATE)
        return r;
    if (tense <= 0 && r > pub + 7)
        r = ymd(y - 1, m, d);
    else if (tense > 0 && r < pub - 7)
        r = ymd(y + 1, m, d);
    return r;
}

/* The first day of month m nearest pub: mod -1 last, +1 next, 0 by tense. */
static int32_t month_near(int32_t pub, int m, int mod, int tense)
{
    if (pub == NO_DATE)
        return NO_DATE;
    int y, pm, pd;
    sr_cal_civil(pub, &y, &pm, &pd);
    if (mod < 0)
        y -= m >= pm;
    else if (mod > 0)
        y += m <= pm;
    else if (tense > 0)
        y += m < pm;
    else
        y -= m > pm;
    return sr_cal_days(y, m, 1);
}

/* Weekday w nearest pub: mod -1 the latest before, +1 the first after, 0 by tense. */
static int32_t weekday_near(int32_t pub, int w, int mod, int tense)
{
    if (pub == NO_DATE)
        return NO_DATE;
    int pw = sr_cal_weekday(pub);
    int back = (pw - w + 7) % 7, ahead = (w - pw + 7) % 7;
    if (mod < 0)
        return pub - (back ? back : 7);
    if (mod > 0)
        return pub + (ahead ? ahead : 7);
    return tense > 0 ? pub + ahead : pub - back;
}

/* The first day of the week, month or year holding pub, moved by n units. */
static int32_t period_start(int32_t pub, const char *unit, int n, uint8_t *prec)
{
    if (pub == NO_DATE)
        return NO_DATE;
    int y, m, d;
    sr_cal_civil(pub, &y, &m, &d);
    if (strcmp(unit, "week") == 0) {
        *prec = SR_DATE_WEEK;
        return pub - (sr_cal_weekday(pub) - 1) + 7 * n;
    }
    if (strcmp(unit, "month") == 0) {
        *prec = SR_DATE_MONTH;
        int k = y * 12 + (m - 1) + n;
        return sr_cal_days(k / 12, k % 12 + 1, 1);
    }
    *prec = SR_DATE_YEAR;
    return sr_cal_days(y + n, 1, 1);
}

/* A number at token i (digits or a number word): its value, else -1. */
static int small_number(const sr_lex *lx, const sr_sentence *s, int i, uint32_t *nw)
{
    int v = digits_of(&s->tokens[i]);
    *nw = 1;
    if (v >= 0)
        return v;
    if (sr_tok_is(&s->tokens[i], "a") || sr_tok_is(&s->tokens[i], "an"))
        return 1;
    const lx_entry *e = sr_lx_match(lx, s, (uint32_t)i, LX(LX_NUM), nw);
    return e && !e->arg ? (int)e->value : -1;
}

/* State of one scan: the sentence, the words and the publication date. */
typedef struct scan {
    const sr_lex *lx;
    const sr_sentence *s;
    int32_t pub;
} scan;

static const lx_entry *match(const scan *sc, int i, uint32_t mask, uint32_t *nw)
{
    return i >= 0 && i < (int)sc->s->ntokens ? sr_lx_match(sc->lx, sc->s, (uint32_t)i, mask, nw)
                                             : NULL;
}

/* Tense of the clause the tokens [first, last) hang from. */
static int expr_tense(const sr_sentence *s, int first, int last)
{
    return sr_tree_tense(s, sr_tree_span_head(s, first, last));
}

/*
** Day-month or month-day starting at i ("15 August 2025", "Aug. 15, 2025",
** "August 2025"); fills *last and *prec.  NO_DATE when none.
*/
static int32_t month_date(const scan *sc, int i, int *last, uint8_t *prec)
{
    const sr_sentence *s = sc->s;
    int n = (int)s->ntokens;
    uint32_t nw;
    int day = -1, m = 0, k = i;
    if ((day = digits_of(&s->tokens[i])) >= 1 && day <= 31) {
        k = i + 1;
        if (k < n && sr_tok_is(&s->tokens[k], "of"))
            k++;
        const lx_entry *e = match(sc, k, LX(LX_MONTH), &nw);
        if (!e)
            return NO_DATE;
        m = (int)e->value;
        k += (int)nw;
    } else {
        const lx_entry *e = match(sc, i, LX(LX_MONTH), &nw);
        if (!e || !isupper((unsigned char)s->tokens[i].form[0]))
            return NO_DATE;
        m = (int)e->value;
        k = i + (int)nw;
        day = k < n ? digits_of(&s->tokens[k]) : -1;
        if (day >= 1 && day <= 31 && !is_year(&s->tokens[k]))
            k++;
        else
            day = -1;
    }
    int kk = k < n && sr_tok_is(&s->tokens[k], ",") ? k + 1 : k;
    int y = kk < n ? is_year(&s->tokens[kk]) : 0;
    if (y)
        k = kk + 1;
    *last = k;
    if (day < 0 && !y)
        return NO_DATE; /* a bare month: see bare_month */
    if (day < 0) {
        *prec = SR_DATE_MONTH;
        return sr_cal_days(y, m, 1);
    }
    *prec = SR_DATE_DAY;
    if (y)
        return ymd(y, m, day);
    return month_day_near(sc->pub, m, day, expr_tense(s, i, k));
}

/* "[last|next|this] Tuesday [evening]", "Tuesday, Aug. 19" at i; NO_DATE when none. */
static int32_t weekday_date(const scan *sc, int i, int *last, uint8_t *prec)
{
    const sr_sentence *s = sc->s;
    uint32_t nw;
    int mod = 0, k = i;
    const lx_entry *r = match(sc, i, LX(LX_RELMOD), &nw);
    if (r) {
        mod = (int)r->value;
        k += (int)nw;
    }
    const lx_entry *w = match(sc, k, LX(LX_WEEKDAY), &nw);
    if (!w)
        return NO_DATE;
    k += (int)nw;
    /* "Tuesday, Aug. 19" or "Tuesday 19 August": the explicit date decides. */
    int kk = k < (int)s->ntokens && sr_tok_is(&s->tokens[k], ",") ? k + 1 : k;
    if (kk < (int)s->ntokens) {
        int32_t d = month_date(sc, kk, last, prec);
        if (d != NO_DATE && *prec == SR_DATE_DAY)
            return d;
    }
    if (match(sc, k, LX(LX_PARTOFDAY), &nw))
        k += (int)nw;
    *last = k;
    *prec = SR_DATE_DAY;
    return weekday_near(sc->pub, (int)w->value, mod, mod == 0 ? expr_tense(s, i, k) : 0);
}

/* "in March", "last March" (a month needs a preposition or modifier before it). */
static int32_t bare_month(const scan *sc, int i, int *last, uint8_t *prec)
{
    const sr_sentence *s = sc->s;
    uint32_t nw, rw;
    int mod = 0, k = i;
    const lx_entry *r = match(sc, i, LX(LX_RELMOD), &rw);
    if (r) {
        mod = (int)r->value;
        k += (int)rw;
    }
    const lx_entry *e = match(sc, k, LX(LX_MONTH), &nw);
    if (!e || !isupper((unsigned char)s->tokens[k].form[0]))
        return NO_DATE;
    if (!r && !match(sc, i - 1, LX(LX_MONTHPREP), &rw))
        return NO_DATE;
    *last = k + (int)nw;
    *prec = SR_DATE_MONTH;
    return month_near(sc->pub, (int)e->value, mod, mod == 0 ? expr_tense(s, i, *last) : 0);
}

/* Fixed phrases: "yesterday", "last week", "three days ago", "in 2022". */
static int32_t phrase_date(const scan *sc, int i, int *last, uint8_t *prec)
{
    const sr_sentence *s = sc->s;
    uint32_t nw, uw, aw;
    const lx_entry *e = match(sc, i, LX(LX_PERIOD) | LX(LX_DAYREL), &nw);
    if (e) {
        *last = i + (int)nw;
        if (e->cls == LX_PERIOD)
            return period_start(sc->pub, e->arg ? e->arg : "week", (int)e->value, prec);
        *prec = SR_DATE_DAY;
        return sc->pub == NO_DATE ? NO_DATE : sc->pub + (int32_t)e->value;
    }
    int n = small_number(sc->lx, s, i, &nw);
    const lx_entry *u = n > 0 ? match(sc, i + (int)nw, LX(LX_UNIT), &uw) : NULL;
    if (u && match(sc, i + (int)(nw + uw), LX(LX_AGO), &aw) && sc->pub != NO_DATE) {
        *last = i + (int)(nw + uw + aw);
        *prec = strcmp(u->arg, "day") == 0     ? SR_DATE_DAY
                : strcmp(u->arg, "week") == 0  ? SR_DATE_WEEK
                : strcmp(u->arg, "month") == 0 ? SR_DATE_MONTH
                                               : SR_DATE_YEAR;
        return sc->pub - n * (int32_t)u->value;
    }
    int y = is_year(&s->tokens[i]);
    if (y && match(sc, i - 1, LX(LX_YEARPREP), &nw)) {
        *last = i + 1;
        *prec = SR_DATE_YEAR;
        return sr_cal_days(y, 1, 1);
    }
    return NO_DATE;
}

/*
** Is [first, last) the date of a dateline ("SUMY, Ukraine, July 14 (Agency) -
** ...")?  It dates the report, not the events: only names, commas and the
** date before it, a dash within a few words after it.
*/
static int in_dateline(const sr_sentence *s, int first, int last)
{
    for (int k = 0; k < first; k++)
        if (!capitalized_or_comma(&s->tokens[k]))
            return 0;
    for (int k = last; k < (int)s->ntokens && k < last + 8; k++) {
        const char *f = s->tokens[k].form;
        if (strcmp(f, "-") == 0 || strcmp(f, "—") == 0 || strcmp(f, "–") == 0 ||
            strcmp(f, "--") == 0)
            return 1;
    }
    return 0;
}

size_t sr_time_find(const sr_lex *lx, const sr_sentence *s, uint32_t si, int32_t pub, time_expr *out,
                 size_t cap)
{
    scan sc = {lx, s, pub};
    size_t n = 0;
    const uint32_t starts = LX(LX_MONTH) | LX(LX_WEEKDAY) | LX(LX_RELMOD) | LX(LX_PERIOD) |
                            LX(LX_DAYREL) | LX(LX_NUM);
    for (int i = 0; i < (int)s->ntokens && n < cap;) {
        /* One look-up tells whether any shape can start here: most words cannot. */
        const sr_token *t = &s->tokens[i];
        uint32_t nw;
        if (!isdigit((unsigned char)t->form[0]) && !sr_tok_is(t, "a") && !sr_tok_is(t, "an") &&
            !sr_lx_match(lx, s, (uint32_t)i, starts, &nw)) {
            i++;
            continue;
        }
        int last = i + 1;
        uint8_t prec = SR_DATE_DAY;
        int32_t d = numeric_date(s, i, &last);
        if (d == NO_DATE)
            d = weekday_date(&sc, i, &last, &prec);
        if (d == NO_DATE)
            d = month_date(&sc, i, &last, &prec);
        if (d == NO_DATE)
            d = bare_month(&sc, i, &last, &prec);
        if (d == NO_DATE)
            d = phrase_date(&sc, i, &last, &prec);
        if (d == NO_DATE) {
            i++;
            continue;
        }
        if (!in_dateline(s, i, last))
            out[n++] = (time_expr){si, i, last, sr_tree_span_head(s, i, last), d, prec};
        i = last;
    }
    return n;
}

/* How well expression x fits an event whose trigger is token trig: lower is better. */
static int fit(const sr_sentence *s, int trig, const time_expr *x)
{
    if (trig < 0)
        return 1000 + x->first;
    int d = sr_tree_link(s, trig, x->head);
    if (d >= 0)
        return d;
    if (d == TREE_OTHER_CLAUSE)
        return INT_MAX; /* the date of the clause below: "said that ... on Monday" */
    if (sr_tree_clause(s, trig) == sr_tree_clause(s, x->head))
        return 100 + abs(x->head - trig);
    return 1000 + abs(x->head - trig);
}

void sr_time_run(const sr_attr *at, const sr_attr_input *in, sr_arena *a, sr_event *ev, size_t n)
{
    int32_t pub = NO_DATE;
    if (sr_cal_parse(in->date, &pub) < 0)
        pub = NO_DATE;
    time_expr xs[32];
    size_t nx = 0;
    uint32_t cached = UINT32_MAX;
    for (size_t i = 0; i < n; i++) {
        sr_event *e = &ev[i];
        if (e->sentence >= in->nsentences)
            continue;
        const sr_sentence *s = &in->sentences[e->sentence];
        if (e->sentence != cached) {
            nx = sr_time_find(&at->lex, s, e->sentence, pub, xs, 32);
            cached = e->sentence;
        }
        int trig = sr_tree_span_token(s, e->trigger), best = -1, best_fit = INT_MAX - 1;
        for (size_t k = 0; k < nx; k++) {
            int f = fit(s, trig, &xs[k]);
            if (f < best_fit) {
                best_fit = f;
                best = (int)k;
            }
        }
        int32_t days = pub;
        e->date_precision = pub == NO_DATE ? SR_DATE_NONE : SR_DATE_PUBLICATION;
        e->date_span = (sr_span){0, 0};
        if (best >= 0) {
            const time_expr *x = &xs[best];
            days = x->days;
            e->date_precision = x->precision;
            e->date_span = (sr_span){s->tokens[x->first].start, s->tokens[x->last - 1].end};
        }
        e->date = NULL;
        if (days != NO_DATE) {
            int y, m, d;
            sr_cal_civil(days, &y, &m, &d);
            e->date = sr_arena_printf(a, "%04d-%02d-%02d", y, m, d);
        }
    }
}
