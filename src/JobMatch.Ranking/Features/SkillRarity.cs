using JobMatch.Ranking.Profiles;
using JobMatch.Ranking.Taxonomy;

namespace JobMatch.Ranking.Features;

/// <summary>
/// Inverse document frequency of each skill over the openings: a match on a rare skill (高压电工) says more than
/// a match on one every listing asks for (吃苦耐劳).
/// </summary>
public sealed class SkillRarity
{
    private readonly float[] _weights;

    private SkillRarity(float[] weights) => _weights = weights;

    public static SkillRarity Uniform(SkillTaxonomy taxonomy) => new(Enumerable.Repeat(1f, taxonomy.Count).ToArray());

    public static SkillRarity FromOpenings(SkillTaxonomy taxonomy, IEnumerable<Opening> openings)
    {
        var documentFrequency = new int[taxonomy.Count];
        var total = 0;
        foreach (var opening in openings)
        {
            total++;
            foreach (var id in opening.RequiredSkillIds.Distinct())
            {
                if (taxonomy.TryGetIndex(id, out var index))
                {
                    documentFrequency[index]++;
                }
            }
        }

        return new SkillRarity(documentFrequency
            .Select(df => (float)Math.Log(1.0 + ((total + 1.0) / (df + 1.0))))
            .ToArray());
    }

    public float this[int skillIndex] => _weights[skillIndex];
}
