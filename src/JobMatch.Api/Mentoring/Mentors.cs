using JobMatch.Api.Conventions;
using JobMatch.Api.Privacy;
using JobMatch.Api.Taxonomy;

namespace JobMatch.Api.Mentoring;

/// <summary>A mentor as staff see it: phone masked, load = active assignments (a co-mentored enterprise counts for each mentor).</summary>
public sealed record Mentor(
    Guid Id, string Name, string[] Expertise, string[] Industries, string District, int Capacity, bool Paused,
    string? Phone, string? Subject, long Load, bool Synthetic, DateTime CreatedAt);

public sealed record CreateMentor(
    [Text(100)] string Name, [OneOf(typeof(Vocabulary), nameof(Vocabulary.Needs))] string[]? Expertise, [Text(50)] string[]? Industries,
    [District] string District, [Between(0, 50)] int Capacity, [Mobile] string? Phone,
    [Text(200)] string? Subject);

/// <summary>Only the members given change: capacity, pause, and what the mentor knows and where (which the fit reads).</summary>
public sealed record UpdateMentor(
    [Between(0, 50)] int? Capacity, bool? Paused, [OneOf(typeof(Vocabulary), nameof(Vocabulary.Needs))] string[]? Expertise,
    [Text(50)] string[]? Industries, [District] string? District);

public sealed record LinkMentor([Text(200)] string Subject);

/// <summary>One enterprise of a mentor's caseload, with when it was last seen and whether a check-in is overdue.</summary>
public sealed record CaseloadItem(
    Guid AssignmentId, Guid EnterpriseId, string Name, string Industry, string Stage, string District,
    string FounderName, string? FounderPhone, DateOnly StartsOn, bool CoMentoring,
    DateOnly? LastSessionOn, DateOnly DueOn, bool Overdue, string[] OpenNeeds);

/// <summary>A mentor as one CSV row: lists joined by spaces.</summary>
public sealed record MentorCsvRow(
    Guid Id, string Name, string Expertise, string Industries, string District, int Capacity, bool Paused, string? Phone, long Load, bool Synthetic)
{
    public static MentorCsvRow From(Mentor m) =>
        new(m.Id, m.Name, string.Join(' ', m.Expertise), string.Join(' ', m.Industries), m.District, m.Capacity, m.Paused, m.Phone, m.Load, m.Synthetic);
}
