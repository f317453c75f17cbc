-- 0003: trend totals (stories with a coded event, per day over years) from the index
-- alone: an index-only scan of (day, root) instead of reading every story's row, whose
-- JSON often lies inline. On a 20,000-event synthetic store: 28 -> 2.3 ms for 5 years.
CREATE INDEX stories_day_root ON stories (day, root);
