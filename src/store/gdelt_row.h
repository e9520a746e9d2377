/*
** gdelt_row.h: one row of GDELT 2.0's Events table, written from an event
** and the counts of its reports.  The stream writer writes each report as
** an event seen once; the store's export writes each happening with the
** numbers of its mentions, sources and articles.
*/
#ifndef SR_GDELT_ROW_H
#define SR_GDELT_ROW_H

#include <stdint.h>
#include <stdio.h>

#include "sitrep.h"

typedef struct sr_gdelt_row {
    uint64_t id;        /* GLOBALEVENTID */
    const sr_event *ev; /* actors, code, quad class, Goldstein, date, place */
    int is_root;        /* IsRootEvent: reported in the document's first sentence */
    int nmentions, nsources, narticles;
    const char *added; /* DATEADDED: YYYY-MM-DD of the first report, or NULL (now) */
    const char *url;   /* SOURCEURL */
} sr_gdelt_row;

void sr_write_gdelt_row(FILE *out, const sr_gdelt_row *r);

#endif
