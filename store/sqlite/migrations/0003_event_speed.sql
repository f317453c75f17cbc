-- 0003: faster event queries and exports. Articles stored without rows (by schema 1,
-- before 0002) get them here, from their JSON: see events_backfill.go.
--
-- events.added is the ingest time of the event's article (articles.ingested_at): a copy,
-- because ingested_at is the last column of articles, after the document JSON, and
-- reading it for each event row walked the JSON's overflow pages.
ALTER TABLE events ADD COLUMN added TEXT NOT NULL DEFAULT '';
UPDATE events SET added = (SELECT ingested_at FROM articles WHERE seq = events.article);

-- A dyad (either direction) is served by source and target together; an actor and a
-- root stay with events_source of 0002.
CREATE INDEX events_dyad ON events(source, target, day);

-- FTS5 merges its segments less often: a merge every 16 level-0 segments rather than
-- 4, at little cost to queries, since ingest commits one article at a time.
INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('automerge', 16);
