using System.Diagnostics;
using JobMatch.Ranking.Features;
using JobMatch.Ranking.Simulation;
using JobMatch.Ranking.Taxonomy;
using JobMatch.Ranking.Training;

namespace JobMatch.Bench;

/// <summary>Runs the synthetic experiment at report size and writes data/ranking/synthetic-report.{md,json} and the model.</summary>
internal static class SyntheticReport
{
    public static int Write(string[] args)
    {
        var veterans = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 6000;
        var data = Paths.Data();
        var taxonomy = RankingTaxonomy.Load(data);
        var watch = Stopwatch.StartNew();
        var result = SyntheticExperiment.Run(taxonomy, new SimulationOptions(Seed: 7, Veterans: veterans, Openings: 600), new TrainerOptions());
        var output = Path.Combine(data, "ranking");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "synthetic-report.md"), result.Report.ToMarkdown());
        File.WriteAllText(Path.Combine(output, "synthetic-report.json"), result.Report.ToJson());
        result.Model.Save(Path.Combine(output, $"synthetic-model-v{FeatureSchema.Version}.zip"));
        Console.WriteLine(result.Report.ToMarkdown());
        Console.WriteLine($"Done in {watch.Elapsed.TotalSeconds:F1} s; validation curve: {string.Join(", ", result.Model.Metadata.ValidationCurve.Select(c => $"{c.Trees}:{c.Ndcg:F4}"))}");
        return 0;
    }
}
