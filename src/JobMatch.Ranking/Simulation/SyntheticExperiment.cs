using JobMatch.Ranking.Evaluation;
using JobMatch.Ranking.Features;
using JobMatch.Ranking.Taxonomy;
using JobMatch.Ranking.Training;

namespace JobMatch.Ranking.Simulation;

/// <summary>The end-to-end synthetic check: simulate, featurise, split by veteran, train, and compare with every baseline.</summary>
public static class SyntheticExperiment
{
    public static FeatureBuilder Features(RankingTaxonomy taxonomy, SyntheticWorld world) =>
        new(taxonomy, SkillRarity.FromOpenings(taxonomy.Skills, world.Openings));

    public static LabelledSplits Split(SyntheticWorld world, FeatureBuilder builder, int seed, double trainShare = 0.7, double validShare = 0.15) =>
        LabelledPairs.Split(builder, world.Veterans, world.Openings, world.Impressions, world.Options.AsOf, seed, trainShare, validShare);

    public static TrainingOutcome Run(RankingTaxonomy taxonomy, SimulationOptions simulation, TrainerOptions trainer)
    {
        var world = WorldSimulator.Generate(taxonomy, simulation);
        var splits = Split(world, Features(taxonomy, world), simulation.Seed);
        var snapshot = $"synthetic-seed{simulation.Seed}-v{simulation.Veterans}-o{simulation.Openings}";
        return ModelEvaluation.TrainAndEvaluate(splits, trainer, snapshot, "Synthetic world (SYNTHETIC data, not real outcomes)", simulation.Seed);
    }
}
