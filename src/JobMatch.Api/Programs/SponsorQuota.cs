using System.Data.Common;
using System.Security.Claims;
using Dapper;
using JobMatch.Api.Companies;
using JobMatch.Api.Conventions;
using JobMatch.Api.Imports;

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
    /// Keeps the rows of an import into a program that fit their sponsor's quota, in file order; the others are rejected,
    /// naming the quota and what remains. Locks the sponsors' rows until the import commits, as enrolments do.
    /// </summary>
    public static async Task<ImportPlan> HoldAsync(DbConnection db, DbTransaction tx, Guid programId, ImportPlan plan)
    {
        var seats = (await db.QueryAsync<(Guid CompanyId, int Seats)>("""
            SELECT company_id, seats FROM program_sponsors WHERE program_id = @programId ORDER BY company_id FOR UPDATE
            """, new { programId }, tx)).ToDictionary(s => s.CompanyId, s => s.Seats);
        var offered = (await db.QueryAsync<(Guid CompanyId, string Title, string Location, int? Headcount)>("""
            SELECT company_id, title, location, headcount FROM positions WHERE source_id = @programId AND program_id IS NOT NULL
            """, new { programId }, tx)).ToList();
        var current = offered.ToDictionary(p => (p.CompanyId, p.Title, p.Location), p => p.Headcount ?? 0);
        var total = offered.GroupBy(p => p.CompanyId).ToDictionary(g => g.Key, g => g.Sum(p => p.Headcount ?? 0));
        var kept = new List<PlannedPosition>();
        foreach (var position in plan.Positions)
        {
            var quota = seats.GetValueOrDefault(position.CompanyId);
            var key = (position.CompanyId, position.Cells.Title, position.Cells.Location);
            var before = current.GetValueOrDefault(key);
            var offeredNow = total.GetValueOrDefault(position.CompanyId);
            var need = (position.Cells.Headcount ?? 0) - before;
            if (!seats.ContainsKey(position.CompanyId) || offeredNow + need > quota)
            {
                plan.Problems.Add(new(position.RowNumber, null, position.Cells.Headcount?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ImportProblem.Rejected, Exceeded(quota, quota - offeredNow, need)));
                continue;
            }
            current[key] = position.Cells.Headcount ?? 0;
            total[position.CompanyId] = offeredNow + need;
            kept.Add(position);
        }
        var used = kept.Select(p => p.CompanyId).ToHashSet();
        return plan with { Positions = kept, Companies = [.. plan.Companies.Where(c => used.Contains(c.Id))] };
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
