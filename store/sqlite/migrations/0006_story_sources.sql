-- 0006: each story's count of outlets in a small table of its own, so that an export
-- reads a story's mentions, outlets and articles (GDELT's NumMentions, NumSources,
-- NumArticles) without walking its JSON: a column added to stories would come after
-- story_json, in its overflow pages.
-- Articles stored before stories existed are linked with this migration, in ingest order
-- (backfillStories in stories.go; 0004 made the tables but links nothing).
CREATE TABLE story_sources (
	story   TEXT    PRIMARY KEY REFERENCES stories(id),
	sources INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

INSERT INTO story_sources (story, sources)
	SELECT id, json_array_length(story_json, '$.sources') FROM stories;
