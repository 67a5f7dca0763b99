using JobMatch.Ranking.Profiles;

namespace JobMatch.Ranking.Simulation;

/// <summary>A simulated veteran with what the ranker never sees: the skills they really have.</summary>
internal sealed record HiddenVeteran(VeteranProfile Profile, HashSet<string> TrueSkills);

/// <summary>
/// The simulator's ground truth of how well an opening suits a veteran. It reads the veteran's true skills, which
/// profiles only partly declare, and it is never a feature: features see only the profile and the listing.
/// </summary>
internal static class HiddenUtility
{
    public static double Of(HiddenVeteran veteran, OpeningTemplate template, Opening opening, Func<string?, string?, double?> distanceKm, DateTime asOf)
    {
        var v = veteran.Profile;
        var coverage = template.Skills.Count(veteran.TrueSkills.Contains) / (double)template.Skills.Length;
        var u = 2.4 * coverage;

        // Commuting across the city is worth it only for well-paid work.
        var distance = distanceKm(v.DistrictCode, opening.DistrictCode) ?? 30;
        var lowPay = (opening.SalaryMax ?? opening.SalaryMin ?? 4000) < 5500;
        u += v.DistrictCode == opening.DistrictCode ? 0.6 : -(lowPay ? 0.04 : 0.01) * distance;

        var offer = ((opening.SalaryMin ?? 4000) + (opening.SalaryMax ?? opening.SalaryMin ?? 4000)) / 2.0;
        var minimum = v.MinMonthlySalary ?? 4000;
        u += 1.4 * Math.Clamp((offer - minimum) / minimum, -1, 0.5);

        if (opening.MinEducation is { } required && v.Education is { } held)
        {
            u += held < required ? -0.9 : held - required >= 2 ? -0.4 : 0;
        }

        if (v.PreferredIndustries.Count > 0)
        {
            u += v.PreferredIndustries.Contains(opening.Industry) ? 0.8 : -0.2;
        }

        if (v.PreferredKinds.Count > 0)
        {
            u += v.PreferredKinds.Contains(opening.Kind) ? 0.3 : -0.9;
        }

        // Degree-plus-job classes draw veterans without a college degree and bore those who have one.
        if (opening.Kind == OpeningKind.Training)
        {
            u += v.Education <= EducationLevel.HighSchool ? 0.6 : -0.6;
        }

        if (opening.RequiredCertificates.Count > 0)
        {
            var holds = opening.RequiredCertificates.Count(c => v.Certificates.Any(h => h.Contains(c, StringComparison.Ordinal)));
            u += 0.6 * ((double)holds / opening.RequiredCertificates.Count) - 0.3;
        }

        if (opening.Majors.Count > 0 && v.Major is not null && opening.Majors.Contains(v.Major))
        {
            u += 0.4;
        }

        u += (asOf - opening.PostedAt).TotalDays < 14 ? 0.1 : 0;
        return u;
    }
}
