-- 0001: articles and their full-text index.

-- seq is an explicit INTEGER PRIMARY KEY (an alias of the rowid) rather than relying on
-- the implicit rowid: VACUUM may renumber implicit rowids, and the FTS index below
-- refers to articles by rowid. The article ID is the natural key and is UNIQUE, so
-- INSERT ... ON CONFLICT(id) and future foreign keys (REFERENCES articles(id)) work.
-- doc_json is the full Document JSON, every layer included; the other columns are
-- copies of its metadata for listing and searching without decoding JSON.
CREATE TABLE articles (
	seq         INTEGER PRIMARY KEY,
	id          TEXT    NOT NULL UNIQUE,
	title       TEXT    NOT NULL,
	standfirst  TEXT    NOT NULL,
	published   TEXT    NOT NULL,
	source      TEXT    NOT NULL,
	url         TEXT    NOT NULL,
	author      TEXT    NOT NULL,
	language    TEXT    NOT NULL,
	origin      TEXT    NOT NULL,
	text        TEXT    NOT NULL,
	body_start  INTEGER NOT NULL,
	doc_json    TEXT    NOT NULL,
	ingested_at TEXT    NOT NULL -- UTC, fixed-width RFC 3339 with nanoseconds, so it sorts as text
) STRICT;

CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_ingested ON articles(ingested_at);

-- External-content FTS5 index over title and text. External content (rather than
-- contentless) keeps a single copy of the text, in articles, while still letting
-- snippet() and highlight() read the column values. The triggers keep the index in
-- step with articles inside the writing transaction, whatever statement writes it.
CREATE VIRTUAL TABLE articles_fts USING fts5(
	title,
	text,
	content = 'articles',
	content_rowid = 'seq',
	tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
	INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, text)
	VALUES ('delete', old.seq, old.title, old.text);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, text)
	VALUES ('delete', old.seq, old.title, old.text);
	INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

-- Rank with bm25, a title match weighing four times a match in the text. (Text starts
-- with the headline, so title words count in both columns.)
INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0)');
