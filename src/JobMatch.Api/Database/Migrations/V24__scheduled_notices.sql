-- Notifications that come from time (issue 24): one row per event and period the scheduled job has written, so that
-- running it twice, or on two instances at once, writes nothing twice. The job inserts the key and the event's outbox
-- messages in one transaction: a second run finds the key (or waits on the first run's uncommitted one) and skips it.
-- Keys name the event and its period, never a person's data: 'invitation.expiring:<invitation>',
-- 'checkin.overdue:<assignment>:<due date>', 'caseload.weekly:<mentor>:<ISO week>', 'matches.digest:<veteran>:<day>',
-- 'program.milestone:<program>:<start|end>:<date>'.
CREATE TABLE scheduled_notices (
    key        text        PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 200),
    written_at timestamptz NOT NULL DEFAULT now()
);
-- Old keys may be pruned by age: every key holds a date or an object that is gone by then.
CREATE INDEX scheduled_notices_written ON scheduled_notices (written_at);
