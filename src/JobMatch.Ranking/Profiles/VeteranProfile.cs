namespace JobMatch.Ranking.Profiles;

/// <summary>
/// What the ranker knows of a veteran. Gender is deliberately absent; <see cref="Age"/> is read only by the
/// eligibility policy (age limits written in a listing) and never becomes a model feature.
/// <see cref="CertificatesRecorded"/> says whether <see cref="Certificates"/> was ever recorded (a roster's certificate
/// column, even blank, or a profile): an unrecorded list is unknown, not empty, and a required certificate is then to be checked.
/// </summary>
public sealed record VeteranProfile(
    string Id,
    string? DistrictCode,
    EducationLevel? Education,
    string? Major,
    IReadOnlyList<string> SkillIds,
    IReadOnlyList<string> Specialties,
    IReadOnlyList<string> Certificates,
    int? MinMonthlySalary,
    IReadOnlyList<string> PreferredIndustries,
    IReadOnlyList<OpeningKind> PreferredKinds,
    string ProfileText,
    int? Age = null,
    IReadOnlyList<string>? PreferredDistricts = null,
    bool CertificatesRecorded = true)
{
    public IReadOnlyList<string> PreferredDistrictCodes => PreferredDistricts ?? [];
}
