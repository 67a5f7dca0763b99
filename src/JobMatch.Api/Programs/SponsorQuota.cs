using System.Data.Common;
using System.Security.Claims;
using Dapper;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;

namespace JobMatch.Api.Programs;

/// <summary>
/// A sponsor's seat quota in an order-class program bounds what its training positions there offer (the sum of their
/// known headcounts) and what they take (enrolments, in Headcount). Only a program's sponsors have seats in it.
/// </summary>
public static class SponsorQuota
{
    /// <summary>
    /// The sponsors of a program that the caller may add seats for: admin all of them, a recruiter those they act for.
    /// Null when the program does not exist or, for a recruiter, when they act for none of its sponsors: it is not theirs.
    /// </summary>
    public static async Task<IReadOnlySet<Guid>?> SponsorsActedFor(DbConnection db, ClaimsPrincipal user, Guid programId)
    {
        if (!await db.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM programs WHERE id = @programId)", new { programId }))
        {
            return null;
        }
        var sponsors = (await db.QueryAsync<Guid>("SELECT company_id FROM program_sponsors WHERE program_id = @programId", new { programId }))
            .ToHashSet();
        if (await CompanyAccess.CompaniesOf(db, user) is not { } actedFor)
        {
            return sponsors;
        }
        sponsors.IntersectWith(actedFor);
        return sponsors.Count == 0 ? null : sponsors;
    }

    /// <summary>
    /// The seats a program position may offer: its sponsor's quota less what the sponsor's other positions there offer.
    /// Locks the sponsor's row (before the position's, the order enrolments take them in). Null outside a program.
    /// </summary>
    public static async Task<(int Seats, int Room)?> RoomForAsync(DbConnection db, DbTransaction tx, Guid positionId)
    {
        var seats = await db.QuerySingleOrDefaultAsync<int?>("""
            SELECT s.seats FROM positions p JOIN program_sponsors s ON s.program_id = p.program_id AND s.company_id = p.company_id
            WHERE p.id = @positionId FOR UPDATE OF s
            """, new { positionId }, tx);
        if (seats is not { } quota)
        {
            return null;
        }
        var others = await db.ExecuteScalarAsync<int>("""
            SELECT coalesce(sum(q.headcount), 0)::int FROM positions p JOIN positions q ON q.source_id = p.program_id AND q.company_id = p.company_id
            WHERE p.id = @positionId AND q.id <> p.id
            """, new { positionId }, tx);
        return (quota, quota - others);
    }

    /// <summary>
    /// Gives a sponsor new seats in a program (adds it with its own position when it is new, see ProgramsApi.AddSponsorsAsync):
    /// never fewer than its seats already took (enrolments), and the program's own position for it (<paramref name="own"/>:
    /// the program's name at its college) offers what the sponsor's other positions there leave. The error, or null.
    /// </summary>
    public static async Task<string?> ResizeAsync(DbConnection db, DbTransaction tx, Guid programId, Guid companyId, int seats,
        (string Title, string Location) own)
    {
        var offers = (await db.QueryAsync<(Guid Id, bool Own, int Headcount, int Filled)>("""
            SELECT p.id, p.title = @Title AND p.location = @Location, coalesce(p.headcount, 0), p.filled
            FROM program_sponsors s JOIN positions p ON p.source_id = s.program_id AND p.company_id = s.company_id
            WHERE s.program_id = @programId AND s.company_id = @companyId FOR UPDATE OF s, p
            """, new { programId, companyId, own.Title, own.Location }, tx)).ToList();
        var taken = offers.Sum(o => o.Filled);
        var others = offers.Where(o => !o.Own).Sum(o => o.Headcount);
        var mine = offers.FirstOrDefault(o => o.Own);
        if (seats < taken)
        {
            return Say.Text($"名额不能少于已入学的 {taken} 人。", $"The seats cannot be fewer than the {taken} already enrolled.");
        }
        if (seats - others < (mine.Id == Guid.Empty ? 0 : Math.Max(mine.Filled, 1)))
        {
            return Say.Text($"该单位的其他培训岗位已提供 {others} 个名额：请先减少那些岗位的人数，或给更多名额。",
                $"The sponsor's other training positions offer {others} seats: lower them first, or give more seats.");
        }
        await db.ExecuteAsync("""
            UPDATE program_sponsors SET seats = @seats WHERE program_id = @programId AND company_id = @companyId;
            UPDATE positions SET headcount = @room, updated_at = now() WHERE id = @own;
            """, new { seats, programId, companyId, room = seats - others, own = mine.Id }, tx);
        return null;
    }

    /// <summary>
    /// Takes a sponsor out of a program: only while none of its seats is taken; its positions there close. The error, or null.
    /// </summary>
    public static async Task<string?> RemoveAsync(DbConnection db, DbTransaction tx, Guid programId, Guid companyId)
    {
        var taken = await db.ExecuteScalarAsync<int>("""
            SELECT coalesce(sum(filled), 0)::int FROM positions WHERE source_id = @programId AND company_id = @companyId
            """, new { programId, companyId }, tx);
        if (taken > 0)
        {
            return Say.Text($"该合作企业已有 {taken} 人入学，不能移出项目。", $"{taken} have enrolled in this sponsor's seats: it cannot leave the program.");
        }
        await db.ExecuteAsync("""
            UPDATE positions SET status = 'closed', updated_at = now() WHERE source_id = @programId AND company_id = @companyId AND status <> 'closed';
            DELETE FROM program_sponsors WHERE program_id = @programId AND company_id = @companyId;
            """, new { programId, companyId }, tx);
        return null;
    }

    public static string Exceeded(int seats, int remaining, int need) => Say.Text(
        $"合作企业的名额为 {seats} 个，尚余 {Math.Max(remaining, 0)} 个：此行需要 {need} 个，未导入。",
        $"The sponsor's quota is {seats} seats and {Math.Max(remaining, 0)} remain: this row needs {need}; not imported.");

    public static string TooMany(int seats, int room) => Say.Text(
        $"合作企业的名额为 {seats} 个，其他培训岗位已占 {seats - room} 个：此岗位最多 {Math.Max(room, 0)} 个。",
        $"The sponsor's quota is {seats} seats and its other training positions offer {seats - room}: this one may offer at most {Math.Max(room, 0)}.");
}
