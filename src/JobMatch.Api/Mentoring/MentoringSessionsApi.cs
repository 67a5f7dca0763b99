using System.Security.Claims;
using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using Npgsql;

namespace JobMatch.Api.Mentoring;

public static class MentoringSessionsApi
{
    const string Columns = "id, enterprise_id, mentor_id, held_on, hours, format, topics, needs_addressed, next_steps, created_at";

    public static RouteGroupBuilder MapMentoringSessions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/enterprises/{id:guid}/sessions").WithTags("Mentoring");
        group.MapGet("/", List).RequireAuthorization(MentoringAccess.AdminOrMentor)
            .WithSummary("Sessions of an enterprise, newest first: admin, or a mentor it is assigned to");
        group.MapPost("/", Log).RequireAuthorization(Policies.Mentor).AcceptsIdempotencyKey()
            .WithSummary("Log a session with an enterprise of the caller's caseload");
        return group;
    }

    static async Task<Results<Ok<Page<Session>>, NotFound, ValidationProblem>> List(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource dataSource, string? cursor, int? limit)
    {
        if (!Paging.TryDecode(cursor, out var after))
        {
            return Paging.InvalidCursor();
        }
        var take = Paging.Clamp(limit);
        await using var db = await dataSource.OpenConnectionAsync();
        if (!await MentoringAccess.CanSeeEnterprise(db, user, id))
        {
            return TypedResults.NotFound();
        }
        var rows = (await db.QueryAsync<Session>($"""
            SELECT {Columns} FROM mentoring_sessions WHERE enterprise_id = @id AND (@after::uuid IS NULL OR id < @after)
            ORDER BY id DESC LIMIT @take
            """, new { id, after, take = take + 1 })).ToList();
        var total = await db.ExecuteScalarAsync<long>("SELECT count(*) FROM mentoring_sessions WHERE enterprise_id = @id", new { id });
        return TypedResults.Ok(Paging.ToPage(rows, take, total, session => session.Id));
    }

    static async Task<Results<Created<Session>, NotFound, ValidationProblem>> Log(
        Guid id, LogSession body, ClaimsPrincipal user, NpgsqlDataSource dataSource, TimeProvider clock)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        // Only the mentor the enterprise is actively assigned to; anyone else learns nothing about it.
        var assignment = await db.QuerySingleOrDefaultAsync<ActiveAssignment>("""
            SELECT a.starts_on FROM mentor_assignments a JOIN mentors m ON m.id = a.mentor_id
            WHERE m.subject = @subject AND a.enterprise_id = @id AND a.ends_on IS NULL
            """, new { subject = user.Subject(), id }, tx);
        if (assignment is null)
        {
            return TypedResults.NotFound();
        }
        var assignedSince = assignment.StartsOn;
        var today = ShanghaiTime.Today(clock);
        var heldOn = body.Date ?? today;
        var errors = Validate(body, heldOn, assignedSince, today);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var sessionId = Guid.CreateVersion7();
        var session = await db.QuerySingleAsync<Session>($"""
            INSERT INTO mentoring_sessions (id, enterprise_id, mentor_id, held_on, hours, format, topics, needs_addressed, next_steps)
            SELECT @sessionId, @id, m.id, @heldOn::date, @hours, @format, @topics, @needsAddressed, @nextSteps FROM mentors m WHERE m.subject = @subject
            RETURNING {Columns}
            """, new { sessionId, id, heldOn = heldOn.AsParameter(), hours = body.Hours, format = body.Format,
                       topics = (body.Topics ?? []).Select(topic => topic.Trim()).Where(topic => topic.Length > 0).ToArray(),
                       needsAddressed = (body.NeedsAddressed ?? []).Distinct().ToArray(), nextSteps = body.NextSteps?.Trim(),
                       subject = user.Subject() }, tx);
        await AuditLog.WriteAsync(db, tx, user, "mentoring.session_logged", "enterprise", id, new { session = sessionId });
        await tx.CommitAsync();
        return TypedResults.Created($"/api/enterprises/{id}/sessions", session);
    }

    static Dictionary<string, string[]> Validate(LogSession body, DateOnly heldOn, DateOnly assignedSince, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (heldOn > today)
        {
            errors["date"] = [Say.Text("辅导日期不能晚于今天（北京时间）。", "The session date cannot be after today (Asia/Shanghai).")];
        }
        else if (heldOn < assignedSince)
        {
            errors["date"] = [Say.Text($"辅导日期不能早于结对开始日 {assignedSince:yyyy-MM-dd}。", $"The session date cannot be before the assignment started on {assignedSince:yyyy-MM-dd}.")];
        }
        if (body.Hours is <= 0 or > 24 || decimal.Round(body.Hours, 2) != body.Hours)
        {
            errors["hours"] = [Say.Text("时长须大于 0 且不超过 24 小时（最多两位小数）。", "Hours must be above 0 and at most 24 (two decimals at most).")];
        }
        if (body.Format is null || !Vocabulary.SessionFormats.Contains(body.Format))
        {
            errors["format"] = [Say.Text("形式须为 in_person、phone、video 或 site_visit。", "Format must be in_person, phone, video or site_visit.")];
        }
        if ((body.NeedsAddressed ?? []).Select(need => need ?? "null").FirstOrDefault(need => !Vocabulary.Needs.ContainsKey(need)) is { } unknown)
        {
            errors["needsAddressed"] = [Say.Text($"未知的需求 {unknown}。", $"Unknown need {unknown}.")];
        }
        if ((body.Topics ?? []).Length > 20 || (body.Topics ?? []).Any(topic => topic is null || topic.Length > 200))
        {
            errors["topics"] = [Say.Text("最多 20 个主题，每个不超过 200 字。", "At most 20 topics of up to 200 characters each.")];
        }
        if (body.NextSteps is { Length: > 2000 })
        {
            errors["nextSteps"] = [Say.Text("后续计划不超过 2000 字。", "Next steps must be at most 2000 characters.")];
        }
        return errors;
    }

    sealed record ActiveAssignment(DateOnly StartsOn);
}
