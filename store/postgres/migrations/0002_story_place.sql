-- 0002: each story's place coordinates as columns, for the map page (worldmap.Store),
-- which reads a month of stories at a time: NULL when the story has no place.
ALTER TABLE stories ADD COLUMN lat double precision, ADD COLUMN lon double precision;

UPDATE stories SET lat = (story_json::jsonb #>> '{place,lat}')::double precision,
	lon = (story_json::jsonb #>> '{place,lon}')::double precision
	WHERE story_json::jsonb -> 'place' IS NOT NULL AND story_json::jsonb -> 'place' <> 'null'::jsonb;
