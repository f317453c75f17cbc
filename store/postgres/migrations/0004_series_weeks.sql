-- 0004: series_weeks, the weekly sums of every series an alert judges (trend.WeekSum:
-- a country-level dyad "dyad:A>B" of a story's source and target actors, or its place's
-- country "country:C"; per week, from its Monday: stories with a quad class, those of
-- class 3 or 4, the sum of their Goldstein scores in tenths and of its squares), so
-- that one new day's alerts read a dozen rows per series that can ring rather than
-- every story of the 12 baseline weeks before it.
--
-- A story's series and sums come from its code (cameo), actors and place, as package
-- trend reads them (trend.Sums), so they are kept in Go: triggers on stories and
-- story_actors record in series_dirty each story written; the transaction that wrote
-- it takes the story's state as the sums count it (series_counted) off them, adds its
-- state now and empties series_dirty (flushSeries). A reader adds what series_dirty
-- still holds. Every dated story is marked here, and flushSeries runs after this
-- migration, in its transaction.
CREATE TABLE series_weeks (
	series       text COLLATE "C" NOT NULL,
	week         text COLLATE "C" NOT NULL, -- its Monday, YYYY-MM-DD
	stories      integer NOT NULL,
	conflict     integer NOT NULL,
	goldstein    bigint  NOT NULL, -- tenths
	goldstein_sq bigint  NOT NULL,
	PRIMARY KEY (series, week)
);

CREATE TABLE series_counted (
	id      text COLLATE "C" PRIMARY KEY, -- the story's
	day     text COLLATE "C" NOT NULL,
	code    text COLLATE "C" NOT NULL,
	country text COLLATE "C" NOT NULL,
	actors  text COLLATE "C" NOT NULL -- "role:actor" separated by spaces
);

CREATE TABLE series_dirty (
	id text COLLATE "C" PRIMARY KEY
);

INSERT INTO series_dirty (id) SELECT id FROM stories WHERE day <> '';

CREATE FUNCTION series_dirty_story() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' THEN
		INSERT INTO series_dirty (id) VALUES (OLD.id) ON CONFLICT DO NOTHING;
		RETURN OLD;
	END IF;
	INSERT INTO series_dirty (id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
	RETURN NEW;
END $$;

CREATE TRIGGER series_dirty_insert AFTER INSERT OR DELETE ON stories
	FOR EACH ROW EXECUTE FUNCTION series_dirty_story();

CREATE TRIGGER series_dirty_update AFTER UPDATE OF day, code, country ON stories
	FOR EACH ROW WHEN ((OLD.day, OLD.code, OLD.country) IS DISTINCT FROM (NEW.day, NEW.code, NEW.country))
	EXECUTE FUNCTION series_dirty_story();

CREATE FUNCTION series_dirty_actor() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' THEN
		INSERT INTO series_dirty (id) VALUES (OLD.story) ON CONFLICT DO NOTHING;
		RETURN OLD;
	END IF;
	INSERT INTO series_dirty (id) VALUES (NEW.story) ON CONFLICT DO NOTHING;
	RETURN NEW;
END $$;

CREATE TRIGGER series_dirty_actors AFTER INSERT OR DELETE ON story_actors
	FOR EACH ROW EXECUTE FUNCTION series_dirty_actor();
