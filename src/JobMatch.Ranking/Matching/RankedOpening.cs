using JobMatch.Ranking.Explanations;
using JobMatch.Ranking.Policy;
using JobMatch.Ranking.Profiles;

namespace JobMatch.Ranking.Matching;

/// <summary>One returned result: its place, score, the reasons it ranks there and the eligibility rules it passed.</summary>
public sealed record RankedOpening(Opening Opening, int Rank, float Score, IReadOnlyList<Reason> Reasons, IReadOnlyList<RuleOutcome> PassedRules);

/// <summary>The ranked list for one veteran, the openings the policy filtered out (with reasons), and which scorer ranked it.</summary>
public sealed record RankingResult(IReadOnlyList<RankedOpening> Results, IReadOnlyList<ExcludedOpening> Excluded, string Scorer);
