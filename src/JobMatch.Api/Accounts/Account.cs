namespace JobMatch.Api.Accounts;

/// <summary>
/// A built-in account, as Identity's UserManager reads and changes it (so a mutable class, not a record); one row of
/// <c>accounts</c>. Its <see cref="Id"/> is the token's <c>sub</c>; it holds exactly one role of Auth/Roles.
/// </summary>
public sealed class Account
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string UserName { get; set; } = "";
    public string NormalizedUserName { get; set; } = "";
    public string? Phone { get; set; }
    public bool PhoneConfirmed { get; set; }
    public string? Email { get; set; }
    public string? NormalizedEmail { get; set; }
    public bool EmailConfirmed { get; set; }
    public string? PasswordHash { get; set; }
    public string SecurityStamp { get; set; } = "";
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");
    public bool LockoutEnabled { get; set; } = true;
    public DateTime? LockoutEnd { get; set; }
    public int FailedCount { get; set; }
    public bool TwoFactorEnabled { get; set; }
    public string? AuthenticatorKey { get; set; }
    public string Role { get; set; } = "";
    public DateTime? DisabledAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";

    /// <summary>Where the account stands (<see cref="AccountStates"/>): the one rule for lists, sign-in and the console.</summary>
    public string State => DisabledAt is not null ? AccountStates.Disabled
        : PasswordHash is null ? AccountStates.Invited
        : Role == Auth.Roles.Veteran && !PhoneConfirmed ? AccountStates.AwaitingConfirmation
        : AccountStates.Active;
}

/// <summary>The states of an account, in the order a new account passes through them.</summary>
public static class AccountStates
{
    /// <summary>Created by staff; the invitation's first password is not set yet.</summary>
    public const string Invited = "invited";

    /// <summary>A veteran registered with a phone number that staff have not confirmed yet (until an SMS gateway does it).</summary>
    public const string AwaitingConfirmation = "awaiting_confirmation";

    public const string Active = "active";
    public const string Disabled = "disabled";

    public static readonly IReadOnlyList<string> All = [Invited, AwaitingConfirmation, Active, Disabled];

    /// <summary><see cref="Account.State"/> in SQL over a row of <c>accounts</c> (alias a), for lists filtered by state.</summary>
    public const string Sql = $"""
        CASE WHEN a.disabled_at IS NOT NULL THEN '{Disabled}' WHEN a.password_hash IS NULL THEN '{Invited}'
             WHEN a.role = '{Auth.Roles.Veteran}' AND NOT a.phone_confirmed THEN '{AwaitingConfirmation}' ELSE '{Active}' END
        """;
}

/// <summary>Configuration section "Accounts": built-in accounts and their sign-in.</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>On by default; off when Auth:Authority names an OpenID Connect issuer, unless set to true.</summary>
    public bool? Enabled { get; set; }

    public int AccessTokenMinutes { get; set; } = 15;
    public int RefreshTokenDays { get; set; } = 14;

    /// <summary>How long a request may trust what it read of an account's stamp, role and state (0: read every time).</summary>
    public int StampCacheSeconds { get; set; } = 5;

    public int SignInsPerMinutePerAddress { get; set; } = 30;

    /// <summary>The roles that must sign in with a second factor (TOTP) too; null (not configured): admin. Empty: none.</summary>
    public string[]? SecondFactorRequiredFor { get; set; }

    public IReadOnlyList<string> RolesRequiringSecondFactor => SecondFactorRequiredFor ?? [Auth.Roles.Admin];

    /// <summary>Where people open the service (https://jobs.example.gov.cn), for links handed out; else the request's own.</summary>
    public string? PublicOrigin { get; set; }

    public bool IsOn(string? authority) => Enabled ?? string.IsNullOrWhiteSpace(authority);

    public bool IsValid() => AccessTokenMinutes is > 0 and <= 60 && RefreshTokenDays is > 0 and <= 90
        && StampCacheSeconds is >= 0 and <= 60 && SignInsPerMinutePerAddress > 0
        && RolesRequiringSecondFactor.All(Auth.Roles.All.Contains)
        && (PublicOrigin is null || Uri.TryCreate(PublicOrigin, UriKind.Absolute, out var origin) && origin.Scheme is "https" or "http"
            && origin.PathAndQuery == "/" && origin.Fragment.Length == 0);

    /// <summary>The public origin without a trailing slash, or null.</summary>
    public string? Origin => PublicOrigin?.TrimEnd('/');
}
