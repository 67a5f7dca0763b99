namespace JobMatch.Api.Tests.Infrastructure.Answers;

// The staff's account answers (src/JobMatch.Api/Accounts/AccountsApi.cs) as a client reads them.

public sealed record AccountCompanyAnswer(Guid Id, string Name);

/// <summary>GET /api/accounts/{id}, and the items of GET /api/accounts.</summary>
public sealed record AccountAnswer(
    Guid Id, string UserName, string Role, string State, string? Phone, string? Email, bool EmailConfirmed, bool TwoFactorEnabled,
    IReadOnlyList<AccountCompanyAnswer> Companies, Guid? MentorId, DateTime CreatedAt);

/// <summary>A one-time code as staff hand it over (POST /api/accounts/{id}/invitation).</summary>
public sealed record AccountInvitationAnswer(string Code, string Link, DateTime ExpiresAt);

/// <summary>POST /api/accounts.</summary>
public sealed record CreatedAccountAnswer(AccountAnswer Account, AccountInvitationAnswer Invitation);
