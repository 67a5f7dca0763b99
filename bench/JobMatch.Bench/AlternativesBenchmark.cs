using BenchmarkDotNet.Attributes;
using JobMatch.Ranking.Features;
using JobMatch.Ranking.Simulation;
using JobMatch.Ranking.Taxonomy;
using JobMatch.Ranking.Training;

namespace JobMatch.Bench;

/// <summary>
/// The in-process half of the alternatives comparison under BenchmarkDotNet: the top 20 of 1,000 synthetic openings (RankerLatency.Candidates, the candidate cap)
/// for one veteran, by the ranker (features + compiled trees) and by BM25 over the same openings' text.
/// </summary>
[Config(typeof(ScoringConfig))]
[MemoryDiagnoser]
public class AlternativesBenchmark
{
    private FeatureBuilder _builder = null!;
    private PreparedVeteran[] _veterans = [];
    private PreparedOpening[] _openings = [];
    private string[] _queries = [];
    private RankingModel _model = null!;
    private LuceneTopK _lucene = null!;
    private DateTime _asOf;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var taxonomy = RankingTaxonomy.Load(Paths.Data());
        var world = WorldSimulator.Generate(taxonomy, new SimulationOptions(Seed: 3, Veterans: 200, Openings: RankerLatency.Candidates));
        _builder = SyntheticExperiment.Features(taxonomy, world);
        _veterans = world.Veterans.Select(_builder.PrepareVeteran).ToArray();
        _openings = world.Openings.Select(_builder.PrepareOpening).ToArray();
        _queries = world.Veterans.Select(v => v.ProfileText).ToArray();
        _lucene = new LuceneTopK(world.Openings.Select(o => (o.Id, o.Title + " " + o.Text)));
        _asOf = world.Options.AsOf;
        _model = DefaultModel.Load(taxonomy);
    }

    [GlobalCleanup]
    public void Cleanup() => _lucene.Dispose();

    [Benchmark(Baseline = true, Description = "ranker: top 20 of 1,000 (features + trees)")]
    public int[] Ranker() => RankerLatency.Top20(_builder, _model, _veterans[_next++ % _veterans.Length], _openings, _asOf);

    [Benchmark(Description = "BM25 (Lucene CJK bigrams): top 20 of 1,000")]
    public string[] Bm25() => _lucene.Top(_queries[_next++ % _queries.Length], 20);
}
