namespace JobMatch.Api.Companies;

/// <summary>A company; the contact phone is only ever shown masked (138****5678).</summary>
public sealed record Company(Guid Id, string Name, string? CreditCode, string? Industry, string? District, DateTime CreatedAt,
    bool VeteranFounded, string? DistrictCode, string? ContactName, string? ContactPhone);

public sealed record CreateCompany(string Name, string? CreditCode, string? Industry, string? District,
    bool? VeteranFounded = null, string? ContactName = null, string? ContactPhone = null);

public sealed record LinkRecruiter(string Subject);

public sealed record RecruiterLink(string Subject, Guid CompanyId, DateTime LinkedAt);
