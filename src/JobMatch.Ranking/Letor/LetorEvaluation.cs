using System.Globalization;
using JobMatch.Ranking.Evaluation;
using JobMatch.Ranking.Training;

namespace JobMatch.Ranking.Letor;

/// <summary>The test-file metrics of <see cref="LetorEvaluation.Run"/>, printable as the lines of the ltr-eval command.</summary>
public sealed record LetorEvaluationResult(MetricSet Test, int Trees, int TrainRows, int TestQueries)
{
    /// <summary>NDCG@1/3/5/10 and MAP with empty queries as 0, then NDCG@k with empty queries as 1 (LightGBM's convention).</summary>
    public IReadOnlyList<string> ToLines()
    {
        var m = Test;
        string F(double v) => v.ToString("F4", CultureInfo.InvariantCulture);
        return
        [
            $"NDCG@1 {F(m.Ndcg1)}",
            $"NDCG@3 {F(m.Ndcg3)}",
            $"NDCG@5 {F(m.Ndcg5)}",
            $"NDCG@10 {F(m.Ndcg10)}",
            $"MAP {F(m.Map)}",
            $"NDCG@1(empty=1) {F(m.Ndcg1EmptyAsOne)}",
            $"NDCG@3(empty=1) {F(m.Ndcg3EmptyAsOne)}",
            $"NDCG@5(empty=1) {F(m.Ndcg5EmptyAsOne)}",
            $"NDCG@10(empty=1) {F(m.Ndcg10EmptyAsOne)}",
        ];
    }
}

/// <summary>Trains the JobMatch trainer on public LETOR-format files, so its numbers can be checked against published results.</summary>
public static class LetorEvaluation
{
    public static LetorEvaluationResult Run(string trainPath, string validPath, string testPath, TrainerOptions? options = null)
    {
        var train = LetorReader.Read(trainPath);
        var valid = LetorReader.Read(validPath);
        var test = LetorReader.Read(testPath);
        var width = Math.Max(1, Math.Max(train.MaxFeatureIndex, Math.Max(valid.MaxFeatureIndex, test.MaxFeatureIndex)));
        var testData = test.ToDataset(width);
        var model = RankerTrainer.Train(train.ToDataset(width), valid.ToDataset(width), options ?? new TrainerOptions(), Path.GetFileName(trainPath));
        var metrics = MetricSet.Compute(testData, model.Score(testData.Features, testData.RowCount));
        return new LetorEvaluationResult(metrics, model.Metadata.Trees, model.Metadata.TrainingRows, testData.GroupCount);
    }
}
