namespace JobMatch.Api.Openings;

/// <summary>
/// A position (one title at one company) and its openings (headcount; null when unknown, 若干). Kind job or training
/// (an order-class seat). Status is open, closed or filled; past its closing date (Asia/Shanghai) it reads as closed.
/// The gender note is kept as written and never used to filter or rank.
/// </summary>
public sealed record Opening(Guid Id, Guid CompanyId, string CompanyName, string? Industry, Guid? FairId, Guid? ProgramId, string Kind,
    string Title, int? Headcount, int Filled, int? Remaining, string? Duties, string? Requirements, string[] Skills, string? Education,
    string[] Majors, short? AgeMin, short? AgeMax, string? DistrictCode, string Location, int? SalaryMin, int? SalaryMax,
    string? SalaryText, string[] Certificates, bool VeteranPreference, string? GenderNote, string? Notes, DateOnly? ClosesOn,
    string Status, Guid? ImportBatchId, int? SourceRow, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>A recruiter's or admin's posting. Salary may be given as text (4000-6000元/月, 面议...) or as min/max.</summary>
public sealed record OpeningInput(Guid CompanyId, string Title, int? Headcount, int? Filled, string? Duties, string? Requirements,
    string[]? Skills, string? Education, string[]? Majors, short? AgeMin, short? AgeMax, string? District, string? Location,
    string? Salary, int? SalaryMin, int? SalaryMax, string[]? Certificates, bool? VeteranPreference, string? Gender, string? Notes,
    DateOnly? ClosesOn, Guid? FairId, string? Kind);
