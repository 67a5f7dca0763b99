namespace JobMatch.Api.Mentoring;

/// <summary>The whole programme on one day: every mentor's load, every enterprise's status, sessions per month.</summary>
public sealed record MentoringReport(
    DateOnly Today, int OverdueDays, ReportTotals Totals, IReadOnlyList<MentorLoad> Mentors,
    IReadOnlyList<EnterpriseStatus> Enterprises, IReadOnlyList<MonthlySessions> Months);

public sealed record ReportTotals(
    int Mentors, int Enterprises, int Assigned, int Unassigned, int Overdue, int MentorsOverCapacity, long Sessions, decimal Hours);

public sealed record MentorLoad(Guid MentorId, string Name, string District, int Capacity, long Load, bool Paused, bool OverCapacity, long Overdue);

/// <summary>Status is unassigned (no active mentor), overdue or on_track.</summary>
public sealed record EnterpriseStatus(
    Guid EnterpriseId, string Name, string District, string Industry, string Status, int Mentors, DateOnly? LastSessionOn, DateOnly? DueOn);

/// <summary>Month is yyyy-MM of the session date (Asia/Shanghai).</summary>
public sealed record MonthlySessions(string Month, long Sessions, decimal Hours);

/// <summary>The report as one flat table for CSV: a section column says which part each row belongs to.</summary>
public sealed record ReportRow(
    string Section, string Key, string Name, string? District, string? Status, int? Capacity, long? Load, long? Overdue,
    DateOnly? LastSessionOn, DateOnly? DueOn, long? Sessions, decimal? Hours);
