/*
** db_schema.h: the SQL of the store's schema, version 4
** (docs/store-format.md).  Every statement is idempotent (IF NOT EXISTS),
** so the same text creates a new database and completes an upgraded one.
*/
#ifndef SR_DB_SCHEMA_H
#define SR_DB_SCHEMA_H

#include "store/db_attr.h"

#define SR_DB_SCHEMA_VERSION 4

/* The SQL is laid out as SQL, one column group a line. */
// clang-format off

/* An actor's columns in mentions: its code, the code split as GDELT does, its span. */
#define SR_DB_ACTOR_COLUMNS(r) \
    " " r "_code TEXT, " r "_name TEXT, " r "_entity TEXT, " r "_country TEXT," \
    " " r "_group TEXT, " r "_type1 TEXT, " r "_type2 TEXT, " r "_type3 TEXT," \
    " " r "_start INTEGER, " r "_end INTEGER, " r "_cstart INTEGER, " r "_cend INTEGER,"
#define SR_DB_ACTOR_NAMES(r) \
    " " r "_code, " r "_name, " r "_entity, " r "_country, " r "_group, " r "_type1," \
    " " r "_type2, " r "_type3, " r "_start, " r "_end, " r "_cstart, " r "_cend,"

/* The columns of mentions written for each report, in the order they are bound. */
#define SR_DB_MENTION_NAMES \
    "id, hex_id, doc_id, sentence, date," \
    SR_DB_ACTOR_NAMES("source") \
    SR_DB_ACTOR_NAMES("target") \
    " cameo, cameo_base, cameo_root, plover, plover_mode, plover_context, quad_class," \
    " goldstein, modality, confidence, trigger_start, trigger_end, trigger_cstart," \
    " trigger_cend, trigger_text, rule" SR_DB_ATTR_NAMES

/* Columns of mentions added in version 4, for upgrading a version 1-3 events table. */
#define SR_DB_MENTION_V4_COLUMNS \
    "hex_id TEXT, event_id INTEGER, source_country TEXT, source_group TEXT," \
    " source_type1 TEXT, source_type2 TEXT, source_type3 TEXT, source_cstart INTEGER," \
    " source_cend INTEGER, target_country TEXT, target_group TEXT, target_type1 TEXT," \
    " target_type2 TEXT, target_type3 TEXT, target_cstart INTEGER, target_cend INTEGER," \
    " cameo_base TEXT, cameo_root TEXT, plover_context TEXT, modality TEXT," \
    " confidence REAL, trigger_cstart INTEGER, trigger_cend INTEGER, place_fips TEXT"

#define SR_DB_SCHEMA_SQL \
    "CREATE TABLE IF NOT EXISTS documents (" \
    "  id TEXT PRIMARY KEY, date TEXT, title TEXT, url TEXT, source TEXT, text TEXT NOT NULL);" \
    "CREATE TABLE IF NOT EXISTS sentences (" \
    "  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE," \
    "  idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL," \
    "  cstart INTEGER, cend INTEGER, PRIMARY KEY (doc_id, idx));" \
    "CREATE TABLE IF NOT EXISTS actors (" \
    "  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE," \
    "  idx INTEGER NOT NULL, sentence INTEGER NOT NULL, code TEXT NOT NULL, name TEXT," \
    "  entity TEXT, sector TEXT, kind TEXT NOT NULL, antecedent INTEGER," \
    "  start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL," \
    "  cstart INTEGER, cend INTEGER, PRIMARY KEY (doc_id, idx));" \
    "CREATE TABLE IF NOT EXISTS mentions (" \
    "  id INTEGER PRIMARY KEY, hex_id TEXT, event_id INTEGER," \
    "  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE," \
    "  sentence INTEGER NOT NULL, date TEXT," \
    SR_DB_ACTOR_COLUMNS("source") \
    SR_DB_ACTOR_COLUMNS("target") \
    "  cameo TEXT NOT NULL, cameo_base TEXT, cameo_root TEXT," \
    "  plover TEXT, plover_mode TEXT, plover_context TEXT, quad_class INTEGER, goldstein REAL," \
    "  modality TEXT, confidence REAL, trigger_start INTEGER, trigger_end INTEGER," \
    "  trigger_cstart INTEGER, trigger_cend INTEGER, trigger_text TEXT," \
    "  rule TEXT" SR_DB_ATTR_COLUMNS ");" \
    "CREATE TABLE IF NOT EXISTS events (" \
    "  id INTEGER PRIMARY KEY, cameo TEXT NOT NULL, cameo_base TEXT, cameo_root TEXT," \
    "  quad_class INTEGER, goldstein REAL, plover TEXT, plover_mode TEXT, plover_context TEXT," \
    "  source_code TEXT, source_name TEXT, source_entity TEXT, source_country TEXT," \
    "  source_type1 TEXT, target_code TEXT, target_name TEXT, target_entity TEXT," \
    "  target_country TEXT, target_type1 TEXT, date TEXT, date_precision TEXT," \
    "  place_name TEXT, place_country TEXT, place_admin1 TEXT, place_lat REAL, place_lon REAL," \
    "  place_precision TEXT, place_feature TEXT, place_geonames INTEGER, place_fips TEXT," \
    "  killed INTEGER, injured INTEGER, nmentions INTEGER NOT NULL," \
    "  narticles INTEGER NOT NULL, nsources INTEGER NOT NULL, first_report INTEGER NOT NULL," \
    "  first_seen TEXT, confidence REAL);" \
    "CREATE TABLE IF NOT EXISTS merge_queue (" \
    "  cameo_root TEXT NOT NULL, source_country TEXT NOT NULL, target_country TEXT NOT NULL," \
    "  PRIMARY KEY (cameo_root, source_country, target_country)) WITHOUT ROWID;" \
    SR_DB_ATTR_TABLES \
    "CREATE TABLE IF NOT EXISTS cameo_codes (code TEXT PRIMARY KEY, name TEXT NOT NULL," \
    "  root TEXT NOT NULL, goldstein REAL, quad_class INTEGER, plover TEXT, plover_mode TEXT," \
    "  plover_context TEXT);" \
    "CREATE TABLE IF NOT EXISTS plover_types (type TEXT PRIMARY KEY, description TEXT NOT NULL," \
    "  quad_class INTEGER);" \
    "CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5(" \
    "  text, content='sentences', content_rowid='rowid');" \
    "CREATE TRIGGER IF NOT EXISTS sentences_fts_insert AFTER INSERT ON sentences BEGIN" \
    "  INSERT INTO sentences_fts(rowid, text) VALUES (new.rowid, new.text); END;" \
    "CREATE TRIGGER IF NOT EXISTS sentences_fts_delete AFTER DELETE ON sentences BEGIN" \
    "  INSERT INTO sentences_fts(sentences_fts, rowid, text)" \
    "  VALUES ('delete', old.rowid, old.text); END;" \
    "CREATE INDEX IF NOT EXISTS mentions_doc ON mentions(doc_id, sentence);" \
    "CREATE INDEX IF NOT EXISTS mentions_event ON mentions(event_id);" \
    "CREATE INDEX IF NOT EXISTS mentions_block" \
    "  ON mentions(cameo_root, source_country, target_country);" \
    "CREATE INDEX IF NOT EXISTS mentions_date ON mentions(date);" \
    "CREATE INDEX IF NOT EXISTS mentions_cameo ON mentions(cameo);" \
    "CREATE INDEX IF NOT EXISTS mentions_source ON mentions(source_code);" \
    "CREATE INDEX IF NOT EXISTS mentions_target ON mentions(target_code);" \
    "CREATE INDEX IF NOT EXISTS mentions_place ON mentions(place_country);" \
    "CREATE INDEX IF NOT EXISTS events_date ON events(date);" \
    "CREATE INDEX IF NOT EXISTS events_block" \
    "  ON events(cameo_root, source_country, target_country);" \
    "CREATE INDEX IF NOT EXISTS events_dyad ON events(source_country, target_country, date);" \
    "CREATE INDEX IF NOT EXISTS events_plover ON events(plover, date);" \
    "CREATE INDEX IF NOT EXISTS actors_code ON actors(code);" \
    "CREATE INDEX IF NOT EXISTS actors_entity ON actors(entity);" \
    "CREATE VIEW IF NOT EXISTS dyad_day AS" \
    "  SELECT e.date, e.source_country, e.target_country, e.cameo_root, e.plover," \
    "  e.quad_class, count(*) AS events, sum(e.nmentions) AS mentions FROM events e" \
    "  GROUP BY e.date, e.source_country, e.target_country, e.cameo_root, e.plover," \
    "  e.quad_class;" \
    "CREATE VIEW IF NOT EXISTS mention_evidence AS" \
    "  SELECT m.*, s.text AS sentence_text, d.title AS doc_title, d.url AS doc_url," \
    "  d.source AS doc_source, d.date AS doc_date FROM mentions m" \
    "  JOIN documents d ON d.id = m.doc_id" \
    "  JOIN sentences s ON s.doc_id = m.doc_id AND s.idx = m.sentence;" \
    "CREATE VIEW IF NOT EXISTS event_evidence AS" \
    "  SELECT e.*, m.doc_id, m.sentence, s.text AS sentence_text, d.title AS doc_title," \
    "  d.url AS doc_url, d.source AS doc_source, d.date AS doc_date FROM events e" \
    "  JOIN mentions m ON m.id = e.first_report JOIN documents d ON d.id = m.doc_id" \
    "  JOIN sentences s ON s.doc_id = m.doc_id AND s.idx = m.sentence;"

// clang-format on

#endif
