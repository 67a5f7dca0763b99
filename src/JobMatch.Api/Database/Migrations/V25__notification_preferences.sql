-- Notifications (issue 24): what each person wants to be told, per event kind and channel.

-- A row only where the person chose (in their settings, or by an e-mail's unsubscribe link); no row: the default (on).
-- The subject is the person's (an account id, as the outbox's recipient); kinds and channels are the service's
-- (Notices.Kinds, Outbox.Channels), checked by the API, so a new kind needs no migration.
CREATE TABLE notification_preferences (
    subject    text        NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
    kind       text        NOT NULL CHECK (kind ~ '^[a-z_]+\.[a-z_]+$'),
    channel    text        NOT NULL CHECK (channel IN ('email', 'inbox')),
    enabled    boolean     NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (subject, kind, channel)
);
