namespace JobMatch.Ranking.Features;

/// <summary>Scores feature rows in a batch and says how much each feature contributed (for the rows being explained).</summary>
public interface IPairScorer
{
    string Name { get; }

    float[] Score(float[] features, int rows);

    /// <summary>rows × <see cref="FeatureSchema.Count"/> contributions of each feature to each row's score.</summary>
    float[][] Contributions(float[] features, int rows);
}
