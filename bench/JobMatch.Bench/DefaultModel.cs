using JobMatch.Ranking.Features;
using JobMatch.Ranking.Simulation;
using JobMatch.Ranking.Taxonomy;
using JobMatch.Ranking.Training;

namespace JobMatch.Bench;

/// <summary>The model written by the "report" command (data/ranking), or one trained on the spot with the default options.</summary>
internal static class DefaultModel
{
    public static RankingModel Load(RankingTaxonomy taxonomy)
    {
        var path = Path.Combine(Paths.Data(), "ranking", $"synthetic-model-v{FeatureSchema.Version}.zip");
        if (File.Exists(path))
        {
            return RankingModel.Load(path, FeatureSchema.Version);
        }

        return SyntheticExperiment.Run(taxonomy, new SimulationOptions(Seed: 7, Veterans: 6000, Openings: 600), new TrainerOptions()).Model;
    }
}
