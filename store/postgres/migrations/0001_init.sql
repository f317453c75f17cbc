-- 0001: the PostgreSQL store's schema, the same tables as SQLite's migrations 0001 to
-- 0006 reach, written for PostgreSQL from the start (it has no stores of an older
-- schema to upgrade).
--
-- Text that is compared as a range or sorted (actor codes, CAMEO codes, days, the
-- publication date) is COLLATE "C": byte order, as in SQLite, so that an actor-code
-- prefix is the index range [IRN, IRO) whatever the database's locale.

-- articles: doc_json is the full Document JSON, every layer included, kept as text
-- (jsonb would reorder its keys); the other columns are copies of its metadata for
-- listing and searching. tsv is the full-text index of title (weight A) and text,
-- built by tocsin from textsearch.Tokenize's tokens, so that PostgreSQL matches the
-- same tokens as SQLite's FTS5 does (see search.go).
CREATE TABLE articles (
	seq         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	id          text        NOT NULL UNIQUE,
	title       text        NOT NULL,
	standfirst  text        NOT NULL,
	published   text        COLLATE "C" NOT NULL,
	source      text        NOT NULL,
	url         text        NOT NULL,
	author      text        NOT NULL,
	language    text        NOT NULL,
	origin      text        NOT NULL,
	text        text        NOT NULL,
	body_start  integer     NOT NULL,
	doc_json    text        NOT NULL,
	ingested_at timestamptz NOT NULL,
	tsv         tsvector    NOT NULL
);

CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_ingested ON articles (ingested_at);
CREATE INDEX articles_tsv ON articles USING gin (tsv);

-- sentences: the sentences some row points to, keyed by their article and index in the
-- document's sentences layer, with their byte offsets and full-text index.
CREATE TABLE sentences (
	article    bigint   NOT NULL REFERENCES articles (seq),
	idx        integer  NOT NULL,
	span_start integer  NOT NULL,
	span_end   integer  NOT NULL,
	text       text     NOT NULL,
	tsv        tsvector NOT NULL,
	PRIMARY KEY (article, idx)
);

CREATE INDEX sentences_tsv ON sentences USING gin (tsv);

-- events: one row per coded event; id is the stable GLOBALEVENTID. day is the first
-- day of date (2020-01 → 2020-01-01), NULL when the event has no date.
CREATE TABLE events (
	id               bigint           GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	article          bigint           NOT NULL REFERENCES articles (seq),
	idx              integer          NOT NULL,
	sentence_idx     integer          NOT NULL,
	source           text COLLATE "C" NOT NULL,
	source_text      text             NOT NULL,
	source_canonical text             NOT NULL,
	target           text COLLATE "C" NOT NULL,
	target_text      text             NOT NULL,
	target_canonical text             NOT NULL,
	code             text COLLATE "C" NOT NULL,
	base             text COLLATE "C" NOT NULL,
	root             text COLLATE "C" NOT NULL,
	quad_class       integer          NOT NULL,
	goldstein        double precision NOT NULL,
	plover_type      text             NOT NULL,
	plover_mode      text             NOT NULL,
	modality         text             NOT NULL,
	rule             text             NOT NULL,
	date             text             NOT NULL,
	day              text COLLATE "C",
	date_source      text             NOT NULL,
	place_name       text,
	place_country    text COLLATE "C",
	place_admin1     text,
	place_lat        double precision,
	place_lon        double precision,
	place_geonameid  bigint,
	place_source     text             NOT NULL,
	ev_source_start  integer          NOT NULL,
	ev_source_end    integer          NOT NULL,
	ev_trigger_start integer          NOT NULL,
	ev_trigger_end   integer          NOT NULL,
	ev_target_start  integer          NOT NULL,
	ev_target_end    integer          NOT NULL,
	story            text,
	UNIQUE (article, idx)
);

-- The indexes serve the filters of `tocsin events`, as SQLite's do.
CREATE INDEX events_source ON events (source, root, day);
CREATE INDEX events_target ON events (target, root, day);
CREATE INDEX events_dyad ON events (source, target, day);
CREATE INDEX events_root ON events (root, day);
CREATE INDEX events_code ON events (code);
CREATE INDEX events_country ON events (place_country, day);
CREATE INDEX events_day ON events (day);
CREATE INDEX events_story ON events (story);

CREATE TABLE casualties (
	id         bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	article    bigint  NOT NULL REFERENCES articles (seq),
	idx        integer NOT NULL,
	sentence_idx integer NOT NULL,
	kind       text    NOT NULL,
	value      bigint  NOT NULL,
	qualifier  text    NOT NULL,
	vague      boolean NOT NULL,
	victims    text    NOT NULL,
	place      text    NOT NULL,
	date       text    NOT NULL,
	text       text    NOT NULL,
	span_start integer NOT NULL,
	span_end   integer NOT NULL,
	story      text,
	UNIQUE (article, idx)
);

CREATE INDEX casualties_kind ON casualties (kind, date);

-- incidents: casualties and events are JSON arrays of the idx of the article's
-- casualty and event rows.
CREATE TABLE incidents (
	id           bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	article      bigint  NOT NULL REFERENCES articles (seq),
	idx          integer NOT NULL,
	sentence_idx integer NOT NULL,
	cause        text    NOT NULL,
	kind         text    NOT NULL,
	place        text    NOT NULL,
	date         text    NOT NULL,
	casualties   text    NOT NULL,
	events       text    NOT NULL,
	span_start   integer NOT NULL,
	span_end     integer NOT NULL,
	UNIQUE (article, idx)
);

-- entities: one row per entity mention; sentence_idx is -1 for none.
CREATE TABLE entities (
	id           bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	article      bigint  NOT NULL REFERENCES articles (seq),
	idx          integer NOT NULL,
	sentence_idx integer NOT NULL,
	text         text    NOT NULL,
	type         text    NOT NULL,
	canonical    text    NOT NULL,
	actor        text    NOT NULL,
	role         text    NOT NULL,
	mention      text    NOT NULL,
	span_start   integer NOT NULL,
	span_end     integer NOT NULL,
	UNIQUE (article, idx)
);

-- stories: a story's full account is its JSON (with the linker's state); the other
-- columns are copies for filters, listing, exports (mentions, sources, articles) and
-- trends (killed, injured: the reconciled best figures).
CREATE TABLE stories (
	id         text    PRIMARY KEY,
	seq        bigint  GENERATED ALWAYS AS IDENTITY UNIQUE, -- creation order
	label      text    NOT NULL,
	day        text COLLATE "C" NOT NULL, -- first event day, '' when unknown
	day_end    text COLLATE "C" NOT NULL,
	lo         text COLLATE "C" NOT NULL, -- span of days for linking
	hi         text COLLATE "C" NOT NULL,
	country    text COLLATE "C" NOT NULL,
	code       text COLLATE "C" NOT NULL,
	root       text COLLATE "C" NOT NULL,
	first_seen text    NOT NULL,
	last_seen  text    NOT NULL,
	articles   integer NOT NULL,
	mentions   integer NOT NULL,
	sources    integer NOT NULL,
	killed     integer NOT NULL,
	injured    integer NOT NULL,
	story_json text    NOT NULL
);

CREATE INDEX stories_day ON stories (day);
CREATE INDEX stories_country ON stories (country, day);
CREATE INDEX stories_root ON stories (root, day);

-- story_keys: the keys a story is found by (story.Unit.Keys), with its span's last day.
CREATE TABLE story_keys (
	key   text COLLATE "C" NOT NULL,
	hi    text COLLATE "C" NOT NULL,
	lo    text COLLATE "C" NOT NULL,
	story text NOT NULL REFERENCES stories (id),
	PRIMARY KEY (key, hi, story)
);

CREATE INDEX story_keys_story ON story_keys (story);

CREATE TABLE story_actors (
	story text NOT NULL REFERENCES stories (id),
	role  text NOT NULL, -- source or target
	actor text COLLATE "C" NOT NULL,
	PRIMARY KEY (actor, role, story)
);

CREATE INDEX story_actors_story ON story_actors (story);

-- story_units: each article's linkable units (story.Unit as JSON) and their story, so
-- that `tocsin stories --rebuild` relinks from what was stored.
CREATE TABLE story_units (
	article   bigint  NOT NULL REFERENCES articles (seq),
	idx       integer NOT NULL,
	story     text    NOT NULL REFERENCES stories (id),
	unit_json text    NOT NULL,
	PRIMARY KEY (article, idx)
);

CREATE INDEX story_units_story ON story_units (story, article);
