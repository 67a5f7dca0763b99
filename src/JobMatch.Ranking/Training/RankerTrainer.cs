using JobMatch.Ranking.Evaluation;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace JobMatch.Ranking.Training;

/// <summary>LambdaRank on graded labels with a fixed seed; the tree count is chosen by our own NDCG on the validation split.</summary>
public static class RankerTrainer
{
    /// <param name="clock">Dates the model (CreatedAtUtc); the system's clock when null.</param>
    public static RankingModel Train(RankingDataset train, RankingDataset valid, TrainerOptions options, string snapshotId,
        int? featureSchemaVersion = null, IReadOnlyList<string>? featureNames = null, TimeProvider? clock = null)
    {
        if (train.FeatureCount != valid.FeatureCount)
        {
            throw new ArgumentException("Training and validation sets have different feature counts.", nameof(valid));
        }

        // Every label needs a gain; extend 2^l − 1 for data graded beyond the configured labels (some LETOR sets).
        var maxLabel = train.RowCount == 0 ? 0 : (int)train.Labels.Max();
        if (maxLabel >= options.LabelGains.Count)
        {
            options = options with { LabelGains = Enumerable.Range(0, maxLabel + 1).Select(l => l < options.LabelGains.Count ? options.LabelGains[l] : (1 << l) - 1).ToArray() };
        }

        var ml = new MLContext(options.Seed);
        var view = MlData.ForTraining(ml, train);
        var full = Fit(ml, view, options, options.MaxTrees);
        var ensemble = Ensemble(full);

        // Score the validation split after every step of trees in one walk, then keep the best prefix.
        var prefixes = TreeEnsembleScorer.PrefixScores(ensemble, valid, options.SelectionStep);
        var curve = new List<TreeCountScore>();
        for (var i = 0; i < prefixes.Count; i++)
        {
            var trees = Math.Min((i + 1) * options.SelectionStep, ensemble.Trees.Count);
            curve.Add(new TreeCountScore(trees, MeanNdcg(valid, prefixes[i], options.SelectionDepth)));
        }

        var eligible = curve.Where(c => c.Trees >= Math.Min(options.MinTrees, ensemble.Trees.Count)).ToList();
        var top = eligible.Max(c => c.Ndcg);
        var best = eligible.First(c => c.Ndcg >= top - options.SelectionTolerance);
        // Same data and seed: the refit's trees are the first trees of the full fit.
        var model = best.Trees == ensemble.Trees.Count ? full : Fit(ml, view, options, best.Trees);

        var metadata = new ModelMetadata(
            featureSchemaVersion ?? 0,
            featureNames ?? Enumerable.Range(1, train.FeatureCount).Select(i => $"f{i}").ToArray(),
            options.Algorithm.ToString(),
            best.Trees,
            options,
            snapshotId,
            train.RowCount,
            train.GroupCount,
            valid.GroupCount,
            curve,
            (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime);
        return new RankingModel(ml, model, train.FeatureCount, metadata);
    }

    internal static RegressionTreeEnsemble Ensemble(ITransformer model) =>
        model is ISingleFeaturePredictionTransformer<TreeEnsembleModelParametersBasedOnRegressionTree> t
            ? t.Model.TrainedTreeEnsemble
            : throw new InvalidOperationException("The model is not a tree ensemble.");

    private static double MeanNdcg(RankingDataset data, float[] scores, int k)
    {
        double sum = 0;
        for (var g = 0; g < data.GroupCount; g++)
        {
            var start = data.GroupStarts[g];
            var length = data.GroupStarts[g + 1] - start;
            sum += RankingMetrics.Ndcg(data.Labels.AsSpan(start, length), scores.AsSpan(start, length), k);
        }

        return data.GroupCount == 0 ? 0 : sum / data.GroupCount;
    }

    private static ITransformer Fit(MLContext ml, IDataView view, TrainerOptions options, int trees) =>
        options.Algorithm switch
        {
            RankingAlgorithm.FastTreeLambdaRank => ml.Ranking.Trainers.FastTree(new FastTreeRankingTrainer.Options
            {
                LabelColumnName = MlData.Label,
                FeatureColumnName = MlData.Features,
                RowGroupColumnName = MlData.GroupId,
                NumberOfTrees = trees,
                NumberOfLeaves = options.Leaves,
                MinimumExampleCountPerLeaf = options.MinExamplesPerLeaf,
                LearningRate = options.LearningRate,
                CustomGains = options.LabelGains.Select(g => (double)g).ToArray(),
                NdcgTruncationLevel = options.SelectionDepth,
                Seed = options.Seed,
                NumberOfThreads = options.Threads,
            }).Fit(view),
            _ => ml.Ranking.Trainers.LightGbm(new LightGbmRankingTrainer.Options
            {
                LabelColumnName = MlData.Label,
                FeatureColumnName = MlData.Features,
                RowGroupColumnName = MlData.GroupId,
                NumberOfIterations = trees,
                NumberOfLeaves = options.Leaves,
                MinimumExampleCountPerLeaf = options.MinExamplesPerLeaf,
                LearningRate = options.LearningRate,
                CustomGains = [.. options.LabelGains],
                Seed = options.Seed,
                Deterministic = true,
                NumberOfThreads = options.Threads,
                Silent = true,
                EvaluationMetric = LightGbmRankingTrainer.Options.EvaluateMetricType.None,
                Verbose = false,
            }).Fit(view),
        };
}
