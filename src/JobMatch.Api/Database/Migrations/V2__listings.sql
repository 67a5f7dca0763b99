-- Listings: what companies offer (positions), where the offers come from (job fairs, order-class programs) and the
-- import batches that bring them in from spreadsheets, with a change log so that a batch can be reverted.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Companies gain what fairs and the bureau record about them. The phone is stored whole and only shown masked.
ALTER TABLE companies
    ADD COLUMN veteran_founded boolean NOT NULL DEFAULT false,
    ADD COLUMN district_code   text CHECK (district_code ~ '^[0-9]{6}$'),
    ADD COLUMN contact_name    text CHECK (length(contact_name) <= 100),
    ADD COLUMN contact_phone   text CHECK (contact_phone ~ '^[0-9+\-() ]{3,30}$'),
    ADD COLUMN updated_at      timestamptz NOT NULL DEFAULT now(),
    -- The import batch that created the company, if one did (reverting the batch removes it when nothing else refers to it).
    ADD COLUMN created_batch_id uuid;

CREATE TABLE job_fairs (
    id                 uuid        PRIMARY KEY,
    name               text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    held_on            date        NOT NULL,
    online             boolean     NOT NULL,
    venue              text        CHECK (length(venue) <= 200),
    organiser          text        CHECK (length(organiser) <= 200),
    declared_companies int         CHECK (declared_companies >= 0),
    declared_positions int         CHECK (declared_positions >= 0),
    declared_openings  int         CHECK (declared_openings >= 0),
    created_at         timestamptz NOT NULL DEFAULT now(),
    created_by         text        NOT NULL,
    CHECK (online OR venue IS NOT NULL)
);

CREATE TABLE programs (
    id              uuid        PRIMARY KEY,
    name            text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    college         text        NOT NULL CHECK (length(btrim(college)) BETWEEN 1 AND 200),
    majors          text[]      NOT NULL DEFAULT '{}',
    degree_level    text        NOT NULL CHECK (degree_level IN ('高中/中专/技校', '大专', '本科', '硕士', '博士')),
    starts_on       date        NOT NULL,
    duration_months int         NOT NULL CHECK (duration_months BETWEEN 1 AND 120),
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      text        NOT NULL
);

CREATE TABLE program_sponsors (
    program_id uuid NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    company_id uuid NOT NULL REFERENCES companies (id),
    seats      int  NOT NULL CHECK (seats > 0),
    PRIMARY KEY (program_id, company_id)
);

CREATE TABLE import_batches (
    id                  uuid        PRIMARY KEY,
    fair_id             uuid        REFERENCES job_fairs (id),
    program_id          uuid        REFERENCES programs (id),
    file_name           text        NOT NULL CHECK (length(file_name) <= 255),
    file_sha256         bytea       NOT NULL CHECK (length(file_sha256) = 32),
    file_bytes          bigint      NOT NULL CHECK (file_bytes >= 0),
    format              text        NOT NULL CHECK (format IN ('csv', 'xlsx')),
    encoding            text,
    status              text        NOT NULL CHECK (status IN ('completed', 'reverted')),
    rows_total          int         NOT NULL CHECK (rows_total >= 0),
    rows_processed      int         NOT NULL CHECK (rows_processed BETWEEN 0 AND rows_total),
    rows_read           int         NOT NULL DEFAULT 0,
    rows_rejected       int         NOT NULL DEFAULT 0,
    rows_duplicate      int         NOT NULL DEFAULT 0,
    companies_created   int         NOT NULL DEFAULT 0,
    companies_matched   int         NOT NULL DEFAULT 0,
    positions_created   int         NOT NULL DEFAULT 0,
    positions_updated   int         NOT NULL DEFAULT 0,
    positions_unchanged int         NOT NULL DEFAULT 0,
    openings_created    int         NOT NULL DEFAULT 0,
    openings_updated    int         NOT NULL DEFAULT 0,
    openings_unchanged  int         NOT NULL DEFAULT 0,
    headcount_unknown   int         NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL DEFAULT now(),
    created_by          text        NOT NULL,
    reverted_at         timestamptz,
    reverted_by         text,
    CHECK (num_nonnulls(fair_id, program_id) = 1),
    CHECK ((status = 'reverted') = (reverted_at IS NOT NULL))
);
-- The same file into the same fair or program is one batch (until that batch is reverted).
CREATE UNIQUE INDEX import_batches_same_file ON import_batches (coalesce(fair_id, program_id), file_sha256)
    WHERE status = 'completed';
CREATE INDEX import_batches_source ON import_batches (coalesce(fair_id, program_id), id DESC);

-- What the report says about a row: rejected (not imported), duplicate (imported once), warning (imported, flagged)
-- or updated (an earlier import's position changed; the column lists what).
CREATE TABLE import_problems (
    batch_id   uuid NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
    seq        int  NOT NULL,
    row_number int  NOT NULL CHECK (row_number >= 1),
    "column"   text,
    value      text,
    severity   text NOT NULL CHECK (severity IN ('rejected', 'duplicate', 'warning', 'updated')),
    problem    text NOT NULL,
    PRIMARY KEY (batch_id, seq)
);

CREATE TABLE positions (
    id                 uuid        PRIMARY KEY,
    company_id         uuid        NOT NULL REFERENCES companies (id),
    fair_id            uuid        REFERENCES job_fairs (id),
    program_id         uuid        REFERENCES programs (id),
    source_id          uuid        GENERATED ALWAYS AS (coalesce(fair_id, program_id)) STORED,
    kind               text        NOT NULL CHECK (kind IN ('job', 'training')),
    title              text        NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
    headcount          int         CHECK (headcount > 0),
    filled             int         NOT NULL DEFAULT 0 CHECK (filled >= 0 AND (headcount IS NULL OR filled <= headcount)),
    remaining          int         GENERATED ALWAYS AS (headcount - filled) STORED,
    duties             text,
    requirements       text,
    skills             text[]      NOT NULL DEFAULT '{}',
    education          text        CHECK (education IN ('初中及以下', '高中/中专/技校', '大专', '本科', '硕士', '博士')),
    education_rank     smallint    GENERATED ALWAYS AS (array_position(
                           ARRAY['初中及以下', '高中/中专/技校', '大专', '本科', '硕士', '博士'], education)) STORED,
    majors             text[]      NOT NULL DEFAULT '{}',
    age_min            smallint    CHECK (age_min BETWEEN 14 AND 80),
    age_max            smallint    CHECK (age_max BETWEEN 14 AND 80 AND age_max >= coalesce(age_min, 14)),
    district_code      text        CHECK (district_code ~ '^[0-9]{6}$'),
    location           text        NOT NULL DEFAULT '' CHECK (length(location) <= 200),
    salary_min         int         CHECK (salary_min >= 0),
    salary_max         int         CHECK (salary_max >= coalesce(salary_min, 0)),
    salary_text        text        CHECK (length(salary_text) <= 100),
    certificates       text[]      NOT NULL DEFAULT '{}',
    veteran_preference boolean     NOT NULL DEFAULT false,
    -- Kept as written for the record; never used to filter or rank (it is flagged as legally sensitive on import).
    gender_note        text        CHECK (length(gender_note) <= 50),
    notes              text,
    closes_on          date,
    status             text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'filled')),
    -- Provenance: the batch that last wrote the row and the row it came from; the batch that created it (reverting
    -- that batch deletes it). created_batch_id has no foreign key: batches are never deleted (a revert marks them),
    -- and a bulk import would pay one more lookup per row.
    import_batch_id    uuid        REFERENCES import_batches (id),
    created_batch_id   uuid,
    source_row         int         CHECK (source_row >= 1),
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    created_by         text        NOT NULL,
    CHECK (num_nonnulls(fair_id, program_id) <= 1),
    CHECK (program_id IS NULL OR kind = 'training'),
    CHECK ((import_batch_id IS NULL) = (source_row IS NULL))
);
-- One position per (source, company, title, location): the import's de-duplication key.
CREATE UNIQUE INDEX positions_source_key ON positions (source_id, company_id, title, location) WHERE source_id IS NOT NULL;
CREATE INDEX positions_company ON positions (company_id);
CREATE INDEX positions_open ON positions (kind, district_code, id DESC) WHERE status = 'open';
CREATE INDEX positions_salary ON positions (salary_max, salary_min) WHERE status = 'open';
-- GIN indexes buffer new entries (fastupdate) in a larger pending list, so a bulk import does not rebuild them row by row.
CREATE INDEX positions_skills ON positions USING gin (skills) WITH (fastupdate = on, gin_pending_list_limit = 16384);
CREATE INDEX positions_title_trgm ON positions USING gin (title gin_trgm_ops) WITH (fastupdate = on, gin_pending_list_limit = 16384);
CREATE INDEX positions_closes_on ON positions (closes_on) WHERE status = 'open' AND closes_on IS NOT NULL;
CREATE INDEX positions_created_batch ON positions (created_batch_id) WHERE created_batch_id IS NOT NULL;

-- Per-batch change log: the values an import replaced, so DELETE /api/imports/{id} can restore them.
CREATE TABLE import_changes (
    batch_id    uuid  NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
    entity      text  NOT NULL CHECK (entity = 'position'),
    entity_id   uuid  NOT NULL,
    action      text  NOT NULL CHECK (action = 'updated'),
    previous    jsonb NOT NULL,
    PRIMARY KEY (batch_id, entity, entity_id)
);
CREATE INDEX import_changes_entity ON import_changes (entity_id);
