using BenchmarkDotNet.Attributes;
using JobMatch.Ranking.Features;
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
        (_train, _valid) = TrainMillion.Data(RankingTaxonomy.Load(Paths.Data()));
        if (_train.RowCount < 999_000)
        {
            throw new InvalidOperationException($"Expected about 1,000,000 training pairs, got {_train.RowCount}.");
        }
    }

    [Benchmark(Description = "train on 1,000,000 pairs")]
    public int Train() => RankerTrainer.Train(_train, _valid, new TrainerOptions { Algorithm = Algorithm }, "bench", FeatureSchema.Version, FeatureSchema.Names).Metadata.Trees;
}
