using JobMatch.Api.Conventions;
using JobMatch.Api.Privacy;
using JobMatch.Api.Taxonomy;

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
    [Text(200)] string Name, [Text(18)] string? CreditCode, [Text(100)] string FounderName, [Mobile] string? FounderPhone,
    Guid? FounderVeteranId, [Text(50)] string Industry, [OneOf(typeof(Vocabulary), nameof(Vocabulary.Stages))] string Stage,
    [District] string District, [Between(0, 100_000)] int? Employees,
    [OneOf(typeof(Vocabulary), nameof(Vocabulary.Needs))] string[]? Needs, bool? DemonstrationBase, Guid? CompanyId);

/// <summary>Only the members given change: an enterprise grows, its needs move on, it may register a company later.</summary>
public sealed record UpdateEnterprise(
    [OneOf(typeof(Vocabulary), nameof(Vocabulary.Stages))] string? Stage, [Between(0, 100_000)] int? Employees,
    [OneOf(typeof(Vocabulary), nameof(Vocabulary.Needs))] string[]? Needs, bool? DemonstrationBase, Guid? CompanyId,
    Guid? FounderVeteranId);

/// <summary>One mentoring session as the mentor logged it.</summary>
public sealed record Session(
    Guid Id, Guid EnterpriseId, Guid MentorId, DateOnly HeldOn, decimal Hours, string Format, string[] Topics,
    string[] NeedsAddressed, string? NextSteps, DateTime CreatedAt);

public sealed record LogSession(
    DateOnly? Date, decimal Hours, [OneOf(typeof(Vocabulary), nameof(Vocabulary.SessionFormats))] string Format,
    [Items(20), Text(200)] string[]? Topics, [OneOf(typeof(Vocabulary), nameof(Vocabulary.Needs))] string[]? NeedsAddressed,
    [Text(2000)] string? NextSteps);

/// <summary>An enterprise as one CSV row: needs joined by spaces, mentors counted.</summary>
public sealed record EnterpriseCsvRow(
    Guid Id, string Name, string? CreditCode, string FounderName, string? FounderPhone, string Industry, string Stage, string District,
    int Employees, string Needs, bool DemonstrationBase, int Mentors, DateOnly? LastSessionOn, bool Overdue, bool Synthetic)
{
    public static EnterpriseCsvRow From(Enterprise e) =>
        new(e.Id, e.Name, e.CreditCode, e.FounderName, e.FounderPhone, e.Industry, e.Stage, e.District, e.Employees,
            string.Join(' ', e.Needs), e.DemonstrationBase, e.MentorIds.Length, e.LastSessionOn, e.Overdue, e.Synthetic);
}
