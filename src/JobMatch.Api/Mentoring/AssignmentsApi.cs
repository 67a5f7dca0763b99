using System.Security.Claims;
using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using Npgsql;

namespace JobMatch.Api.Mentoring;

public static class AssignmentsApi
{
    public static RouteGroupBuilder MapAssignments(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/assignments").WithTags("Mentoring").RequireAuthorization(Policies.Admin);
        group.MapGet("/", List)
            .WithSummary("Assignments, ended ones included, newest first; filter by mentor, enterprise or active (admin)");
        group.MapPost("/", Create).AcceptsIdempotencyKey()
            .WithSummary("Assign a mentor to an enterprise within capacity and pause, unless overridden with a reason (admin)");
        group.MapPost("/{id:guid}/end", End).AcceptsIdempotencyKey()
            .WithSummary("End an assignment; it stays in the history (admin)");
        app.MapPost("/api/mentors/{id:guid}/reassign", Reassign).WithTags("Mentoring").RequireAuthorization(Policies.Admin)
            .AcceptsIdempotencyKey()
            .WithSummary("Move a mentor's whole caseload to another mentor in one transaction, all or nothing (admin)");
        return group;
    }

    static async Task<Results<Ok<Page<Assignment>>, ValidationProblem>> List(
        NpgsqlDataSource dataSource, Guid? mentorId, Guid? enterpriseId, bool? active, string? cursor, int? limit)
    {
        if (!Paging.TryDecode(cursor, out var after))
        {
            return Paging.InvalidCursor();
        }
        var take = Paging.Clamp(limit);
        var filter = new { mentorId, enterpriseId, active, after, take = take + 1 };
        const string where = """
            WHERE (@mentorId::uuid IS NULL OR mentor_id = @mentorId) AND (@enterpriseId::uuid IS NULL OR enterprise_id = @enterpriseId)
              AND (@active::boolean IS NULL OR (ends_on IS NULL) = @active)
            """;
        await using var db = await dataSource.OpenConnectionAsync();
        var rows = (await db.QueryAsync<Assignment>($"""
            SELECT {AssignmentGuard.AssignmentColumns} FROM mentor_assignments {where} AND (@after::uuid IS NULL OR id < @after)
            ORDER BY id DESC LIMIT @take
            """, filter)).ToList();
        var total = await db.ExecuteScalarAsync<long>($"SELECT count(*) FROM mentor_assignments {where}", filter);
        return TypedResults.Ok(Paging.ToPage(rows, take, total, assignment => assignment.Id));
    }

    static async Task<Results<Created<Assignment>, ValidationProblem, ProblemHttpResult>> Create(
        CreateAssignment body, ClaimsPrincipal user, NpgsqlDataSource dataSource, TimeProvider clock)
    {
        var today = ShanghaiTime.Today(clock);
        var startsOn = body.StartDate ?? today;
        var errors = new Dictionary<string, string[]>();
        if (AssignmentGuard.ReasonError(body.Reason) is { } reasonError)
        {
            errors["reason"] = [reasonError];
        }
        if (AssignmentGuard.ReasonError(body.OverrideReason, required: false) is { } overrideError)
        {
            errors["overrideReason"] = [overrideError];
        }
        if (startsOn > today)
        {
            errors["startDate"] = [Say.Text("开始日期不能晚于今天（北京时间）。", "The start date cannot be after today (Asia/Shanghai).")];
        }
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        await AssignmentGuard.LockMentorsAsync(db, tx, [body.MentorId]);
        var enterprises = await AssignmentGuard.LockEnterprisesAsync(db, tx, [body.EnterpriseId]);
        var rooms = await AssignmentGuard.RoomsAsync(db, tx, [body.MentorId]);
        if (!rooms.TryGetValue(body.MentorId, out var mentor))
        {
            errors["mentorId"] = [Say.Text("没有该导师。", "No mentor has this id.")];
        }
        if (!enterprises.Contains(body.EnterpriseId))
        {
            errors["enterpriseId"] = [Say.Text("没有该企业。", "No enterprise has this id.")];
        }
        if (errors.Count > 0 || mentor is null)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var current = (await AssignmentGuard.ActiveMentorsAsync(db, tx, [body.EnterpriseId]))[body.EnterpriseId].ToList();
        var coMentoring = body.CoMentoring ?? false;
        if (current.Contains(body.MentorId))
        {
            return Problems.Conflict("该导师已在辅导这家企业。", "This mentor already guides this enterprise.");
        }
        if (current.Count > 0 && !coMentoring)
        {
            return Problems.Conflict("该企业已有导师；如需共同辅导，请设置 coMentoring: true。",
                "This enterprise already has a mentor; set coMentoring: true to add a second one.");
        }
        if (body.OverrideReason is null && AssignmentGuard.RoomProblem(mentor, 1) is { } full)
        {
            return full;
        }
        var assignment = await AssignmentGuard.InsertAsync(db, tx, user.Subject(), body.MentorId, body.EnterpriseId, startsOn,
            coMentoring && current.Count > 0, body.Reason, body.OverrideReason);
        if (current.Count > 0)
        {
            await db.ExecuteAsync("UPDATE mentor_assignments SET co_mentoring = true WHERE enterprise_id = @id AND ends_on IS NULL",
                new { id = body.EnterpriseId }, tx);
        }
        await AuditLog.WriteAsync(db, tx, user, "mentoring.assigned", "enterprise", body.EnterpriseId,
            new { mentor = body.MentorId, assignment = assignment.Id, coMentoring = current.Count > 0, overridden = body.OverrideReason is not null });
        await tx.CommitAsync();
        return TypedResults.Created($"/api/assignments?enterpriseId={body.EnterpriseId}", assignment);
    }

    static async Task<Results<Ok<Assignment>, NotFound, ValidationProblem, ProblemHttpResult>> End(
        Guid id, EndAssignment body, ClaimsPrincipal user, NpgsqlDataSource dataSource, TimeProvider clock)
    {
        if (AssignmentGuard.ReasonError(body.Reason) is { } reasonError)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [reasonError] });
        }
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        var mentorId = await db.QuerySingleOrDefaultAsync<Guid?>("SELECT mentor_id FROM mentor_assignments WHERE id = @id", new { id }, tx);
        if (mentorId is null)
        {
            return TypedResults.NotFound();
        }
        // The mentor first, as every caseload change does, so a concurrent bulk reassignment never moves an ended one.
        await AssignmentGuard.LockMentorsAsync(db, tx, [mentorId.Value]);
        var assignment = await db.QuerySingleAsync<Assignment>(
            $"SELECT {AssignmentGuard.AssignmentColumns} FROM mentor_assignments WHERE id = @id FOR UPDATE", new { id }, tx);
        if (assignment.EndsOn is not null)
        {
            return Problems.Conflict("该结对已结束。", "This assignment has already ended.");
        }
        var today = ShanghaiTime.Today(clock);
        var endsOn = body.EndDate ?? today;
        if (endsOn < assignment.StartsOn || endsOn > today)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["endDate"] = [Say.Text($"结束日期须在开始日 {assignment.StartsOn:yyyy-MM-dd} 与今天之间。",
                    $"The end date must be between the start, {assignment.StartsOn:yyyy-MM-dd}, and today.")],
            });
        }
        var ended = await db.QuerySingleAsync<Assignment>($"""
            UPDATE mentor_assignments SET ends_on = @endsOn::date, end_reason = @reason WHERE id = @id RETURNING {AssignmentGuard.AssignmentColumns}
            """, new { id, endsOn = endsOn.AsParameter(), reason = body.Reason.Trim() }, tx);
        await AuditLog.WriteAsync(db, tx, user, "mentoring.assignment_ended", "enterprise", ended.EnterpriseId,
            new { mentor = ended.MentorId, assignment = id });
        await tx.CommitAsync();
        return TypedResults.Ok(ended);
    }

    static async Task<Results<Ok<CaseloadReassigned>, NotFound, ValidationProblem, ProblemHttpResult>> Reassign(
        Guid id, ReassignCaseload body, ClaimsPrincipal user, NpgsqlDataSource dataSource, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        if (AssignmentGuard.ReasonError(body.Reason) is { } reasonError)
        {
            errors["reason"] = [reasonError];
        }
        if (AssignmentGuard.ReasonError(body.OverrideReason, required: false) is { } overrideError)
        {
            errors["overrideReason"] = [overrideError];
        }
        if (body.ToMentorId == id)
        {
            errors["toMentorId"] = [Say.Text("请选择另一位导师。", "Choose a different mentor.")];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        await AssignmentGuard.LockMentorsAsync(db, tx, [id, body.ToMentorId]);
        var moving = (await db.QueryAsync<Assignment>($"""
            SELECT {AssignmentGuard.AssignmentColumns} FROM mentor_assignments WHERE mentor_id = @id AND ends_on IS NULL ORDER BY id
            """, new { id }, tx)).ToList();
        await AssignmentGuard.LockEnterprisesAsync(db, tx, moving.Select(assignment => assignment.EnterpriseId));
        var rooms = await AssignmentGuard.RoomsAsync(db, tx, [id, body.ToMentorId]);
        if (!rooms.ContainsKey(id))
        {
            return TypedResults.NotFound();
        }
        if (!rooms.TryGetValue(body.ToMentorId, out var target))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["toMentorId"] = [Say.Text("没有该导师。", "No mentor has this id.")] });
        }
        var shared = await db.ExecuteScalarAsync<long>("""
            SELECT count(*) FROM mentor_assignments WHERE mentor_id = @to AND ends_on IS NULL
              AND enterprise_id IN (SELECT enterprise_id FROM mentor_assignments WHERE mentor_id = @id AND ends_on IS NULL)
            """, new { id, to = body.ToMentorId }, tx);
        if (shared > 0)
        {
            return Problems.Conflict($"目标导师已在共同辅导其中 {shared} 家企业，无法整体移交。",
                $"The receiving mentor already co-mentors {shared} of these enterprises; the caseload cannot move as a whole.");
        }
        if (body.OverrideReason is null && AssignmentGuard.RoomProblem(target, moving.Count) is { } full)
        {
            return full;
        }
        var today = ShanghaiTime.Today(clock);
        await db.ExecuteAsync("""
            UPDATE mentor_assignments SET ends_on = greatest(@today::date, starts_on), end_reason = @reason WHERE mentor_id = @id AND ends_on IS NULL
            """, new { id, today = today.AsParameter(), reason = body.Reason.Trim() }, tx);
        var created = new List<Assignment>();
        foreach (var old in moving)
        {
            created.Add(await AssignmentGuard.InsertAsync(db, tx, user.Subject(), body.ToMentorId, old.EnterpriseId, today,
                old.CoMentoring, body.Reason, body.OverrideReason));
        }
        await AuditLog.WriteAsync(db, tx, user, "mentoring.caseload_reassigned", "mentor", id,
            new { toMentor = body.ToMentorId, moved = created.Count, overridden = body.OverrideReason is not null });
        await tx.CommitAsync();
        return TypedResults.Ok(new CaseloadReassigned(id, body.ToMentorId, created));
    }
}
