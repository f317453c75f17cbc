-- 0002: the event dataset. Each article's events, casualty counts, incidents and
-- entities as rows, written in the article's transaction (Put) and back-filled from
-- doc_json for articles stored before this version (see events_backfill.go). The
-- article JSON stays the full document; these rows are copies for querying.
--
-- Rows refer to their article by articles.seq and to their sentence by sentences.id.
-- Every id is an explicit INTEGER PRIMARY KEY, so it is stable (VACUUM keeps it).

-- sentences holds the sentences that some row points to (not every sentence of every
-- article), with their byte offsets in the article's text, and feeds sentences_fts.
CREATE TABLE sentences (
	id      INTEGER PRIMARY KEY,
	article INTEGER NOT NULL REFERENCES articles(seq),
	idx     INTEGER NOT NULL, -- index in the document's sentences layer
	start   INTEGER NOT NULL,
	end     INTEGER NOT NULL,
	text    TEXT    NOT NULL,
	UNIQUE (article, idx)
) STRICT;

CREATE VIRTUAL TABLE sentences_fts USING fts5(
	text,
	content = 'sentences',
	content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN
	INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
	INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

-- events: one row per coded event. day is the first day of date (2020-01 → 2020-01-01),
-- NULL when the event has no date; date filters compare it. Actor names are the text
-- at the evidence offsets and the canonical name of the entity there.
CREATE TABLE events (
	id               INTEGER PRIMARY KEY,
	article          INTEGER NOT NULL REFERENCES articles(seq),
	idx              INTEGER NOT NULL, -- index in the document's events layer
	sentence         INTEGER REFERENCES sentences(id),
	sentence_idx     INTEGER NOT NULL,
	source           TEXT    NOT NULL,
	source_text      TEXT    NOT NULL,
	source_canonical TEXT    NOT NULL,
	target           TEXT    NOT NULL,
	target_text      TEXT    NOT NULL,
	target_canonical TEXT    NOT NULL,
	code             TEXT    NOT NULL,
	base             TEXT    NOT NULL,
	root             TEXT    NOT NULL,
	quad_class       INTEGER NOT NULL,
	goldstein        REAL    NOT NULL,
	plover_type      TEXT    NOT NULL,
	plover_mode      TEXT    NOT NULL,
	modality         TEXT    NOT NULL,
	rule             TEXT    NOT NULL,
	date             TEXT    NOT NULL,
	day              TEXT,
	date_source      TEXT    NOT NULL,
	place_name       TEXT,
	place_country    TEXT,
	place_admin1     TEXT,
	place_lat        REAL,
	place_lon        REAL,
	place_geonameid  INTEGER,
	place_source     TEXT    NOT NULL,
	ev_source_start  INTEGER NOT NULL,
	ev_source_end    INTEGER NOT NULL,
	ev_trigger_start INTEGER NOT NULL,
	ev_trigger_end   INTEGER NOT NULL,
	ev_target_start  INTEGER NOT NULL,
	ev_target_end    INTEGER NOT NULL,
	UNIQUE (article, idx)
) STRICT;

-- The indexes serve the filters of `tocsin events`: an actor (prefix) with a root and
-- a date range, a country with a date range, a root or code, a date range alone.
CREATE INDEX events_source ON events(source, root, day);
CREATE INDEX events_target ON events(target, root, day);
CREATE INDEX events_root ON events(root, day);
CREATE INDEX events_code ON events(code);
CREATE INDEX events_country ON events(place_country, day);
CREATE INDEX events_day ON events(day);
CREATE INDEX events_sentence ON events(sentence);

-- casualties: one row per casualty count.
CREATE TABLE casualties (
	id        INTEGER PRIMARY KEY,
	article   INTEGER NOT NULL REFERENCES articles(seq),
	idx       INTEGER NOT NULL,
	sentence  INTEGER REFERENCES sentences(id),
	kind      TEXT    NOT NULL,
	value     INTEGER NOT NULL,
	qualifier TEXT    NOT NULL,
	vague     INTEGER NOT NULL,
	victims   TEXT    NOT NULL,
	place     TEXT    NOT NULL,
	date      TEXT    NOT NULL,
	text      TEXT    NOT NULL,
	start     INTEGER NOT NULL,
	end       INTEGER NOT NULL,
	UNIQUE (article, idx)
) STRICT;

CREATE INDEX casualties_kind ON casualties(kind, date);

-- incidents: one row per incident; casualties and events are JSON arrays of the idx
-- of the article's casualty and event rows.
CREATE TABLE incidents (
	id         INTEGER PRIMARY KEY,
	article    INTEGER NOT NULL REFERENCES articles(seq),
	idx        INTEGER NOT NULL,
	sentence   INTEGER REFERENCES sentences(id),
	cause      TEXT    NOT NULL,
	kind       TEXT    NOT NULL,
	place      TEXT    NOT NULL,
	date       TEXT    NOT NULL,
	casualties TEXT    NOT NULL,
	events     TEXT    NOT NULL,
	start      INTEGER NOT NULL,
	end        INTEGER NOT NULL,
	UNIQUE (article, idx)
) STRICT;

-- entities: one row per entity mention. Its sentence is an index into the document's
-- sentences layer (-1 for none) rather than a sentences row, so that sentences holds
-- only evidence sentences, not nearly all of every article.
CREATE TABLE entities (
	id        INTEGER PRIMARY KEY,
	article   INTEGER NOT NULL REFERENCES articles(seq),
	idx       INTEGER NOT NULL,
	sentence  INTEGER NOT NULL,
	text      TEXT    NOT NULL,
	type      TEXT    NOT NULL,
	canonical TEXT    NOT NULL,
	actor     TEXT    NOT NULL,
	role      TEXT    NOT NULL,
	mention   TEXT    NOT NULL,
	start     INTEGER NOT NULL,
	end       INTEGER NOT NULL,
	UNIQUE (article, idx)
) STRICT;

CREATE INDEX entities_canonical ON entities(canonical);
CREATE INDEX entities_actor ON entities(actor);
