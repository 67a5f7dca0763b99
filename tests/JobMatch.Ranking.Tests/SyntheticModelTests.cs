using System.Text.Json;
using JobMatch.Ranking.Evaluation;
using JobMatch.Ranking.Features;
using JobMatch.Ranking.Simulation;
using JobMatch.Ranking.Training;

namespace JobMatch.Ranking.Tests;

[Collection(SyntheticModelCollection.Name)]
public sealed class SyntheticModelTests(SyntheticModelFixture fixture)
{
    private readonly TrainingOutcome _result = fixture.Result;

    [Fact]
    public void ModelBeatsEveryBaselineByAtLeastFiveHundredthsOfNdcg10OnHeldOutVeterans()
    {
        var report = _result.Report;
        var model = report.ModelRow.Metrics.Ndcg10;

        var baselines = report.Rows.Where(r => r.Role == RankerRole.Baseline).ToArray();
        Assert.Equal(["random", "recency (newest first)", "skill overlap (rarity-weighted, crosswalk)", "BM25 (Lucene CJK bigrams)"], baselines.Select(b => b.Name));
        Assert.All(baselines, b => Assert.True(model - b.Metrics.Ndcg10 >= 0.05, $"{b.Name}: model {model:F4} vs {b.Metrics.Ndcg10:F4}"));
    }

    [Fact]
    public void SplitsAreByVeteranWithNoOverlap()
    {
        var s = _result.Splits;
        var train = s.Train.Data.QueryIds.ToHashSet();

        Assert.DoesNotContain(s.Valid.Data.QueryIds, train.Contains);
        Assert.DoesNotContain(s.Test.Data.QueryIds, train.Contains);
        Assert.DoesNotContain(s.Test.Data.QueryIds, s.Valid.Data.QueryIds.Contains);
    }

    [Fact]
    public void ReportShowsModelAndBaselinesSideBySideInMarkdownAndJson()
    {
        var markdown = _result.Report.ToMarkdown();
        using var json = JsonDocument.Parse(_result.Report.ToJson());

        Assert.Contains("| **model: LightGbmLambdaRank** | model |", markdown, StringComparison.Ordinal);
        Assert.Contains("| BM25 (Lucene CJK bigrams) | baseline |", markdown, StringComparison.Ordinal);
        Assert.Contains("SYNTHETIC", markdown, StringComparison.Ordinal);
        Assert.Equal(6, json.RootElement.GetProperty("Rows").GetArrayLength());
        Assert.Equal(FeatureSchema.Version, json.RootElement.GetProperty("Model").GetProperty("FeatureSchemaVersion").GetInt32());
    }

    [Fact]
    public void OwnTreeWalkReproducesMlNetScoresSoTreeCountSelectionIsSound()
    {
        var model = _result.Model;
        var valid = _result.Splits.Valid.Data;

        var ours = TreeEnsembleScorer.PrefixScores(RankerTrainer.Ensemble(model.Transformer), valid, 1_000_000)[^1];
        var mlnet = model.ScoreWithMlNet(valid.Features, valid.RowCount);

        Assert.Equal(model.Metadata.Trees, RankerTrainer.Ensemble(model.Transformer).Trees.Count);
        for (var i = 0; i < mlnet.Length; i++)
        {
            Assert.True(Math.Abs(mlnet[i] - ours[i]) < 1e-3, $"row {i}: {mlnet[i]} vs {ours[i]}");
        }
    }

    [Fact]
    public void CompiledTreesScoreExactlyAsMlNetDoes()
    {
        var test = _result.Splits.Test.Data;

        var fast = _result.Model.Score(test.Features, test.RowCount);
        var mlnet = _result.Model.ScoreWithMlNet(test.Features, test.RowCount);

        for (var i = 0; i < fast.Length; i++)
        {
            Assert.True(Math.Abs(fast[i] - mlnet[i]) <= 1e-5 * Math.Max(1, Math.Abs(mlnet[i])), $"row {i}: {fast[i]} vs {mlnet[i]}");
        }
    }

    [Fact]
    public void MetadataRecordsSchemaSnapshotParametersAndMetrics()
    {
        var meta = _result.Model.Metadata;

        Assert.Equal(FeatureSchema.Version, meta.FeatureSchemaVersion);
        Assert.Equal(FeatureSchema.Names, meta.FeatureNames);
        Assert.Equal("synthetic-seed11-v2000-o300", meta.TrainingSnapshotId);
        Assert.Equal(_result.Splits.Train.Data.RowCount, meta.TrainingRows);
        Assert.NotNull(meta.TestMetrics);
        Assert.Equal(5, meta.BaselineMetrics!.Count);
        Assert.Contains(meta.ValidationCurve, c => c.Trees == meta.Trees);
    }

    [Fact]
    public void SavedModelLoadsScoresTheSameAndRefusesAnotherSchemaVersion()
    {
        using var stream = new MemoryStream();
        _result.Model.Save(stream);
        var test = _result.Splits.Test.Data;

        stream.Position = 0;
        var loaded = RankingModel.Load(stream, FeatureSchema.Version);
        stream.Position = 0;

        Assert.Equal(_result.Model.Score(test.Features, test.RowCount), loaded.Score(test.Features, test.RowCount));
        Assert.Equal(_result.Model.Metadata.TestMetrics, loaded.Metadata.TestMetrics);
        Assert.Equal(_result.Model.Contributions(test.Features[..(5 * FeatureSchema.Count)], 5), loaded.Contributions(test.Features[..(5 * FeatureSchema.Count)], 5));
        Assert.Throws<IncompatibleModelException>(() => RankingModel.Load(stream, FeatureSchema.Version + 1));
    }

    [Fact]
    public void TrainingWithTheSameSeedGivesTheSameModelAndFastTreeIsSelectable()
    {
        var s = _result.Splits;
        var options = new TrainerOptions { MaxTrees = 30 };
        var test = s.Test.Data;

        var first = RankerTrainer.Train(s.Train.Data, s.Valid.Data, options, "a").Score(test.Features, test.RowCount);
        var second = RankerTrainer.Train(s.Train.Data, s.Valid.Data, options, "a").Score(test.Features, test.RowCount);
        var fastTree = RankerTrainer.Train(s.Train.Data, s.Valid.Data, options with { Algorithm = RankingAlgorithm.FastTreeLambdaRank }, "a");

        Assert.Equal(first, second);
        Assert.Equal("FastTreeLambdaRank", fastTree.Metadata.Algorithm);
        Assert.True(MetricSet.Compute(test, fastTree.Score(test.Features, test.RowCount)).Ndcg10 > 0.3);
    }
}
