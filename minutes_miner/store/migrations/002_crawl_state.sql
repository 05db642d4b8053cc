-- minutes-miner schema version 2: crawl state, so an interrupted crawl resumes where it stopped,
-- and HTTP validators, so a re-check can be a conditional request.

-- The validators the server sent with a body, and the crawl run that last fetched (or confirmed) it.
ALTER TABLE fetches ADD COLUMN etag TEXT;
ALTER TABLE fetches ADD COLUMN last_modified TEXT;
ALTER TABLE fetches ADD COLUMN run_id INTEGER;

-- One row per crawl of a site. A run without finished_at was interrupted: the next crawl of the
-- same site with the same options resumes it instead of starting again.
CREATE TABLE crawl_runs (
  id INTEGER PRIMARY KEY,
  base_url TEXT NOT NULL,
  options TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT
);
CREATE INDEX crawl_runs_open ON crawl_runs(base_url, finished_at);

-- Meetings a run has stored completely (meeting, items, documents, attendance in one transaction).
CREATE TABLE crawl_done (
  run_id INTEGER NOT NULL REFERENCES crawl_runs(id) ON DELETE CASCADE,
  meeting_id TEXT NOT NULL,
  PRIMARY KEY (run_id, meeting_id)
);
