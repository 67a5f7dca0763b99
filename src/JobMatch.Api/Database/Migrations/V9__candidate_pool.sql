-- The candidate pool: what ranking reads of a veteran, on the veteran's own row. Candidates for a position used to
-- look up two latest consents and three skill aggregates per veteran (about 600 ms for 5,000 candidates at 1,000,000
-- veterans); triggers now keep the current answers and the skill arrays here, whichever path writes them (the API,
-- the roster import, the demo seeder, COPY), and a partial index holds only the veterans a recruiter may be shown.
ALTER TABLE veterans
    ADD COLUMN shares_with_recruiters boolean NOT NULL DEFAULT false,
    ADD COLUMN accepts_matching       boolean NOT NULL DEFAULT false,
    ADD COLUMN stated_skill_ids       text[]  NOT NULL DEFAULT '{}',
    ADD COLUMN inferred_skill_ids     text[]  NOT NULL DEFAULT '{}',
    ADD COLUMN skill_labels           text[]  NOT NULL DEFAULT '{}',
    ADD COLUMN matchable              boolean GENERATED ALWAYS AS (status = 'seeking' AND shares_with_recruiters AND accepts_matching) STORED;

-- The latest answer of each kind, for the veterans whose consents a statement wrote.
CREATE FUNCTION veterans_refresh_consents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE veterans v SET
        shares_with_recruiters = coalesce((SELECT c.granted FROM veteran_consents c WHERE c.veteran_id = v.id
            AND c.kind = 'share_with_recruiters' ORDER BY c.at DESC, c.id DESC LIMIT 1), false),
        accepts_matching = coalesce((SELECT c.granted FROM veteran_consents c WHERE c.veteran_id = v.id
            AND c.kind = 'automated_matching' ORDER BY c.at DESC, c.id DESC LIMIT 1), false)
    WHERE v.id IN (SELECT DISTINCT veteran_id FROM changed);
    RETURN NULL;
END $$;

-- The skill arrays exactly as ranking read them before: distinct canonical ids by source, every label in order.
CREATE FUNCTION veterans_refresh_skills() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE veterans v SET
        stated_skill_ids = coalesce((SELECT array_agg(DISTINCT s.skill_id) FROM veteran_skills s
            WHERE s.veteran_id = v.id AND s.source = 'stated' AND s.skill_id IS NOT NULL), '{}'),
        inferred_skill_ids = coalesce((SELECT array_agg(DISTINCT s.skill_id) FROM veteran_skills s
            WHERE s.veteran_id = v.id AND s.source = 'inferred'), '{}'),
        skill_labels = coalesce((SELECT array_agg(s.label ORDER BY s.label) FROM veteran_skills s WHERE s.veteran_id = v.id), '{}')
    WHERE v.id IN (SELECT DISTINCT veteran_id FROM changed);
    RETURN NULL;
END $$;

-- One trigger per event: a trigger with a transition table takes a single event.
CREATE TRIGGER veteran_consents_inserted AFTER INSERT ON veteran_consents
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION veterans_refresh_consents();
CREATE TRIGGER veteran_consents_updated AFTER UPDATE ON veteran_consents
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION veterans_refresh_consents();
CREATE TRIGGER veteran_consents_deleted AFTER DELETE ON veteran_consents
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION veterans_refresh_consents();
CREATE TRIGGER veteran_skills_inserted AFTER INSERT ON veteran_skills
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION veterans_refresh_skills();
CREATE TRIGGER veteran_skills_updated AFTER UPDATE ON veteran_skills
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION veterans_refresh_skills();
CREATE TRIGGER veteran_skills_deleted AFTER DELETE ON veteran_skills
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION veterans_refresh_skills();

-- The rows already there, once.
UPDATE veterans v SET
    shares_with_recruiters = coalesce((SELECT c.granted FROM veteran_consents c WHERE c.veteran_id = v.id
        AND c.kind = 'share_with_recruiters' ORDER BY c.at DESC, c.id DESC LIMIT 1), false),
    accepts_matching = coalesce((SELECT c.granted FROM veteran_consents c WHERE c.veteran_id = v.id
        AND c.kind = 'automated_matching' ORDER BY c.at DESC, c.id DESC LIMIT 1), false),
    stated_skill_ids = coalesce((SELECT array_agg(DISTINCT s.skill_id) FROM veteran_skills s
        WHERE s.veteran_id = v.id AND s.source = 'stated' AND s.skill_id IS NOT NULL), '{}'),
    inferred_skill_ids = coalesce((SELECT array_agg(DISTINCT s.skill_id) FROM veteran_skills s
        WHERE s.veteran_id = v.id AND s.source = 'inferred'), '{}'),
    skill_labels = coalesce((SELECT array_agg(s.label ORDER BY s.label) FROM veteran_skills s WHERE s.veteran_id = v.id), '{}');

-- Only the veterans a recruiter may be shown: by any skill they hold, by home district, newest first.
CREATE INDEX veterans_pool_skills ON veterans USING gin ((stated_skill_ids || inferred_skill_ids)) WHERE matchable;
CREATE INDEX veterans_pool_district ON veterans (home_district) WHERE matchable;
CREATE INDEX veterans_pool_newest ON veterans (id DESC) WHERE matchable;
