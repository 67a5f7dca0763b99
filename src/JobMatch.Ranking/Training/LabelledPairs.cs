using JobMatch.Ranking.Evaluation;
using JobMatch.Ranking.Features;
using JobMatch.Ranking.Profiles;

namespace JobMatch.Ranking.Training;

/// <summary>Train, validation and test sets split by veteran, so no veteran's outcomes leak across splits.</summary>
public sealed record LabelledSplits(PairSet Train, PairSet Valid, PairSet Test);

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
        var byId = veterans.ToDictionary(v => v.Id, StringComparer.Ordinal);
        var ids = byId.Keys.Order(StringComparer.Ordinal).ToArray();
        new Random(seed).Shuffle(ids);
        var trainCount = (int)(ids.Length * trainShare);
        var validCount = (int)(ids.Length * validShare);
        var part = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            part[ids[i]] = i < trainCount ? 0 : i < trainCount + validCount ? 1 : 2;
        }

        var prepared = openings.ToDictionary(o => o.Id, builder.PrepareOpening, StringComparer.Ordinal);
        var sets = Enumerable.Range(0, 3)
            .Select(_ => (Builder: new RankingDatasetBuilder(FeatureSchema.Count), Veterans: new List<VeteranProfile>(), Openings: new List<Opening>()))
            .ToArray();
        foreach (var group in outcomes.GroupBy(i => i.VeteranId, StringComparer.Ordinal))
        {
            if (!byId.TryGetValue(group.Key, out var profile))
            {
                continue;
            }

            var set = sets[part[group.Key]];
            var veteran = builder.PrepareVeteran(profile);
            var rows = group.Where(r => prepared.ContainsKey(r.OpeningId)).ToArray();
            var features = new float[rows.Length * FeatureSchema.Count];
            for (var r = 0; r < rows.Length; r++)
            {
                builder.Build(veteran, prepared[rows[r].OpeningId], rows[r].ShownAt ?? asOf, features.AsSpan(r * FeatureSchema.Count, FeatureSchema.Count));
            }

            set.Builder.AddQuery(group.Key, features, rows.Select(r => (float)r.Label).ToArray());
            if (rows.Length > 0)
            {
                set.Veterans.Add(profile);
                set.Openings.AddRange(rows.Select(r => prepared[r.OpeningId].Opening));
            }
        }

        var result = sets.Select(s => new PairSet(s.Builder.Build(), s.Veterans, s.Openings)).ToArray();
        return new LabelledSplits(result[0], result[1], result[2]);
    }
}
