using JobMatch.Api.Conventions;
using JobMatch.Api.Taxonomy;

namespace JobMatch.Api.Openings;

// Properties rather than a positional record: Npgsql reports text[] columns as System.Array, which Dapper's
// constructor matching refuses, while property assignment takes the string[] it holds.
/// <summary>
/// A position (one title at one company) and its openings (headcount; null when unknown, 若干). Kind job or training
/// (an order-class seat). Status is open, closed or filled (its openings, or its sponsor's seat quota, all taken; see
/// OpeningStatus); past its closing date (Asia/Shanghai) it reads as closed.
/// The gender note is kept as written and never used to filter or rank.
/// </summary>
public sealed record Opening
{
    public Guid Id { get; init; }
    public Guid CompanyId { get; init; }
    public string CompanyName { get; init; } = "";
    public string? Industry { get; init; }
    public Guid? FairId { get; init; }
    public Guid? ProgramId { get; init; }
    public string Kind { get; init; } = "";
    public string Title { get; init; } = "";
    public int? Headcount { get; init; }
    public int Filled { get; init; }
    public int? Remaining { get; init; }
    public string? Duties { get; init; }
    public string? Requirements { get; init; }
    public string[] Skills { get; init; } = [];
    /// <summary>The minimum education's code (docs/CONVENTIONS.md); null when none is required.</summary>
    public string? Education { get; init; }
    public string? EducationLabel => EducationCodes.Label(Education);
    public string[] Majors { get; init; } = [];
    public short? AgeMin { get; init; }
    public short? AgeMax { get; init; }
    public string? DistrictCode { get; init; }
    public string Location { get; init; } = "";
    public int? SalaryMin { get; init; }
    public int? SalaryMax { get; init; }
    public string? SalaryText { get; init; }
    public string[] Certificates { get; init; } = [];
    public bool VeteranPreference { get; init; }
    public string? GenderNote { get; init; }
    public string? Notes { get; init; }
    public DateOnly? ClosesOn { get; init; }
    public string Status { get; init; } = "";
    public Guid? ImportBatchId { get; init; }
    public int? SourceRow { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}

/// <summary>A recruiter's or admin's posting. Salary may be given as text (4000-6000元/月, 面议...) or as min/max.</summary>
public sealed record OpeningInput(Guid CompanyId, [Text(200)] string Title, [Between(1, 100_000)] int? Headcount, string? Duties,
    string? Requirements, string[]? Skills, string? Education, string[]? Majors, [Between(14, 80)] short? AgeMin,
    [Between(14, 80)] short? AgeMax, string? District, [Text(200)] string? Location, [Text(100)] string? Salary,
    [AtLeast(0)] int? SalaryMin, int? SalaryMax, string[]? Certificates, bool? VeteranPreference, [Text(50)] string? Gender, string? Notes,
    DateOnly? ClosesOn, Guid? FairId, [OneOf(typeof(OpeningInput), nameof(OpeningInput.Kinds))] string? Kind)
{
    internal static readonly string[] Kinds = [Applications.ApplicationStates.Job, Applications.ApplicationStates.Training];
}

/// <summary>A position as a CSV row: lists joined with 、 (CSV has no arrays; CsvHelper would drop them).</summary>
public sealed record OpeningCsvRow(Guid Id, string CompanyName, string Kind, string Title, int? Headcount, int? Remaining, string? Education,
    string? EducationLabel, string Skills, string Majors, string Certificates, string? DistrictCode, string Location, int? SalaryMin, int? SalaryMax, string? SalaryText,
    bool VeteranPreference, DateOnly? ClosesOn, string Status, Guid? FairId, Guid? ProgramId)
{
    public static OpeningCsvRow From(Opening o) => new(o.Id, o.CompanyName, o.Kind, o.Title, o.Headcount, o.Remaining, o.Education, o.EducationLabel,
        string.Join('、', o.Skills), string.Join('、', o.Majors), string.Join('、', o.Certificates), o.DistrictCode, o.Location,
        o.SalaryMin, o.SalaryMax, o.SalaryText, o.VeteranPreference, o.ClosesOn, o.Status, o.FairId, o.ProgramId);
}
