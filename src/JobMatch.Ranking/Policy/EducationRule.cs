using JobMatch.Ranking.Profiles;

namespace JobMatch.Ranking.Policy;

/// <summary>
/// Minimum education, which local policy may relax for veterans by a number of levels
/// (e.g. 大专 required, 高中 accepted for veterans). An unknown level passes: the recruiter decides.
/// </summary>
public sealed class EducationRule(int relaxLevelsForVeterans) : IEligibilityRule
{
    public string Name => "minimum_education";

    public RuleOutcome Check(VeteranProfile veteran, Opening opening)
    {
        if (opening.MinEducation is not { } required)
        {
            return new RuleOutcome(Name, true, "学历不限", "no education requirement");
        }

        if (veteran.Education is not { } held)
        {
            return new RuleOutcome(Name, true, "学历未填写，待核实", "education not stated; to be checked");
        }

        var relaxed = (EducationLevel)Math.Max(0, (int)required - relaxLevelsForVeterans);
        if (held >= required)
        {
            return new RuleOutcome(Name, true, "学历符合要求", "education meets the requirement");
        }

        return held >= relaxed
            ? new RuleOutcome(Name, true, $"退役军人学历放宽至{relaxed.ToChinese()}", $"education relaxed for veterans to {relaxed}")
            : new RuleOutcome(Name, false, $"学历要求{required.ToChinese()}", $"requires {required} education");
    }
}
