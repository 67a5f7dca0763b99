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
        return await AssignmentWriter.AssignAsync(body, startsOn, errors, user, dataSource);
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
        return await AssignmentWriter.ReassignAsync(id, body, user, dataSource, ShanghaiTime.Today(clock));
    }
}
