namespace JobMatch.Api.Companies;

public sealed record Company(Guid Id, string Name, string? CreditCode, string? Industry, string? District, DateTime CreatedAt);

public sealed record CreateCompany(string Name, string? CreditCode, string? Industry, string? District);

public sealed record LinkRecruiter(string Subject);

public sealed record RecruiterLink(string Subject, Guid CompanyId, DateTime LinkedAt);
