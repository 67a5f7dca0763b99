-- Built-in accounts (Accounts/): the id is the token's sub, so everything keyed by subject keeps working. Identity's
-- UserManager reads and writes them through AccountStore; the password hash is Identity's (PBKDF2), never our own.
CREATE TABLE accounts (
    id                   uuid        PRIMARY KEY,
    user_name            text        NOT NULL CHECK (length(user_name) BETWEEN 1 AND 100),
    normalized_user_name text        NOT NULL UNIQUE,
    phone                text        UNIQUE CHECK (phone ~ '^1[3-9][0-9]{9}$'),
    phone_confirmed      boolean     NOT NULL DEFAULT false,
    email                text        CHECK (length(email) BETWEEN 3 AND 254),
    normalized_email     text        UNIQUE,
    email_confirmed      boolean     NOT NULL DEFAULT false,
    password_hash        text,
    security_stamp       text        NOT NULL,
    concurrency_stamp    text        NOT NULL,
    lockout_enabled      boolean     NOT NULL DEFAULT true,
    lockout_end          timestamptz,
    failed_count         integer     NOT NULL DEFAULT 0 CHECK (failed_count >= 0),
    two_factor_enabled   boolean     NOT NULL DEFAULT false,
    authenticator_key    text,
    role                 text        NOT NULL CHECK (role IN ('admin', 'recruiter', 'mentor', 'veteran')),
    disabled_at          timestamptz,
    created_at           timestamptz NOT NULL,
    created_by           text        NOT NULL CHECK (length(created_by) BETWEEN 1 AND 200)
);

-- Refresh tokens, kept as their SHA-256 only. Each sign-in starts a family; each refresh uses one token and issues the
-- next of the same family. A used token presented again means it was copied: the whole family is revoked.
CREATE TABLE refresh_tokens (
    id         uuid        PRIMARY KEY,
    token_hash bytea       NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    family_id  uuid        NOT NULL,
    account_id uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    issued_at  timestamptz NOT NULL,
    expires_at timestamptz NOT NULL CHECK (expires_at > issued_at),
    used_at    timestamptz,
    revoked_at timestamptz
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_account ON refresh_tokens (account_id) WHERE revoked_at IS NULL;

-- A failed sign-in for an account that does not exist has no actor of a role: it is audited as 'anonymous'.
ALTER TABLE audit.entries DROP CONSTRAINT entries_actor_role_check;
ALTER TABLE audit.entries ADD CONSTRAINT entries_actor_role_check
    CHECK (actor_role IN ('admin', 'recruiter', 'veteran', 'mentor', 'system', 'anonymous'));

-- Sign-ins per address and minute, counted here so that the limit holds across instances (Accounts/SignInLimit). An
-- address is personal information: rows are deleted once their minute is over and the next one has started.
CREATE TABLE sign_in_windows (
    address      text        NOT NULL CHECK (length(address) BETWEEN 1 AND 64),
    window_start timestamptz NOT NULL,
    attempts     integer     NOT NULL CHECK (attempts > 0),
    PRIMARY KEY (address, window_start)
);
CREATE INDEX sign_in_windows_start ON sign_in_windows (window_start);
