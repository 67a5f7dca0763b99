using JobMatch.Ranking.Profiles;
using JobMatch.Ranking.Training;

namespace JobMatch.Ranking.Simulation;

/// <summary>Seeds and sizes of the synthetic world.</summary>
public sealed record SimulationOptions(
    int Seed = 7,
    int Veterans = 1000,
    int Openings = 400,
    int ImpressionsPerVeteran = 25,
    double UtilityNoise = 0.5,
    double PositionBiasPower = 0.5)
{
    public DateTime AsOf { get; init; } = new(2023, 3, 16, 0, 0, 0, DateTimeKind.Utc);
}

/// <summary>
/// A SYNTHETIC world: invented veterans, openings and outcome logs drawn from a hidden utility, for training and
/// evaluating before real outcomes exist. Nothing here describes real people. The utility and the veterans' true
/// skills stay inside the simulator and never become features.
/// </summary>
public sealed record SyntheticWorld(
    SimulationOptions Options,
    IReadOnlyList<VeteranProfile> Veterans,
    IReadOnlyList<Opening> Openings,
    IReadOnlyList<Impression> Impressions);
