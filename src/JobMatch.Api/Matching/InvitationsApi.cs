using System.Security.Claims;
using Dapper;
using JobMatch.Api.Applications;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Companies;
using JobMatch.Api.Conventions;
using JobMatch.Api.Interactions;
using JobMatch.Api.Notifications;
using JobMatch.Api.Openings;
using Microsoft.Extensions.Options;
using Npgsql;

namespace JobMatch.Api.Matching;

public sealed record InvitationInput(Guid VeteranId, [Text(500)] string? Message);

/// <summary>An invitation as both sides see it; the recruiter's side never carries the veteran's name.</summary>
public sealed record Invitation(Guid Id, Guid OpeningId, string Title, string CompanyName, Guid VeteranId, string? Message, string Status,
    DateTime CreatedAt, DateTime ExpiresAt, DateTime? AnsweredAt);

public static class InvitationsApi
{
    public static void MapInvitations(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/openings").WithTags("Matching")
            .MapPost("/{id:guid}/invitations", Invite).RequireAuthorization(Policies.AdminOrRecruiter).AcceptsIdempotencyKey()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Invite a (masked) candidate to this position; nothing about them is revealed unless they accept");
        var mine = app.MapGroup("/api/veterans/me/invitations").WithTags("Matching");
        mine.MapGet("/", Mine).RequireAuthorization(Policies.Veteran).WithSummary("My invitations, newest first");
        mine.MapPost("/{id:guid}/accept", Accept).RequireAuthorization(Policies.Veteran).AcceptsIdempotencyKey().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Accept: applies to the position and shares my profile with that company")
            .WithDescription("Optional body {\"sharePhone\": true, \"textVersion\": \"2026-12\"}, as when applying: the company's recruiters " +
                "then see my phone on that application while it is live. No body: the phone stays masked. Another textVersion answers 400.");
        mine.MapPost("/{id:guid}/decline", Decline).RequireAuthorization(Policies.Veteran).AcceptsIdempotencyKey().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Decline: the company learns nothing more about me");
    }

    const string Select = """
        SELECT i.id, i.position_id AS opening_id, p.title, c.name AS company_name, i.veteran_id, i.message,
               CASE WHEN i.status = 'pending' AND i.expires_at <= now() THEN 'expired' ELSE i.status END AS status,
               i.created_at, i.expires_at, i.answered_at
        FROM invitations i JOIN positions p ON p.id = i.position_id JOIN companies c ON c.id = i.company_id
        """;

    static async Task<Results<Created<Invitation>, NotFound, ValidationProblem, ProblemHttpResult>> Invite(Guid id, InvitationInput body,
        ClaimsPrincipal user, NpgsqlDataSource dataSource, IOptions<MatchingOptions> options)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        var position = await db.QuerySingleOrDefaultAsync<(Guid Id, Guid CompanyId, string Status)>(
            "SELECT id, company_id, status FROM positions WHERE id = @id", new { id }, tx);
        if (position.Id == Guid.Empty || !await CompanyAccess.CanActFor(db, user, position.CompanyId))
        {
            return TypedResults.NotFound();
        }
        // Only a veteran who could appear in the candidate list can be invited; anyone else is simply not found.
        var candidate = await db.ExecuteScalarAsync<bool>("""
            SELECT EXISTS (SELECT 1 FROM veterans v WHERE v.id = @veteranId AND v.shares_with_recruiters AND v.accepts_matching)
            """, new { veteranId = body.VeteranId }, tx);
        if (!candidate)
        {
            return TypedResults.NotFound();
        }
        if (position.Status != "open")
        {
            return Problems.Conflict("职位已关闭。", "The position is not open.");
        }
        var invitationId = Guid.CreateVersion7();
        var inserted = await db.ExecuteAsync("""
            INSERT INTO invitations (id, position_id, company_id, veteran_id, invited_by, message, expires_at)
            VALUES (@invitationId, @id, @company, @veteranId, @by, @message, now() + make_interval(days => @days))
            ON CONFLICT (position_id, veteran_id) WHERE status = 'pending' DO NOTHING
            """, new { invitationId, id, company = position.CompanyId, veteranId = body.VeteranId, by = user.Subject(), message = body.Message,
                days = options.Value.InvitationDays }, tx);
        if (inserted == 0)
        {
            return Problems.Conflict("已邀请过该候选人，正在等待答复。", "This candidate already has a pending invitation to this position.");
        }
        await AuditLog.WriteAsync(db, tx, user, "invitation.created", "invitation", invitationId, new { position = id });
        var invitation = await db.QuerySingleAsync<Invitation>($"{Select} WHERE i.id = @invitationId", new { invitationId }, tx);
        await Outbox.AddAsync(db, tx, Notices.Invitation(body.VeteranId, id, invitation.ExpiresAt));
        await tx.CommitAsync();
        return TypedResults.Created($"/api/veterans/me/invitations/{invitationId}", invitation);
    }

    static async Task<Results<Ok<Page<Invitation>>, ValidationProblem>> Mine(string? cursor, int? limit, ClaimsPrincipal user, NpgsqlDataSource dataSource)
    {
        if (!Paging.TryDecode(cursor, out var after))
        {
            return Paging.InvalidCursor();
        }
        var take = Paging.Clamp(limit);
        await using var db = await dataSource.OpenConnectionAsync();
        var subject = user.Subject();
        var rows = (await db.QueryAsync<Invitation>($"""
            {Select} WHERE i.veteran_id = (SELECT id FROM veterans WHERE subject = @subject) AND (@after::uuid IS NULL OR i.id < @after)
            ORDER BY i.id DESC LIMIT @fetch
            """, new { subject, after, fetch = take + 1 })).ToList();
        var total = await db.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM invitations WHERE veteran_id = (SELECT id FROM veterans WHERE subject = @subject)", new { subject });
        return TypedResults.Ok(Paging.ToPage(rows, take, total, r => r.Id));
    }

    static async Task<Results<Ok<Invitation>, NotFound, ValidationProblem, ProblemHttpResult>> Accept(Guid id, ApplyInput? body, ClaimsPrincipal user,
        NpgsqlDataSource dataSource, TimeProvider clock) =>
        body?.Refusal() is { } refused ? refused : (await Answer(id, body ?? new ApplyInput(false, null), user, dataSource, clock)).Result switch
        {
            Ok<Invitation> ok => ok,
            NotFound notFound => notFound,
            var other => (ProblemHttpResult)other,
        };

    static Task<Results<Ok<Invitation>, NotFound, ProblemHttpResult>> Decline(Guid id, ClaimsPrincipal user, NpgsqlDataSource dataSource, TimeProvider clock) =>
        Answer(id, accept: null, user, dataSource, clock);

    /// <param name="accept">The body of an acceptance (with the phone consent or not); null declines.</param>
    static async Task<Results<Ok<Invitation>, NotFound, ProblemHttpResult>> Answer(Guid id, ApplyInput? accept, ClaimsPrincipal user,
        NpgsqlDataSource dataSource, TimeProvider clock)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        var own = await db.QuerySingleOrDefaultAsync<(Guid VeteranId, Guid PositionId)>("""
            SELECT i.veteran_id, i.position_id FROM invitations i JOIN veterans v ON v.id = i.veteran_id
            WHERE i.id = @id AND v.subject = @subject FOR UPDATE OF i
            """, new { id, subject = user.Subject() }, tx);
        if (own.VeteranId == Guid.Empty)
        {
            return TypedResults.NotFound();
        }
        var changed = await db.ExecuteAsync("""
            UPDATE invitations SET status = @status, answered_at = now(), accepted_at = CASE WHEN @accept THEN now() END
            WHERE id = @id AND status = 'pending' AND expires_at > now()
            """, new { id, accept = accept is not null, status = accept is not null ? "accepted" : "declined" }, tx);
        if (changed == 0)
        {
            return Problems.Conflict("该邀请已答复或已过期。", "This invitation was already answered or has expired.");
        }
        if (accept is not null && !await Apply(db, tx, own.VeteranId, own.PositionId, accept.SharePhone, user, clock))
        {
            return Problems.Conflict("该岗位已关闭或已招满，无法接受邀请。",
                "The position has closed or filled; the invitation can no longer be accepted.");
        }
        await AuditLog.WriteAsync(db, tx, user, accept is not null ? "invitation.accepted" : "invitation.declined", "invitation", id);
        var invitation = await db.QuerySingleAsync<Invitation>($"{Select} WHERE i.id = @id", new { id }, tx);
        await tx.CommitAsync();
        return TypedResults.Ok(invitation);
    }

    // Accepting is applying: the application is created (unless the veteran applied already) and the ranker learns from it
    // like any other, sharing the phone when the veteran agreed. A position that closed or filled meanwhile cannot be
    // accepted into (false).
    static async Task<bool> Apply(NpgsqlConnection db, NpgsqlTransaction tx, Guid veteranId, Guid positionId, bool sharePhone,
        ClaimsPrincipal user, TimeProvider clock)
    {
        var today = ShanghaiTime.Today(clock);
        var position = await db.QuerySingleAsync<(string Kind, bool Open)>($"""
            SELECT p.kind, {OpeningSql.IsOpen} FROM positions p WHERE p.id = @positionId
            """, new { positionId, today }, tx);
        if (position.Open)
        {
            var application = await ApplicationSql.Create(db, tx, veteranId, positionId, position.Kind, today, user, "invitation")
                ?? await ApplicationSql.IdOf(db, tx, veteranId, positionId);
            if (sharePhone)
            {
                await ApplicationSql.SharePhoneAsync(db, tx, application!.Value, veteranId, user);
            }
        }
        return position.Open;
    }
}
