-- Matching: recruiters' invitations, trained ranking models and their promotion, and what candidate generation reads.

-- A recruiter invites a masked candidate to a position. Nothing about the veteran is revealed to the company until
-- the veteran accepts (accepted_at set): that acceptance is the share the recruiter's access checks read.
CREATE TABLE invitations (
    id           uuid        PRIMARY KEY,
    position_id  uuid        NOT NULL REFERENCES positions (id) ON DELETE CASCADE,
    company_id   uuid        NOT NULL REFERENCES companies (id),
    veteran_id   uuid        NOT NULL REFERENCES veterans (id) ON DELETE CASCADE,
    invited_by   text        NOT NULL CHECK (length(invited_by) BETWEEN 1 AND 200),
    message      text        CHECK (length(message) <= 500),
    status       text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined', 'expired')),
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    answered_at  timestamptz,
    accepted_at  timestamptz,
    CHECK ((status IN ('accepted', 'declined')) = (answered_at IS NOT NULL)),
    CHECK ((status = 'accepted') = (accepted_at IS NOT NULL)),
    CHECK (expires_at > created_at)
);
-- One live invitation per veteran and position: inviting again while one is pending is a conflict.
CREATE UNIQUE INDEX invitations_one_pending ON invitations (position_id, veteran_id) WHERE status = 'pending';
CREATE INDEX invitations_veteran ON invitations (veteran_id, id DESC);
CREATE INDEX invitations_company_accepted ON invitations (company_id, veteran_id) WHERE status = 'accepted';

-- Trained ranking models. The model bytes are the library's zip (ML.NET model + metadata.json); at most one is
-- promoted at a time, and every running instance polls for it.
CREATE TABLE ranking_models (
    id                uuid        PRIMARY KEY,
    created_at        timestamptz NOT NULL DEFAULT now(),
    created_by        text        NOT NULL CHECK (length(created_by) BETWEEN 1 AND 200),
    status            text        NOT NULL CHECK (status IN ('training', 'failed', 'candidate', 'promoted', 'retired')),
    progress          real        NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 1),
    stage             text        NOT NULL DEFAULT '' CHECK (length(stage) <= 200),
    source            text        CHECK (source IN ('interactions', 'synthetic')),
    training_snapshot text        CHECK (length(training_snapshot) <= 200),
    ndcg10            double precision,
    metrics           jsonb,
    baseline_metrics  jsonb,
    reason            text        CHECK (length(reason) <= 1000),
    model             bytea,
    promoted_at       timestamptz,
    CHECK (status NOT IN ('candidate', 'promoted', 'retired') OR model IS NOT NULL)
);
CREATE UNIQUE INDEX ranking_models_one_promoted ON ranking_models ((true)) WHERE status = 'promoted';

-- Candidate generation for recruiters reads consent per veteran; the latest answer of one kind comes from this index.
CREATE INDEX IF NOT EXISTS veteran_consents_kind_latest ON veteran_consents (kind, veteran_id, at DESC, id DESC);
-- positions.skills already has a GIN index (V2, positions_skills): openings are pre-filtered with `skills && @terms`.
CREATE INDEX IF NOT EXISTS positions_skills ON positions USING gin (skills);
