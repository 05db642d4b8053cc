-- minutes-miner schema version 3: what the scrutiny outputs need to stay fast on a large archive.
--
-- 1. B-tree indexes for the outputs' filters and aggregates.
CREATE INDEX IF NOT EXISTS meetings_date ON meetings(date);
CREATE INDEX IF NOT EXISTS statements_kind_act ON statements(speaker_kind, act);
CREATE INDEX IF NOT EXISTS statements_speaker_key ON statements(speaker_key);
CREATE INDEX IF NOT EXISTS links_indicator ON links(indicator_id, statement_id);
CREATE INDEX IF NOT EXISTS statement_concerns_by_concern ON statement_concerns(concern, statement_id);

-- 2. Search filters as full-text tokens. Ranking touches every match of a query, so a filter
-- applied by joining each match to its meeting costs as much as the search. Each statement's
-- filter values are kept in `facets` ("xk<kind> xa<act> xc<committee id> xd<yyyy-mm> xy<yyyy>
-- xt<concern>... xi<indicator id>...") and indexed (with weight 0 in BM25), so FTS5 intersects
-- them with the query before ranking. Separators are dropped from the values ("xccommittee0a1b...",
-- "xd202403") so each is one token. The SQL filters still decide: facets only narrow.
-- Facets are refreshed when a statement, its concerns or its links are inserted; a removed link
-- or concern leaves a stale token, which costs a candidate, never a result.
DROP TRIGGER statements_ai;
DROP TRIGGER statements_ad;
DROP TRIGGER statements_au;
DROP TABLE statements_fts;
ALTER TABLE statements ADD COLUMN facets TEXT NOT NULL DEFAULT '';

CREATE VIEW statement_facets AS
SELECT s.seq AS seq,
  'xk' || replace(s.speaker_kind, '_', '') || ' xa' || s.act
  || coalesce((SELECT ' xc' || replace(m.committee_id, '_', '')
                      || coalesce(' xd' || replace(substr(m.date, 1, 7), '-', '') || ' xy' || substr(m.date, 1, 4), '')
               FROM items i JOIN meetings m ON m.id = i.meeting_id WHERE i.id = s.item_id), '')
  || coalesce((SELECT group_concat(' xt' || replace(sc.concern, '-', ''), '') FROM statement_concerns sc
               WHERE sc.statement_id = s.id), '')
  || coalesce((SELECT group_concat(' xi' || replace(l.indicator_id, '_', ''), '') FROM links l
               WHERE l.statement_id = s.id), '')
  AS facets
FROM statements s;

UPDATE statements SET facets = (SELECT f.facets FROM statement_facets f WHERE f.seq = statements.seq);

CREATE VIRTUAL TABLE statements_fts USING fts5(
  text, speaker, section, facets, content='statements', content_rowid='seq', tokenize='porter unicode61'
);
INSERT INTO statements_fts(statements_fts) VALUES ('rebuild');

CREATE TRIGGER statements_ai AFTER INSERT ON statements BEGIN
  UPDATE statements SET facets = (SELECT f.facets FROM statement_facets f WHERE f.seq = new.seq) WHERE seq = new.seq;
  INSERT INTO statements_fts(rowid, text, speaker, section, facets)
    SELECT seq, text, speaker, section, facets FROM statements WHERE seq = new.seq;
END;
CREATE TRIGGER statements_ad AFTER DELETE ON statements BEGIN
  INSERT INTO statements_fts(statements_fts, rowid, text, speaker, section, facets)
    VALUES ('delete', old.seq, old.text, old.speaker, old.section, old.facets);
END;
-- Not fired by the facets-only updates below (they keep the index in step themselves).
CREATE TRIGGER statements_au AFTER UPDATE OF text, speaker, section, speaker_kind, act, item_id ON statements BEGIN
  INSERT INTO statements_fts(statements_fts, rowid, text, speaker, section, facets)
    VALUES ('delete', old.seq, old.text, old.speaker, old.section, old.facets);
  UPDATE statements SET facets = (SELECT f.facets FROM statement_facets f WHERE f.seq = new.seq) WHERE seq = new.seq;
  INSERT INTO statements_fts(rowid, text, speaker, section, facets)
    SELECT seq, text, speaker, section, facets FROM statements WHERE seq = new.seq;
END;
-- One place that re-indexes a statement's facets: updating a row of this view does it.
CREATE VIEW statement_facets_refresh AS SELECT id, seq FROM statements;
CREATE TRIGGER statement_facets_refresh_row INSTEAD OF UPDATE ON statement_facets_refresh BEGIN
  INSERT INTO statements_fts(statements_fts, rowid, text, speaker, section, facets)
    SELECT 'delete', seq, text, speaker, section, facets FROM statements WHERE seq = old.seq;
  UPDATE statements SET facets = (SELECT f.facets FROM statement_facets f WHERE f.seq = old.seq) WHERE seq = old.seq;
  INSERT INTO statements_fts(rowid, text, speaker, section, facets)
    SELECT seq, text, speaker, section, facets FROM statements WHERE seq = old.seq;
END;
CREATE TRIGGER statement_concerns_facets AFTER INSERT ON statement_concerns BEGIN
  UPDATE statement_facets_refresh SET id = id WHERE id = new.statement_id;
END;
CREATE TRIGGER links_facets AFTER INSERT ON links BEGIN
  UPDATE statement_facets_refresh SET id = id WHERE id = new.statement_id;
END;
CREATE TRIGGER meetings_facets AFTER UPDATE OF date, committee_id ON meetings
WHEN old.date IS NOT new.date OR old.committee_id IS NOT new.committee_id BEGIN
  UPDATE statement_facets_refresh SET id = id
    WHERE id IN (SELECT s.id FROM statements s JOIN items i ON i.id = s.item_id WHERE i.meeting_id = new.id);
END;
