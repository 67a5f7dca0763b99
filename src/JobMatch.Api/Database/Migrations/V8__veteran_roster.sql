-- The bureau's veteran roster comes in through the listings import engine: its batches are import_batches of kind
-- 'roster' (no fair, no program) with counters of their own, and their report lines go to import_problems.
ALTER TABLE import_batches
    ADD COLUMN kind               text NOT NULL DEFAULT 'positions' CHECK (kind IN ('positions', 'roster')),
    ADD COLUMN veterans_created   int  NOT NULL DEFAULT 0 CHECK (veterans_created >= 0),
    ADD COLUMN veterans_updated   int  NOT NULL DEFAULT 0 CHECK (veterans_updated >= 0),
    ADD COLUMN veterans_unchanged int  NOT NULL DEFAULT 0 CHECK (veterans_unchanged >= 0);

-- A positions batch belongs to exactly one fair or program; a roster batch to neither. The V2 check is unnamed, so
-- it is found by its definition.
DO $$
DECLARE name text;
BEGIN
    SELECT conname INTO STRICT name FROM pg_constraint
    WHERE conrelid = 'import_batches'::regclass AND contype = 'c'
      AND pg_get_constraintdef(oid) = 'CHECK ((num_nonnulls(fair_id, program_id) = 1))';
    EXECUTE format('ALTER TABLE import_batches DROP CONSTRAINT %I', name);
END $$;
ALTER TABLE import_batches ADD CONSTRAINT import_batches_source_by_kind
    CHECK (num_nonnulls(fair_id, program_id) = CASE kind WHEN 'positions' THEN 1 ELSE 0 END);

-- The same roster file is one batch (re-uploading it changes nothing and answers the earlier batch).
CREATE UNIQUE INDEX import_batches_same_roster ON import_batches (file_sha256) WHERE kind = 'roster' AND status = 'completed';

-- Provenance of a roster profile: the batch that created it and the one that last wrote it. No foreign keys, as
-- for positions: batches are never deleted. A profile created by a roster has no subject until its veteran claims it.
ALTER TABLE veterans
    ADD COLUMN created_batch_id uuid,
    ADD COLUMN import_batch_id  uuid;
