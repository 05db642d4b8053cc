-- minutes-miner schema version 1.
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE councils (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  base_url TEXT NOT NULL
);

CREATE TABLE committees (
  id TEXT PRIMARY KEY,
  council_id TEXT NOT NULL REFERENCES councils(id),
  name TEXT NOT NULL,
  external_id TEXT,
  source_url TEXT,
  category TEXT
);

CREATE TABLE meetings (
  id TEXT PRIMARY KEY,
  committee_id TEXT NOT NULL REFERENCES committees(id),
  date TEXT,
  time TEXT,
  venue TEXT,
  status TEXT,
  external_id TEXT,
  source_url TEXT NOT NULL,
  minutes_published INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX meetings_committee_date ON meetings(committee_id, date);

-- seq is the stable integer key the FTS index needs; id is the deterministic public ID.
CREATE TABLE items (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  number TEXT,
  title TEXT,
  agenda_text TEXT,
  minutes_text TEXT,
  source_url TEXT,
  external_id TEXT
);
CREATE INDEX items_meeting ON items(meeting_id, position);

CREATE TABLE blobs (
  sha256 TEXT PRIMARY KEY,
  data BLOB NOT NULL
);

CREATE TABLE fetches (
  url TEXT PRIMARY KEY,
  sha256 TEXT REFERENCES blobs(sha256),
  content_type TEXT,
  size INTEGER,
  status INTEGER,
  fetched_at TEXT NOT NULL
);

CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  title TEXT,
  meeting_id TEXT REFERENCES meetings(id) ON DELETE CASCADE,
  item_id TEXT REFERENCES items(id) ON DELETE SET NULL,
  sha256 TEXT REFERENCES blobs(sha256),
  content_type TEXT,
  size INTEGER,
  kind TEXT NOT NULL DEFAULT 'report'
);
CREATE INDEX documents_meeting ON documents(meeting_id);

CREATE TABLE persons (
  id TEXT PRIMARY KEY,
  council_id TEXT NOT NULL REFERENCES councils(id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  key TEXT,
  title TEXT,
  party TEXT,
  ward TEXT,
  external_id TEXT
);
CREATE INDEX persons_key ON persons(council_id, key);

CREATE TABLE attendance (
  meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  person_id TEXT NOT NULL REFERENCES persons(id),
  role TEXT,
  status TEXT NOT NULL,
  PRIMARY KEY (meeting_id, person_id)
);

CREATE TABLE statements (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  act TEXT NOT NULL,
  speaker_id TEXT REFERENCES persons(id),
  speaker TEXT,
  speaker_key TEXT,
  speaker_kind TEXT NOT NULL,
  answers_id TEXT,
  section TEXT,
  source_url TEXT,
  page INTEGER
);
CREATE INDEX statements_item ON statements(item_id, position);
CREATE INDEX statements_speaker ON statements(speaker_id);
CREATE INDEX statements_act ON statements(act);

CREATE TABLE statement_concerns (
  statement_id TEXT NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
  concern TEXT NOT NULL,
  PRIMARY KEY (statement_id, concern)
);
CREATE INDEX statement_concerns_concern ON statement_concerns(concern);

CREATE TABLE indicators (
  id TEXT PRIMARY KEY,
  council_id TEXT NOT NULL REFERENCES councils(id),
  name TEXT NOT NULL,
  section TEXT,
  unit TEXT,
  ref TEXT,
  lower_is_better INTEGER
);

CREATE TABLE indicator_values (
  id TEXT PRIMARY KEY,
  indicator_id TEXT NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
  period TEXT NOT NULL,
  period_end TEXT,
  value REAL,
  target REAL,
  floor REAL,
  rag TEXT,
  previous_rag TEXT,
  direction TEXT,
  document_id TEXT REFERENCES documents(id) ON DELETE SET NULL,
  page INTEGER
);
CREATE INDEX indicator_values_indicator ON indicator_values(indicator_id, period_end);

CREATE TABLE links (
  statement_id TEXT NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
  indicator_id TEXT NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
  method TEXT NOT NULL,
  score REAL NOT NULL,
  PRIMARY KEY (statement_id, indicator_id)
);

CREATE TABLE failures (
  url TEXT NOT NULL,
  stage TEXT NOT NULL,
  reason TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (url, stage)
);

-- Full-text search: Porter stemming so "safeguard" finds "safeguarding".
CREATE VIRTUAL TABLE statements_fts USING fts5(
  text, speaker, section, content='statements', content_rowid='seq', tokenize='porter unicode61'
);
CREATE TRIGGER statements_ai AFTER INSERT ON statements BEGIN
  INSERT INTO statements_fts(rowid, text, speaker, section) VALUES (new.seq, new.text, new.speaker, new.section);
END;
CREATE TRIGGER statements_ad AFTER DELETE ON statements BEGIN
  INSERT INTO statements_fts(statements_fts, rowid, text, speaker, section) VALUES ('delete', old.seq, old.text, old.speaker, old.section);
END;
CREATE TRIGGER statements_au AFTER UPDATE ON statements BEGIN
  INSERT INTO statements_fts(statements_fts, rowid, text, speaker, section) VALUES ('delete', old.seq, old.text, old.speaker, old.section);
  INSERT INTO statements_fts(rowid, text, speaker, section) VALUES (new.seq, new.text, new.speaker, new.section);
END;

CREATE VIRTUAL TABLE items_fts USING fts5(
  title, agenda_text, minutes_text, content='items', content_rowid='seq', tokenize='porter unicode61'
);
CREATE TRIGGER items_ai AFTER INSERT ON items BEGIN
  INSERT INTO items_fts(rowid, title, agenda_text, minutes_text) VALUES (new.seq, new.title, new.agenda_text, new.minutes_text);
END;
CREATE TRIGGER items_ad AFTER DELETE ON items BEGIN
  INSERT INTO items_fts(items_fts, rowid, title, agenda_text, minutes_text) VALUES ('delete', old.seq, old.title, old.agenda_text, old.minutes_text);
END;
CREATE TRIGGER items_au AFTER UPDATE ON items BEGIN
  INSERT INTO items_fts(items_fts, rowid, title, agenda_text, minutes_text) VALUES ('delete', old.seq, old.title, old.agenda_text, old.minutes_text);
  INSERT INTO items_fts(rowid, title, agenda_text, minutes_text) VALUES (new.seq, new.title, new.agenda_text, new.minutes_text);
END;
