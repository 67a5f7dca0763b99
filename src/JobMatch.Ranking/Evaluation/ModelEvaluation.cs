using JobMatch.Ranking.Features;
using JobMatch.Ranking.Training;

namespace JobMatch.Ranking.Evaluation;

/// <summary>A trained model and its report beside the baselines on the held-out test split.</summary>
public sealed record TrainingOutcome(RankingModel Model, EvaluationReport Report, LabelledSplits Splits);

/// <summary>Train on the train split, choose trees on validation, and report the model beside every baseline on test.</summary>
public static class ModelEvaluation
{
    public static TrainingOutcome TrainAndEvaluate(LabelledSplits splits, TrainerOptions options, string snapshotId, string title, int seed,
        TimeProvider? clock = null)
    {
        var model = RankerTrainer.Train(splits.Train.Data, splits.Valid.Data, options, snapshotId, FeatureSchema.Version,
            FeatureSchema.Names, clock);
        var report = Compare(model, splits.Test, title, $"held-out test veterans ({splits.Test.Data.GroupCount})", seed, splits.Popularity);
        var metadata = model.Metadata with
        {
            TestMetrics = report.ModelRow.Metrics,
            BaselineMetrics = report.Rows.Where(r => r.Role != RankerRole.Model).ToDictionary(r => r.Name, r => r.Metrics),
        };
        return new TrainingOutcome(model.WithMetadata(metadata), report with { Model = metadata }, splits);
    }

    /// <summary>The model and every baseline on the same split, model first.</summary>
    public static EvaluationReport Compare(RankingModel model, PairSet test, string title, string split, int seed,
        IReadOnlyDictionary<string, float>? popularity = null)
    {
        var d = test.Data;
        var rows = new List<ReportRow>
        {
            new($"model: {model.Metadata.Algorithm}", RankerRole.Model, MetricSet.Compute(d, model.Score(d.Features, d.RowCount))),
            new("random", RankerRole.Baseline, MetricSet.Compute(d, Baselines.Random(test, seed))),
            new("recency (newest first)", RankerRole.Baseline, MetricSet.Compute(d, Baselines.Recency(test))),
            new("skill overlap (rarity-weighted, crosswalk)", RankerRole.Baseline, MetricSet.Compute(d, Baselines.SkillOverlap(test))),
            new("BM25 (Lucene CJK bigrams)", RankerRole.Baseline, MetricSet.Compute(d, Baselines.Bm25(test))),
            new("cold-start heuristic", RankerRole.Reference, MetricSet.Compute(d, Baselines.ColdStart(test))),
        };
        if (popularity is { Count: > 0 })
        {
            rows.Add(new("popularity (most engaged-with in training)", RankerRole.Baseline, MetricSet.Compute(d, Baselines.Popularity(test, popularity))));
        }

        return new EvaluationReport(title, split, model.Metadata, rows);
    }

    /// <summary>Any scorer (the ranker in production, say) on the same split.</summary>
    public static MetricSet Measure(IPairScorer scorer, PairSet test) => MetricSet.Compute(test.Data, scorer.Score(test.Data.Features, test.Data.RowCount));
}
