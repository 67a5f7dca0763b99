using JobMatch.Ranking.Profiles;

namespace JobMatch.Ranking.Policy;

/// <summary>
/// Age limits written in the listing, which local policy often extends for veterans by some years. Age is read
/// here and only here: it gates eligibility as the listing states it and never enters the model.
/// </summary>
public sealed class AgeLimitRule(int extraYearsForVeterans) : IEligibilityRule
{
    public string Name => "age_limit";

    public RuleOutcome Check(VeteranProfile veteran, Opening opening)
    {
        if (opening.MinAge is null && opening.MaxAge is null)
        {
            return new RuleOutcome(Name, true, "无年龄限制", "no age limit");
        }

        if (veteran.Age is not { } age)
        {
            return new RuleOutcome(Name, true, "年龄未知，待核实", "age unknown; to be checked");
        }

        var max = opening.MaxAge + extraYearsForVeterans;
        var passed = (opening.MinAge is null || age >= opening.MinAge) && (max is null || age <= max);
        return passed
            ? new RuleOutcome(Name, true, "年龄符合要求", "within the age limit")
            : new RuleOutcome(Name, false, $"年龄要求{opening.MinAge}-{max}岁", $"age limit {opening.MinAge}-{max}");
    }
}
