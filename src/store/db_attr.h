/*
** db_attr.h: the SQLite schema and rows of the attribute stage: the date,
** place, size and quote columns of events, and the counts and quotes
** tables.  Kept apart from db.c so the two schemas can be read separately.
*/
#ifndef SR_DB_ATTR_H
#define SR_DB_ATTR_H

#include <sqlite3.h>

#include "sitrep.h"

/* Columns of the attribute stage in the mentions table (added in schema version 2). */
#define SR_DB_ATTR_COLUMNS                                                                         \
    ", date_precision TEXT, date_start INTEGER, date_end INTEGER,"                                 \
    " place_name TEXT, place_country TEXT, place_admin1 TEXT, place_feature TEXT,"                 \
    " place_geonames INTEGER, place_lat REAL, place_lon REAL, place_precision TEXT,"               \
    " place_start INTEGER, place_end INTEGER, killed INTEGER, injured INTEGER,"                    \
    " casualties INTEGER, missing INTEGER, captured INTEGER, displaced INTEGER,"                   \
    " arrested INTEGER, protesters INTEGER, units INTEGER, quote INTEGER,"                         \
    " source_code_orig TEXT, target_code_orig TEXT, place_fips TEXT"
#define SR_DB_ATTR_NAMES                                                                           \
    ", date_precision, date_start, date_end, place_name, place_country, place_admin1,"             \
    " place_feature, place_geonames, place_lat, place_lon, place_precision, place_start,"          \
    " place_end, killed, injured, casualties, missing, captured, displaced, arrested,"             \
    " protesters, units, quote, source_code_orig, target_code_orig, place_fips"
/* The counts and quotes tables. */
#define SR_DB_ATTR_TABLES                                                                          \
    "CREATE TABLE IF NOT EXISTS counts ("                                                          \
    "  event_id INTEGER NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,"                       \
    "  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"                           \
    "  idx INTEGER NOT NULL, what TEXT NOT NULL, n INTEGER NOT NULL, qual TEXT NOT NULL,"          \
    "  of TEXT, subset_of INTEGER, start INTEGER NOT NULL, end INTEGER NOT NULL,"                  \
    "  PRIMARY KEY (event_id, idx));"                                                              \
    "CREATE TABLE IF NOT EXISTS quotes ("                                                          \
    "  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"                           \
    "  idx INTEGER NOT NULL, sentence INTEGER NOT NULL, kind TEXT NOT NULL,"                       \
    "  start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,"                          \
    "  speaker_code TEXT, speaker_name TEXT, speaker_entity TEXT, speaker_start INTEGER,"          \
    "  speaker_end INTEGER, verb_start INTEGER, verb_end INTEGER, verb_text TEXT,"                 \
    "  medium TEXT, medium_start INTEGER, medium_end INTEGER,"                                     \
    "  PRIMARY KEY (doc_id, idx));"                                                                \
    "CREATE INDEX IF NOT EXISTS events_place ON events(place_country);"                            \
    "CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_entity);"

/* Bind the attribute columns of ev from parameter first on. */
void sr_db_attr_bind_event(sqlite3_stmt *st, int first, const sr_event *ev);
/* Insert the counts of ev, stored as mentions row event_id. 0, or an SQLite error code. */
int sr_db_attr_put_counts(sqlite3 *db, const char *doc_id, sqlite3_int64 event_id,
                          const sr_event *ev);
/* Insert the quotes of d. 0, or an SQLite error code. */
int sr_db_attr_put_quotes(sqlite3 *db, const sr_doc *d);
#endif
