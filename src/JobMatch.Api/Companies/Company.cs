using JobMatch.Api.Conventions;
using JobMatch.Api.Privacy;

namespace JobMatch.Api.Companies;

/// <summary>A company; the contact phone is only ever shown masked (138****5678).</summary>
public sealed record Company(Guid Id, string Name, string? CreditCode, string? Industry, string? District, DateTime CreatedAt,
    bool VeteranFounded, string? DistrictCode, string? ContactName, string? ContactPhone);

public sealed record CreateCompany([Text(200)] string Name, [Text(18)] string? CreditCode, string? Industry, string? District,
    bool? VeteranFounded = null, string? ContactName = null,
    [Pattern(PhoneNumber.ContactPattern, MaxLength = 30, Trim = true)] string? ContactPhone = null);

public sealed record LinkRecruiter([Text(200)] string Subject);

public sealed record RecruiterLink(string Subject, Guid CompanyId, DateTime LinkedAt);

/// <summary>
/// PUT body: what the bureau records about a company. A contact phone left out (or empty) keeps the stored one, which
/// is only ever shown masked; veteranFounded left out keeps it as it is. The credit code stays as registered.
/// </summary>
public sealed record UpdateCompany([Text(200)] string Name, [Text(100)] string? Industry, [Text(200)] string? District,
    [Text(100)] string? ContactName = null, [Pattern(PhoneNumber.ContactPattern, MaxLength = 30, Trim = true)] string? ContactPhone = null,
    bool? VeteranFounded = null);
