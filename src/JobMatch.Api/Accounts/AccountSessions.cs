using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Npgsql;

namespace JobMatch.Api.Accounts;

/// <summary>What a sign-in or a refresh hands out: the bearer token in the body, the refresh token in a cookie.</summary>
public sealed record Session(string AccessToken, DateTime ExpiresAt, string RefreshToken, DateTime RefreshExpiresAt);

/// <summary>What a proved password leads to: a session, or the second factor's step before one (exactly one of them).</summary>
public sealed record Finished(Session? Session, SecondFactorStep? SecondFactor);

/// <summary>
/// Sign-in, refresh and sign-out of built-in accounts, each audited. Every refusal of a sign-in is one answer (null), so the
/// caller cannot tell an unknown account from a wrong password, a locked or a disabled one.
/// </summary>
public sealed class AccountSessions(UserManager<Account> users, AccountStore store, DecoyAccount decoy, SecurityStamps stamps,
    NpgsqlDataSource dataSource, IOptions<AuthOptions> auth, IOptions<AccountOptions> options, TimeProvider clock)
{
    public const string Anonymous = "anonymous";

    /// <summary>A session or the second factor's step, or none; AwaitingConfirmation when the password was right but staff
    /// have not confirmed the veteran's phone yet (<see cref="Account.State"/>): the one refusal that may be told, as only the
    /// password's owner sees it.</summary>
    public async Task<(Finished? Finished, bool AwaitingConfirmation)> SignInAsync(string name, string password)
    {
        var account = await store.FindByNameOrPhoneAsync(users.NormalizeName(name.Trim()) ?? "", PhoneNumber.Normalize(name));
        // The same password-hash work whatever follows: an unknown account, or one without a password yet, is checked against
        // the decoy's hash (Identity skips the hash when there is none).
        var checkedAgainst = account is { PasswordHash: not null } ? account : decoy.Account;
        var passwordMatches = await users.CheckPasswordAsync(checkedAgainst, password) && checkedAgainst == account;
        var refusal = account is null ? "unknown_account"
            : account.DisabledAt is not null ? "disabled"
            : await users.IsLockedOutAsync(account) ? "locked_out"
            : !passwordMatches ? "wrong_password"
            : account.State == AccountStates.AwaitingConfirmation ? AccountStates.AwaitingConfirmation : null;
        await using var db = await dataSource.OpenConnectionAsync();
        if (account is null || refusal is not null)
        {
            await AuditLog.WriteAsync(db, null, account?.Id.ToString() ?? Anonymous, account?.Role ?? Anonymous,
                "account.sign_in_failed", "account", account?.Id, new { reason = refusal });
            // The same database work whatever the refusal: a wrong password counts its failure; any other refusal counts one
            // against a stand-in that is never stored (the same validation read and the same UPDATE, which matches no row).
            if (account is null || refusal != "wrong_password")
            {
                await users.AccessFailedAsync(decoy.StandIn());
            }
            else
            {
                await FailAsync(db, account);
            }
            return (null, refusal == AccountStates.AwaitingConfirmation);
        }
        return (await FinishAsync(db, account), false);
    }

    /// <summary>
    /// The one step after an account proved its password (a sign-in, a first password from an invitation, a reset): the
    /// second factor's step when the account has one or its role requires one (<see cref="SecondFactors"/>), else
    /// <see cref="SignedInAsync"/>. The failure count stays until the second factor is passed too, so that wrong codes
    /// after right passwords add up to a lockout.
    /// </summary>
    public async Task<Finished> FinishAsync(NpgsqlConnection db, Account account) =>
        account.TwoFactorEnabled || options.Value.RolesRequiringSecondFactor.Contains(account.Role)
            ? new Finished(null, await SecondFactorChallenges.IssueAsync(db, account, UtcTime()))
            : new Finished(await SignedInAsync(db, account), null);

    /// <summary>An account that proved all it must: the failure count cleared, the sign-in audited, a new session started.</summary>
    internal async Task<Session> SignedInAsync(NpgsqlConnection db, Account account)
    {
        if (account.FailedCount > 0)
        {
            await users.ResetAccessFailedCountAsync(account);
        }
        await AccountAudit.WriteAsync(db, null, account, "account.signed_in");
        return await StartAsync(db, account, Guid.CreateVersion7());
    }

    /// <summary>
    /// Counts a wrong password or second-factor code; true when it locked the account, which is then audited. Another request
    /// may have counted one since the account was read (the store refuses a stale write): read it again and count on top, so
    /// parallel guesses are all counted.
    /// </summary>
    internal async Task<bool> FailAsync(NpgsqlConnection db, Account account)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if ((await users.AccessFailedAsync(account)).Succeeded)
            {
                if (!await users.IsLockedOutAsync(account))
                {
                    return false;
                }
                await AccountAudit.WriteAsync(db, null, account, "account.locked_out", new { minutes = AccountsSetup.LockoutMinutes });
                return true;
            }
            if (await store.FindByIdAsync(account.Id.ToString(), default) is not { } fresh)
            {
                return false;
            }
            account = fresh;
        }
        return false;
    }

    /// <summary>A new session in the refresh token's family, or null (and a reused token ends its family).</summary>
    public async Task<Session?> RefreshAsync(string refreshToken)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        var use = await RefreshTokens.UseAsync(db, refreshToken, UtcTime());
        if (use is null)
        {
            return null;
        }
        var account = await store.FindByIdAsync(use.AccountId.ToString(), default);
        if (use.Reused || account is null || account.DisabledAt is not null)
        {
            await AuditLog.WriteAsync(db, null, use.AccountId.ToString(), account?.Role ?? Anonymous,
                use.Reused ? "account.refresh_reused" : "account.refresh_refused", "account", use.AccountId, new { family = use.FamilyId });
            return null;
        }
        return await StartAsync(db, account, use.FamilyId);
    }

    /// <summary>Ends the refresh token's family; false when there was none to end.</summary>
    public async Task<bool> SignOutAsync(string refreshToken)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        if (await RefreshTokens.RevokeFamilyAsync(db, refreshToken, UtcTime()) is not { } accountId
            || await store.FindByIdAsync(accountId.ToString(), default) is not { } account)
        {
            return false;
        }
        await AccountAudit.WriteAsync(db, null, account, "account.signed_out");
        return true;
    }

    /// <summary>Ends every family and changes the stamp, so live access tokens are refused too; false for no such account.</summary>
    public async Task<bool> SignOutEverywhereAsync(string subject)
    {
        if (await store.FindByIdAsync(subject, default) is not { } account)
        {
            return false;
        }
        await users.UpdateSecurityStampAsync(account);
        stamps.Forget(account.Id);
        await using var db = await dataSource.OpenConnectionAsync();
        var families = await RefreshTokens.RevokeAllAsync(db, account.Id, UtcTime());
        await AccountAudit.WriteAsync(db, null, account, "account.signed_out_everywhere",
            new { refreshTokensRevoked = families });
        return true;
    }

    async Task<Session> StartAsync(NpgsqlConnection db, Account account, Guid familyId)
    {
        var lifetime = TimeSpan.FromMinutes(options.Value.AccessTokenMinutes);
        var issuedAt = UtcTime();
        var token = TokenIssuer.Issue(auth.Value, account.Role, account.Id.ToString(), lifetime, clock, account.SecurityStamp);
        var (refresh, refreshExpiresAt) = await RefreshTokens.IssueAsync(db, account.Id, familyId, issuedAt,
            TimeSpan.FromDays(options.Value.RefreshTokenDays));
        return new Session(token, issuedAt + lifetime, refresh, refreshExpiresAt);
    }

    DateTime UtcTime() => clock.GetUtcNow().UtcDateTime;
}

/// <summary>
/// An account that is never stored, with the hash of a random password made once at start-up: an unknown account's
/// sign-in checks the password against it, so it costs the same hash work as a wrong password.
/// </summary>
public sealed class DecoyAccount
{
    public DecoyAccount(IOptions<PasswordHasherOptions> options)
    {
        // A name made at random, so no real account can take it and make the stand-in's update answer otherwise.
        Account = new Account { UserName = "decoy-" + Guid.NewGuid().ToString("N") };
        var password = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        Account.PasswordHash = new PasswordHasher<Account>(options).HashPassword(Account, password);
    }

    public Account Account { get; }

    /// <summary>A fresh unstored account with the decoy's name and hash, for a refusal's failure count (which no row takes).</summary>
    public Account StandIn() => new() { UserName = Account.UserName, PasswordHash = Account.PasswordHash };
}
