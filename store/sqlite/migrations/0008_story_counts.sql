-- 0008: a story's mentions and articles beside its outlets in story_sources, so that an
-- event row reads GDELT's NumMentions, NumSources and NumArticles of its story in one
-- lookup of this small table, joined in the events query, where a query per row took
-- half of an export's time. Articles stored before stories existed are linked with this
-- migration, in ingest order (backfillStories in stories.go, moved here from 0006
-- because it writes these columns).
ALTER TABLE story_sources ADD COLUMN mentions INTEGER NOT NULL DEFAULT 0;
ALTER TABLE story_sources ADD COLUMN articles INTEGER NOT NULL DEFAULT 0;

UPDATE story_sources SET
	mentions = (SELECT mentions FROM stories WHERE id = story_sources.story),
	articles = (SELECT articles FROM stories WHERE id = story_sources.story);
