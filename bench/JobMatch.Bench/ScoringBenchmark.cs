using BenchmarkDotNet.Attributes;
using JobMatch.Ranking.Features;
using JobMatch.Ranking.Simulation;
using JobMatch.Ranking.Taxonomy;
using JobMatch.Ranking.Training;

namespace JobMatch.Bench;

/// <summary>
/// Pairs per second on one thread for the default model, feature computation included: each operation ranks one
/// veteran against 1,000 prepared openings (features + scores), and BenchmarkDotNet reports the time per pair.
/// </summary>
[Config(typeof(ScoringConfig))]
[MemoryDiagnoser]
public class ScoringBenchmark
{
    private const int Openings = 1000;
    private FeatureBuilder _builder = null!;
    private PreparedVeteran[] _veterans = [];
    private PreparedOpening[] _openings = [];
    private RankingModel _model = null!;
    private DateTime _asOf;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var taxonomy = RankingTaxonomy.Load(Paths.Data());
        var world = WorldSimulator.Generate(taxonomy, new SimulationOptions(Seed: 3, Veterans: 200, Openings: Openings));
        _builder = SyntheticExperiment.Features(taxonomy, world);
        _veterans = world.Veterans.Select(_builder.PrepareVeteran).ToArray();
        _openings = world.Openings.Select(_builder.PrepareOpening).ToArray();
        _asOf = world.Options.AsOf;
        _model = DefaultModel.Load(taxonomy);
    }

    [Benchmark(OperationsPerInvoke = Openings, Description = "features + model score (compiled trees), per pair")]
    public float FeaturesAndScore()
    {
        var matrix = _builder.BuildMatrix(NextVeteran(), _openings, _asOf);
        return _model.Score(matrix, Openings)[0];
    }

    [Benchmark(OperationsPerInvoke = Openings, Description = "features + ML.NET transformer score, per pair")]
    public float FeaturesAndMlNetScore()
    {
        var matrix = _builder.BuildMatrix(NextVeteran(), _openings, _asOf);
        return _model.ScoreWithMlNet(matrix, Openings)[0];
    }

    [Benchmark(OperationsPerInvoke = Openings, Description = "features only, per pair")]
    public float FeaturesOnly() => _builder.BuildMatrix(NextVeteran(), _openings, _asOf)[0];

    private PreparedVeteran NextVeteran() => _veterans[_next++ % _veterans.Length];
}
