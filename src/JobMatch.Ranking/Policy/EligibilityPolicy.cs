using JobMatch.Ranking.Profiles;

namespace JobMatch.Ranking.Policy;

/// <summary>How local policy treats veterans; bound from configuration by the caller.</summary>
public sealed record EligibilityOptions(int EducationRelaxLevelsForVeterans = 1, int AgeExtraYearsForVeterans = 5, bool RequireLicenceClass = true);

/// <summary>An opening filtered out before ranking, with the rules it failed.</summary>
public sealed record ExcludedOpening(Opening Opening, EligibilityResult Eligibility);

/// <summary>The rule layer that runs before relevance ranking: each rule named, each verdict explained.</summary>
public sealed class EligibilityPolicy
{
    public EligibilityPolicy(EligibilityOptions options)
    {
        var rules = new List<IEligibilityRule>();
        if (options.RequireLicenceClass)
        {
            rules.Add(new LicenceClassRule());
        }

        rules.Add(new EducationRule(options.EducationRelaxLevelsForVeterans));
        rules.Add(new AgeLimitRule(options.AgeExtraYearsForVeterans));
        Rules = rules;
    }

    public EligibilityPolicy(IEnumerable<IEligibilityRule> rules) => Rules = rules.ToArray();

    public IReadOnlyList<IEligibilityRule> Rules { get; }

    public EligibilityResult Evaluate(VeteranProfile veteran, Opening opening) =>
        new(Rules.Select(r => r.Check(veteran, opening)).ToArray());
}
