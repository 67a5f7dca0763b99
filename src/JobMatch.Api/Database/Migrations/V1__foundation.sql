-- Foundation: the audit log, idempotency keys, companies and the links that decide what a recruiter may reach.

-- Append-only audit log, in a schema of its own owned by the migrating role: the service role owns the public
-- schema (and so could drop anything in it), but here it may only read and append.
CREATE SCHEMA audit;
REVOKE ALL ON SCHEMA audit FROM PUBLIC;
GRANT USAGE ON SCHEMA audit TO ${app_role};

CREATE TABLE audit.entries (
    id          uuid        PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor       text        NOT NULL CHECK (length(actor) BETWEEN 1 AND 200),
    actor_role  text        NOT NULL CHECK (actor_role IN ('admin', 'recruiter', 'veteran', 'mentor', 'system')),
    action      text        NOT NULL CHECK (action ~ '^[a-z_]+(\.[a-z_]+)+$'),
    object_type text        NOT NULL CHECK (length(object_type) BETWEEN 1 AND 64),
    object_id   uuid,
    details     jsonb       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX entries_actor ON audit.entries (actor, at DESC);
CREATE INDEX entries_object ON audit.entries (object_id) WHERE object_id IS NOT NULL;

CREATE FUNCTION audit.append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER no_update BEFORE UPDATE OR DELETE ON audit.entries
    FOR EACH ROW EXECUTE FUNCTION audit.append_only();
CREATE TRIGGER no_truncate BEFORE TRUNCATE ON audit.entries
    FOR EACH STATEMENT EXECUTE FUNCTION audit.append_only();

REVOKE ALL ON audit.entries FROM PUBLIC;
GRANT SELECT, INSERT ON audit.entries TO ${app_role};

-- Idempotency-Key: a create replayed with the same key and body returns the first answer.
CREATE TABLE idempotency_keys (
    subject       text        NOT NULL,
    key           text        NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
    request_hash  bytea       NOT NULL,
    status_code   int         CHECK (status_code BETWEEN 200 AND 299),
    content_type  text,
    location      text,
    body          bytea,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (subject, key)
);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);

CREATE TABLE companies (
    id              uuid        PRIMARY KEY,
    name            text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    normalized_name text        NOT NULL,
    credit_code     text        UNIQUE CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    industry        text,
    district        text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      text        NOT NULL
);
CREATE INDEX companies_normalized_name ON companies (normalized_name);

-- Which companies a recruiter (by token subject) acts for. Checked on every request: unlinking takes effect at once.
CREATE TABLE recruiter_links (
    subject    text        NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
    company_id uuid        NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    linked_at  timestamptz NOT NULL DEFAULT now(),
    linked_by  text        NOT NULL,
    PRIMARY KEY (subject, company_id)
);
CREATE INDEX recruiter_links_company ON recruiter_links (company_id);

-- Small facts about this database, such as when first-start demo data was loaded.
CREATE TABLE app_state (
    key        text        PRIMARY KEY,
    value      text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
