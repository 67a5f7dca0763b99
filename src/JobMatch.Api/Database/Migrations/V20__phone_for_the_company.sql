-- Contact once the veteran chose the company (issue 22): applying, or accepting an invitation, may carry the consent to
-- show the phone to that company. The answer is kept in the consent history naming the company; the application records
-- that it shares the phone. The company reads it only while the application is live (see ApplicationAccess).
ALTER TABLE veteran_consents DROP CONSTRAINT veteran_consents_kind_check;
ALTER TABLE veteran_consents
    ADD CONSTRAINT veteran_consents_kind_check
        CHECK (kind IN ('share_with_recruiters', 'automated_matching', 'sensitive_data', 'share_phone_with_company')),
    ADD COLUMN company_id uuid REFERENCES companies (id),
    ADD CONSTRAINT veteran_consents_company CHECK ((kind = 'share_phone_with_company') = (company_id IS NOT NULL));

-- The phone consent is given per application, not a standing answer: the current answers stay the three standing kinds.
CREATE OR REPLACE VIEW current_consents AS
SELECT DISTINCT ON (veteran_id, kind) veteran_id, kind, granted, text_version, at, method, recorded_by, import_batch_id
FROM veteran_consents
WHERE kind <> 'share_phone_with_company'
ORDER BY veteran_id, kind, at DESC, id DESC;

-- Applications made before this consent existed keep the phone masked.
ALTER TABLE applications ADD COLUMN shares_phone boolean NOT NULL DEFAULT false;
