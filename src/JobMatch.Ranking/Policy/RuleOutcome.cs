namespace JobMatch.Ranking.Policy;

/// <summary>The verdict of one named eligibility rule on one (veteran, opening) pair, with a bilingual reason.</summary>
public sealed record RuleOutcome(string Rule, bool Passed, string ReasonZh, string ReasonEn);

/// <summary>All rule verdicts for a pair; eligible only when every rule passed.</summary>
public sealed record EligibilityResult(IReadOnlyList<RuleOutcome> Outcomes)
{
    public bool Eligible => Outcomes.All(o => o.Passed);

    public IEnumerable<RuleOutcome> Failed => Outcomes.Where(o => !o.Passed);
}
