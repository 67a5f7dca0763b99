namespace JobMatch.Api.Tests.Infrastructure.Answers;

// The answers of issue 22 part 2 (contact once the veteran chose the company) as a client reads them.

/// <summary>An application with the applicant's phone as the reader may see it, and whether it is shared with the company now.</summary>
public sealed record ApplicantPhoneAnswer(Guid Id, string State, string? ApplicantPhone, bool PhoneShared);

public sealed record ApplicantPhoneDetailAnswer(ApplicantPhoneAnswer Application);

/// <summary>One consent answer with the company it names (only the phone consent given on applying names one).</summary>
public sealed record CompanyConsentAnswer(string Kind, bool Granted, string TextVersion, string? Company);

public sealed record CompanyConsentExportAnswer(IReadOnlyList<CompanyConsentAnswer> ConsentHistory);

public sealed record CompanyConsentOverviewAnswer(IReadOnlyList<CompanyConsentAnswer> Current, IReadOnlyList<CompanyConsentAnswer> History);
