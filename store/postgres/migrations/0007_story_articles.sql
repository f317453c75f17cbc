-- 0007: story_articles, each (article, story) pair of story_units with the story's
-- listing order (day, seq), root and country, for the text filter (--q), as SQLite's
-- migration 0015 (which says why): a word's stories are the matching articles' ranges
-- of this table, with what the other filters and the order read, rather than a fetch
-- of each unit of those articles and of each of their stories. Put writes an article's
-- rows after its stories, from the stories as stored; a story whose day, root or
-- country changes takes its rows along by the trigger below, as story_actors' follow
-- theirs (0006).
CREATE TABLE story_articles (
	article bigint NOT NULL,
	story   text   NOT NULL,
	day     text COLLATE "C" NOT NULL,
	seq     bigint NOT NULL,
	root    text COLLATE "C" NOT NULL,
	country text COLLATE "C" NOT NULL,
	PRIMARY KEY (article, story)
);

INSERT INTO story_articles (article, story, day, seq, root, country)
	SELECT DISTINCT u.article, u.story, s.day, s.seq, s.root, s.country
	FROM story_units u JOIN stories s ON s.id = u.story;

-- A story's rows by its index: SQLite finds them through story_units' (story,
-- article), then each by its key, but here the planner, without statistics (a server
-- without autovacuum), scanned the whole table for that.
CREATE INDEX story_articles_story ON story_articles (story);

CREATE FUNCTION story_articles_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE story_articles SET day = NEW.day, root = NEW.root, country = NEW.country
	WHERE story = NEW.id;
	RETURN NULL;
END $$;

CREATE TRIGGER story_articles_follow AFTER UPDATE OF day, root, country ON stories
	FOR EACH ROW WHEN (NEW.day <> OLD.day OR NEW.root <> OLD.root OR NEW.country <> OLD.country)
	EXECUTE FUNCTION story_articles_follow();
