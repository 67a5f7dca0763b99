using JobMatch.Api.Conventions;
using JobMatch.Api.Privacy;
using JobMatch.Api.Taxonomy;

namespace JobMatch.Api.Veterans;

/// <summary>What a veteran sends to create or replace their profile. Every part but the name is optional.</summary>
public sealed record VeteranInput(
    [Text(50)] string Name,
    [Text(18)] string? IdNumber,
    string? Phone,
    ServiceRecord? Service,
    EducationRecord? Education,
    CertificateRecord? Certificates,
    [Items(20), Text(50)] IReadOnlyList<string>? Skills,
    [District] string? HomeDistrict,
    PreferenceRecord? Preferences,
    [OneOf(typeof(Vocabulary), nameof(Vocabulary.Statuses), Loose = true)] string? Status,
    [Items(ConsentInput.MostPerProfile)] IReadOnlyList<ConsentInput>? Consents); // known kinds, each once

public sealed record ServiceRecord(
    [OneOf(typeof(ServiceBranches), nameof(ServiceBranches.Names), Loose = true)] string? Branch, [Between(0, 40)] int? Years,
    [Year(1950)] int? DischargeYear, string? Rank, [Items(20), Text(50)] IReadOnlyList<string>? Specialties);

public sealed record EducationRecord([Education] string? Level, string? Major);

/// <summary>Education as shown: the level's code and its label (docs/CONVENTIONS.md), the major.</summary>
public sealed record EducationView(string? Level, string? Major)
{
    public string? LevelLabel => EducationCodes.Label(Level);
}

public sealed record CertificateRecord(
    [Items(20), OneOf(typeof(Vocabulary), nameof(Vocabulary.LicenceClasses))] IReadOnlyList<string>? LicenceClasses,
    [Items(20), Text(50)] IReadOnlyList<string>? SpecialOperations, [Items(20), Text(50)] IReadOnlyList<string>? SpecialEquipment,
    [Items(20), Text(50)] IReadOnlyList<string>? Others);

public sealed record PreferenceRecord(
    [Items(20), District] IReadOnlyList<string>? Districts,
    [Items(20), Text(50)] IReadOnlyList<string>? Industries, [Between(0, 1_000_000)] int? MinMonthlySalary,
    [Items(20), OneOf(typeof(Vocabulary), nameof(Vocabulary.Seeking), Loose = true)] IReadOnlyList<string>? Seeking);

/// <summary>A profile as shown. IdNumber and Phone are masked unless the reader is the veteran (or an admin unmasking).</summary>
public sealed record VeteranView(
    Guid Id,
    string Name,
    string? Gender,
    string? BirthDate,
    string? IdNumber,
    string? Phone,
    ServiceRecord Service,
    EducationView Education,
    CertificateRecord Certificates,
    IReadOnlyList<VeteranSkill> Skills,
    string? HomeDistrict,
    PreferenceRecord Preferences,
    string Status,
    IReadOnlyList<ConsentState> Consents,
    bool Synthetic,
    DateTime CreatedAt,
    DateTime UpdatedAt);

/// <summary>A skill on a profile: canonical (SkillId) or free text; inferred ones name their specialty and match type ("most duties" / "some duties").</summary>
public sealed record VeteranSkill(string Label, string? SkillId, string Source, string? MatchType, string? Specialty);

/// <summary>One line of the admin list, identifiers masked.</summary>
public sealed record VeteranSummary(
    Guid Id, string Name, string? IdNumber, string? Phone, string? Branch, string? HomeDistrict, string? EducationLevel, string Status, bool Synthetic, DateTime CreatedAt)
{
    public string? EducationLevelLabel => EducationCodes.Label(EducationLevel);
}

public sealed record UnmaskRequest([Text(200)] string Reason);

public sealed record Unmasked(Guid Id, string? IdNumber, string? Phone);

/// <summary>
/// The profile row as stored (ID number still encrypted). Properties rather than a positional record: Npgsql reports
/// text[] columns as System.Array, which Dapper's constructor matching refuses.
/// </summary>
sealed record VeteranRow
{
    public Guid Id { get; init; }
    public string? Subject { get; init; }
    public bool Synthetic { get; init; }
    public string Name { get; init; } = "";
    public string? Gender { get; init; }
    public string? BirthDate { get; init; }
    public byte[]? IdNumberCipher { get; init; }
    public string? Phone { get; init; }
    public string? Branch { get; init; }
    public int? ServiceYears { get; init; }
    public int? DischargeYear { get; init; }
    public string? Rank { get; init; }
    public string[] Specialties { get; init; } = [];
    public string? EducationLevel { get; init; }
    public string? Major { get; init; }
    public string[] LicenceClasses { get; init; } = [];
    public string[] SpecialOperations { get; init; } = [];
    public string[] SpecialEquipment { get; init; } = [];
    public string[] OtherCertificates { get; init; } = [];
    public string? HomeDistrict { get; init; }
    public string[] PreferredDistricts { get; init; } = [];
    public string[] PreferredIndustries { get; init; } = [];
    public int? MinMonthlySalary { get; init; }
    public string[] Seeking { get; init; } = [];
    public string Status { get; init; } = "";
    public string[] DismissedSkills { get; init; } = [];
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}
