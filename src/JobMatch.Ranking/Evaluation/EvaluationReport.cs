using System.Globalization;
using System.Text;
using System.Text.Json;
using JobMatch.Ranking.Training;

namespace JobMatch.Ranking.Evaluation;

/// <summary>What a report row is: the model, a baseline it must beat, or a reference shown for context.</summary>
public enum RankerRole
{
    Model,
    Baseline,
    Reference,
}

/// <summary>One ranker's metrics on the split.</summary>
public sealed record ReportRow(string Name, RankerRole Role, MetricSet Metrics);

/// <summary>A model beside its baselines on the same split, written as Markdown (for people) and JSON (for machines).</summary>
public sealed record EvaluationReport(string Title, string Split, ModelMetadata Model, IReadOnlyList<ReportRow> Rows)
{
    public ReportRow ModelRow => Rows.Single(r => r.Role == RankerRole.Model);

    /// <summary>Model NDCG@10 minus the best baseline's.</summary>
    public double MarginOverBestBaseline => ModelRow.Metrics.Ndcg10 - Rows.Where(r => r.Role == RankerRole.Baseline).Max(r => r.Metrics.Ndcg10);

    public string ToJson() => JsonSerializer.Serialize(this, RankingModel.Json);

    public string ToMarkdown()
    {
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine(inv, $"# {Title}").AppendLine();
        md.AppendLine(inv, $"Split: {Split}. Queries: {ModelRow.Metrics.Queries}; share without any relevant item: {ModelRow.Metrics.EmptyQueryShare:P1} (counted as 0).").AppendLine();
        md.AppendLine(inv, $"Model: {Model.Algorithm}, {Model.Trees} trees chosen by validation NDCG@{Model.Parameters.SelectionDepth}, feature schema v{Model.FeatureSchemaVersion}, trained on {Model.TrainingRows:N0} rows / {Model.TrainingQueries:N0} queries (snapshot `{Model.TrainingSnapshotId}`), seed {Model.Parameters.Seed}.").AppendLine();
        md.AppendLine("| Ranker | Role | NDCG@1 | NDCG@5 | NDCG@10 | MAP | NDCG@10 (empty=1) |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var row in Rows)
        {
            var m = row.Metrics;
            var name = row.Role == RankerRole.Model ? $"**{row.Name}**" : row.Name;
            md.AppendLine(inv, $"| {name} | {row.Role.ToString().ToLowerInvariant()} | {m.Ndcg1:F4} | {m.Ndcg5:F4} | {m.Ndcg10:F4} | {m.Map:F4} | {m.Ndcg10EmptyAsOne:F4} |");
        }

        md.AppendLine().AppendLine(inv, $"Model NDCG@10 minus the best baseline: {MarginOverBestBaseline:+0.0000;-0.0000}.");
        md.AppendLine().AppendLine("Reference rows are not baselines: the cold-start weights were set by the team that wrote the simulator, so they know the world's shape.");
        return md.ToString();
    }
}
