-- 0009: story_trend, what a series, an alert and the map read of each dated story, in
-- day order in one table: its code, place (country, coordinates), label, articles,
-- reconciled casualties and actors ("role:actor" separated by spaces). Kept by triggers on stories and
-- story_actors, so that a window of days is one range of this table, where reading
-- stories by their day index took a seek into stories, one into story_actors and, for
-- the map, the story's JSON, for each of them (the alerts of one day read the 13 weeks
-- before it: 20,000 stories of the 1M-event synthetic store).
CREATE TABLE story_trend (
	day      TEXT    NOT NULL,
	seq      INTEGER NOT NULL,
	id       TEXT    NOT NULL UNIQUE, -- the story's
	country  TEXT    NOT NULL,
	code     TEXT    NOT NULL,
	label    TEXT    NOT NULL,
	articles INTEGER NOT NULL,
	lat      REAL, -- the story's place, NULL when it has none
	lon      REAL,
	killed   INTEGER NOT NULL, -- the story's reconciled best figures, 0 when none
	injured  INTEGER NOT NULL,
	actors   TEXT    NOT NULL,
	PRIMARY KEY (day, seq)
) STRICT, WITHOUT ROWID;

INSERT INTO story_trend (day, seq, id, country, code, label, articles, lat, lon, killed, injured, actors)
	SELECT day, seq, id, country, code, label, articles,
		json_extract(story_json, '$.place.lat'), json_extract(story_json, '$.place.lon'),
		coalesce(json_extract(story_json, '$.casualties.killed.best'), 0),
		coalesce(json_extract(story_json, '$.casualties.injured.best'), 0),
		coalesce((SELECT group_concat(role || ':' || actor, ' ') FROM story_actors WHERE story = s.id), '')
	FROM stories s WHERE day <> '';

CREATE TRIGGER story_trend_insert AFTER INSERT ON stories WHEN NEW.day <> '' BEGIN
	INSERT INTO story_trend (day, seq, id, country, code, label, articles, lat, lon, killed, injured, actors)
	VALUES (NEW.day, NEW.seq, NEW.id, NEW.country, NEW.code, NEW.label, NEW.articles,
		json_extract(NEW.story_json, '$.place.lat'), json_extract(NEW.story_json, '$.place.lon'),
		coalesce(json_extract(NEW.story_json, '$.casualties.killed.best'), 0),
		coalesce(json_extract(NEW.story_json, '$.casualties.injured.best'), 0),
		coalesce((SELECT group_concat(role || ':' || actor, ' ') FROM story_actors WHERE story = NEW.id), ''));
END;

CREATE TRIGGER story_trend_update AFTER UPDATE ON stories BEGIN
	DELETE FROM story_trend WHERE id = OLD.id;
	INSERT INTO story_trend (day, seq, id, country, code, label, articles, lat, lon, killed, injured, actors)
	SELECT NEW.day, NEW.seq, NEW.id, NEW.country, NEW.code, NEW.label, NEW.articles,
		json_extract(NEW.story_json, '$.place.lat'), json_extract(NEW.story_json, '$.place.lon'),
		coalesce(json_extract(NEW.story_json, '$.casualties.killed.best'), 0),
		coalesce(json_extract(NEW.story_json, '$.casualties.injured.best'), 0),
		coalesce((SELECT group_concat(role || ':' || actor, ' ') FROM story_actors WHERE story = NEW.id), '')
	WHERE NEW.day <> '';
END;

CREATE TRIGGER story_trend_delete AFTER DELETE ON stories BEGIN
	DELETE FROM story_trend WHERE id = OLD.id;
END;

CREATE TRIGGER story_trend_actor_insert AFTER INSERT ON story_actors BEGIN
	UPDATE story_trend SET actors = ltrim(actors || ' ' || NEW.role || ':' || NEW.actor)
		WHERE id = NEW.story;
END;

CREATE TRIGGER story_trend_actor_delete AFTER DELETE ON story_actors BEGIN
	UPDATE story_trend SET actors =
		coalesce((SELECT group_concat(role || ':' || actor, ' ') FROM story_actors WHERE story = OLD.story), '')
		WHERE id = OLD.story;
END;

-- story_pairs: each ordered pair of the countries (first three letters) of two of a
-- story's actors, kept by triggers on story_actors, so that a dyad's series finds its
-- stories in one range (a few thousand of the 1M-event store over ten years) rather
-- than intersecting the stories of each of its actors (tens of thousands each).
CREATE TABLE story_pairs (
	x     TEXT NOT NULL,
	y     TEXT NOT NULL,
	story TEXT NOT NULL,
	PRIMARY KEY (x, y, story)
) STRICT, WITHOUT ROWID;

CREATE INDEX story_pairs_story ON story_pairs(story);

INSERT OR IGNORE INTO story_pairs (x, y, story)
	SELECT DISTINCT substr(a.actor, 1, 3), substr(b.actor, 1, 3), a.story
	FROM story_actors a JOIN story_actors b ON b.story = a.story
	WHERE length(a.actor) >= 3 AND length(b.actor) >= 3 AND substr(a.actor, 1, 3) <> substr(b.actor, 1, 3);

CREATE TRIGGER story_pairs_actor_insert AFTER INSERT ON story_actors
WHEN length(NEW.actor) >= 3 BEGIN
	INSERT INTO story_pairs (x, y, story)
		SELECT DISTINCT substr(NEW.actor, 1, 3), substr(o.actor, 1, 3), NEW.story FROM story_actors o
		WHERE o.story = NEW.story AND length(o.actor) >= 3 AND substr(o.actor, 1, 3) <> substr(NEW.actor, 1, 3)
		AND NOT EXISTS (SELECT 1 FROM story_pairs WHERE x = substr(NEW.actor, 1, 3) AND y = substr(o.actor, 1, 3) AND story = NEW.story);
	INSERT INTO story_pairs (x, y, story)
		SELECT DISTINCT substr(o.actor, 1, 3), substr(NEW.actor, 1, 3), NEW.story FROM story_actors o
		WHERE o.story = NEW.story AND length(o.actor) >= 3 AND substr(o.actor, 1, 3) <> substr(NEW.actor, 1, 3)
		AND NOT EXISTS (SELECT 1 FROM story_pairs WHERE x = substr(o.actor, 1, 3) AND y = substr(NEW.actor, 1, 3) AND story = NEW.story);
END;

CREATE TRIGGER story_pairs_actor_delete AFTER DELETE ON story_actors BEGIN
	DELETE FROM story_pairs WHERE story = OLD.story;
	INSERT INTO story_pairs (x, y, story)
		SELECT DISTINCT substr(a.actor, 1, 3), substr(b.actor, 1, 3), a.story
		FROM story_actors a JOIN story_actors b ON b.story = a.story
		WHERE a.story = OLD.story AND length(a.actor) >= 3 AND length(b.actor) >= 3
		AND substr(a.actor, 1, 3) <> substr(b.actor, 1, 3);
END;

CREATE TRIGGER story_pairs_delete AFTER DELETE ON stories BEGIN
	DELETE FROM story_pairs WHERE story = OLD.id;
END;
