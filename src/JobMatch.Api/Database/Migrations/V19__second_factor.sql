-- The second factor of built-in accounts (Accounts/SecondFactors): an authenticator app's TOTP code after the password.
-- The time step of the last code accepted, so that a code (or an earlier one) never signs in twice (RFC 6238, 5.2).
ALTER TABLE accounts ADD COLUMN authenticator_step bigint CHECK (authenticator_step > 0);

-- The step between a proved password and a session when a code is needed: handed out once, kept as its SHA-256 only,
-- single use, short-lived, bound to the account's security stamp, and dead after five wrong codes (each also counted
-- towards the account's lockout).
CREATE TABLE second_factor_challenges (
    id             uuid        PRIMARY KEY,
    account_id     uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    challenge_hash bytea       NOT NULL UNIQUE CHECK (length(challenge_hash) = 32),
    security_stamp text        NOT NULL,
    -- The account must enrol (a role that requires a second factor, none yet) before it can answer.
    enrol          boolean     NOT NULL,
    failures       integer     NOT NULL DEFAULT 0 CHECK (failures BETWEEN 0 AND 5),
    created_at     timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL CHECK (expires_at > created_at),
    used_at        timestamptz
);
CREATE INDEX second_factor_challenges_account ON second_factor_challenges (account_id);
