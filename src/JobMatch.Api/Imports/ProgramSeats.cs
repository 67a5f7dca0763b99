using System.Data.Common;
using Dapper;
using JobMatch.Api.Programs;

namespace JobMatch.Api.Imports;

/// <summary>An import into an order-class program offers no more seats than each sponsor's quota (<see cref="SponsorQuota"/>).</summary>
public static class ProgramSeats
{
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
                plan.Problems.Add(new(position.RowNumber, null,
                    position.Cells.Headcount?.ToString(System.Globalization.CultureInfo.InvariantCulture), ImportProblem.Rejected,
                    SponsorQuota.Exceeded(quota, quota - offeredNow, need)));
                continue;
            }
            current[key] = position.Cells.Headcount ?? 0;
            total[position.CompanyId] = offeredNow + need;
            kept.Add(position);
        }
        var used = kept.Select(p => p.CompanyId).ToHashSet();
        return plan with { Positions = kept, Companies = [.. plan.Companies.Where(c => used.Contains(c.Id))] };
    }
}
