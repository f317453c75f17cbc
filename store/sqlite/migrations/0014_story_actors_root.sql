-- 0014: each story_actors row carries its story's root and country, so that an actor
-- with a root (--source A --root NN, --target, --dyad of codes longer than a
-- country's) is one range of the index (root, actor, role), and an actor with a
-- country one range of the actor's rows, where 0013 checked the actor on every story
-- of the root or country, a seek each: at 1M events of the synthetic store of `tocsin
-- bench store` (658,897 stories, 33,000 a root on average) --source A --root NN took p50
-- 104 ms, p99 398 ms. Put writes the two columns with the row (the story is saved
-- first); a story whose root or country changes takes its rows along by the trigger
-- below, as story_trend follows it.
ALTER TABLE story_actors ADD COLUMN root TEXT NOT NULL DEFAULT '';
ALTER TABLE story_actors ADD COLUMN country TEXT NOT NULL DEFAULT '';

UPDATE story_actors SET (root, country) =
	(SELECT root, country FROM stories WHERE id = story_actors.story);

-- The primary key's (actor, role, story) follow the index's columns. An actor with a
-- country has no index of its own: the actor's rows, in primary-key order, carry the
-- country, which is checked there: at 200,000 events --source A --country C p50
-- 3.7 ms so, 2.2-2.4 ms with an index (country, actor, role), 8.5-11 ms before this
-- migration, and that index cost ingest 5% of its event rows per CPU second.
CREATE INDEX story_actors_root ON story_actors(root, actor, role);

-- A story's root and country are also in the indexes that find stories by ID (for
-- --q and a dyad of two countries, whose matches are checked for a root or country),
-- by country (for --country with --root) and by root, so that those checks read the
-- index entry rather than a seek into the stories' rows, each one a page of its own
-- for the JSON they carry: --q WORD --root NN at 200,000 events, 10,000 units of the
-- word's articles for 490 stories of the root, took 159-181 ms at p50.
DROP INDEX stories_id_order;
CREATE INDEX stories_id_order ON stories(id, day, seq, root, country);
DROP INDEX stories_country;
CREATE INDEX stories_country ON stories(country, day, seq, id, root);
DROP INDEX stories_root;
CREATE INDEX stories_root ON stories(root, day, seq, id, country);

CREATE TRIGGER story_actors_follow AFTER UPDATE OF root, country ON stories
WHEN NEW.root <> OLD.root OR NEW.country <> OLD.country BEGIN
	UPDATE story_actors SET root = NEW.root, country = NEW.country WHERE story = NEW.id;
END;
