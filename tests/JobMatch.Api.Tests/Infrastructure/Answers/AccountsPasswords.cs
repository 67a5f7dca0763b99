namespace JobMatch.Api.Tests.Infrastructure.Answers;

// The answers of setting a password with a code, one's own account and e-mail (src/JobMatch.Api/Accounts) as a client reads them.

/// <summary>POST /api/auth/set-password/check: whose password a live code sets.</summary>
public sealed record CodeForAnswer(string UserName, string Role, string Purpose, DateTime ExpiresAt);

/// <summary>GET /api/account: the caller's own account.</summary>
public sealed record OwnAccountAnswer(Guid Id, string UserName, string Role, string State, string? Phone, string? Email,
    bool EmailConfirmed, bool TwoFactorEnabled);

/// <summary>POST /api/auth/password-reset: the one answer, whatever the account.</summary>
public sealed record PasswordResetAnswer(string Detail);
