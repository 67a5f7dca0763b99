using System.Security.Claims;
using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using Npgsql;

namespace JobMatch.Api.Notifications;

/// <summary>A message that gave up: what it was, to whom (the subject, never the address), how often and why it failed.</summary>
public sealed record DeadLetter(Guid Id, string Kind, string Recipient, string Channel, int Attempts, string? LastError, DateTime CreatedAt);

/// <summary>
/// The outbox at a glance: the backlog (messages waiting, Due of them now, the oldest one's time), the dead letters'
/// count and a page of them, newest first.
/// </summary>
public sealed record OutboxSummary(long Pending, long Due, DateTime? OldestPendingAt, long Dead, Page<DeadLetter> DeadLetters);

public static class OutboxApi
{
    public static RouteGroupBuilder MapNotifications(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notifications/outbox").WithTags("Notifications").RequireAuthorization(Policies.Admin);
        group.MapGet("/", Summary).WithSummary("The outbox: the backlog, and the dead letters, newest first (admin)");
        group.MapPost("/{id:guid}/replay", Replay).AcceptsIdempotencyKey().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Send a dead letter again: it is pending with its attempts reset, same message id (admin)");
        return group;
    }

    static async Task<Results<Ok<OutboxSummary>, ValidationProblem>> Summary(string? cursor, int? limit, NpgsqlDataSource dataSource, TimeProvider clock)
    {
        if (!Paging.TryDecode(cursor, out var after))
        {
            return Paging.InvalidCursor();
        }
        var take = Paging.Clamp(limit);
        await using var db = await dataSource.OpenConnectionAsync();
        var counts = await OutboxCounts.ReadAsync(db, clock.GetUtcNow().UtcDateTime);
        var rows = (await db.QueryAsync<DeadLetter>("""
            SELECT id, kind, recipient, channel, attempts, last_error, created_at FROM outbox
            WHERE state = 'dead' AND (@after::uuid IS NULL OR id < @after) ORDER BY id DESC LIMIT @fetch
            """, new { after, fetch = take + 1 })).ToList();
        return TypedResults.Ok(new OutboxSummary(counts.Pending, counts.Due, counts.OldestPendingAt, counts.Dead,
            Paging.ToPage(rows, take, counts.Dead, r => r.Id)));
    }

    static async Task<Results<Ok<DeadLetter>, NotFound, ProblemHttpResult>> Replay(Guid id, ClaimsPrincipal user, NpgsqlDataSource dataSource)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        var state = await db.QuerySingleOrDefaultAsync<string>("SELECT state FROM outbox WHERE id = @id FOR UPDATE", new { id }, tx);
        if (state is null)
        {
            return TypedResults.NotFound();
        }
        if (state != "dead")
        {
            return Problems.Conflict("只有发送失败（已放弃）的消息可以重发。", "Only a dead letter can be replayed; this message is not one.");
        }
        var replayed = await db.QuerySingleAsync<DeadLetter>("""
            UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = NULL WHERE id = @id
            RETURNING id, kind, recipient, channel, attempts, last_error, created_at
            """, new { id }, tx);
        await AuditLog.WriteAsync(db, tx, user, "outbox.replayed", "outbox_message", id, new { replayed.Kind });
        await tx.CommitAsync();
        return TypedResults.Ok(replayed);
    }
}

/// <summary>The outbox's backlog and dead letters, for the admin route and /health/ready: read through the partial indexes only.</summary>
sealed record OutboxCounts(long Pending, long Due, DateTime? OldestPendingAt, long Dead)
{
    public static Task<OutboxCounts> ReadAsync(NpgsqlConnection db, DateTime now, CancellationToken ct = default) =>
        db.QuerySingleAsync<OutboxCounts>(new CommandDefinition("""
            SELECT count(*) AS pending, count(*) FILTER (WHERE next_attempt_at IS NULL OR next_attempt_at <= @now) AS due,
                   min(created_at) AS oldest_pending_at, (SELECT count(*) FROM outbox WHERE state = 'dead') AS dead
            FROM outbox WHERE state = 'pending'
            """, new { now }, cancellationToken: ct));
}
