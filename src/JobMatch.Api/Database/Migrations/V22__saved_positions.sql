-- A veteran's saved positions (issue 23): saved now, unsaved later. The interaction log stays append-only (a save is
-- logged there too, for the ranker); this table holds only what is saved today. A closed position stays, read as closed.
-- Rows go with the veteran or the position (PIPL: deleting a profile deletes its saves).
CREATE TABLE saved_positions (
    id          uuid        PRIMARY KEY, -- UUIDv7: newest saved first, and the list's cursor
    veteran_id  uuid        NOT NULL REFERENCES veterans (id) ON DELETE CASCADE,
    position_id uuid        NOT NULL REFERENCES positions (id) ON DELETE CASCADE,
    saved_at    timestamptz NOT NULL,
    UNIQUE (veteran_id, position_id)
);
CREATE INDEX saved_positions_position ON saved_positions (position_id);
