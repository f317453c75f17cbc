-- 0012: a story's counts (GDELT's NumMentions, NumSources, NumArticles) by the story's
-- creation number (stories.seq), and each event row's story by that number
-- (events.story_seq), so that an export in row-ID order reads them in the order they
-- were made: the stories of successive events are mostly the next one created or one
-- just read, which SQLite reaches from the row it is on, where story_sources, keyed by
-- story ID (a hash), took a seek at random into the whole table for every row (at 1M
-- events, 19 MB and 658,897 stories).
--
-- story_sources stays what the linker writes; triggers copy it here and give an event
-- row the number of the story it is linked to, so that every path that links (Put,
-- migration 0008's back-fill, `stories --rebuild`) keeps both, in its transaction.
CREATE TABLE story_counts (
	seq      INTEGER PRIMARY KEY, -- stories.seq
	mentions INTEGER NOT NULL,
	sources  INTEGER NOT NULL,
	articles INTEGER NOT NULL
) STRICT;

INSERT INTO story_counts (seq, mentions, sources, articles)
	SELECT s.seq, c.mentions, c.sources, c.articles FROM story_sources c JOIN stories s ON s.id = c.story;

ALTER TABLE events ADD COLUMN story_seq INTEGER; -- stories.seq of events.story

UPDATE events SET story_seq = (SELECT seq FROM stories WHERE id = events.story) WHERE story IS NOT NULL;

CREATE TRIGGER story_counts_insert AFTER INSERT ON story_sources BEGIN
	INSERT INTO story_counts (seq, mentions, sources, articles)
		SELECT seq, NEW.mentions, NEW.sources, NEW.articles FROM stories WHERE id = NEW.story
		ON CONFLICT (seq) DO UPDATE SET mentions = excluded.mentions, sources = excluded.sources,
		articles = excluded.articles;
END;

CREATE TRIGGER story_counts_update AFTER UPDATE ON story_sources BEGIN
	UPDATE story_counts SET mentions = NEW.mentions, sources = NEW.sources, articles = NEW.articles
		WHERE seq = (SELECT seq FROM stories WHERE id = NEW.story);
END;

CREATE TRIGGER story_counts_delete AFTER DELETE ON story_sources BEGIN
	DELETE FROM story_counts WHERE seq = (SELECT seq FROM stories WHERE id = OLD.story);
END;

CREATE TRIGGER story_counts_story_delete AFTER DELETE ON stories BEGIN
	DELETE FROM story_counts WHERE seq = OLD.seq;
END;

CREATE TRIGGER events_story_seq AFTER UPDATE OF story ON events BEGIN
	UPDATE events SET story_seq = (SELECT seq FROM stories WHERE id = NEW.story) WHERE id = NEW.id;
END;

CREATE TRIGGER events_story_seq_insert AFTER INSERT ON events WHEN NEW.story IS NOT NULL BEGIN
	UPDATE events SET story_seq = (SELECT seq FROM stories WHERE id = NEW.story) WHERE id = NEW.id;
END;
