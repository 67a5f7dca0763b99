using System.Security.Claims;
using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using Npgsql;

namespace JobMatch.Api.Mentoring;

/// <summary>
/// Caseload changes checked against the database and written in one transaction each, under AssignmentGuard's locks: one
/// assignment, a plan's reviewed pairs, a whole caseload moved. Each answers the handler's outcome (the field errors that need
/// the rows, 404, 409) or the written assignments.
/// </summary>
static class AssignmentWriter
{
    /// <summary>Assigns the mentor from <paramref name="startsOn"/>; <paramref name="errors"/> holds the request's own, and gets
    /// those of ids that do not exist, so one answer names them all.</summary>
    public static async Task<Results<Created<Assignment>, ValidationProblem, ProblemHttpResult>> AssignAsync(
        CreateAssignment body, DateOnly startsOn, Dictionary<string, string[]> errors, ClaimsPrincipal user, NpgsqlDataSource dataSource)
    {
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
            new { mentor = body.MentorId, assignment = assignment.Id, coMentoring = current.Count > 0,
                  overridden = body.OverrideReason is not null });
        await tx.CommitAsync();
        return TypedResults.Created($"/api/assignments?enterpriseId={body.EnterpriseId}", assignment);
    }

    /// <summary>All the pairs, each as if assigned by hand, or none.</summary>
    public static async Task<Results<Created<IReadOnlyList<Assignment>>, ValidationProblem, ProblemHttpResult>> AcceptPlanAsync(
        IReadOnlyList<PlanChoice> items, string reason, ClaimsPrincipal user, NpgsqlDataSource dataSource, DateOnly today)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        await AssignmentGuard.LockMentorsAsync(db, tx, items.Select(item => item.MentorId));
        var enterprises = await AssignmentGuard.LockEnterprisesAsync(db, tx, items.Select(item => item.EnterpriseId));
        var rooms = await AssignmentGuard.RoomsAsync(db, tx, items.Select(item => item.MentorId));
        if (items.Any(item => !rooms.ContainsKey(item.MentorId) || !enterprises.Contains(item.EnterpriseId)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["items"] = [Say.Text("有结对引用了不存在的导师或企业。", "A pair refers to a mentor or enterprise that does not exist.")],
            });
        }
        if (Refusals(items, await AssignmentGuard.ActiveMentorsAsync(db, tx, enterprises), rooms) is { } refused)
        {
            return refused;
        }
        var created = new List<Assignment>();
        foreach (var item in items)
        {
            var assignment = await AssignmentGuard.InsertAsync(db, tx, user.Subject(), item.MentorId, item.EnterpriseId, today, false,
                reason, null);
            created.Add(assignment);
            // Each pair as if assigned by hand, so an enterprise's audit trail shows how it got its mentor.
            await AuditLog.WriteAsync(db, tx, user, "mentoring.assigned", "enterprise", item.EnterpriseId,
                new { mentor = item.MentorId, assignment = assignment.Id, coMentoring = false, overridden = false, plan = true });
        }
        await AuditLog.WriteAsync(db, tx, user, "mentoring.plan_accepted", "assignment_plan", null, new { assigned = created.Count });
        await tx.CommitAsync();
        return TypedResults.Created("/api/assignments?active=true", (IReadOnlyList<Assignment>)created);
    }

    /// <summary>
    /// Why the pairs cannot all be assigned, or null when they can: the first reason as the detail, and under
    /// <c>refused</c> each refused pair with its own, so a screen can say which of the pairs to change.
    /// </summary>
    static ProblemHttpResult? Refusals(IReadOnlyList<PlanChoice> items, ILookup<Guid, Guid> mentored, Dictionary<Guid, MentorRoom> rooms)
    {
        var refused = new List<RefusedPair>();
        var taken = items.Where(item => mentored[item.EnterpriseId].Any()).ToList();
        refused.AddRange(taken.Select(item => new RefusedPair(item.EnterpriseId, item.MentorId,
            Say.Text("该企业已有导师。", "This enterprise already has a mentor."))));
        foreach (var group in items.Except(taken).GroupBy(item => item.MentorId))
        {
            if (AssignmentGuard.RoomProblem(rooms[group.Key], group.Count()) is { ProblemDetails.Detail: { } full })
            {
                refused.AddRange(group.Select(item => new RefusedPair(item.EnterpriseId, item.MentorId, full)));
            }
        }
        if (refused.Count == 0)
        {
            return null;
        }
        var detail = taken.Count > 0
            ? Say.Text($"其中 {taken.Count} 家企业已有导师：请重新生成方案。", $"{taken.Count} of these enterprises already have a mentor: make a new plan.")
            : refused[0].Reason;
        return TypedResults.Problem(statusCode: 409, title: "Conflict", detail: detail,
            extensions: new Dictionary<string, object?> { ["refused"] = refused });
    }

    /// <summary>Ends the mentor's active assignments today and opens the same ones under the receiving mentor.</summary>
    public static async Task<Results<Ok<CaseloadReassigned>, NotFound, ValidationProblem, ProblemHttpResult>> ReassignAsync(
        Guid id, ReassignCaseload body, ClaimsPrincipal user, NpgsqlDataSource dataSource, DateOnly today)
    {
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
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["toMentorId"] = [Say.Text("没有该导师。", "No mentor has this id.")],
            });
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
        await db.ExecuteAsync("""
            UPDATE mentor_assignments SET ends_on = greatest(@today::date, starts_on), end_reason = @reason
            WHERE mentor_id = @id AND ends_on IS NULL
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
