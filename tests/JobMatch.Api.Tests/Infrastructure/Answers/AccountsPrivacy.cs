namespace JobMatch.Api.Tests.Infrastructure.Answers;

// The owner's copy of their built-in account (src/JobMatch.Api/Accounts/OwnAccounts.cs) as a client reads it.

/// <summary>The account in the veteran's export (GET /api/veterans/me/export): null for a token no account issued.</summary>
public sealed record ExportedAccountAnswer(AccountCopyAnswer? Account);

/// <summary>What the copy shows of the account: never its password hash, stamps or keys.</summary>
public sealed record AccountCopyAnswer(string UserName, string? Phone, string? Email, bool EmailConfirmed, DateTime CreatedAt, string State);
