-- Veteran profiles. The resident ID number is never stored in clear: AES-GCM ciphertext for reading it back, and a
-- keyed HMAC-SHA256 hash for looking it up and keeping it unique. Gender and birth date come from the number and
-- stay on the profile: ranking never reads them.
CREATE TABLE veterans (
    id                   uuid        PRIMARY KEY,
    subject              text        UNIQUE CHECK (length(subject) BETWEEN 1 AND 200),
    synthetic            boolean     NOT NULL DEFAULT false,
    name                 text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 50),
    gender               text        CHECK (gender IN ('male', 'female')),
    birth_date           date,
    id_number_cipher     bytea,
    id_number_hash       bytea       UNIQUE,
    phone                text        CHECK (phone ~ '^1[3-9][0-9]{9}$'),
    branch               text        CHECK (branch IN ('army', 'navy', 'air_force', 'rocket_force', 'armed_police', 'joint_logistics', 'strategic_support')),
    service_years        int         CHECK (service_years BETWEEN 0 AND 40),
    discharge_year       int         CHECK (discharge_year BETWEEN 1950 AND 2100),
    rank                 text        CHECK (length(rank) <= 50),
    specialties          text[]      NOT NULL DEFAULT '{}',
    education_level      text        CHECK (education_level IN ('junior_high_or_below', 'senior_high', 'junior_college', 'bachelor', 'master', 'doctorate')),
    major                text        CHECK (length(major) <= 100),
    licence_classes      text[]      NOT NULL DEFAULT '{}' CHECK (licence_classes <@ ARRAY['A1','A2','A3','B1','B2','C1','C2']::text[]),
    special_operations   text[]      NOT NULL DEFAULT '{}',
    special_equipment    text[]      NOT NULL DEFAULT '{}',
    other_certificates   text[]      NOT NULL DEFAULT '{}',
    home_district        text        CHECK (home_district ~ '^3404[0-9]{2}$'),
    preferred_districts  text[]      NOT NULL DEFAULT '{}',
    preferred_industries text[]      NOT NULL DEFAULT '{}',
    min_monthly_salary   int         CHECK (min_monthly_salary BETWEEN 0 AND 1000000),
    seeking              text[]      NOT NULL DEFAULT '{}' CHECK (seeking <@ ARRAY['job','training','entrepreneurship']::text[]),
    status               text        NOT NULL DEFAULT 'seeking' CHECK (status IN ('seeking', 'employed', 'training', 'not_seeking')),
    -- Inferred skills the veteran removed: adding the same specialty again does not bring them back.
    dismissed_skills     text[]      NOT NULL DEFAULT '{}',
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    -- The ciphertext, its lookup hash and what is derived from the number come and go together.
    CHECK ((id_number_cipher IS NULL) = (id_number_hash IS NULL)),
    CHECK (id_number_cipher IS NOT NULL OR (gender IS NULL AND birth_date IS NULL))
);
CREATE INDEX veterans_home_district ON veterans (home_district);
CREATE INDEX veterans_synthetic ON veterans (synthetic);

-- A profile's skills: canonical (skill_id) or free text (skill_id null); stated by the veteran or inferred from a specialty.
CREATE TABLE veteran_skills (
    veteran_id uuid NOT NULL REFERENCES veterans (id) ON DELETE CASCADE,
    label      text NOT NULL CHECK (length(btrim(label)) BETWEEN 1 AND 50),
    skill_id   text,
    source     text NOT NULL CHECK (source IN ('stated', 'inferred')),
    match_type text CHECK (match_type IN ('most', 'some')),
    specialty  text,
    PRIMARY KEY (veteran_id, label),
    CHECK ((source = 'inferred') = (specialty IS NOT NULL AND match_type IS NOT NULL AND skill_id IS NOT NULL))
);
CREATE INDEX veteran_skills_skill ON veteran_skills (skill_id) WHERE skill_id IS NOT NULL;

-- Every grant and withdrawal, kept: the current state of a kind is its latest row.
CREATE TABLE veteran_consents (
    id           uuid        PRIMARY KEY,
    veteran_id   uuid        NOT NULL REFERENCES veterans (id) ON DELETE CASCADE,
    kind         text        NOT NULL CHECK (kind IN ('share_with_recruiters', 'automated_matching', 'sensitive_data')),
    granted      boolean     NOT NULL,
    text_version text        NOT NULL CHECK (length(text_version) BETWEEN 1 AND 20),
    at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX veteran_consents_latest ON veteran_consents (veteran_id, kind, at DESC, id DESC);

-- What each veteran has agreed to now; later features (candidate lists, matching) read consent here, at once.
CREATE VIEW current_consents AS
SELECT DISTINCT ON (veteran_id, kind) veteran_id, kind, granted, text_version, at
FROM veteran_consents
ORDER BY veteran_id, kind, at DESC, id DESC;

-- Anonymous statistics that survive a deletion: counts by month, district and branch, no person.
CREATE TABLE veteran_deletions (
    month         date NOT NULL,
    home_district text NOT NULL DEFAULT '',
    branch        text NOT NULL DEFAULT '',
    deleted       int  NOT NULL CHECK (deleted > 0),
    PRIMARY KEY (month, home_district, branch)
);
