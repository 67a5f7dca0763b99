namespace JobMatch.Api.Tests.Infrastructure.Answers;

// The answers of src/JobMatch.Api/Openings as a client reads them: only the fields the tests read.

public sealed record OpeningAnswer(Guid Id, Guid CompanyId, string Title, int Filled, int? Remaining, string Status, string CompanyName, string Kind,
    int? Headcount, int? SalaryMin, int? SalaryMax, string? DistrictCode, string? Education, string? EducationLabel, string? GenderNote,
    Guid? ImportBatchId);
