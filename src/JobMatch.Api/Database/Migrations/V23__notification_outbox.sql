-- Notifications (issue 24): a veteran's consent to be contacted, and the transactional outbox.

-- contact: the veteran agrees to be told by e-mail when something concerning them happens. Without it nothing is sent.
ALTER TABLE veteran_consents DROP CONSTRAINT veteran_consents_kind_check;
ALTER TABLE veteran_consents ADD CONSTRAINT veteran_consents_kind_check
    CHECK (kind IN ('share_with_recruiters', 'automated_matching', 'sensitive_data', 'share_phone_with_company', 'contact'));

-- A move to interview may give the interview's time: kept with the move, shown in the history and told to the veteran.
ALTER TABLE application_events ADD COLUMN interview_at timestamptz;

-- One message to one person on one channel, written by the transaction of the change that causes it, so that it exists
-- exactly when the change does. Channel email is sent by the dispatchers; channel inbox is the person's in-app inbox,
-- delivered when written (state sent), read_at set when they mark it read. The id is the mail's Message-ID: a repeat after a crash between send and mark carries the
-- same one. The recipient is the person's subject (an account id), never their address: the address is read when sending.
-- The payload holds only the fixed placeholders of the event's text.
CREATE TABLE outbox (
    id              uuid        PRIMARY KEY,
    kind            text        NOT NULL CHECK (kind ~ '^[a-z_]+\.[a-z_]+$'),
    recipient       text        NOT NULL CHECK (length(recipient) BETWEEN 1 AND 200),
    channel         text        NOT NULL CHECK (channel IN ('email', 'inbox')),
    language        text        NOT NULL CHECK (language IN ('zh', 'en')),
    payload         jsonb       NOT NULL,
    -- pending: to send (again) from next_attempt_at on (null: at once); sent; dead: gave up after the last attempt
    -- (an admin may replay it); skipped: nothing to send any more (no confirmed address, consent withdrawn, mail off).
    state           text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'dead', 'skipped')),
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz,
    last_error      text        CHECK (length(last_error) <= 500),
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    read_at         timestamptz,
    CHECK ((state = 'sent') = (sent_at IS NOT NULL)),
    CHECK (channel = 'email' OR state = 'sent'),
    CHECK (read_at IS NULL OR channel = 'inbox')
);
-- What the dispatchers claim, oldest due first; and the dead letters the admin page lists.
CREATE INDEX outbox_due ON outbox (next_attempt_at NULLS FIRST, id) WHERE state = 'pending';
CREATE INDEX outbox_dead ON outbox (id DESC) WHERE state = 'dead';
-- A person's messages: erased with a deleted profile (PIPL), and read by the person's own inbox.
CREATE INDEX outbox_recipient ON outbox (recipient, id DESC);
CREATE INDEX outbox_unread ON outbox (recipient) WHERE channel = 'inbox' AND read_at IS NULL;
