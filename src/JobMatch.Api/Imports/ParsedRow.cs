namespace JobMatch.Api.Imports;

/// <summary>A line of the report: rejected (not imported), duplicate (imported once), warning (imported, flagged), updated.</summary>
public sealed record ImportProblem(int RowNumber, string? Column, string? Value, string Severity, string Problem)
{
    public const string Rejected = "rejected";
    public const string Duplicate = "duplicate";
    public const string Warning = "warning";
    public const string Updated = "updated";
}

/// <summary>The company a row names, as written.</summary>
public sealed record CompanyCells(string Name, string NormalizedName, string? CreditCode, string? Industry, bool VeteranFounded,
    string? ContactName, string? ContactPhone, string? DistrictCode);

/// <summary>The position a row describes, parsed.</summary>
public sealed record PositionCells(string Title, int? Headcount, string? Duties, string? Requirements, string[] Skills, string? Education,
    string[] Majors, short? AgeMin, short? AgeMax, string? DistrictCode, string Location, int? SalaryMin, int? SalaryMax,
    string? SalaryText, string[] Certificates, bool VeteranPreference, string? GenderNote, string? Notes, DateOnly? ClosesOn)
{
    /// <summary>Value equality including the arrays: an identical row twice is a duplicate, not a conflict.</summary>
    public string Signature() => string.Join('\u001f', Title, Headcount, Duties, Requirements, string.Join('\u001e', Skills), Education,
        string.Join('\u001e', Majors), AgeMin, AgeMax, DistrictCode, Location, SalaryMin, SalaryMax, SalaryText,
        string.Join('\u001e', Certificates), VeteranPreference, GenderNote, Notes, ClosesOn);
}

public sealed record ParsedRow(int RowNumber, CompanyCells Company, PositionCells Position);
