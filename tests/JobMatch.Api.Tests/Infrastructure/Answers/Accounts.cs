namespace JobMatch.Api.Tests.Infrastructure.Answers;

// The answers of src/JobMatch.Api/Accounts as a client reads them: only the fields the tests read.

/// <summary>A sign-in or a refresh (POST /api/auth/sign-in, /api/auth/refresh): the bearer token and when it runs out.</summary>
public sealed record SignedInAnswer(string AccessToken, DateTime ExpiresAt);
