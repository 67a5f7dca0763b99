using JobMatch.Ranking.Evaluation;
using JobMatch.Ranking.Training;

namespace JobMatch.Ranking.Tests;

public sealed class RankingMetricsTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void NdcgUsesExponentialGainsAndLogDiscount()
    {
        // Ranked labels 3,2,0,1 against the ideal 3,2,1,0.
        float[] labels = [3, 2, 0, 1];
        float[] scores = [4, 3, 2, 1];
        var dcg = 7 + (3 / Math.Log2(3)) + 0 + (1 / Math.Log2(5));
        var idcg = 7 + (3 / Math.Log2(3)) + (1 / Math.Log2(4));

        Assert.Equal(dcg / idcg, RankingMetrics.Ndcg(labels, scores, 10), Tolerance);
        Assert.Equal(1.0, RankingMetrics.Ndcg(labels, scores, 2), Tolerance);
        Assert.Equal((7 + (3 / Math.Log2(3))) / (7 + (3 / Math.Log2(3)) + 0.5), RankingMetrics.Ndcg(labels, scores, 3), Tolerance);
    }

    [Fact]
    public void TiedScoresKeepInputOrder()
    {
        float[] labels = [0, 1];
        float[] tied = [1, 1];

        Assert.Equal(0, RankingMetrics.Ndcg(labels, tied, 1), Tolerance);
        Assert.Equal(1 / Math.Log2(3), RankingMetrics.Ndcg(labels, tied, 2), Tolerance);
        Assert.Equal(0.5, RankingMetrics.AveragePrecision(labels, tied), Tolerance);
    }

    [Fact]
    public void QueryWithoutRelevantItemsCountsAsZeroOrOneByConvention()
    {
        float[] labels = [0, 0, 0];
        float[] scores = [3, 2, 1];

        Assert.Equal(0, RankingMetrics.Ndcg(labels, scores, 10));
        Assert.Equal(1, RankingMetrics.Ndcg(labels, scores, 10, emptyQueryValue: 1));
        Assert.Equal(0, RankingMetrics.AveragePrecision(labels, scores));
    }

    [Fact]
    public void ListShorterThanKUsesEveryItem()
    {
        float[] labels = [1, 0];
        float[] scores = [0.1f, 0.9f];

        Assert.Equal(1 / Math.Log2(3), RankingMetrics.Ndcg(labels, scores, 10), Tolerance);
    }

    [Fact]
    public void AveragePrecisionAveragesPrecisionAtEachRelevantItem()
    {
        Assert.Equal((1 + (2.0 / 3)) / 2, RankingMetrics.AveragePrecision([1, 0, 1], [3, 2, 1]), Tolerance);
        Assert.Equal((0.5 + (2.0 / 3)) / 2, RankingMetrics.AveragePrecision([0, 2, 1], [3, 2, 1]), Tolerance);
    }

    [Fact]
    public void MetricSetAveragesQueriesAndReportsEmptyShare()
    {
        var builder = new RankingDatasetBuilder(1);
        builder.AddQuery("a", [0, 0], [1, 0]);
        builder.AddQuery("b", [0, 0], [0, 0]);
        var data = builder.Build();

        var metrics = MetricSet.Compute(data, [2, 1, 2, 1]);

        Assert.Equal(0.5, metrics.Ndcg10, Tolerance);
        Assert.Equal(1.0, metrics.Ndcg10EmptyAsOne, Tolerance);
        Assert.Equal(0.5, metrics.Map, Tolerance);
        Assert.Equal(0.5, metrics.EmptyQueryShare, Tolerance);
        Assert.Equal(2, metrics.Queries);
    }
}
