/*
** write_attr.h: writing the attribute stage's results: the date, place,
** size and quote fields of a JSONL event, GDELT geography columns, and
** quote records (`--format quotes`).
*/
#ifndef SR_WRITE_ATTR_H
#define SR_WRITE_ATTR_H

#include <stdio.h>

#include "sitrep.h"

/* ,"place":..,"size":..,"quote":.. of one event (a leading comma, no braces). */
void sr_write_attr_json(FILE *out, const sr_doc *d, const sr_event *ev);
/* The 8 GDELT geography columns of a place, each followed by a tab. */
void sr_write_gdelt_geo(FILE *out, const sr_place *p);
/* Actor1Geo or Actor2Geo: the event's place when the actor is of its country, else empty. */
void sr_write_gdelt_actor_geo(FILE *out, const sr_actor *a, const sr_place *p);
/* ,"event_date":..,"location":..,"size":.. of a PLOVER-style record (leading comma). */
void sr_write_plover_attr(FILE *out, const sr_doc *d, const sr_event *ev);
/* One JSON object per quote of d. */
void sr_write_quotes_json(FILE *out, const sr_doc *d);
/* The largest top-level count of kind k in sz, or -1 when none. */
int64_t sr_size_total(const sr_size *sz, int k);

#endif
