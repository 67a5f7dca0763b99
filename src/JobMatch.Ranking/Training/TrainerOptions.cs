namespace JobMatch.Ranking.Training;

public enum RankingAlgorithm
{
    LightGbmLambdaRank,
    FastTreeLambdaRank,
}

/// <summary>
/// Trainer parameters. The number of trees is chosen between <see cref="MinTrees"/> and <see cref="MaxTrees"/> by our
/// own NDCG@<see cref="SelectionDepth"/> on the validation split (ML.NET's LightGBM ranking loses query boundaries
/// on a validation set, and FastTree's early stopping offers only NDCG@1/@3).
/// </summary>
public sealed record TrainerOptions
{
    public RankingAlgorithm Algorithm { get; init; } = RankingAlgorithm.LightGbmLambdaRank;

    /// <summary>
    /// With <see cref="LearningRate"/> 0.1 the validation curve flattens before 200 trees; 0.05 and 400 trees gained
    /// 0.007 NDCG@10 on the synthetic world for twice the training and scoring time.
    /// </summary>
    public int MaxTrees { get; init; } = 200;

    public int MinTrees { get; init; } = 10;

    /// <summary>Tree counts are compared every this many trees.</summary>
    public int SelectionStep { get; init; } = 10;

    public int SelectionDepth { get; init; } = 10;

    /// <summary>
    /// Keep the fewest trees whose validation NDCG is within this of the best: the curve is flat near its top, and
    /// every tree costs scoring time on every request.
    /// </summary>
    public double SelectionTolerance { get; init; } = 0.002;

    public double LearningRate { get; init; } = 0.1;

    /// <summary>Small trees: on the synthetic world 7 leaves beat 15 and 31 and score faster.</summary>
    public int Leaves { get; init; } = 7;

    public int MinExamplesPerLeaf { get; init; } = 200;

    /// <summary>Gain of each label 0..n: 2^label − 1, the gains of the evaluation, set explicitly (ML.NET's LightGBM default gives label 1 a gain of 3).</summary>
    public IReadOnlyList<int> LabelGains { get; init; } = [0, 1, 3, 7, 15, 31, 63, 127];

    public int Seed { get; init; } = 20230316;

    /// <summary>
    /// Trainer threads; null uses every core. One by default: LightGBM's OpenMP threads spin while they wait, and on a
    /// busy 2-core machine two threads took 9× the wall time of one (139 s vs 15 s on 105,000 pairs) for the same model.
    /// </summary>
    public int? Threads { get; init; } = 1;
}
