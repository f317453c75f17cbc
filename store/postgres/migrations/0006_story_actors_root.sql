-- 0006: each story_actors row carries its story's root and country, so that an actor
-- with a root or a country (--source A --root NN, --target, --dyad, --country C) is
-- one range of the index (root, actor, role, story) or (country, actor, role, story),
-- rather than the actor's stories joined with the root's or country's (33,000 stories
-- a root on average at 1M events of the synthetic store of `tocsin bench store`), as
-- SQLite's migration 0014 does. SQLite checks the country on the actor's own rows,
-- which its primary key holds together; here those are heap rows, a fetch each, so the
-- country has an index too. Put writes the two columns from the stored story; a story
-- whose root or country changes takes its rows along by the trigger below.
ALTER TABLE story_actors ADD COLUMN root text COLLATE "C" NOT NULL DEFAULT '',
	ADD COLUMN country text COLLATE "C" NOT NULL DEFAULT '';

UPDATE story_actors a SET root = s.root, country = s.country
	FROM stories s WHERE s.id = a.story AND (s.root <> '' OR s.country <> '');

CREATE INDEX story_actors_root ON story_actors (root, actor, role, story);
CREATE INDEX story_actors_country ON story_actors (country, actor, role, story);

CREATE FUNCTION story_actors_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE story_actors SET root = NEW.root, country = NEW.country WHERE story = NEW.id;
	RETURN NULL;
END $$;

CREATE TRIGGER story_actors_follow AFTER UPDATE OF root, country ON stories
	FOR EACH ROW WHEN (NEW.root <> OLD.root OR NEW.country <> OLD.country)
	EXECUTE FUNCTION story_actors_follow();
