using Dapper;
using JobMatch.Api.Conventions;
using Npgsql;

namespace JobMatch.Api.Mentoring;

/// <summary>A mentor's room for more enterprises, read while their row is locked.</summary>
sealed record MentorRoom(Guid Id, string Name, int Capacity, bool Paused, long Load);

/// <summary>
/// Capacity and pause hold under concurrent assignments because every change to a caseload first locks the mentor rows
/// (then the enterprise rows), always in that order and by ascending id, so writers queue rather than deadlock; the
/// load is read only after the locks are held, by a new statement that sees everything committed before.
/// </summary>
static class AssignmentGuard
{
    internal const string AssignmentColumns =
        "id, mentor_id, enterprise_id, starts_on, ends_on, co_mentoring, reason, override_reason, end_reason, created_at";

    public static async Task LockMentorsAsync(NpgsqlConnection db, NpgsqlTransaction tx, IEnumerable<Guid> mentorIds) =>
        await db.QueryAsync<Guid>("SELECT id FROM mentors WHERE id = ANY (@ids) ORDER BY id FOR UPDATE",
            new { ids = mentorIds.Distinct().ToArray() }, tx);

    /// <summary>Locks the enterprises (after the mentors) and returns the ids that exist.</summary>
    public static async Task<HashSet<Guid>> LockEnterprisesAsync(NpgsqlConnection db, NpgsqlTransaction tx, IEnumerable<Guid> enterpriseIds) =>
        (await db.QueryAsync<Guid>("SELECT id FROM enterprises WHERE id = ANY (@ids) ORDER BY id FOR UPDATE",
            new { ids = enterpriseIds.Distinct().ToArray() }, tx)).ToHashSet();

    public static async Task<Dictionary<Guid, MentorRoom>> RoomsAsync(NpgsqlConnection db, NpgsqlTransaction tx, IEnumerable<Guid> mentorIds) =>
        (await db.QueryAsync<MentorRoom>("""
            SELECT m.id, m.name, m.capacity, m.paused,
                   (SELECT count(*) FROM mentor_assignments a WHERE a.mentor_id = m.id AND a.ends_on IS NULL) AS load
            FROM mentors m WHERE m.id = ANY (@ids)
            """, new { ids = mentorIds.Distinct().ToArray() }, tx)).ToDictionary(room => room.Id);

    /// <summary>Why the mentor cannot take <paramref name="adding"/> more enterprises, or null when they can.</summary>
    public static ProblemHttpResult? RoomProblem(MentorRoom mentor, int adding) =>
        mentor.Paused
            ? Problems.Conflict($"导师 {mentor.Name} 已暂停接收新企业；如确需分配，请填写 overrideReason。",
                $"Mentor {mentor.Name} is paused and takes no new enterprises; give an overrideReason to assign anyway.")
            : mentor.Load + adding > mentor.Capacity
                ? Problems.Conflict($"导师 {mentor.Name} 在辅 {mentor.Load} 家、上限 {mentor.Capacity} 家，无法再接收 {adding} 家；如确需分配，请填写 overrideReason。",
                    $"Mentor {mentor.Name} guides {mentor.Load} of at most {mentor.Capacity} enterprises and cannot take {adding} more; give an overrideReason to assign anyway.")
                : null;

    /// <summary>The mentors actively assigned to each of the enterprises.</summary>
    public static async Task<ILookup<Guid, Guid>> ActiveMentorsAsync(NpgsqlConnection db, NpgsqlTransaction tx, IEnumerable<Guid> enterpriseIds) =>
        (await db.QueryAsync<(Guid EnterpriseId, Guid MentorId)>(
            "SELECT enterprise_id, mentor_id FROM mentor_assignments WHERE enterprise_id = ANY (@ids) AND ends_on IS NULL",
            new { ids = enterpriseIds.Distinct().ToArray() }, tx)).ToLookup(row => row.EnterpriseId, row => row.MentorId);

    public static Task<Assignment> InsertAsync(NpgsqlConnection db, NpgsqlTransaction tx, string createdBy, Guid mentorId, Guid enterpriseId,
        DateOnly startsOn, bool coMentoring, string reason, string? overrideReason) =>
        db.QuerySingleAsync<Assignment>($"""
            INSERT INTO mentor_assignments (id, mentor_id, enterprise_id, starts_on, co_mentoring, reason, override_reason, created_by)
            VALUES (@id, @mentorId, @enterpriseId, @startsOn::date, @coMentoring, @reason, @overrideReason, @createdBy)
            RETURNING {AssignmentColumns}
            """, new { id = Guid.CreateVersion7(), mentorId, enterpriseId, startsOn = startsOn.AsParameter(), coMentoring,
                       reason = reason.Trim(), overrideReason = overrideReason?.Trim(), createdBy }, tx);

    /// <summary>The longest reason an assignment change takes, declared on the request records.</summary>
    public const int MaxReason = 500;

    public static string? ReasonError(string? reason, bool required = true) =>
        (reason is null && !required) || !string.IsNullOrWhiteSpace(reason)
            ? null
            : Say.Text("请填写理由（1–500 字）。", "Give a reason (1–500 characters).");
}
