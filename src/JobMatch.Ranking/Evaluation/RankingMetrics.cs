namespace JobMatch.Ranking.Evaluation;

/// <summary>
/// NDCG@k with gains 2^label − 1 and discount 1/log2(rank + 1), and average precision. Items are ordered by score,
/// highest first; equal scores keep their input order (a stable sort), so callers that want ties broken fairly
/// must present items in a neutral order. A query without any relevant item has no ideal DCG: it scores
/// <c>emptyQueryValue</c> (0 here by default, 1 in LightGBM's convention).
/// </summary>
public static class RankingMetrics
{
    public static double Ndcg(ReadOnlySpan<float> labels, ReadOnlySpan<float> scores, int k, double emptyQueryValue = 0)
    {
        var order = Order(scores);
        double dcg = 0;
        for (var i = 0; i < Math.Min(k, order.Length); i++)
        {
            dcg += Gain(labels[order[i]]) / Math.Log2(i + 2);
        }

        var ideal = labels.ToArray();
        Array.Sort(ideal, (a, b) => b.CompareTo(a));
        double idcg = 0;
        for (var i = 0; i < Math.Min(k, ideal.Length); i++)
        {
            idcg += Gain(ideal[i]) / Math.Log2(i + 2);
        }

        return idcg > 0 ? dcg / idcg : emptyQueryValue;
    }

    /// <summary>Average precision over the whole list; items with label ≥ <paramref name="relevantFrom"/> are relevant.</summary>
    public static double AveragePrecision(ReadOnlySpan<float> labels, ReadOnlySpan<float> scores, float relevantFrom = 1)
    {
        var order = Order(scores);
        double hits = 0, sum = 0;
        for (var i = 0; i < order.Length; i++)
        {
            if (labels[order[i]] >= relevantFrom)
            {
                hits++;
                sum += hits / (i + 1);
            }
        }

        return hits > 0 ? sum / hits : 0;
    }

    public static bool HasRelevant(ReadOnlySpan<float> labels)
    {
        foreach (var label in labels)
        {
            if (label > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static double Gain(float label) => Math.Pow(2, label) - 1;

    private static int[] Order(ReadOnlySpan<float> scores)
    {
        var order = new int[scores.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var keys = scores.ToArray();
        // Stable: LINQ's OrderBy is stable, Array.Sort is not.
        return order.OrderByDescending(i => keys[i]).ToArray();
    }
}
