-- Applications: a veteran applies to a job or a program seat; each kind moves through its own states. Every change is
-- an event (when, who, an optional note, and for training milestones the date it happened).
-- Rows go with the veteran (PIPL deletion). A position with applications cannot be deleted (an import revert then
-- answers 409) so that hires are never lost silently.
CREATE TABLE applications (
    id          uuid        PRIMARY KEY,
    veteran_id  uuid        NOT NULL REFERENCES veterans (id) ON DELETE CASCADE,
    position_id uuid        NOT NULL REFERENCES positions (id),
    kind        text        NOT NULL CHECK (kind IN ('job', 'training')),
    state       text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (veteran_id, position_id),
    CHECK ((kind = 'job' AND state IN ('submitted', 'screening', 'interview', 'offer', 'hired', 'rejected', 'withdrawn', 'cancelled'))
        OR (kind = 'training' AND state IN ('applied', 'enrolled', 'graduated', 'employed', 'retained_6m', 'retained_12m', 'dropped')))
);
CREATE INDEX applications_position ON applications (position_id, id DESC);

CREATE TABLE application_events (
    id             uuid        PRIMARY KEY,
    application_id uuid        NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    from_state     text,
    to_state       text        NOT NULL,
    at             timestamptz NOT NULL DEFAULT now(),
    -- The day it happened (a training milestone's date; otherwise the Asia/Shanghai day of the change).
    occurred_on    date        NOT NULL,
    actor          text        NOT NULL,
    actor_role     text        NOT NULL,
    note           text        CHECK (length(note) <= 1000)
);
CREATE INDEX application_events_application ON application_events (application_id, at);
CREATE INDEX application_events_state ON application_events (to_state, application_id);
