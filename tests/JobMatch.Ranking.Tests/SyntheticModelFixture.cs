using JobMatch.Ranking.Evaluation;
using JobMatch.Ranking.Simulation;
using JobMatch.Ranking.Training;

namespace JobMatch.Ranking.Tests;

/// <summary>One small synthetic world and model, trained once and shared by the tests that need a model (a few seconds).</summary>
public sealed class SyntheticModelFixture
{
    public SyntheticModelFixture() =>
        Result = SyntheticExperiment.Run(TestData.Taxonomy, new SimulationOptions(Seed: 11, Veterans: 2000, Openings: 300), new TrainerOptions());

    public TrainingOutcome Result { get; }
}

[CollectionDefinition(Name)]
public sealed class SyntheticModelCollection : ICollectionFixture<SyntheticModelFixture>
{
    public const string Name = "synthetic model";
}
