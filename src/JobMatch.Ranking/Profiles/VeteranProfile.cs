namespace JobMatch.Ranking.Profiles;

/// <summary>
/// What the ranker knows of a veteran. Gender is deliberately absent; <see cref="Age"/> is read only by the
/// eligibility policy (age limits written in a listing) and never becomes a model feature.
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
    int? Age = null);
