using JobMatch.Ranking.Evaluation;

namespace JobMatch.Ranking.Training;

/// <summary>NDCG@k of the validation split after a number of trees: the curve the tree count was chosen from.</summary>
public sealed record TreeCountScore(int Trees, double Ndcg);

/// <summary>Everything saved beside a trained model, so that it can be checked, compared and reproduced.</summary>
public sealed record ModelMetadata(
    int FeatureSchemaVersion,
    IReadOnlyList<string> FeatureNames,
    string Algorithm,
    int Trees,
    TrainerOptions Parameters,
    string TrainingSnapshotId,
    int TrainingRows,
    int TrainingQueries,
    int ValidationQueries,
    IReadOnlyList<TreeCountScore> ValidationCurve,
    DateTime CreatedAtUtc)
{
    /// <summary>Metrics of the model on the held-out test split, when evaluated.</summary>
    public MetricSet? TestMetrics { get; init; }

    /// <summary>Baselines on the same split, by name.</summary>
    public IReadOnlyDictionary<string, MetricSet>? BaselineMetrics { get; init; }
}
