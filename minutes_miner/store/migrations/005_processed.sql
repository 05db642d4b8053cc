-- minutes-miner schema version 5: what each stage has already processed, so a weekly re-crawl
-- of an unchanged site does not parse, extract or analyse again what it did last week.
--
-- stage 'crawl':      key = meeting id,  input = hash of the parsed meeting and its documents
-- stage 'analyse':    key = meeting id,  input = hash of the meeting's minutes input (item texts,
--                                        attendance, minutes/questions PDF sha256)
-- stage 'indicators': key = document id, input = the document's sha256
-- `version` is the version of the stage's code (and models) that did the work: a new one redoes it.
-- Additive: a database without rows here simply processes everything once.
CREATE TABLE processed (
  stage TEXT NOT NULL,
  key TEXT NOT NULL,
  input_hash TEXT NOT NULL,
  version TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (stage, key)
);
