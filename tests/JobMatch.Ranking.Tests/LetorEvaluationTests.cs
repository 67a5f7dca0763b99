using System.Globalization;
using JobMatch.Ranking.Evaluation;
using JobMatch.Ranking.Letor;
using JobMatch.Ranking.Training;

namespace JobMatch.Ranking.Tests;

public sealed class LetorEvaluationTests
{
    [Fact]
    public void LtrEvalTrainsOnLetorFilesAndPrintsTheMetricLinesInOrder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "jobmatch-letor-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (train, valid, test) = LetorSampleFiles.Write(folder);

            var result = LetorEvaluation.Run(train, valid, test, new TrainerOptions { MinExamplesPerLeaf = 5, MaxTrees = 60 });

            var lines = result.ToLines();
            string[] names = ["NDCG@1", "NDCG@3", "NDCG@5", "NDCG@10", "MAP", "NDCG@1(empty=1)", "NDCG@3(empty=1)", "NDCG@5(empty=1)", "NDCG@10(empty=1)"];
            Assert.Equal(names, lines.Select(l => l.Split(' ')[0]));
            Assert.All(lines, l => Assert.InRange(double.Parse(l.Split(' ')[1], CultureInfo.InvariantCulture), 0, 1));
            Assert.Equal(30, result.TestQueries);
            Assert.Equal(80 * 12, result.TrainRows);
            // Labels follow features 1 and 4, so the model must rank far better than chance.
            Assert.True(result.Test.Ndcg10 > 0.8, $"NDCG@10 {result.Test.Ndcg10}");
            Assert.Equal($"NDCG@10 {result.Test.Ndcg10.ToString("F4", CultureInfo.InvariantCulture)}", lines[3]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void LabelsAboveTheConfiguredGainsGetExponentialGainsInsteadOfFailing()
    {
        var builder = new RankingDatasetBuilder(1);
        for (var q = 0; q < 40; q++)
        {
            builder.AddQuery($"q{q}", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        }

        var data = builder.Build();
        var model = RankerTrainer.Train(data, data, new TrainerOptions { MinExamplesPerLeaf = 5, MaxTrees = 20 }, "graded-to-9");

        Assert.Equal([0, 1, 3, 7, 15, 31, 63, 127, 255, 511], model.Metadata.Parameters.LabelGains);
        Assert.True(MetricSet.Compute(data, model.Score(data.Features, data.RowCount)).Ndcg10 > 0.99);
    }
}
