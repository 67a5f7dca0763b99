-- One-time codes of built-in accounts (Accounts/AccountCodes): an invitation to set the first password, a password reset,
-- an e-mail confirmation. Handed out once (a link or a code to read out), kept as their SHA-256 only; single use; a new
-- code of the same purpose voids the one before.
CREATE TABLE account_codes (
    id         uuid        PRIMARY KEY,
    account_id uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    purpose    text        NOT NULL CHECK (purpose IN ('invitation', 'password_reset', 'email_confirmation')),
    code_hash  bytea       NOT NULL UNIQUE CHECK (length(code_hash) = 32),
    -- What the code confirms when that is not on the account yet (the e-mail address being confirmed).
    payload    text        CHECK (length(payload) <= 254),
    created_at timestamptz NOT NULL,
    created_by text        NOT NULL CHECK (length(created_by) BETWEEN 1 AND 200),
    expires_at timestamptz NOT NULL CHECK (expires_at > created_at),
    used_at    timestamptz,
    voided_at  timestamptz
);
CREATE INDEX account_codes_live ON account_codes (account_id, purpose) WHERE used_at IS NULL AND voided_at IS NULL;
