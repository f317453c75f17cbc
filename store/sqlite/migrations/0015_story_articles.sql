-- 0015: story_articles, each (article, story) pair of story_units with the story's
-- listing order (day, seq), root and country, for the text filter (--q), which finds
-- its stories through the articles that match: on the synthetic store of `tocsin
-- bench store` at 200,000 events a word of the vocabulary's rarer half is in 620-970
-- articles, whose 10,000 units were each a seek into story_units' rows (their
-- unit_json beside them) and then into a story's index entry, twice (the total, then
-- the page): --q WORD took 92-131 ms at p50, --q WORD --root NN as long. Here a
-- word's stories are the matching articles' ranges of one table, in article order,
-- and what the filters and the order read is in the row, so that no story is read
-- until the page's (textStories). A per-story full-text index instead would hold each
-- article's text once for each of its stories (ten in the synthetic store) and
-- rewrite a story's whole text whenever a report joins it; these rows are as many as
-- the pairs (197,620 for 199,603 units at 200,000 events, 10 MB), and a story that
-- grows rewrites only those whose day, root or country it changed.
--
-- The triggers keep the rows whoever writes: a unit's row from its story as saved
-- (Put saves an article's stories before its units), and a story whose day, root or
-- country changes takes its rows along, as story_actors' follow theirs (0014).
CREATE TABLE story_articles (
	article INTEGER NOT NULL,
	story   TEXT    NOT NULL,
	day     TEXT    NOT NULL,
	seq     INTEGER NOT NULL,
	root    TEXT    NOT NULL,
	country TEXT    NOT NULL,
	PRIMARY KEY (article, story)
) STRICT, WITHOUT ROWID;

INSERT INTO story_articles (article, story, day, seq, root, country)
	SELECT DISTINCT u.article, u.story, s.day, s.seq, s.root, s.country
	FROM story_units u JOIN stories s ON s.id = u.story;

CREATE TRIGGER story_articles_insert AFTER INSERT ON story_units BEGIN
	INSERT OR IGNORE INTO story_articles (article, story, day, seq, root, country)
		SELECT NEW.article, id, day, seq, root, country FROM stories WHERE id = NEW.story;
END;

-- A story's rows are found through story_units' index (story, article), then each by
-- its key, so that the table needs no second index by story.
CREATE TRIGGER story_articles_follow AFTER UPDATE OF day, root, country ON stories
WHEN NEW.day <> OLD.day OR NEW.root <> OLD.root OR NEW.country <> OLD.country BEGIN
	UPDATE story_articles SET day = NEW.day, root = NEW.root, country = NEW.country
	WHERE story = NEW.id AND article IN (SELECT article FROM story_units WHERE story = NEW.id);
END;
