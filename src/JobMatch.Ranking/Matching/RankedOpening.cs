using JobMatch.Ranking.Explanations;
using JobMatch.Ranking.Policy;
using JobMatch.Ranking.Profiles;

namespace JobMatch.Ranking.Matching;

/// <summary>One returned result: its place, score, the reasons it ranks there and the eligibility rules it passed.</summary>
public sealed record RankedOpening(Opening Opening, int Rank, float Score, IReadOnlyList<Reason> Reasons, IReadOnlyList<RuleOutcome> PassedRules);

/// <summary>The ranked list for one veteran, the openings the policy filtered out (with reasons), and which scorer ranked it.</summary>
public sealed record RankingResult(IReadOnlyList<RankedOpening> Results, IReadOnlyList<ExcludedOpening> Excluded, string Scorer);

/// <summary>One veteran ranked for an opening: the same place, score, reasons and rules as the opening ranked for them.</summary>
public sealed record RankedVeteran(VeteranProfile Veteran, int Rank, float Score, IReadOnlyList<Reason> Reasons,
    IReadOnlyList<RuleOutcome> PassedRules);

/// <summary>One page of veterans ranked for an opening, how many the rules let apply, and which scorer ranked them.</summary>
public sealed record VeteranRanking(IReadOnlyList<RankedVeteran> Results, int Eligible, string Scorer);
