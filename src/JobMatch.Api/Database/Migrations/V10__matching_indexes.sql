-- Candidate generation for a veteran's matches reads open positions that share a skill AND lie in a preferred
-- district first: with this index PostgreSQL ANDs the district bitmap with the skills GIN bitmap and visits only
-- those rows (about 6 ms instead of 20 for a common skill over 100,000 open positions; see docs/PERFORMANCE.md).
CREATE INDEX positions_open_district ON positions (district_code, id DESC) WHERE status = 'open';

-- Capacity-aware re-ranking counts each shown opening's applications of the last 30 days; this partial index answers
-- that from the application rows alone instead of every view and save of the opening.
CREATE INDEX interactions_applications ON interactions (position_id, at) WHERE kind = 'application';

-- Candidates for a position that requires a driving licence are read among the licence holders of the pool (V9), so
-- that a cap of skill holders without one never leaves the list empty.
CREATE INDEX veterans_pool_licences ON veterans USING gin (licence_classes) WHERE matchable;

-- Candidates living in a position's district are read newest first and stop early: by this index, not by a scan of
-- the table that the planner would otherwise pick when it expects many matches (about 140 ms at 1,000,000 veterans
-- whose rows are no longer in shared buffers). It replaces the district index of V9.
CREATE INDEX veterans_pool_district_newest ON veterans (home_district, id DESC) WHERE matchable;
DROP INDEX veterans_pool_district;

-- A position is read with its company's name and industry (the opening read cache, the matching feature cache): when
-- either changes, the company's positions count as changed too, so both caches need to compare one updated_at only.
CREATE FUNCTION companies_touch_positions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE positions SET updated_at = now() WHERE company_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER companies_renamed AFTER UPDATE OF name, industry ON companies FOR EACH ROW
    WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.industry IS DISTINCT FROM NEW.industry)
    EXECUTE FUNCTION companies_touch_positions();
