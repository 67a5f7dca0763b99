using JobMatch.Api.Taxonomy;
using JobMatch.Ranking.Policy;
using JobMatch.Ranking.Profiles;

namespace JobMatch.Api.Matching;

/// <summary>
/// The eligibility rules of one opening as SQL parameters, so candidate generation for a position reads only veterans
/// the rules could pass: a licence class that covers the required one, education at or above the relaxed minimum (or
/// unknown), a birth date within the age limits extended for veterans (or unknown). Never stricter than the rules,
/// which still judge every candidate; a day of slack on each age bound absorbs how the rule counts birthdays.
/// </summary>
public sealed record CandidateEligibility(string[]? Licences, string[]? Levels, DateOnly? BornAfter, DateOnly? BornOnOrBefore)
{
    public const string Sql = """
        (@licences::text[] IS NULL OR v.licence_classes && @licences)
        AND (@levels::text[] IS NULL OR v.education_level IS NULL OR v.education_level = ANY(@levels))
        AND (v.birth_date IS NULL OR ((@bornAfter::date IS NULL OR v.birth_date > @bornAfter)
                                  AND (@bornOnOrBefore::date IS NULL OR v.birth_date <= @bornOnOrBefore)))
        """;

    public static CandidateEligibility For(Opening opening, EligibilityOptions rules, DateOnly today)
    {
        var licences = rules.RequireLicenceClass && !string.IsNullOrWhiteSpace(opening.RequiredLicenceClass)
            ? LicenceClassRule.ClassesCovering(opening.RequiredLicenceClass) : null;
        var levels = opening.MinEducation is { } minimum
            ? EducationCodes.CodesAtLeast((EducationLevel)Math.Max(0, (int)minimum - rules.EducationRelaxLevelsForVeterans)) : null;
        // Age A passes when MinAge <= A <= MaxAge + extra: born on or before today - MinAge years, after today - (max + 1) years.
        var bornOnOrBefore = opening.MinAge is { } min ? today.AddYears(-min).AddDays(1) : (DateOnly?)null;
        var bornAfter = opening.MaxAge is { } max ? today.AddYears(-(max + rules.AgeExtraYearsForVeterans + 1)).AddDays(-1) : (DateOnly?)null;
        return new CandidateEligibility(licences, levels, bornAfter, bornOnOrBefore);
    }
}
