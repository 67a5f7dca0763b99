using BenchmarkDotNet.Attributes;
using JobMatch.Ranking.Features;
using JobMatch.Ranking.Simulation;
using JobMatch.Ranking.Taxonomy;
using JobMatch.Ranking.Training;

namespace JobMatch.Bench;

/// <summary>
/// The trainer on 1,000,000 labelled pairs (40,000 synthetic veterans × 25 impressions) with a 125,000-pair
/// validation split: fit, tree-count selection and refit. Simulation and feature extraction happen in setup, untimed.
/// </summary>
[Config(typeof(TrainingConfig))]
public class TrainingBenchmark
{
    private RankingDataset _train = null!;
    private RankingDataset _valid = null!;

    [Params(RankingAlgorithm.LightGbmLambdaRank)]
    public RankingAlgorithm Algorithm { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var taxonomy = RankingTaxonomy.Load(Paths.Data());
        var world = WorldSimulator.Generate(taxonomy, new SimulationOptions(Seed: 13, Veterans: 45_000, Openings: 2_000));
        var splits = SyntheticExperiment.Split(world, SyntheticExperiment.Features(taxonomy, world), seed: 13, trainShare: 40_000.5 / 45_000, validShare: 5_000.0 / 45_000);
        _train = splits.Train.Data;
        _valid = splits.Valid.Data;
        if (_train.RowCount < 999_000)
        {
            throw new InvalidOperationException($"Expected about 1,000,000 training pairs, got {_train.RowCount}.");
        }
    }

    [Benchmark(Description = "train on 1,000,000 pairs")]
    public int Train() => RankerTrainer.Train(_train, _valid, new TrainerOptions { Algorithm = Algorithm }, "bench", FeatureSchema.Version, FeatureSchema.Names).Metadata.Trees;
}
