using JobMatch.Ranking.Profiles;
using JobMatch.Ranking.Training;

namespace JobMatch.Ranking.Evaluation;

/// <summary>A labelled ranking set that remembers which veteran each group and which opening each row stands for, so baselines can read the records.</summary>
public sealed record PairSet(RankingDataset Data, IReadOnlyList<VeteranProfile> VeteranOfGroup, IReadOnlyList<Opening> OpeningOfRow);
