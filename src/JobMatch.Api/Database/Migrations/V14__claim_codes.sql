-- A roster profile is claimed with the code staff issued for it: one code per profile (a new one replaces it), kept as
-- its SHA-256 only, single use (deleted by the claim that uses it), valid until expires_at. Staff by their opaque subject.
CREATE TABLE claim_codes (
    veteran_id uuid        PRIMARY KEY REFERENCES veterans (id) ON DELETE CASCADE,
    code_hash  bytea       NOT NULL CHECK (length(code_hash) = 32),
    issued_by  text        NOT NULL CHECK (length(issued_by) BETWEEN 1 AND 200),
    issued_at  timestamptz NOT NULL,
    expires_at timestamptz NOT NULL CHECK (expires_at > issued_at)
);

-- Attempts to tie an ID number to one's own login, the budgets of IdNumberAttempts: a failed claim (kind claim, with the
-- keyed hash of the number it named, on a profile or not) or an ID number set on one's own profile (kind profile, no
-- hash: it counts for the caller only). Five in 24 hours per caller; five failed claims per ID number since its last
-- code. Rows older than a day count for nothing and are deleted as new ones come.
CREATE TABLE id_number_attempts (
    id             uuid        PRIMARY KEY,
    subject        text        NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
    kind           text        NOT NULL CHECK (kind IN ('claim', 'profile')),
    id_number_hash bytea       CHECK (length(id_number_hash) = 32),
    at             timestamptz NOT NULL
);
CREATE INDEX id_number_attempts_subject ON id_number_attempts (subject, at);
CREATE INDEX id_number_attempts_number ON id_number_attempts (id_number_hash, at) WHERE id_number_hash IS NOT NULL;
CREATE INDEX id_number_attempts_at ON id_number_attempts (at);
