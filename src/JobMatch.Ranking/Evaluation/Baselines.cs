using JobMatch.Ranking.ColdStart;
using JobMatch.Ranking.Features;

namespace JobMatch.Ranking.Evaluation;

/// <summary>The obvious rankers a learned model has to beat, each scoring every row of a <see cref="PairSet"/>.</summary>
public static class Baselines
{
    public static float[] Random(PairSet set, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, set.Data.RowCount).Select(_ => (float)rng.NextDouble()).ToArray();
    }

    /// <summary>Newest first, as a job board lists them.</summary>
    public static float[] Recency(PairSet set) =>
        set.OpeningOfRow.Select(o => (float)(o.PostedAt - DateTime.UnixEpoch).TotalHours).ToArray();

    /// <summary>Rarity-weighted share of required skills the veteran has, crosswalk included: the best a skills-only matcher can do.</summary>
    public static float[] SkillOverlap(PairSet set) =>
        Enumerable.Range(0, set.Data.RowCount).Select(r => set.Data.Features[(r * set.Data.FeatureCount) + FeatureSchema.SkillCoverage]).ToArray();

    /// <summary>Most engaged-with first: how many training veterans had an outcome above 0 with the opening.</summary>
    public static float[] Popularity(PairSet set, IReadOnlyDictionary<string, float> engaged) =>
        set.OpeningOfRow.Select(o => engaged.GetValueOrDefault(o.Id)).ToArray();

    public static float[] ColdStart(PairSet set) => new ColdStartHeuristic().Score(set.Data.Features, set.Data.RowCount);

    /// <summary>BM25 of the profile text over the opening texts, indexed with Lucene's CJK bigram analyzer.</summary>
    public static float[] Bm25(PairSet set)
    {
        var openings = set.OpeningOfRow.DistinctBy(o => o.Id).Select(o => (o.Id, o.Title + " " + o.Text));
        using var bm25 = new Bm25Baseline(openings);
        var scores = new float[set.Data.RowCount];
        for (var g = 0; g < set.Data.GroupCount; g++)
        {
            var found = bm25.Scores(set.VeteranOfGroup[g].ProfileText);
            for (var r = set.Data.GroupStarts[g]; r < set.Data.GroupStarts[g + 1]; r++)
            {
                scores[r] = found.GetValueOrDefault(set.OpeningOfRow[r].Id);
            }
        }

        return scores;
    }
}
