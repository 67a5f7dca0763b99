namespace JobMatch.Api.Mentoring;

/// <summary>
/// A veteran-founded enterprise (军创企业). The founder's phone is always shown masked; FounderVeteranId refers to a
/// veteran profile where one exists.
/// </summary>
public sealed record Enterprise(
    Guid Id, string Name, string? CreditCode, string FounderName, string? FounderPhone, Guid? FounderVeteranId,
    string Industry, string Stage, string District, int Employees, string[] Needs, bool DemonstrationBase, Guid? CompanyId,
    Guid[] MentorIds, DateOnly? LastSessionOn, bool Overdue, bool Synthetic, DateTime CreatedAt);

public sealed record CreateEnterprise(
    string Name, string? CreditCode, string FounderName, string? FounderPhone, Guid? FounderVeteranId,
    string Industry, string Stage, string District, int? Employees, string[]? Needs, bool? DemonstrationBase, Guid? CompanyId);

/// <summary>One mentoring session as the mentor logged it.</summary>
public sealed record Session(
    Guid Id, Guid EnterpriseId, Guid MentorId, DateOnly HeldOn, decimal Hours, string Format, string[] Topics,
    string[] NeedsAddressed, string? NextSteps, DateTime CreatedAt);

public sealed record LogSession(
    DateOnly? Date, decimal Hours, string Format, string[]? Topics, string[]? NeedsAddressed, string? NextSteps);
