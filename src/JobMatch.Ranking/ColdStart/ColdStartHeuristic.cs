using JobMatch.Ranking.Features;

namespace JobMatch.Ranking.ColdStart;

/// <summary>
/// A transparent weighted sum over the same features, so matching works before any outcome has been logged.
/// Each weight is a judgement, written down here and in docs/RANKING.md; a feature's contribution is weight × value
/// (after centring the 0.5 "no preference" values), which is also the explanation.
/// </summary>
public sealed class ColdStartHeuristic : IPairScorer
{
    public static IReadOnlyDictionary<int, float> Weights { get; } = new Dictionary<int, float>
    {
        [FeatureSchema.SkillCoverage] = 3.0f,
        [FeatureSchema.EducationMeets] = 1.0f,
        [FeatureSchema.MajorMatch] = 0.3f,
        [FeatureSchema.CertificatesHeldShare] = 0.6f,
        [FeatureSchema.SameDistrict] = 0.6f,
        [FeatureSchema.PreferredDistrict] = 0.4f,
        [FeatureSchema.NearestKm] = -0.02f,
        [FeatureSchema.SalaryFit] = 1.2f,
        [FeatureSchema.IndustryPreferred] = 0.8f,
        [FeatureSchema.KindPreferred] = 1.0f,
        [FeatureSchema.TextSimilarity] = 1.0f,
        [FeatureSchema.RemainingHeadcountLog] = 0.05f,
        [FeatureSchema.DaysSincePosted] = -0.002f,
    };

    public string Name => "cold-start heuristic";

    public float[] Score(float[] features, int rows)
    {
        var scores = new float[rows];
        var width = FeatureSchema.Count;
        for (var r = 0; r < rows; r++)
        {
            var row = features.AsSpan(r * width, width);
            float sum = 0;
            foreach (var (index, weight) in Weights)
            {
                sum += weight * Value(index, row[index]);
            }

            scores[r] = sum;
        }

        return scores;
    }

    public float[][] Contributions(float[] features, int rows)
    {
        var width = FeatureSchema.Count;
        var result = new float[rows][];
        for (var r = 0; r < rows; r++)
        {
            result[r] = new float[width];
            foreach (var (index, weight) in Weights)
            {
                result[r][index] = weight * Value(index, features[(r * width) + index]);
            }
        }

        return result;
    }

    // Centre the 0.5 "no preference" values and clip the open-ended ones, so no single feature runs away.
    private static float Value(int index, float value) => index switch
    {
        FeatureSchema.IndustryPreferred or FeatureSchema.KindPreferred or FeatureSchema.EducationMeets or FeatureSchema.PreferredDistrict => value - 0.5f,
        FeatureSchema.NearestKm => value < 0 ? 20 : value,
        FeatureSchema.SalaryFit => Math.Min(value, 0.5f),
        _ => value,
    };
}
