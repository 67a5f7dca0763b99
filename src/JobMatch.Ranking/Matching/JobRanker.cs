using JobMatch.Ranking.ColdStart;
using JobMatch.Ranking.Explanations;
using JobMatch.Ranking.Features;
using JobMatch.Ranking.Policy;
using JobMatch.Ranking.Profiles;

namespace JobMatch.Ranking.Matching;

/// <summary>
/// Records in, ranked list out: eligibility rules first, then one batch of features and scores for every eligible
/// opening, then explanations for the top k only (contributions cost far more than scores).
/// With no trained model it ranks by the <see cref="ColdStartHeuristic"/>, so matching always works.
/// </summary>
public sealed class JobRanker(FeatureBuilder features, EligibilityPolicy policy, IPairScorer? model = null)
{
    private readonly IPairScorer _scorer = model ?? new ColdStartHeuristic();

    public string ScorerName => _scorer.Name;

    public RankingResult Rank(VeteranProfile veteran, IReadOnlyList<PreparedOpening> openings, int topK, DateTime asOf) =>
        Rank(features.PrepareVeteran(veteran), openings, topK, asOf);

    public RankingResult Rank(PreparedVeteran veteran, IReadOnlyList<PreparedOpening> openings, int topK, DateTime asOf)
    {
        var eligible = new List<(PreparedOpening Opening, EligibilityResult Eligibility)>();
        var excluded = new List<ExcludedOpening>();
        foreach (var opening in openings)
        {
            var verdict = policy.Evaluate(veteran.Profile, opening.Opening);
            if (verdict.Eligible)
            {
                eligible.Add((opening, verdict));
            }
            else
            {
                excluded.Add(new ExcludedOpening(opening.Opening, verdict));
            }
        }

        var candidates = eligible.Select(e => e.Opening).ToArray();
        var matrix = features.BuildMatrix(veteran, candidates, asOf);
        var scores = _scorer.Score(matrix, candidates.Length);

        // Ties go to the opening listed first, so equal scores rank the same way every time.
        var top = Enumerable.Range(0, candidates.Length)
            .OrderByDescending(i => scores[i]).ThenBy(i => i)
            .Take(topK).ToArray();
        var width = FeatureSchema.Count;
        var topFeatures = new float[top.Length * width];
        for (var k = 0; k < top.Length; k++)
        {
            matrix.AsSpan(top[k] * width, width).CopyTo(topFeatures.AsSpan(k * width));
        }

        var contributions = top.Length == 0 ? [] : _scorer.Contributions(topFeatures, top.Length);
        var results = new RankedOpening[top.Length];
        for (var k = 0; k < top.Length; k++)
        {
            var i = top[k];
            var reasons = ReasonWriter.Write(features, veteran, candidates[i], topFeatures.AsSpan(k * width, width), contributions[k]);
            results[k] = new RankedOpening(candidates[i].Opening, k + 1, scores[i], reasons, eligible[i].Eligibility.Outcomes);
        }

        return new RankingResult(results, excluded, _scorer.Name);
    }

    /// <summary>
    /// Explains one opening to each of several veterans (a recruiter's page of candidates): the reasons and the rules
    /// passed for every pair, with the feature contributions of all pairs computed in one batch.
    /// </summary>
    public IReadOnlyList<(IReadOnlyList<Reason> Reasons, IReadOnlyList<RuleOutcome> PassedRules)> Explain(
        IReadOnlyList<PreparedVeteran> veterans, PreparedOpening opening, DateTime asOf)
    {
        if (veterans.Count == 0)
        {
            return [];
        }

        var width = FeatureSchema.Count;
        var matrix = new float[veterans.Count * width];
        for (var i = 0; i < veterans.Count; i++)
        {
            features.Build(veterans[i], opening, asOf, matrix.AsSpan(i * width, width));
        }

        var contributions = _scorer.Contributions(matrix, veterans.Count);
        return veterans.Select((veteran, i) => (
            ReasonWriter.Write(features, veteran, opening, matrix.AsSpan(i * width, width), contributions[i]),
            (IReadOnlyList<RuleOutcome>)policy.Evaluate(veteran.Profile, opening.Opening).Outcomes.Where(o => o.Passed).ToList()))
            .ToList();
    }
}
