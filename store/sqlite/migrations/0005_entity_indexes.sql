-- 0005: entities lose the indexes on canonical and actor that 0002 made. No query reads
-- entities by name or code yet, and with some 64 entity mentions an article (news-bench)
-- the two indexes were two b-tree writes for each, most of an ingest's row cost. A
-- feature that looks entities up adds the index its query needs.
DROP INDEX entities_canonical;
DROP INDEX entities_actor;
