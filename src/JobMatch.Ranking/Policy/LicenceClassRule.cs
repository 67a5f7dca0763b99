using JobMatch.Ranking.Profiles;

namespace JobMatch.Ranking.Policy;

/// <summary>A listing's required driving licence class; a higher class covers the lower ones it includes.</summary>
public sealed class LicenceClassRule : IEligibilityRule
{
    // Classes each licence permits, from the Ministry of Public Security's licence rules (准驾车型).
    private static readonly Dictionary<string, string[]> Covers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["A1"] = ["A1", "A3", "B1", "B2", "C1", "C2", "C3", "C4"],
        ["A2"] = ["A2", "B1", "B2", "C1", "C2", "C3", "C4"],
        ["A3"] = ["A3", "C1", "C2", "C3", "C4"],
        ["B1"] = ["B1", "C1", "C2", "C3", "C4"],
        ["B2"] = ["B2", "C1", "C2", "C3", "C4"],
        ["C1"] = ["C1", "C2", "C3", "C4"],
        ["C2"] = ["C2"],
    };

    public string Name => "licence_class";

    /// <summary>The licence classes that permit driving <paramref name="required"/> (B2 → A1, A2, B2), for pre-filters.</summary>
    public static string[] ClassesCovering(string required)
    {
        var wanted = required.Trim().ToUpperInvariant();
        return Covers.Where(c => c.Value.Contains(wanted, StringComparer.Ordinal)).Select(c => c.Key).Order(StringComparer.Ordinal).ToArray();
    }

    public RuleOutcome Check(VeteranProfile veteran, Opening opening)
    {
        if (string.IsNullOrWhiteSpace(opening.RequiredLicenceClass))
        {
            return new RuleOutcome(Name, true, "无驾照要求", "no driving licence required");
        }

        var required = opening.RequiredLicenceClass.Trim().ToUpperInvariant();
        var held = veteran.Certificates.Select(c => c.Trim().ToUpperInvariant())
            .Where(c => Covers.ContainsKey(c)).ToArray();
        var passed = held.Any(c => Covers[c].Contains(required, StringComparer.Ordinal));
        return passed
            ? new RuleOutcome(Name, true, $"驾照符合：{required}", $"holds a licence covering {required}")
            : new RuleOutcome(Name, false, $"需要{required}驾照", $"requires a {required} driving licence");
    }
}
