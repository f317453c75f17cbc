-- 0010: series_weeks, the weekly sums of every series an alert judges (trend.WeekSum:
-- a country-level dyad "dyad:A>B" of a story's source and target actors, or its place's
-- country "country:C"; per week, from its Monday: stories with a quad class, those of
-- class 3 or 4, the sum of their Goldstein scores in tenths and of its squares), so
-- that one new day's alerts read a dozen rows per series that can ring rather than
-- every story of the 12 baseline weeks before it (20,000 stories at 1M events).
--
-- A story's series and sums come from its code (cameo), actors and place, as package
-- trend reads them (trend.Sums), so they are kept in Go: triggers on story_trend
-- record in series_dirty each story whose row changed, with its row as the sums last
-- counted it (had = 1) or as new (had = 0); the store takes that old state off the sums,
-- adds the new one and empties series_dirty in the transaction that wrote the story
-- (flushSeries). A reader adds what series_dirty still holds, so the sums it reads are
-- the stories' whichever way they were written. The backfill (backfillSeries) sums
-- the stored stories.
CREATE TABLE series_weeks (
	series       TEXT    NOT NULL,
	week         TEXT    NOT NULL,
	stories      INTEGER NOT NULL,
	conflict     INTEGER NOT NULL,
	goldstein    INTEGER NOT NULL,
	goldstein_sq INTEGER NOT NULL,
	PRIMARY KEY (series, week)
) STRICT, WITHOUT ROWID;

CREATE TABLE series_dirty (
	id      TEXT    PRIMARY KEY, -- the story's
	had     INTEGER NOT NULL,    -- 1 when the sums count the story as below
	day     TEXT    NOT NULL,
	code    TEXT    NOT NULL,
	country TEXT    NOT NULL,
	actors  TEXT    NOT NULL
) STRICT, WITHOUT ROWID;

-- The first change since the last flush keeps the state the sums count: later ones
-- find the story's row there. NOT EXISTS rather than INSERT OR IGNORE, whose conflict
-- rule the outer statement's would override.
CREATE TRIGGER series_dirty_insert AFTER INSERT ON story_trend BEGIN
	INSERT INTO series_dirty (id, had, day, code, country, actors)
		SELECT NEW.id, 0, '', '', '', ''
		WHERE NOT EXISTS (SELECT 1 FROM series_dirty WHERE id = NEW.id);
END;

CREATE TRIGGER series_dirty_update AFTER UPDATE OF day, code, country, actors ON story_trend BEGIN
	INSERT INTO series_dirty (id, had, day, code, country, actors)
		SELECT OLD.id, 1, OLD.day, OLD.code, OLD.country, OLD.actors
		WHERE NOT EXISTS (SELECT 1 FROM series_dirty WHERE id = OLD.id);
END;

CREATE TRIGGER series_dirty_delete AFTER DELETE ON story_trend BEGIN
	INSERT INTO series_dirty (id, had, day, code, country, actors)
		SELECT OLD.id, 1, OLD.day, OLD.code, OLD.country, OLD.actors
		WHERE NOT EXISTS (SELECT 1 FROM series_dirty WHERE id = OLD.id);
END;
