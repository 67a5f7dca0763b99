using JobMatch.Api.Conventions;

namespace JobMatch.Api.Mentoring;

/// <summary>A mentor guiding an enterprise from StartsOn; ending it sets EndsOn and keeps the record.</summary>
public sealed record Assignment(
    Guid Id, Guid MentorId, Guid EnterpriseId, DateOnly StartsOn, DateOnly? EndsOn, bool CoMentoring,
    string Reason, string? OverrideReason, string? EndReason, DateTime CreatedAt);

/// <summary>OverrideReason, when given, lets admin assign past a mentor's capacity or pause.</summary>
public sealed record CreateAssignment(
    Guid MentorId, Guid EnterpriseId, DateOnly? StartDate, [Text(AssignmentGuard.MaxReason)] string Reason, bool? CoMentoring,
    [Text(AssignmentGuard.MaxReason)] string? OverrideReason);

public sealed record EndAssignment(DateOnly? EndDate, [Text(AssignmentGuard.MaxReason)] string Reason);

public sealed record ReassignCaseload(
    Guid ToMentorId, [Text(AssignmentGuard.MaxReason)] string Reason, [Text(AssignmentGuard.MaxReason)] string? OverrideReason);

public sealed record CaseloadReassigned(Guid FromMentorId, Guid ToMentorId, IReadOnlyList<Assignment> Assignments);

public sealed record PlannedAssignment(Guid EnterpriseId, string EnterpriseName, Guid MentorId, string MentorName, int Fit, IReadOnlyList<string> Reasons);

/// <summary>An optimal proposal: no mentor past spare capacity, total fit as high as any assignment can make it.</summary>
public sealed record AssignmentPlan(
    IReadOnlyList<PlannedAssignment> Items, long TotalFit, int UnassignedEnterprises, int SpareSlots, IReadOnlyList<Guid> LeftUnassigned);

public sealed record PlanChoice(Guid MentorId, Guid EnterpriseId);

/// <summary>A pair of an accepted plan that cannot be assigned, and why (in the 409's <c>refused</c>).</summary>
public sealed record RefusedPair(Guid EnterpriseId, Guid MentorId, string Reason);

public sealed record AcceptPlan([Items(1000)] IReadOnlyList<PlanChoice> Items, [Text(AssignmentGuard.MaxReason)] string Reason);

public sealed record MentorSuggestion(
    Guid MentorId, string Name, string District, int Fit, int Capacity, long Load, bool Available, IReadOnlyList<string> Reasons);
