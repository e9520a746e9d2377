-- fixture.sql: a small schema 4 database made by hand (docs/store-format.md),
-- for the tests of `sitrep serve`: hostile text (markup, quotes, backslashes,
-- a control character, non-ASCII letters) in titles, texts, sentences and actor
-- names, events with and without targets, places and PLOVER types.
-- Spans are computed with instr() from the words they cover, so editing a
-- text keeps them right: *_cstart/*_cend count characters, start/end bytes.
--   sqlite3 fixture.db < fixture.sql
PRAGMA journal_mode = WAL;
PRAGMA user_version = 4;

CREATE TABLE documents (id TEXT PRIMARY KEY, date TEXT, title TEXT, url TEXT, source TEXT,
  text TEXT NOT NULL);
CREATE TABLE sentences (doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, cstart INTEGER NOT NULL,
  cend INTEGER NOT NULL, text TEXT NOT NULL, PRIMARY KEY (doc_id, idx));
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='rowid');
CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
  INSERT INTO sentences_fts(rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
  INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
CREATE TABLE actors (doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL, sentence INTEGER NOT NULL, code TEXT NOT NULL, name TEXT, entity TEXT,
  sector TEXT, kind TEXT NOT NULL, antecedent INTEGER, start INTEGER NOT NULL,
  end INTEGER NOT NULL, cstart INTEGER NOT NULL, cend INTEGER NOT NULL, text TEXT NOT NULL,
  PRIMARY KEY (doc_id, idx));
CREATE TABLE mentions (id INTEGER PRIMARY KEY, hex_id TEXT, event_id INTEGER,
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, sentence INTEGER NOT NULL,
  date TEXT, date_precision TEXT, date_start INTEGER, date_end INTEGER,
  source_code TEXT, source_name TEXT, source_entity TEXT, source_country TEXT,
  source_group TEXT, source_type1 TEXT, source_type2 TEXT, source_type3 TEXT,
  source_start INTEGER, source_end INTEGER, source_cstart INTEGER, source_cend INTEGER,
  target_code TEXT, target_name TEXT, target_entity TEXT, target_country TEXT,
  target_group TEXT, target_type1 TEXT, target_type2 TEXT, target_type3 TEXT,
  target_start INTEGER, target_end INTEGER, target_cstart INTEGER, target_cend INTEGER,
  cameo TEXT NOT NULL, cameo_base TEXT, cameo_root TEXT, quad_class INTEGER, goldstein REAL,
  plover TEXT, plover_mode TEXT, plover_context TEXT, modality TEXT, confidence REAL,
  trigger_start INTEGER, trigger_end INTEGER, trigger_cstart INTEGER, trigger_cend INTEGER,
  trigger_text TEXT, rule TEXT,
  place_name TEXT, place_country TEXT, place_admin1 TEXT, place_feature TEXT,
  place_geonames INTEGER, place_lat REAL, place_lon REAL, place_precision TEXT,
  place_start INTEGER, place_end INTEGER, killed INTEGER, injured INTEGER, casualties INTEGER,
  missing INTEGER, captured INTEGER, displaced INTEGER, arrested INTEGER, protesters INTEGER,
  units INTEGER, quote INTEGER, source_code_orig TEXT, target_code_orig TEXT);
CREATE TABLE events (id INTEGER PRIMARY KEY, cameo TEXT NOT NULL, cameo_base TEXT,
  cameo_root TEXT, quad_class INTEGER, goldstein REAL, plover TEXT, plover_mode TEXT,
  plover_context TEXT, source_code TEXT, source_name TEXT, source_entity TEXT,
  source_country TEXT, source_type1 TEXT, target_code TEXT, target_name TEXT,
  target_entity TEXT, target_country TEXT, target_type1 TEXT, date TEXT, date_precision TEXT,
  place_name TEXT, place_country TEXT, place_admin1 TEXT, place_lat REAL, place_lon REAL,
  place_precision TEXT, killed INTEGER, injured INTEGER, nmentions INTEGER, narticles INTEGER,
  nsources INTEGER, first_report INTEGER, first_seen TEXT, confidence REAL);
CREATE TABLE cameo_codes (code TEXT PRIMARY KEY, name TEXT, root TEXT, goldstein REAL,
  quad_class INTEGER, plover TEXT, plover_mode TEXT, plover_context TEXT);
CREATE TABLE plover_types (type TEXT PRIMARY KEY, description TEXT, quad_class INTEGER);
CREATE INDEX events_date ON events(date);
CREATE INDEX mentions_event ON mentions(event_id);
CREATE INDEX mentions_doc ON mentions(doc_id);

INSERT INTO cameo_codes (code, name, root, goldstein, quad_class, plover, plover_mode) VALUES
  ('01', 'MAKE PUBLIC STATEMENT', '01', 0, 1, NULL, NULL),
  ('010', 'Make statement', '01', 0, 1, NULL, NULL),
  ('04', 'CONSULT', '04', 1, 1, 'CONSULT', NULL),
  ('040', 'Consult', '04', 1, 1, 'CONSULT', NULL),
  ('11', 'DISAPPROVE', '11', -2, 3, 'ACCUSE', NULL),
  ('112', 'Accuse', '11', -2, 3, 'ACCUSE', 'disapprove'),
  ('19', 'FIGHT', '19', -10, 4, 'ASSAULT', NULL),
  ('190', 'Use conventional military force', '19', -10, 4, 'ASSAULT', NULL);
INSERT INTO plover_types VALUES
  ('CONSULT', 'Consultations <b>and</b> meetings', 1),
  ('ACCUSE', 'Accusations', 3),
  ('ASSAULT', 'Attacks', 4);

-- Two articles on the strike, one hostile in every text field; one on talks.
INSERT INTO documents VALUES
  ('hostile', '2025-07-14', '<script>alert(1)</script> "Strike" on Sumy & \ it''s',
   'https://example.org/a?x=1&y="2"', 'Outlet <i>A</i>',
   'Russian forces struck Sumy on Monday — Kyiv’s officials said. ' ||
   '<script>alert(1)</script> "Quoted" \ back' || char(9) || 'tab. ' ||
   'Sergei Lavrov accused European governments.'),
  ('plain', '2025-07-15', 'Sumy hit again', NULL, 'Outlet B',
   'Russian forces struck Sumy overnight. Ukraine’s president spoke.'),
  ('talks', '2025-05-27', 'Talks in Istanbul', NULL, NULL,
   'American officials met Russian diplomats in Istanbul.');

-- Sentences: the text between the markers below, spans from instr().
CREATE TEMP TABLE s_in (doc_id TEXT, idx INTEGER, first TEXT, last TEXT);
INSERT INTO s_in VALUES
  ('hostile', 0, 'Russian forces', 'officials said.'),
  ('hostile', 1, '<script>', 'tab.'),
  ('hostile', 2, 'Sergei Lavrov', 'governments.'),
  ('plain', 0, 'Russian forces', 'overnight.'),
  ('plain', 1, 'Ukraine’s', 'spoke.'),
  ('talks', 0, 'American', 'Istanbul.');
INSERT INTO sentences (doc_id, idx, start, end, cstart, cend, text)
SELECT d.id, s.idx,
  instr(CAST(d.text AS BLOB), CAST(s.first AS BLOB)) - 1,
  instr(CAST(d.text AS BLOB), CAST(s.last AS BLOB)) - 1 + length(CAST(s.last AS BLOB)),
  instr(d.text, s.first) - 1,
  instr(d.text, s.last) - 1 + length(s.last),
  substr(d.text, instr(d.text, s.first), instr(d.text, s.last) + length(s.last) - instr(d.text, s.first))
FROM s_in s JOIN documents d ON d.id = s.doc_id;

-- Actor mentions; the hostile article's Lavrov has a hostile name.
CREATE TEMP TABLE a_in (doc_id TEXT, idx INTEGER, sentence INTEGER, code TEXT, name TEXT,
  entity TEXT, words TEXT);
INSERT INTO a_in VALUES
  ('hostile', 0, 0, 'RUSMIL', 'Russian armed forces', NULL, 'Russian forces'),
  ('hostile', 1, 2, 'RUSGOV', 'Sergei "<b>Lavrov</b>" \ <script>alert(2)</script>',
   'lavrov-sergei', 'Sergei Lavrov'),
  ('hostile', 2, 2, 'EURGOV', 'government', 'europe', 'European governments'),
  ('plain', 0, 0, 'RUSMIL', 'Russian armed forces', NULL, 'Russian forces'),
  ('talks', 0, 0, 'USAGOV', 'government', 'united-states', 'American officials'),
  ('talks', 1, 0, 'RUSGOV', 'government', 'russia', 'Russian diplomats');
INSERT INTO actors (doc_id, idx, sentence, code, name, entity, sector, kind, antecedent, start,
  end, cstart, cend, text)
SELECT d.id, a.idx, a.sentence, a.code, a.name, a.entity, substr(a.code, 4), 'name', NULL,
  instr(CAST(d.text AS BLOB), CAST(a.words AS BLOB)) - 1,
  instr(CAST(d.text AS BLOB), CAST(a.words AS BLOB)) - 1 + length(CAST(a.words AS BLOB)),
  instr(d.text, a.words) - 1, instr(d.text, a.words) - 1 + length(a.words), a.words
FROM a_in a JOIN documents d ON d.id = a.doc_id;

-- Reports: (mention id, event, doc, sentence, date, source actor idx, target actor idx or NULL,
-- cameo, trigger word, place, killed, confidence).
CREATE TEMP TABLE m_in (id INTEGER, event_id INTEGER, doc_id TEXT, sentence INTEGER, date TEXT,
  src INTEGER, tgt INTEGER, tgt_country TEXT, cameo TEXT, trig TEXT, place TEXT, pcountry TEXT,
  lat REAL, lon REAL, killed INTEGER, confidence REAL);
INSERT INTO m_in VALUES
  (1001, 1001, 'hostile', 0, '2025-07-14', 0, NULL, 'UKR', '190', 'struck', 'Sumy', 'UKR',
   50.9077, 34.7981, 3, 0.8),
  (1005, 1001, 'plain', 0, '2025-07-14', 0, NULL, 'UKR', '190', 'struck', 'Sumy', 'UKR',
   50.9077, 34.7981, 2, 0.6),
  (1002, 1002, 'hostile', 2, '2025-07-14', 1, 2, NULL, '112', 'accused', NULL, NULL, NULL, NULL,
   NULL, 0.75),
  (1003, 1003, 'plain', 1, '2025-07-15', NULL, NULL, NULL, '010', 'spoke', NULL, NULL, NULL,
   NULL, NULL, 0.5),
  (1004, 1004, 'talks', 0, '2025-05-27', 0, 1, NULL, '040', 'met', 'Istanbul', 'TUR', 41.0138,
   28.9497, NULL, 0.9);
INSERT INTO mentions (id, hex_id, event_id, doc_id, sentence, date, date_precision,
  source_code, source_name, source_entity, source_country, source_type1,
  source_start, source_end, source_cstart, source_cend,
  target_code, target_name, target_entity, target_country, target_type1,
  target_start, target_end, target_cstart, target_cend,
  cameo, cameo_base, cameo_root, quad_class, goldstein, plover, plover_mode, modality,
  confidence, trigger_start, trigger_end, trigger_cstart, trigger_cend, trigger_text, rule,
  place_name, place_country, place_lat, place_lon, place_precision, killed)
SELECT m.id, printf('%016x', m.id << 11), m.event_id, m.doc_id, m.sentence, m.date, 'day',
  coalesce(sa.code, CASE WHEN m.cameo = '010' THEN 'UKRGOV' END), sa.name, sa.entity,
  coalesce(substr(sa.code, 1, 3), CASE WHEN m.cameo = '010' THEN 'UKR' END),
  coalesce(substr(sa.code, 4), CASE WHEN m.cameo = '010' THEN 'GOV' END),
  sa.start, sa.end, sa.cstart, sa.cend,
  coalesce(ta.code, CASE WHEN m.tgt_country IS NOT NULL THEN m.tgt_country END), ta.name,
  ta.entity, coalesce(substr(ta.code, 1, 3), m.tgt_country), substr(ta.code, 4),
  ta.start, ta.end, ta.cstart, ta.cend,
  m.cameo, substr(m.cameo, 1, 3), substr(m.cameo, 1, 2), c.quad_class, c.goldstein, c.plover,
  c.plover_mode, 'asserted', m.confidence,
  instr(CAST(s.text AS BLOB), CAST(m.trig AS BLOB)) - 1 + s.start,
  instr(CAST(s.text AS BLOB), CAST(m.trig AS BLOB)) - 1 + s.start + length(CAST(m.trig AS BLOB)),
  instr(s.text, m.trig) - 1 + s.cstart, instr(s.text, m.trig) - 1 + s.cstart + length(m.trig),
  m.trig, 'fixture.sql', m.place, m.pcountry, m.lat, m.lon,
  CASE WHEN m.place IS NOT NULL THEN 'city' END, m.killed
FROM m_in m JOIN sentences s ON s.doc_id = m.doc_id AND s.idx = m.sentence
LEFT JOIN actors sa ON sa.doc_id = m.doc_id AND sa.idx = m.src
LEFT JOIN actors ta ON ta.doc_id = m.doc_id AND ta.idx = m.tgt
JOIN cameo_codes c ON c.code = m.cameo;

-- Happenings: the representative report's fields, merged counts.
INSERT INTO events (id, cameo, cameo_base, cameo_root, quad_class, goldstein, plover,
  plover_mode, plover_context, source_code, source_name, source_entity, source_country,
  source_type1, target_code, target_name, target_entity, target_country, target_type1, date,
  date_precision, place_name, place_country, place_admin1, place_lat, place_lon,
  place_precision, killed, injured, nmentions, narticles, nsources, first_report, first_seen,
  confidence)
SELECT m.event_id, m.cameo, m.cameo_base, m.cameo_root, m.quad_class, m.goldstein, m.plover,
  m.plover_mode, NULL, m.source_code, m.source_name, m.source_entity, m.source_country,
  m.source_type1, m.target_code, m.target_name, m.target_entity, m.target_country,
  m.target_type1, m.date, m.date_precision, m.place_name, m.place_country, NULL, m.place_lat,
  m.place_lon, m.place_precision,
  (SELECT max(killed) FROM mentions WHERE event_id = m.event_id), NULL,
  (SELECT count(*) FROM mentions WHERE event_id = m.event_id),
  (SELECT count(DISTINCT doc_id) FROM mentions WHERE event_id = m.event_id),
  (SELECT count(DISTINCT coalesce(d2.source, d2.id)) FROM mentions m2
   JOIN documents d2 ON d2.id = m2.doc_id WHERE m2.event_id = m.event_id),
  m.id, d.date, m.confidence
FROM mentions m JOIN documents d ON d.id = m.doc_id
WHERE m.id = (SELECT min(id) FROM mentions WHERE event_id = m.event_id);
