using System.Security.Claims;
using Dapper;
using JobMatch.Api.Conventions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace JobMatch.Api.Mentoring;

/// <summary>A mentor's active enterprises: the mentor's own view, and the same for admin by mentor id.</summary>
public static class MentorCaseload
{
    internal static async Task<Results<Ok<Page<CaseloadItem>>, NotFound, ValidationProblem>> Mine(
        ClaimsPrincipal user, NpgsqlDataSource dataSource, TimeProvider clock, IOptions<MentoringOptions> options, string? cursor, int? limit)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        return await MentoringAccess.MentorIdOf(db, user) is { } mentorId
            ? await Page(db, mentorId, clock, options.Value, cursor, limit)
            : TypedResults.NotFound();
    }

    internal static async Task<Results<Ok<Page<CaseloadItem>>, NotFound, ValidationProblem>> OfMentor(
        Guid id, NpgsqlDataSource dataSource, TimeProvider clock, IOptions<MentoringOptions> options, string? cursor, int? limit)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        return await db.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM mentors WHERE id = @id)", new { id })
            ? await Page(db, id, clock, options.Value, cursor, limit)
            : TypedResults.NotFound();
    }

    static async Task<Results<Ok<Page<CaseloadItem>>, NotFound, ValidationProblem>> Page(
        NpgsqlConnection db, Guid mentorId, TimeProvider clock, MentoringOptions options, string? cursor, int? limit)
    {
        if (!Paging.TryDecode(cursor, out var after))
        {
            return Paging.InvalidCursor();
        }
        var take = Paging.Clamp(limit);
        var (overdueDays, today) = CheckIns.Parameters(clock, options);
        var rows = (await db.QueryAsync<CaseloadItem>($"""
            SELECT a.id AS assignment_id, e.id AS enterprise_id, e.name, e.industry, e.stage, e.district, e.founder_name,
                   mask_phone(e.founder_phone) AS founder_phone, a.starts_on, a.co_mentoring, c.last_session_on,
                   {CheckIns.DueOn} AS due_on, {CheckIns.Overdue} AS overdue, {CheckIns.OpenNeeds} AS open_needs
            FROM mentor_assignments a
            JOIN enterprises e ON e.id = a.enterprise_id
            JOIN enterprise_check_ins c ON c.enterprise_id = e.id
            WHERE a.mentor_id = @mentorId AND a.ends_on IS NULL AND (@after::uuid IS NULL OR a.id < @after)
            ORDER BY a.id DESC LIMIT @take
            """, new { mentorId, after, take = take + 1, overdueDays, today })).ToList();
        var total = await db.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM mentor_assignments WHERE mentor_id = @mentorId AND ends_on IS NULL", new { mentorId });
        return TypedResults.Ok(Paging.ToPage(rows, take, total, item => item.AssignmentId));
    }
}
