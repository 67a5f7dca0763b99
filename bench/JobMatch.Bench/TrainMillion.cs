using System.Diagnostics;
using JobMatch.Ranking.Features;
using JobMatch.Ranking.Simulation;
using JobMatch.Ranking.Taxonomy;
using JobMatch.Ranking.Training;

namespace JobMatch.Bench;

/// <summary>
/// The training benchmark's workload timed by hand, with CPU time beside wall time: on a shared machine the wall
/// time also measures the neighbours. Simulation and feature extraction are not timed.
/// </summary>
internal static class TrainMillion
{
    public static int Run()
    {
        var taxonomy = RankingTaxonomy.Load(Paths.Data());
        var (train, valid) = Data(taxonomy);
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var model = RankerTrainer.Train(train, valid, new TrainerOptions(), "bench", FeatureSchema.Version, FeatureSchema.Names);
        process.Refresh();
        Console.WriteLine($"trained on {train.RowCount:N0} pairs / {train.GroupCount:N0} queries: {watch.Elapsed.TotalSeconds:F1} s wall, {(process.TotalProcessorTime - cpu).TotalSeconds:F1} s CPU, {model.Metadata.Trees} trees kept");
        return 0;
    }

    /// <summary>40,000 veterans × 25 impressions = 1,000,000 training pairs, 5,000 more veterans for validation.</summary>
    public static (RankingDataset Train, RankingDataset Valid) Data(RankingTaxonomy taxonomy)
    {
        var world = WorldSimulator.Generate(taxonomy, new SimulationOptions(Seed: 13, Veterans: 45_000, Openings: 2_000));
        var splits = SyntheticExperiment.Split(world, SyntheticExperiment.Features(taxonomy, world), seed: 13, trainShare: 40_000.5 / 45_000, validShare: 5_000.0 / 45_000);
        return (splits.Train.Data, splits.Valid.Data);
    }
}
