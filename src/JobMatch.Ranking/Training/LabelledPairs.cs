using JobMatch.Ranking.Evaluation;
using JobMatch.Ranking.Features;
using JobMatch.Ranking.Profiles;

namespace JobMatch.Ranking.Training;

/// <summary>
/// Train, validation and test sets split by veteran, so no veteran's outcomes leak across splits. <see cref="Popularity"/>
/// counts, for each opening, the training veterans who engaged with it (label above 0): the popularity baseline's score.
/// </summary>
public sealed record LabelledSplits(PairSet Train, PairSet Valid, PairSet Test)
{
    public IReadOnlyDictionary<string, float>? Popularity { get; init; }
}

/// <summary>Turns an outcome log into featurised ranking sets: one query per veteran, groups contiguous, split by veteran.</summary>
public static class LabelledPairs
{
    public static LabelledSplits Split(
        FeatureBuilder builder,
        IEnumerable<VeteranProfile> veterans,
        IEnumerable<Opening> openings,
        IEnumerable<Impression> outcomes,
        DateTime asOf,
        int seed,
        double trainShare = 0.7,
        double validShare = 0.15)
    {
        var profiles = veterans.ToList();
        var ids = profiles.Select(v => v.Id).Order(StringComparer.Ordinal).ToArray();
        new Random(seed).Shuffle(ids);
        // Popularity is a baseline for the deployment's own outcomes (OutcomeSplits); a simulated log is judged as it always was.
        return Build(builder, profiles, openings, outcomes, Parts(ids, trainShare, validShare), asOf) with { Popularity = null };
    }

    /// <summary>Assigns veterans in this order to train (0), validation (1) and test (2) by the shares.</summary>
    public static Dictionary<string, int> Parts(IReadOnlyList<string> ordered, double trainShare, double validShare)
    {
        var trainCount = (int)(ordered.Count * trainShare);
        var validCount = (int)(ordered.Count * validShare);
        var part = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ordered.Count; i++)
        {
            part[ordered[i]] = i < trainCount ? 0 : i < trainCount + validCount ? 1 : 2;
        }

        return part;
    }

    /// <summary>Featurises each veteran's rows into the set the veteran belongs to; rows of unknown veterans or openings are left out.</summary>
    public static LabelledSplits Build(
        FeatureBuilder builder,
        IEnumerable<VeteranProfile> veterans,
        IEnumerable<Opening> openings,
        IEnumerable<Impression> outcomes,
        IReadOnlyDictionary<string, int> part,
        DateTime asOf)
    {
        var byId = veterans.ToDictionary(v => v.Id, StringComparer.Ordinal);
        var prepared = openings.ToDictionary(o => o.Id, builder.PrepareOpening, StringComparer.Ordinal);
        var sets = Enumerable.Range(0, 3)
            .Select(_ => (Builder: new RankingDatasetBuilder(FeatureSchema.Count), Veterans: new List<VeteranProfile>(), Openings: new List<Opening>()))
            .ToArray();
        var popularity = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var group in outcomes.GroupBy(i => i.VeteranId, StringComparer.Ordinal))
        {
            if (!byId.TryGetValue(group.Key, out var profile) || !part.TryGetValue(group.Key, out var index))
            {
                continue;
            }

            var set = sets[index];
            var veteran = builder.PrepareVeteran(profile);
            var rows = group.Where(r => prepared.ContainsKey(r.OpeningId)).ToArray();
            var features = new float[rows.Length * FeatureSchema.Count];
            for (var r = 0; r < rows.Length; r++)
            {
                builder.Build(veteran, prepared[rows[r].OpeningId], rows[r].ShownAt ?? asOf, features.AsSpan(r * FeatureSchema.Count, FeatureSchema.Count));
                if (index == 0 && rows[r].Label > 0)
                {
                    popularity[rows[r].OpeningId] = popularity.GetValueOrDefault(rows[r].OpeningId) + 1;
                }
            }

            set.Builder.AddQuery(group.Key, features, rows.Select(r => (float)r.Label).ToArray());
            if (rows.Length > 0)
            {
                set.Veterans.Add(profile);
                set.Openings.AddRange(rows.Select(r => prepared[r.OpeningId].Opening));
            }
        }

        var result = sets.Select(s => new PairSet(s.Builder.Build(), s.Veterans, s.Openings)).ToArray();
        return new LabelledSplits(result[0], result[1], result[2]) { Popularity = popularity };
    }
}
