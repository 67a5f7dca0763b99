using System.Security.Claims;
using System.Text.Json;
using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using Npgsql;

namespace JobMatch.Api.Notifications;

/// <summary>
/// A notice in my inbox, in the request's language; <c>ReadAt</c> null while unread; <c>Route</c> the console page it is
/// about (the part after <c>#/</c>: "veteran/invitations", "admin/imports/{batch}"), the one its mail links to.
/// </summary>
public sealed record InboxItem(Guid Id, string Kind, string Subject, string Body, DateTime CreatedAt, DateTime? ReadAt, string Route);

public sealed record UnreadCount(long Unread);

/// <summary>The in-app inbox: what the outbox told me, for whoever signed in (veteran, recruiter, mentor, admin), only their own.</summary>
public static class InboxApi
{
    public static RouteGroupBuilder MapInbox(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notifications").WithTags("Notifications").RequireAuthorization(Policies.AnyRole);
        group.MapGet("/", Mine).WithSummary("My notifications, newest first; ?unread=true for the unread ones only");
        group.MapGet("/unread-count", Unread).WithSummary("How many of my notifications are unread (the console's header badge)");
        group.MapPost("/{id:guid}/read", MarkRead).AcceptsIdempotencyKey()
            .WithSummary("Mark one of my notifications read (again: nothing changes); another person's answers 404");
        group.MapPost("/read-all", MarkAllRead).AcceptsIdempotencyKey()
            .WithSummary("Mark all my notifications read; answers how many were unread until now");
        return group;
    }

    sealed record Row(Guid Id, string Kind, string Language, string Payload, DateTime CreatedAt, DateTime? ReadAt);

    static async Task<Results<Ok<Page<InboxItem>>, ValidationProblem>> Mine(bool? unread, string? cursor, int? limit, ClaimsPrincipal user,
        NpgsqlDataSource dataSource)
    {
        if (!Paging.TryDecode(cursor, out var after))
        {
            return Paging.InvalidCursor();
        }
        var take = Paging.Clamp(limit);
        var filter = new { subject = user.Subject(), unread = unread == true, after, fetch = take + 1 };
        const string where = "WHERE recipient = @subject AND channel = 'inbox' AND (NOT @unread OR read_at IS NULL)";
        await using var db = await dataSource.OpenConnectionAsync();
        var rows = (await db.QueryAsync<Row>($"""
            SELECT id, kind, language, payload::text AS payload, created_at, read_at FROM outbox
            {where} AND (@after::uuid IS NULL OR id < @after) ORDER BY id DESC LIMIT @fetch
            """, filter)).Select(Shown).ToList();
        var total = await db.ExecuteScalarAsync<long>($"SELECT count(*) FROM outbox {where}", filter);
        return TypedResults.Ok(Paging.ToPage(rows, take, total, item => item.Id));
    }

    static async Task<Ok<UnreadCount>> Unread(ClaimsPrincipal user, NpgsqlDataSource dataSource)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        return TypedResults.Ok(new UnreadCount(await db.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM outbox WHERE recipient = @subject AND channel = 'inbox' AND read_at IS NULL", new { subject = user.Subject() })));
    }

    static async Task<Results<NoContent, NotFound>> MarkRead(Guid id, ClaimsPrincipal user, NpgsqlDataSource dataSource, TimeProvider clock)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        var found = await db.ExecuteAsync("""
            UPDATE outbox SET read_at = coalesce(read_at, @now) WHERE id = @id AND recipient = @subject AND channel = 'inbox'
            """, new { id, subject = user.Subject(), now = clock.GetUtcNow().UtcDateTime });
        return found == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }

    static async Task<Ok<UnreadCount>> MarkAllRead(ClaimsPrincipal user, NpgsqlDataSource dataSource, TimeProvider clock)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        var marked = await db.ExecuteAsync(
            "UPDATE outbox SET read_at = @now WHERE recipient = @subject AND channel = 'inbox' AND read_at IS NULL",
            new { subject = user.Subject(), now = clock.GetUtcNow().UtcDateTime }, tx);
        await AuditLog.WriteAsync(db, tx, user, "notifications.read_all", "outbox_message", null, new { marked });
        await tx.CommitAsync();
        return TypedResults.Ok(new UnreadCount(marked));
    }

    // In the request's language: the message is about an event, not a letter to a fixed reader.
    static InboxItem Shown(Row row)
    {
        var payload = JsonSerializer.Deserialize<Dictionary<string, string>>(row.Payload) ?? [];
        var text = NotificationTexts.Render(row.Kind, Say.Text(NotificationTexts.Chinese, NotificationTexts.English), payload, "", mail: false)
            ?? new NotificationText(row.Kind, "");
        return new InboxItem(row.Id, row.Kind, text.Subject, text.Body, row.CreatedAt, row.ReadAt, payload.GetValueOrDefault("route", ""));
    }
}
