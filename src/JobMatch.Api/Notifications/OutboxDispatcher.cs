using System.Text.Json;
using Dapper;
using JobMatch.Api.Accounts;
using JobMatch.Api.Mail;
using Microsoft.Extensions.Options;
using Npgsql;

namespace JobMatch.Api.Notifications;

/// <summary>
/// Sends due outbox messages, any number of instances at once. A batch is claimed with FOR UPDATE SKIP LOCKED and held in
/// one transaction while it is sent: no other dispatcher sees a claimed message, and a row only exists for it once the
/// transaction that wrote it committed. Each message is marked sent, or retried later (exponential back-off with jitter),
/// or dead after the last attempt. A crash between sending and the commit leaves the batch pending: it is sent once more,
/// with the same Message-ID.
/// </summary>
public sealed class OutboxDispatcher(NpgsqlDataSource dataSource, MailSender mail, IOptions<NotificationOptions> options,
    IOptions<AccountOptions> accounts, UnsubscribeTokens unsubscribe, TimeProvider clock, ILogger<OutboxDispatcher> logger)
{
    sealed record Claimed(Guid Id, string Kind, string Recipient, string Language, string Payload, int Attempts);

    sealed record Outcome(Guid Id, string State, int Attempts, DateTime? NextAttemptAt, string? LastError, DateTime? SentAt);

    /// <summary>Claims and sends one batch; the number of messages it handled (0: none was due).</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken ct)
    {
        var settings = options.Value;
        await using var db = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await db.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var batch = (await db.QueryAsync<Claimed>("""
            SELECT id, kind, recipient, language, payload::text AS payload, attempts FROM outbox
            WHERE state = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= @now)
            ORDER BY next_attempt_at NULLS FIRST, id LIMIT @take FOR UPDATE SKIP LOCKED
            """, new { now, take = settings.BatchSize }, tx)).ToList();
        if (batch.Count == 0)
        {
            return 0;
        }
        var addresses = (await db.QueryAsync<(string Subject, string Email)>($"""
            SELECT r.subject, a.email FROM unnest(@subjects) AS r (subject) {Reach.Join("r.subject")}
            """, new { subjects = batch.Select(m => m.Recipient).Distinct().ToArray() }, tx)).ToDictionary(r => r.Subject, r => r.Email);
        // What the person turned off since the message was written (their settings, an unsubscribe link) is not sent.
        var unwanted = (await db.QueryAsync<(string Subject, string Kind)>($"""
            SELECT r.subject, r.kind FROM unnest(@subjects, @kinds) AS r (subject, kind) WHERE NOT {Reach.Wants("r.subject", "r.kind", Outbox.Email)}
            """, new { subjects = batch.Select(m => m.Recipient).ToArray(), kinds = batch.Select(m => m.Kind).ToArray() }, tx)).ToHashSet();
        var outcomes = new List<Outcome>();
        foreach (var message in batch)
        {
            outcomes.Add(unwanted.Contains((message.Recipient, message.Kind))
                ? new(message.Id, "skipped", message.Attempts, null, "turned off by the person (preferences or unsubscribe link)", null)
                : await SendAsync(message, addresses.GetValueOrDefault(message.Recipient), settings, ct));
        }
        await db.ExecuteAsync("""
            UPDATE outbox o SET state = u.state, attempts = u.attempts, next_attempt_at = u.next_attempt_at, last_error = u.last_error,
                                sent_at = u.sent_at
            FROM unnest(@ids, @states, @attempts, @next, @errors, @sent) AS u (id, state, attempts, next_attempt_at, last_error, sent_at)
            WHERE o.id = u.id
            """, new
        {
            ids = outcomes.Select(o => o.Id).ToArray(), states = outcomes.Select(o => o.State).ToArray(),
            attempts = outcomes.Select(o => o.Attempts).ToArray(), next = outcomes.Select(o => o.NextAttemptAt).ToArray(),
            errors = outcomes.Select(o => o.LastError).ToArray(), sent = outcomes.Select(o => o.SentAt).ToArray(),
        }, tx);
        await tx.CommitAsync(ct);
        return batch.Count;
    }

    async Task<Outcome> SendAsync(Claimed message, string? address, NotificationOptions settings, CancellationToken ct)
    {
        var payload = JsonSerializer.Deserialize<Dictionary<string, string>>(message.Payload) ?? [];
        var origin = accounts.Value.Origin ?? "";
        var stop = unsubscribe.Link(origin, message.Recipient, message.Kind);
        var text = NotificationTexts.Render(message.Kind, message.Language, payload, origin, unsubscribe: stop);
        var skip = !mail.IsOn ? "mail is off (no Mail:Host)" : address is null ? "no one to reach: no confirmed address or no contact consent"
            : text is null ? $"no text for {message.Kind}" : null;
        if (skip is not null)
        {
            return new(message.Id, "skipped", message.Attempts, null, skip, null);
        }
        string? error;
        try
        {
            error = await mail.TrySendAsync(address!, text!.Subject, text.Body, message.Id, ct, stop);
        }
        catch (Exception unexpected) when (unexpected is not OperationCanceledException)
        {
            // Whatever else the client throws is one failed attempt of this message, never a batch that can never commit
            // (which would send the others again at every poll). Its type only: a message can name the recipient.
            error = unexpected.GetType().Name;
        }
        var attempts = message.Attempts + 1;
        var now = clock.GetUtcNow().UtcDateTime;
        if (error is null)
        {
            return new(message.Id, "sent", attempts, null, null, now);
        }
        if (attempts >= settings.MaxAttempts)
        {
            logger.LogWarning("Outbox message {Id} ({Kind}) is a dead letter after {Attempts} attempts: {Error}", message.Id, message.Kind, attempts, error);
            return new(message.Id, "dead", attempts, null, error, null);
        }
        return new(message.Id, "pending", attempts, now + settings.RetryAfter(attempts, Random.Shared.NextDouble()), error, null);
    }
}

/// <summary>Runs <see cref="OutboxDispatcher"/> on this instance: a batch after a full one at once, else every poll interval.</summary>
sealed class OutboxDispatch(OutboxDispatcher dispatcher, IOptions<NotificationOptions> options, ILogger<OutboxDispatch> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Dispatch)
        {
            return;
        }
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                handled = await dispatcher.DispatchOnceAsync(stoppingToken);
                if (failing)
                {
                    logger.LogInformation("Outbox dispatch resumed");
                    failing = false;
                }
            }
            catch (NpgsqlException error) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be away: what was claimed stays pending (the transaction did not commit). Said once per
                // outage, not at every poll (the database's own supervisor reports the outage).
                if (!failing)
                {
                    logger.LogWarning("Outbox dispatch paused: {Error}", error.GetType().Name);
                    failing = true;
                }
            }
            if (handled < options.Value.BatchSize)
            {
                await Task.Delay(options.Value.PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
