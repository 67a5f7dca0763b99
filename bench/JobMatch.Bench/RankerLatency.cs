using JobMatch.Ranking.Features;
using JobMatch.Ranking.Simulation;
using JobMatch.Ranking.Taxonomy;
using JobMatch.Ranking.Training;

namespace JobMatch.Bench;

/// <summary>
/// The ranker's own share of a matches request, in process: features and scores for the candidate cap (the most
/// rows the service's SQL hands it per request), then the top 20. Candidate SQL and HTTP are in the load test.
/// </summary>
internal static class RankerLatency
{
    public const int Candidates = 1000;

    public static Latency Measure(RankingTaxonomy taxonomy, RankingModel model)
    {
        var world = WorldSimulator.Generate(taxonomy, new SimulationOptions(Seed: 3, Veterans: 200, Openings: Candidates));
        var builder = SyntheticExperiment.Features(taxonomy, world);
        var veterans = world.Veterans.Select(builder.PrepareVeteran).ToArray();
        var openings = world.Openings.Select(builder.PrepareOpening).ToArray();
        return Latency.Measure(veterans, veteran => Top20(builder, model, veteran, openings, world.Options.AsOf));
    }

    public static int[] Top20(FeatureBuilder builder, RankingModel model, PreparedVeteran veteran, PreparedOpening[] openings, DateTime asOf)
    {
        var scores = model.Score(builder.BuildMatrix(veteran, openings, asOf), openings.Length);
        var order = Enumerable.Range(0, scores.Length).ToArray();
        Array.Sort(scores, order);
        return order[^20..];
    }
}
