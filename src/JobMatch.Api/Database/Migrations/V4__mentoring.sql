-- Startup mentoring: mentors, veteran-founded enterprises (军创企业), assignments within capacity, sessions.

CREATE TABLE mentors (
    id          uuid        PRIMARY KEY,
    name        text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    expertise   text[]      NOT NULL DEFAULT '{}' CHECK (expertise <@ ARRAY['financing', 'marketing', 'ecommerce', 'legal',
                    'technology', 'hiring', 'management', 'accounting', 'policy', 'export']::text[]),
    industries  text[]      NOT NULL DEFAULT '{}',
    district    text        NOT NULL CHECK (district ~ '^3404[0-9]{2}$'),
    capacity    int         NOT NULL CHECK (capacity BETWEEN 0 AND 50),
    paused      boolean     NOT NULL DEFAULT false,
    phone       text        CHECK (phone ~ '^1[3-9][0-9]{9}$'),
    -- The token subject the admin linked; access is read from here on every request, so unlinking is immediate.
    subject     text        UNIQUE CHECK (length(subject) BETWEEN 1 AND 200),
    synthetic   boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    created_by  text        NOT NULL
);

CREATE TABLE enterprises (
    id                 uuid        PRIMARY KEY,
    name               text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    credit_code        text        UNIQUE CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    founder_name       text        NOT NULL CHECK (length(btrim(founder_name)) BETWEEN 1 AND 100),
    founder_phone      text        CHECK (founder_phone ~ '^1[3-9][0-9]{9}$'),
    -- Refers to veterans (id); the foreign key is added when the veteran profiles migration is merged.
    founder_veteran_id uuid,
    industry           text        NOT NULL CHECK (length(btrim(industry)) BETWEEN 1 AND 50),
    stage              text        NOT NULL CHECK (stage IN ('idea', 'started', 'growing')),
    district           text        NOT NULL CHECK (district ~ '^3404[0-9]{2}$'),
    employees          int         NOT NULL DEFAULT 0 CHECK (employees BETWEEN 0 AND 100000),
    needs              text[]      NOT NULL DEFAULT '{}' CHECK (needs <@ ARRAY['financing', 'marketing', 'ecommerce', 'legal',
                           'technology', 'hiring', 'management', 'accounting', 'policy', 'export']::text[]),
    demonstration_base boolean     NOT NULL DEFAULT false,
    company_id         uuid        REFERENCES companies (id) ON DELETE SET NULL,
    synthetic          boolean     NOT NULL DEFAULT false,
    created_at         timestamptz NOT NULL DEFAULT now(),
    created_by         text        NOT NULL
);
CREATE INDEX enterprises_company ON enterprises (company_id) WHERE company_id IS NOT NULL;

-- An assignment is never deleted: ending it sets ends_on, so the history stays.
CREATE TABLE mentor_assignments (
    id              uuid        PRIMARY KEY,
    mentor_id       uuid        NOT NULL REFERENCES mentors (id),
    enterprise_id   uuid        NOT NULL REFERENCES enterprises (id),
    starts_on       date        NOT NULL,
    ends_on         date,
    co_mentoring    boolean     NOT NULL DEFAULT false,
    reason          text        NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 500),
    override_reason text        CHECK (length(btrim(override_reason)) BETWEEN 1 AND 500),
    end_reason      text        CHECK (length(btrim(end_reason)) BETWEEN 1 AND 500),
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      text        NOT NULL,
    CHECK (ends_on IS NULL OR ends_on >= starts_on),
    CHECK ((ends_on IS NULL) = (end_reason IS NULL))
);
CREATE UNIQUE INDEX mentor_assignments_one_active_pair ON mentor_assignments (mentor_id, enterprise_id) WHERE ends_on IS NULL;
CREATE INDEX mentor_assignments_active_enterprise ON mentor_assignments (enterprise_id) WHERE ends_on IS NULL;

CREATE TABLE mentoring_sessions (
    id              uuid          PRIMARY KEY,
    enterprise_id   uuid          NOT NULL REFERENCES enterprises (id),
    mentor_id       uuid          NOT NULL REFERENCES mentors (id),
    held_on         date          NOT NULL,
    hours           numeric(4, 2) NOT NULL CHECK (hours > 0 AND hours <= 24),
    format          text          NOT NULL CHECK (format IN ('in_person', 'phone', 'video', 'site_visit')),
    topics          text[]        NOT NULL DEFAULT '{}',
    needs_addressed text[]        NOT NULL DEFAULT '{}' CHECK (needs_addressed <@ ARRAY['financing', 'marketing', 'ecommerce',
                        'legal', 'technology', 'hiring', 'management', 'accounting', 'policy', 'export']::text[]),
    next_steps      text          CHECK (length(next_steps) <= 2000),
    created_at      timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX mentoring_sessions_enterprise ON mentoring_sessions (enterprise_id, held_on DESC);

-- When an enterprise was last seen: its last session, and since when it has had a mentor (the earliest active
-- assignment). Overdue is counted from the later of the two, so a new mentor is not overdue on day one.
CREATE VIEW enterprise_check_ins AS
SELECT e.id AS enterprise_id,
       (SELECT max(s.held_on) FROM mentoring_sessions s WHERE s.enterprise_id = e.id) AS last_session_on,
       (SELECT min(a.starts_on) FROM mentor_assignments a WHERE a.enterprise_id = e.id AND a.ends_on IS NULL) AS mentored_since
FROM enterprises e;
