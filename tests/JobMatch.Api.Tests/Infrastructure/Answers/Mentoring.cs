namespace JobMatch.Api.Tests.Infrastructure.Answers;

// The answers of src/JobMatch.Api/Mentoring as a client reads them: only the fields the tests read.

/// <summary>A mentor (phone masked for staff, whole for the mentor); load = active assignments.</summary>
public sealed record MentorAnswer(Guid Id, IReadOnlyList<string> Expertise, IReadOnlyList<string> Industries, string District, int Capacity,
    bool Paused, string? Phone, long Load);

/// <summary>A veteran-founded enterprise, founder's phone masked.</summary>
public sealed record EnterpriseAnswer(Guid Id, string FounderName, string? FounderPhone, string Industry, string Stage, string District,
    IReadOnlyList<string> Needs, bool DemonstrationBase, Guid? CompanyId, IReadOnlyList<Guid> MentorIds, bool Overdue);

/// <summary>One enterprise of a mentor's caseload (dates as yyyy-MM-dd).</summary>
public sealed record CaseloadItemAnswer(Guid EnterpriseId, string? FounderPhone, string? LastSessionOn, string DueOn, bool Overdue,
    IReadOnlyList<string> OpenNeeds);

public sealed record AssignmentAnswer(Guid Id, string? EndsOn, bool CoMentoring, string? OverrideReason, string? EndReason);

public sealed record CaseloadReassignedAnswer(IReadOnlyList<AssignmentAnswer> Assignments);

public sealed record SessionAnswer(decimal Hours);

public sealed record AssignmentPlanAnswer(IReadOnlyList<PlannedAssignmentAnswer> Items, long TotalFit);

public sealed record PlannedAssignmentAnswer(Guid EnterpriseId, Guid MentorId, int Fit);

public sealed record MentorSuggestionAnswer(Guid MentorId, int Fit, IReadOnlyList<string> Reasons);

public sealed record MentoringReportAnswer(MentoringTotalsAnswer Totals, IReadOnlyList<MentorLoadAnswer> Mentors,
    IReadOnlyList<EnterpriseStatusAnswer> Enterprises, IReadOnlyList<MonthlySessionsAnswer> Months);

public sealed record MentoringTotalsAnswer(int Mentors, int Enterprises, int Assigned, int Unassigned, long Sessions);

public sealed record MentorLoadAnswer(long Load);

public sealed record EnterpriseStatusAnswer(int Mentors);

public sealed record MonthlySessionsAnswer(string Month);
