namespace JobMatch.Api.Tests.Infrastructure.Answers;

// The answers of src/JobMatch.Api/Companies as a client reads them: only the fields the tests read.

public sealed record CompanyAnswer(Guid Id, string Name, string? CreditCode, bool VeteranFounded, string? DistrictCode, string? ContactPhone);
