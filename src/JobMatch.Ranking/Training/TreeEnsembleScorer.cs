using Microsoft.ML.Trainers.FastTree;

namespace JobMatch.Ranking.Training;

/// <summary>
/// Walks the trained trees ourselves to get the score after each number of trees in one pass, so the tree count
/// can be chosen on the validation split without retraining for every candidate.
/// </summary>
internal static class TreeEnsembleScorer
{
    /// <summary>Cumulative scores: result[t][row] is the score of the first (t + 1) × step trees.</summary>
    public static List<float[]> PrefixScores(RegressionTreeEnsemble ensemble, RankingDataset data, int step)
    {
        var running = new float[data.RowCount];
        var bias = (float)ensemble.Bias;
        Array.Fill(running, bias);
        var result = new List<float[]>();
        for (var t = 0; t < ensemble.Trees.Count; t++)
        {
            var tree = ensemble.Trees[t];
            var weight = (float)ensemble.TreeWeights[t];
            for (var r = 0; r < data.RowCount; r++)
            {
                running[r] += weight * (float)Leaf(tree, data.Row(r));
            }

            if ((t + 1) % step == 0 || t == ensemble.Trees.Count - 1)
            {
                result.Add((float[])running.Clone());
            }
        }

        return result;
    }

    public static double Leaf(RegressionTree tree, ReadOnlySpan<float> features)
    {
        if (tree.NumberOfLeaves <= 1)
        {
            return tree.LeafValues.Count > 0 ? tree.LeafValues[0] : 0;
        }

        var node = 0;
        while (node >= 0)
        {
            node = features[tree.NumericalSplitFeatureIndexes[node]] <= tree.NumericalSplitThresholds[node]
                ? tree.LeftChild[node]
                : tree.RightChild[node];
        }

        return tree.LeafValues[~node];
    }
}
