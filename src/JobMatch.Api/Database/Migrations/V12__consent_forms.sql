-- How each consent answer was recorded: by the veteran in the service (self), by bureau staff from the signed paper
-- registration form that came with a roster (signed_form, naming the batch), by staff when the veteran asked in person
-- (in_person), or as the bureau's statutory basis for the sensitive data of a roster it imported (statutory_duty, naming
-- the batch: no one consented, the law allows it). Staff are named by their opaque subject. No foreign key to the batch, as for veterans (V8):
-- batches are never deleted.
ALTER TABLE veteran_consents
    ADD COLUMN method          text NOT NULL DEFAULT 'self' CHECK (method IN ('self', 'signed_form', 'in_person', 'statutory_duty')),
    ADD COLUMN recorded_by     text CHECK (length(recorded_by) BETWEEN 1 AND 200),
    ADD COLUMN import_batch_id uuid,
    ADD CONSTRAINT veteran_consents_recorded_by_staff CHECK (method = 'self' OR recorded_by IS NOT NULL),
    ADD CONSTRAINT veteran_consents_form_batch CHECK ((method IN ('signed_form', 'statutory_duty')) = (import_batch_id IS NOT NULL));

-- The bureau's basis recorded by roster imports before this migration: the batch that created the profile, and its staff.
UPDATE veteran_consents c SET method = 'statutory_duty', recorded_by = b.created_by, import_batch_id = b.id
FROM veterans v JOIN import_batches b ON b.id = v.created_batch_id
WHERE c.veteran_id = v.id AND c.kind = 'sensitive_data' AND c.text_version = 'roster-2026';

-- The current answer says how it was given too (new columns go last: CREATE OR REPLACE VIEW keeps the others).
CREATE OR REPLACE VIEW current_consents AS
SELECT DISTINCT ON (veteran_id, kind) veteran_id, kind, granted, text_version, at, method, recorded_by, import_batch_id
FROM veteran_consents
ORDER BY veteran_id, kind, at DESC, id DESC;

-- The version a roster batch's consent columns were recorded under (null: they were not). The same file is one batch
-- per version, so a file first sent without the version can be sent again with it and have its consents recorded.
ALTER TABLE import_batches ADD COLUMN consent_text_version text CHECK (length(consent_text_version) BETWEEN 1 AND 20);
DROP INDEX import_batches_same_roster;
CREATE UNIQUE INDEX import_batches_same_roster ON import_batches (file_sha256, coalesce(consent_text_version, ''))
    WHERE kind = 'roster' AND status = 'completed';
