namespace JobMatch.Api.Tests.Infrastructure.Answers;

// The answers of src/JobMatch.Api/Auth as a client reads them: only the fields the tests read.

/// <summary>Who the token says the caller is (GET /api/me).</summary>
public sealed record MeAnswer(string Subject, string Role, IReadOnlyList<Guid> CompanyIds);
