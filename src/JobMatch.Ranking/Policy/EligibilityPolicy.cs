using JobMatch.Ranking.Profiles;
using JobMatch.Ranking.Taxonomy;

namespace JobMatch.Ranking.Policy;

/// <summary>
/// How local policy treats veterans; bound from configuration by the caller. <see cref="GatedCertificates"/> names the
/// certificates (canonical names of <see cref="CertificateNames"/>) that close a listing to a veteran without them: by
/// default every special-operation and special-equipment certificate, which the law requires to do the work.
/// </summary>
public sealed record EligibilityOptions(int EducationRelaxLevelsForVeterans = 1, int AgeExtraYearsForVeterans = 5, bool RequireLicenceClass = true,
    IReadOnlyCollection<string>? GatedCertificates = null)
{
    public static IReadOnlyCollection<string> LegallyRequired { get; } = CertificateNames.Known
        .Where(c => c.Kind is CertificateKind.SpecialOperation or CertificateKind.SpecialEquipment).Select(c => c.Name).ToArray();
}

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
        var gated = (options.GatedCertificates ?? EligibilityOptions.LegallyRequired).Select(n => CertificateNames.GatedOf(n)?.Name ?? n).ToHashSet();
        if (gated.Count > 0)
        {
            rules.Add(new CertificateRule(gated));
        }

        Rules = rules;
    }

    public EligibilityPolicy(IEnumerable<IEligibilityRule> rules) => Rules = rules.ToArray();

    public IReadOnlyList<IEligibilityRule> Rules { get; }

    public EligibilityResult Evaluate(VeteranProfile veteran, Opening opening) =>
        new(Rules.Select(r => r.Check(veteran, opening)).ToArray());
}
