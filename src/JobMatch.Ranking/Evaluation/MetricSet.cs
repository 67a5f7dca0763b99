using JobMatch.Ranking.Training;

namespace JobMatch.Ranking.Evaluation;

/// <summary>Mean metrics over the queries of one split; empty queries count as 0 in Ndcg*, as 1 in Ndcg*EmptyAsOne.</summary>
public sealed record MetricSet(
    double Ndcg1,
    double Ndcg3,
    double Ndcg5,
    double Ndcg10,
    double Map,
    double Ndcg1EmptyAsOne,
    double Ndcg3EmptyAsOne,
    double Ndcg5EmptyAsOne,
    double Ndcg10EmptyAsOne,
    int Queries,
    double EmptyQueryShare)
{
    /// <summary>Scores are one per row of <paramref name="data"/>, in row order.</summary>
    public static MetricSet Compute(RankingDataset data, ReadOnlySpan<float> scores)
    {
        if (scores.Length != data.RowCount)
        {
            throw new ArgumentException($"Expected {data.RowCount} scores, got {scores.Length}.", nameof(scores));
        }

        var sums = new double[9];
        var empty = 0;
        for (var g = 0; g < data.GroupCount; g++)
        {
            var start = data.GroupStarts[g];
            var length = data.GroupStarts[g + 1] - start;
            var labels = data.Labels.AsSpan(start, length);
            var s = scores.Slice(start, length);
            empty += RankingMetrics.HasRelevant(labels) ? 0 : 1;
            int[] ks = [1, 3, 5, 10];
            for (var i = 0; i < ks.Length; i++)
            {
                sums[i] += RankingMetrics.Ndcg(labels, s, ks[i]);
                sums[5 + i] += RankingMetrics.Ndcg(labels, s, ks[i], emptyQueryValue: 1);
            }

            sums[4] += RankingMetrics.AveragePrecision(labels, s);
        }

        var n = Math.Max(1, data.GroupCount);
        return new MetricSet(sums[0] / n, sums[1] / n, sums[2] / n, sums[3] / n, sums[4] / n,
            sums[5] / n, sums[6] / n, sums[7] / n, sums[8] / n, data.GroupCount, (double)empty / n);
    }
}
