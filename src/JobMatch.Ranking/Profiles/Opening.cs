namespace JobMatch.Ranking.Profiles;

/// <summary>A job position or a training seat (e.g. an order-class seat) that a veteran can be matched to.</summary>
public enum OpeningKind
{
    Job,
    Training,
}

/// <summary>
/// What the ranker knows of an opening. Salaries are monthly yuan, already parsed from the listing's free text.
/// Age limits are kept for the eligibility policy only; a listing's gender requirement is not carried at all.
/// </summary>
public sealed record Opening(
    string Id,
    string Title,
    string Industry,
    OpeningKind Kind,
    string? DistrictCode,
    EducationLevel? MinEducation,
    IReadOnlyList<string> Majors,
    IReadOnlyList<string> RequiredSkillIds,
    IReadOnlyList<string> RequiredCertificates,
    string? RequiredLicenceClass,
    int? SalaryMin,
    int? SalaryMax,
    int Headcount,
    int Filled,
    DateTime PostedAt,
    string Text,
    int? MinAge = null,
    int? MaxAge = null)
{
    public int RemainingHeadcount => Math.Max(0, Headcount - Filled);
}
