-- 0011: each event row's record, a copy in one BLOB of the fields that exports and
-- pages of events show and that never change once the event is stored (its sentence
-- with offsets, actors, codes, date, place...; see events_record.go), so that reading
-- a row costs the driver 7 columns rather than 42 and a join. Put writes it with the
-- row; the rows stored before this version get theirs from their columns
-- (backfillRecords in events_record.go). The columns stay what queries filter on.
ALTER TABLE events ADD COLUMN record BLOB;
