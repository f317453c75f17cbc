-- 0013: indexes that answer the story filters without reading the stories' rows, whose
-- story_json makes each a seek of its own: a story's ID with its listing order (day,
-- seq), for the actor, dyad and text filters, which find their stories by ID in
-- story_actors, story_pairs and story_units; and the root and country indexes with the
-- ID and seq, for an actor checked on each story of a root or country. On the
-- synthetic store of `tocsin bench store` at 300,104 events (52,564 stories) a dyad
-- of two countries is 3,549 stories, --source IRN --root 19 282 of 966.
CREATE INDEX stories_id_order ON stories(id, day, seq);
DROP INDEX stories_root;
CREATE INDEX stories_root ON stories(root, day, seq, id);
DROP INDEX stories_country;
CREATE INDEX stories_country ON stories(country, day, seq, id);
