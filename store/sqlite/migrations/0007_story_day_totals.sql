-- 0007: the count of coded stories (those with a dominant root) per first event day,
-- kept by triggers as stories are written, so that the share of a series (trends, the
-- denominator of trend.Row.Share) reads one row a day rather than counting the day
-- index: over five years of the 1M-event synthetic store that was 400,000 index
-- entries a query. A missing day's row is added by NOT EXISTS, not INSERT OR IGNORE,
-- whose conflict rule the storing upsert's would override.
CREATE TABLE story_day_totals (
	day   TEXT    PRIMARY KEY,
	coded INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

INSERT INTO story_day_totals (day, coded)
	SELECT day, count(*) FROM stories WHERE root <> '' AND day <> '' GROUP BY day;

CREATE TRIGGER story_day_totals_insert AFTER INSERT ON stories
WHEN NEW.root <> '' AND NEW.day <> '' BEGIN
	INSERT INTO story_day_totals (day, coded) SELECT NEW.day, 0
		WHERE NOT EXISTS (SELECT 1 FROM story_day_totals WHERE day = NEW.day);
	UPDATE story_day_totals SET coded = coded + 1 WHERE day = NEW.day;
END;

CREATE TRIGGER story_day_totals_delete AFTER DELETE ON stories
WHEN OLD.root <> '' AND OLD.day <> '' BEGIN
	UPDATE story_day_totals SET coded = coded - 1 WHERE day = OLD.day;
END;

CREATE TRIGGER story_day_totals_update AFTER UPDATE OF day, root ON stories
WHEN (OLD.day IS NOT NEW.day OR OLD.root IS NOT NEW.root) BEGIN
	UPDATE story_day_totals SET coded = coded - 1
		WHERE day = OLD.day AND OLD.root <> '' AND OLD.day <> '';
	INSERT INTO story_day_totals (day, coded) SELECT NEW.day, 0
		WHERE NEW.root <> '' AND NEW.day <> ''
		AND NOT EXISTS (SELECT 1 FROM story_day_totals WHERE day = NEW.day);
	UPDATE story_day_totals SET coded = coded + 1
		WHERE day = NEW.day AND NEW.root <> '' AND NEW.day <> '';
END;
