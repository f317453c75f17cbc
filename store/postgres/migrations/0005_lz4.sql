-- 0005: the large text columns compressed with lz4 rather than pglz, where the server
-- was built with it (PostgreSQL 14 and later; Debian's is). pglz_compress was the
-- first function of the backends' CPU profile while workers stored news-bench (14% of
-- it, the article's JSON at some 33 kB); with lz4 a PutBatch of 400 news-bench
-- articles cost the backend some 10% less CPU. Rows stored before keep pglz: both are
-- read alike.
DO $$
BEGIN
	IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression'
			AND 'lz4' = ANY (enumvals)) THEN
		ALTER TABLE articles ALTER COLUMN doc_json SET COMPRESSION lz4,
			ALTER COLUMN text SET COMPRESSION lz4;
		ALTER TABLE stories ALTER COLUMN story_json SET COMPRESSION lz4;
		ALTER TABLE story_units ALTER COLUMN unit_json SET COMPRESSION lz4;
	END IF;
END $$;
