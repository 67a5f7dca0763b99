using JobMatch.Ranking.Features;
using JobMatch.Ranking.Profiles;

namespace JobMatch.Ranking.Training;

/// <summary>
/// How positions a veteran had no outcome with join their query as label 0. A bureau's records name only the positions a
/// veteran applied to, was referred to or was placed in; ranking needs the ones they passed over too. Training and
/// validation queries get <see cref="PerQuery"/> positions drawn at random from <see cref="Pool"/> (positions someone had
/// an outcome with, so they were really on offer); a test query gets the whole pool up to <see cref="MaxPerTestQuery"/>,
/// as the veteran would face it in production.
/// </summary>
public sealed record NegativeSampling(IReadOnlyList<string> Pool, int PerQuery = 40, int MaxPerTestQuery = 500);

/// <summary>
/// The deployment's own outcomes (imported history and the live log) as ranking sets. Veterans are split, never their
/// rows: the veterans whose latest outcome is the most recent are held out for test (then validation), so the model is
/// judged on what came after what it learned from; veterans with the same date keep a seeded random order.
/// </summary>
public static class OutcomeSplits
{
    public const string NegativeSource = "negative";

    public static LabelledSplits Split(
        FeatureBuilder builder,
        IReadOnlyList<VeteranProfile> veterans,
        IReadOnlyList<Opening> openings,
        IReadOnlyList<Impression> outcomes,
        NegativeSampling negatives,
        DateTime asOf,
        int seed,
        double trainShare = 0.7,
        double validShare = 0.15)
    {
        var byVeteran = outcomes.GroupBy(o => o.VeteranId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var ids = veterans.Select(v => v.Id).Where(byVeteran.ContainsKey).Order(StringComparer.Ordinal).ToArray();
        new Random(seed).Shuffle(ids);
        var latest = ids.ToDictionary(id => id, id => byVeteran[id].Max(o => o.ShownAt ?? asOf), StringComparer.Ordinal);
        var ordered = ids.OrderBy(id => latest[id]).ToArray(); // stable: equal dates keep the shuffled order
        var part = LabelledPairs.Parts(ordered, trainShare, validShare);

        var rng = new Random(seed ^ 0x5eed);
        var rows = new List<Impression>(outcomes.Count + (ids.Length * negatives.PerQuery));
        foreach (var id in ordered)
        {
            var own = byVeteran[id];
            var query = new List<Impression>(own);
            // The live log already holds what the veteran was shown and passed over.
            if (own.Any(o => o.Source == "historical"))
            {
                var seen = own.Select(o => o.OpeningId).ToHashSet(StringComparer.Ordinal);
                var at = own.Min(o => o.ShownAt ?? asOf);
                var drawn = part[id] == 2 ? negatives.Pool.Where(p => !seen.Contains(p)).Take(negatives.MaxPerTestQuery)
                    : Draw(negatives.Pool, seen, negatives.PerQuery, rng);
                query.AddRange(drawn.Select(p => new Impression(id, p, 1000, OutcomeLabels.IgnoredOrRejected, at, NegativeSource)));
            }

            // Rows in a random order: outcomes first would tell a ranker that ties (recency over one import) the answer.
            var shuffled = query.ToArray();
            rng.Shuffle(shuffled);
            rows.AddRange(shuffled);
        }

        return LabelledPairs.Build(builder, veterans, openings, rows, part, asOf);
    }

    private static IEnumerable<string> Draw(IReadOnlyList<string> pool, HashSet<string> seen, int count, Random rng)
    {
        var available = pool.Count - seen.Count(pool.Contains);
        var wanted = Math.Min(count, Math.Max(0, available));
        var drawn = new HashSet<string>(StringComparer.Ordinal);
        for (var attempts = 0; drawn.Count < wanted && attempts < wanted * 20; attempts++)
        {
            var candidate = pool[rng.Next(pool.Count)];
            if (!seen.Contains(candidate))
            {
                drawn.Add(candidate);
            }
        }

        return drawn.Order(StringComparer.Ordinal);
    }
}
