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

    public static string Exceeded(int seats, int remaining, int need) => Say.Text(
        $"合作企业的名额为 {seats} 个，尚余 {Math.Max(remaining, 0)} 个：此行需要 {need} 个，未导入。",
        $"The sponsor's quota is {seats} seats and {Math.Max(remaining, 0)} remain: this row needs {need}; not imported.");

    public static string TooMany(int seats, int room) => Say.Text(
        $"合作企业的名额为 {seats} 个，其他培训岗位已占 {seats - room} 个：此岗位最多 {Math.Max(room, 0)} 个。",
        $"The sponsor's quota is {seats} seats and its other training positions offer {seats - room}: this one may offer at most {Math.Max(room, 0)}.");
}
