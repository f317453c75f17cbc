-- 0004: stories. The reports of one real-world happening linked into one story
-- (package story), at ingest, in the article's transaction; articles stored before
-- this version are linked here, in ingest order (see stories_backfill.go).
--
-- A story's full account is its JSON (story_json, with the linker's state); the other
-- columns are copies for filters and listing.
CREATE TABLE stories (
	id         TEXT    PRIMARY KEY,
	seq        INTEGER NOT NULL UNIQUE, -- creation order
	label      TEXT    NOT NULL,
	day        TEXT    NOT NULL, -- first event day, '' when unknown
	day_end    TEXT    NOT NULL,
	lo         TEXT    NOT NULL, -- span of days (events and publications) for linking
	hi         TEXT    NOT NULL,
	country    TEXT    NOT NULL, -- ISO 3166 alpha-3 of its place, '' when unknown
	code       TEXT    NOT NULL,
	root       TEXT    NOT NULL,
	first_seen TEXT    NOT NULL,
	last_seen  TEXT    NOT NULL,
	articles   INTEGER NOT NULL,
	mentions   INTEGER NOT NULL,
	story_json TEXT    NOT NULL
) STRICT;

CREATE INDEX stories_day ON stories(day);
CREATE INDEX stories_country ON stories(country, day);
CREATE INDEX stories_root ON stories(root, day);

-- story_keys: the keys a story is found by when a new report comes (actor countries,
-- place, names; story.Unit.Keys), with its span's last day, so that the candidates of
-- a report are one indexed range per key, never a scan.
CREATE TABLE story_keys (
	key   TEXT NOT NULL,
	hi    TEXT NOT NULL,
	lo    TEXT NOT NULL,
	story TEXT NOT NULL REFERENCES stories(id),
	PRIMARY KEY (key, hi, story)
) STRICT, WITHOUT ROWID;

CREATE INDEX story_keys_story ON story_keys(story);

-- story_actors: a story's actor codes by role, for the source, target and dyad filters.
CREATE TABLE story_actors (
	story TEXT NOT NULL REFERENCES stories(id),
	role  TEXT NOT NULL, -- source or target
	actor TEXT NOT NULL,
	PRIMARY KEY (actor, role, story)
) STRICT, WITHOUT ROWID;

CREATE INDEX story_actors_story ON story_actors(story);

-- story_units: each article's linkable units (story.Unit as JSON) and their story, so
-- that `tocsin stories --rebuild` relinks from what was stored.
CREATE TABLE story_units (
	article   INTEGER NOT NULL REFERENCES articles(seq),
	idx       INTEGER NOT NULL,
	story     TEXT    NOT NULL REFERENCES stories(id),
	unit_json TEXT    NOT NULL,
	PRIMARY KEY (article, idx)
) STRICT;

CREATE INDEX story_units_story ON story_units(story, article);

-- The story of each event and casualty count row.
ALTER TABLE events ADD COLUMN story TEXT;
ALTER TABLE casualties ADD COLUMN story TEXT;
CREATE INDEX events_story ON events(story);
