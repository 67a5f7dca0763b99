using JobMatch.Ranking.ColdStart;
using JobMatch.Ranking.Explanations;
using JobMatch.Ranking.Features;
using JobMatch.Ranking.Policy;
using JobMatch.Ranking.Profiles;

namespace JobMatch.Ranking.Matching;

/// <summary>
/// Records in, ranked list out, either way: openings for a veteran, or veterans for an opening. Eligibility rules first,
/// then one batch of features and scores for every eligible pair, then explanations for the returned ones only
/// (contributions cost far more than scores). A pair gets the same score, rules and reasons whichever way it is ranked.
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
        var eligible = new List<Pair>();
        var excluded = new List<ExcludedOpening>();
        foreach (var opening in openings)
        {
            var verdict = policy.Evaluate(veteran.Profile, opening.Opening);
            if (verdict.Eligible)
            {
                eligible.Add(new Pair(veteran, opening, verdict));
            }
            else
            {
                excluded.Add(new ExcludedOpening(opening.Opening, verdict));
            }
        }

        var results = RankPairs(eligible, 0, topK, asOf)
            .Select(r => new RankedOpening(r.Pair.Opening.Opening, r.Rank, r.Score, r.Reasons, r.Pair.Eligibility.Outcomes)).ToList();
        return new RankingResult(results, excluded, _scorer.Name);
    }

    /// <summary>
    /// The veterans the rules let apply to one opening (a recruiter's candidates), best first: the page from
    /// <paramref name="skip"/>, at most <paramref name="take"/> long, explained; every eligible veteran is scored.
    /// Only the eligible are prepared, and those the rules close the opening to are not returned.
    /// </summary>
    public VeteranRanking RankVeterans(PreparedOpening opening, IReadOnlyList<VeteranProfile> veterans, int skip, int take, DateTime asOf)
    {
        var eligible = new List<Pair>();
        foreach (var veteran in veterans)
        {
            var verdict = policy.Evaluate(veteran, opening.Opening);
            if (verdict.Eligible)
            {
                eligible.Add(new Pair(features.PrepareVeteran(veteran), opening, verdict));
            }
        }

        var results = RankPairs(eligible, skip, take, asOf)
            .Select(r => new RankedVeteran(r.Pair.Veteran.Profile, r.Rank, r.Score, r.Reasons, r.Pair.Eligibility.Outcomes)).ToList();
        return new VeteranRanking(results, eligible.Count, _scorer.Name);
    }

    private sealed record Pair(PreparedVeteran Veteran, PreparedOpening Opening, EligibilityResult Eligibility);

    private sealed record RankedPair(Pair Pair, int Rank, float Score, IReadOnlyList<Reason> Reasons);

    private List<RankedPair> RankPairs(List<Pair> pairs, int skip, int take, DateTime asOf)
    {
        var width = FeatureSchema.Count;
        var matrix = new float[pairs.Count * width];
        for (var i = 0; i < pairs.Count; i++)
        {
            features.Build(pairs[i].Veteran, pairs[i].Opening, asOf, matrix.AsSpan(i * width, width));
        }

        var scores = pairs.Count == 0 ? [] : _scorer.Score(matrix, pairs.Count);

        // Ties go to the pair listed first, so equal scores rank the same way every time.
        var page = Enumerable.Range(0, pairs.Count)
            .OrderByDescending(i => scores[i]).ThenBy(i => i)
            .Skip(skip).Take(take).ToArray();
        var pageFeatures = new float[page.Length * width];
        for (var k = 0; k < page.Length; k++)
        {
            matrix.AsSpan(page[k] * width, width).CopyTo(pageFeatures.AsSpan(k * width));
        }

        var contributions = page.Length == 0 ? [] : _scorer.Contributions(pageFeatures, page.Length);
        var results = new List<RankedPair>(page.Length);
        for (var k = 0; k < page.Length; k++)
        {
            var pair = pairs[page[k]];
            IReadOnlyList<Reason> reasons =
            [
                .. ReasonWriter.FromRules(pair.Opening.Opening, pair.Eligibility.Outcomes),
                .. ReasonWriter.Write(features, pair.Veteran, pair.Opening, pageFeatures.AsSpan(k * width, width), contributions[k]),
            ];
            results.Add(new RankedPair(pair, skip + k + 1, scores[page[k]], reasons));
        }

        return results;
    }
}
