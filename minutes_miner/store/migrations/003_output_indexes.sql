-- minutes-miner schema version 3: indexes for the scrutiny outputs' filters and aggregates.
-- Search filters by date window, speaker kind/act and linked indicator; the concern matrix
-- counts statements per concern and meeting.
CREATE INDEX IF NOT EXISTS meetings_date ON meetings(date);
CREATE INDEX IF NOT EXISTS statements_kind_act ON statements(speaker_kind, act);
CREATE INDEX IF NOT EXISTS statements_speaker_key ON statements(speaker_key);
CREATE INDEX IF NOT EXISTS links_indicator ON links(indicator_id, statement_id);
CREATE INDEX IF NOT EXISTS statement_concerns_by_concern ON statement_concerns(concern, statement_id);
