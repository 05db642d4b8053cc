-- minutes-miner schema version 4: search facets stay exact when a concern or a link is removed
-- or changed, or an item moves to another meeting (version 3 refreshed them on inserts only, so a
-- removed link left a stale "xi" token). Searches then trust the concern and indicator facets
-- without re-checking them in SQL.
--
-- A statement's own delete cascades to its concerns and links after the statement row is gone,
-- so these triggers find no statement to refresh then (and statements_ad removes its index entry).
CREATE TRIGGER statement_concerns_facets_delete AFTER DELETE ON statement_concerns BEGIN
  UPDATE statement_facets_refresh SET id = id WHERE id = old.statement_id;
END;
CREATE TRIGGER statement_concerns_facets_update AFTER UPDATE ON statement_concerns BEGIN
  UPDATE statement_facets_refresh SET id = id WHERE id IN (old.statement_id, new.statement_id);
END;
CREATE TRIGGER links_facets_delete AFTER DELETE ON links BEGIN
  UPDATE statement_facets_refresh SET id = id WHERE id = old.statement_id;
END;
CREATE TRIGGER links_facets_update AFTER UPDATE OF statement_id, indicator_id ON links BEGIN
  UPDATE statement_facets_refresh SET id = id WHERE id IN (old.statement_id, new.statement_id);
END;
CREATE TRIGGER items_facets AFTER UPDATE OF meeting_id ON items
WHEN old.meeting_id IS NOT new.meeting_id BEGIN
  UPDATE statement_facets_refresh SET id = id WHERE id IN (SELECT id FROM statements WHERE item_id = new.id);
END;

-- Tokens already stale in a version-3 database: re-index only the statements whose facets differ.
UPDATE statement_facets_refresh SET id = id WHERE seq IN (
  SELECT s.seq FROM statements s JOIN statement_facets f ON f.seq = s.seq WHERE s.facets IS NOT f.facets
);
