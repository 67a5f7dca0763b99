using System.Diagnostics;
using JobMatch.Ranking.Simulation;
using JobMatch.Ranking.Taxonomy;

namespace JobMatch.Bench;

/// <summary>
/// Pairs per second of wall time and per CPU-second of the process, one thread, features included. On a shared
/// machine the CPU-second figure is the fairer "per core" number; BenchmarkDotNet reports wall time.
/// </summary>
internal static class Throughput
{
    public static int Run()
    {
        var taxonomy = RankingTaxonomy.Load(Paths.Data());
        var world = WorldSimulator.Generate(taxonomy, new SimulationOptions(Seed: 3, Veterans: 200, Openings: 1000));
        var builder = SyntheticExperiment.Features(taxonomy, world);
        var veterans = world.Veterans.Select(builder.PrepareVeteran).ToArray();
        var openings = world.Openings.Select(builder.PrepareOpening).ToArray();
        var model = DefaultModel.Load(taxonomy);
        for (var round = 0; round < 5; round++)
        {
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            long pairs = 0;
            foreach (var veteran in veterans)
            {
                var matrix = builder.BuildMatrix(veteran, openings, world.Options.AsOf);
                pairs += model.Score(matrix, openings.Length).Length;
            }

            process.Refresh();
            var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine($"round {round}: {pairs / watch.Elapsed.TotalSeconds:N0} pairs/s wall, {pairs / cpuSeconds:N0} pairs per CPU-second ({model.Metadata.Trees} trees, {model.Metadata.Parameters.Leaves} leaves)");
        }

        return 0;
    }
}
