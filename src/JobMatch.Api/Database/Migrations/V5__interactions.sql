-- The interaction log the ranker learns from: what a veteran was shown (and by which model, at which rank), what
-- they did with it, and how their applications ended. Each row carries the graded label it maps to
-- (0 ignored or rejected, 1 viewed, 2 saved or applied, 3 interviewed or enrolled, 4 hired or employed).
-- Rows go with the veteran: deleting a profile deletes its interactions (PIPL), leaving anonymous statistics only.
CREATE TABLE interactions (
    id          uuid        PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    veteran_id  uuid        NOT NULL REFERENCES veterans (id) ON DELETE CASCADE,
    position_id uuid        NOT NULL REFERENCES positions (id) ON DELETE CASCADE,
    kind        text        NOT NULL CHECK (kind IN (
                    'impression', 'view', 'save', 'not_interested', 'application',
                    'screening', 'interview', 'offer', 'hired', 'rejected', 'withdrawn', 'cancelled',
                    'enrolled', 'graduated', 'employed', 'retained_6m', 'retained_12m', 'dropped')),
    label       smallint    NOT NULL CHECK (label BETWEEN 0 AND 4),
    -- Impressions only: the 1-based rank shown, the model that ranked ('heuristic' before any model), and the
    -- request that showed them, so one response's list can be rebuilt.
    rank        int         CHECK (rank >= 1),
    model       text        CHECK (length(model) <= 100),
    request_id  uuid,
    -- 'live' from this service, 'historical' from an imported placement record, 'synthetic' from the simulator.
    source      text        NOT NULL DEFAULT 'live' CHECK (source IN ('live', 'historical', 'synthetic')),
    CHECK ((kind = 'impression') = (rank IS NOT NULL))
);
CREATE INDEX interactions_veteran_position ON interactions (veteran_id, position_id);
CREATE INDEX interactions_position ON interactions (position_id);
CREATE INDEX interactions_at ON interactions (at);
