namespace JobMatch.Api.Tests.Infrastructure.Answers;

// The answers of src/JobMatch.Api/Veterans as a client reads them: only the fields the tests read.

/// <summary>A veteran's profile as the reader may see it (in clear for its owner, masked for staff and companies).</summary>
public sealed record VeteranAnswer(Guid Id, string Name, string? Gender, string? BirthDate, string? IdNumber, string? Phone,
    ServiceAnswer Service, EducationAnswer Education, CertificatesAnswer Certificates, IReadOnlyList<VeteranSkillAnswer> Skills,
    string? HomeDistrict, IReadOnlyList<ConsentAnswer> Consents, DateTime UpdatedAt);

public sealed record ServiceAnswer(string? Branch, int? Years, int? DischargeYear, IReadOnlyList<string>? Specialties);

public sealed record EducationAnswer(string? Level, string? Major, string? LevelLabel);

public sealed record CertificatesAnswer(IReadOnlyList<string>? LicenceClasses, IReadOnlyList<string>? SpecialOperations,
    IReadOnlyList<string>? SpecialEquipment, IReadOnlyList<string>? Others);

/// <summary>A skill on a profile; inferred ones name the specialty they came from.</summary>
public sealed record VeteranSkillAnswer(string Source, string? Specialty, string Label, string? SkillId, string? MatchType);

/// <summary>One line of the staff list of profiles.</summary>
public sealed record VeteranSummaryAnswer(Guid Id);

/// <summary>My copy of everything held about me.</summary>
public sealed record VeteranExportAnswer(IReadOnlyList<ProcessingAnswer> Processing, IReadOnlyList<ApplicationStepAnswer> Applications,
    VeteranAnswer Profile, IReadOnlyList<ConsentAnswer> ConsentHistory);

/// <summary>Who processed my data, by role.</summary>
public sealed record ProcessingAnswer(string Action, string ActorRole);

/// <summary>One step of one of my applications, with the company's note about it.</summary>
public sealed record ApplicationStepAnswer(string State, string? Note);

/// <summary>My consents: the answer in force per kind, and every answer given, oldest first.</summary>
public sealed record ConsentOverviewAnswer(IReadOnlyList<ConsentAnswer> Current, IReadOnlyList<ConsentAnswer> History);

/// <summary>An admin's unmasking: the identifiers in clear.</summary>
public sealed record UnmaskedAnswer(Guid Id, string? IdNumber, string? Phone);
