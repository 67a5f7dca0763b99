using Dapper;
using JobMatch.Api.Interactions;
using JobMatch.Api.Taxonomy;
using JobMatch.Ranking.Profiles;
using JobMatch.Ranking.Training;
using Npgsql;

namespace JobMatch.Api.Matching;

/// <summary>Everything the deployment knows of who went where: its veterans, the positions, and one row per (veteran, position).</summary>
public sealed record Outcomes(List<VeteranProfile> Veterans, List<Opening> Openings, List<Impression> Rows, int HistoricalVeterans, int LiveVeterans)
{
    public int VeteransWithOutcomes => Veterans.Count;
    public int HistoricalRows => Rows.Count(r => r.Source == "historical");
    public int LiveRows => Rows.Count(r => r.Source == "live");
    public IReadOnlyList<string> Pool => [.. Openings.Select(o => o.Id).Order(StringComparer.Ordinal)];
}

/// <summary>
/// Reads the ranker's training data: the bureau's imported records (source 'historical') and this service's live log
/// (what was shown, at which rank, and how it ended), each row keeping its source. A (veteran, position) pair counts once,
/// with the furthest it got. Veterans who withdrew their consent to automated matching are left out.
/// </summary>
public static class OutcomeLog
{
    /// <summary>
    /// Label of a historical record's kind. As <see cref="InteractionLog.Labels"/>, except that a record of a rejection or of
    /// giving up (未录用, 不合适, 放弃) says the veteran applied: it outranks a position they never touched (0), not a pending
    /// application (2). The live log needs no such rule: its application row is there beside the rejection.
    /// </summary>
    public static int HistoricalLabel(string kind) => kind is "rejected" or "withdrawn" ? 1 : InteractionLog.Label(kind);

    sealed record Row(Guid VeteranId, Guid PositionId, string Source, string[] Kinds, int Label, int Position, DateTime At);

    public static async Task<Outcomes> ReadAsync(NpgsqlConnection db, ReferenceData data, DateTime now, CancellationToken ct)
    {
        var rows = (await db.QueryAsync<Row>(new CommandDefinition("""
            SELECT i.veteran_id, i.position_id, i.source, array_agg(DISTINCT i.kind) AS kinds, max(i.label)::int AS label,
                   coalesce(min(i.rank), 1000) AS position, min(i.at) AS at
            FROM interactions i
            WHERE i.source IN ('live', 'historical')
              AND NOT EXISTS (SELECT 1 FROM current_consents c
                              WHERE c.veteran_id = i.veteran_id AND c.kind = 'automated_matching' AND NOT c.granted)
            GROUP BY i.veteran_id, i.position_id, i.source
            HAVING i.source = 'historical' OR bool_or(i.kind = 'impression')
            """, cancellationToken: ct))).ToList();
        var merged = rows.GroupBy(r => (r.VeteranId, r.PositionId)).Select(pair =>
        {
            var label = pair.Max(r => r.Source == "historical" ? r.Kinds.Max(HistoricalLabel) : r.Label);
            var source = pair.Any(r => r.Source == "historical") ? "historical" : "live";
            return new Impression(pair.Key.VeteranId.ToString(), pair.Key.PositionId.ToString(), pair.Min(r => r.Position), label,
                DateTime.SpecifyKind(pair.Min(r => r.At), DateTimeKind.Utc), source);
        }).ToList();
        var withOutcome = merged.GroupBy(r => r.VeteranId).Where(g => g.Any(r => r.Label > 0)).ToDictionary(g => g.Key, g => g.ToList());
        var ids = withOutcome.Keys.Select(Guid.Parse).ToArray();
        var veterans = (await db.QueryAsync<VeteranInputRow>(new CommandDefinition(
            $"SELECT {RankingInputs.VeteranColumns} FROM veterans v WHERE v.id = ANY(@ids)", new { ids }, cancellationToken: ct)))
            .Select(v => RankingInputs.ToProfile(v, now)).ToList();
        var kept = withOutcome.Values.SelectMany(r => r).ToList();
        var positions = kept.Select(r => Guid.Parse(r.OpeningId)).Distinct().ToArray();
        var openings = (await db.QueryAsync<PositionRow>(new CommandDefinition($"""
            SELECT {RankingInputs.PositionColumns} FROM positions p JOIN companies c ON c.id = p.company_id WHERE p.id = ANY(@positions)
            """, new { positions }, cancellationToken: ct))).Select(p => RankingInputs.ToOpening(p, data)).ToList();
        return new Outcomes(veterans, openings, kept,
            withOutcome.Count(v => v.Value.Any(r => r.Source == "historical")), withOutcome.Count(v => v.Value.All(r => r.Source == "live")));
    }
}
