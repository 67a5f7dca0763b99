namespace JobMatch.Api.Tests.Infrastructure.Answers;

// The answers of src/JobMatch.Api/WebConsole, and the small reads the console added elsewhere (the import history, a
// company's recruiter links), as a client reads them: only the fields the tests read.

/// <summary>
/// What the console needs before sign-in: whether the demo sign-in is on, the OIDC client (null without an authority), and
/// whether built-in accounts sign in.
/// </summary>
public sealed record ConsoleSettingsAnswer(bool DemoSignIn, OidcClientAnswer? Oidc, bool Accounts);

public sealed record OidcClientAnswer(string Authority, string ClientId, string Scope);

/// <summary>A user the demo sign-in offers.</summary>
public sealed record DemoUserAnswer(string Role, string Subject);

/// <summary>The token the demo sign-in hands out.</summary>
public sealed record DemoTokenAnswer(string Token);

/// <summary>One batch of the import history.</summary>
public sealed record ImportHistoryAnswer(Guid Id, string FileName, string Status, int PositionsCreated, string CreatedBy, DateTime? RevertedAt);

/// <summary>A recruiter linked to a company.</summary>
public sealed record RecruiterLinkAnswer(string Subject, Guid CompanyId);
