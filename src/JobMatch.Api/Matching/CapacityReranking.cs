using Dapper;
using JobMatch.Ranking.Matching;
using Npgsql;

namespace JobMatch.Api.Matching;

/// <summary>
/// Moves nearly full or crowded positions down gently, so veterans spread over openings. Penalty of one opening:
/// maxPenalty × (½ × share of headcount filled + ½ × min(1, recent applications / (3 × remaining))), times the spread of
/// the scores being re-ranked. Bound: an opening never falls below one whose score was lower by more than
/// maxPenalty × spread, and unknown headcounts are never penalised for filling.
/// </summary>
public static class CapacityReranking
{
    public sealed record Slot(int Index, double Score, int? Headcount, int Filled, long RecentApplications);

    /// <summary>The order of <paramref name="results"/> after re-ranking, with each position's applications of the last 30 days.</summary>
    public static async Task<IReadOnlyList<int>> OrderAsync(NpgsqlConnection db, IReadOnlyList<RankedOpening> results,
        IReadOnlyDictionary<string, PositionRow> rows, double maxPenalty)
    {
        if (results.Count < 2)
        {
            return Enumerable.Range(0, results.Count).ToList();
        }
        var ids = results.Select(r => Guid.Parse(r.Opening.Id)).ToArray();
        var applied = (await db.QueryAsync<(Guid, long)>("""
            SELECT position_id, count(*) FROM interactions
            WHERE position_id = ANY(@ids) AND kind = 'application' AND at > now() - interval '30 days' GROUP BY position_id
            """, new { ids })).ToDictionary(r => r.Item1, r => r.Item2);
        return Order(results.Select((r, i) => new Slot(i, r.Score, rows[r.Opening.Id].Headcount, rows[r.Opening.Id].Filled,
            applied.GetValueOrDefault(ids[i]))).ToList(), maxPenalty);
    }

    public static IReadOnlyList<int> Order(IReadOnlyList<Slot> slots, double maxPenalty)
    {
        if (slots.Count < 2 || maxPenalty <= 0)
        {
            return slots.Select(s => s.Index).ToList();
        }
        var spread = slots.Max(s => s.Score) - slots.Min(s => s.Score);
        return slots
            .Select(s => (s.Index, Adjusted: s.Score - maxPenalty * spread * Pressure(s)))
            .OrderByDescending(s => s.Adjusted).ThenBy(s => s.Index)
            .Select(s => s.Index).ToList();
    }

    public static double Pressure(Slot s)
    {
        if (s.Headcount is not { } headcount)
        {
            return 0.5 * Math.Min(1, s.RecentApplications / 30.0);
        }
        var remaining = Math.Max(1, headcount - s.Filled);
        return 0.5 * ((double)s.Filled / headcount) + 0.5 * Math.Min(1, s.RecentApplications / (3.0 * remaining));
    }
}
