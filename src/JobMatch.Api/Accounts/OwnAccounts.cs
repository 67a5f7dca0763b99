using System.Security.Claims;
using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Privacy;
using Npgsql;

namespace JobMatch.Api.Accounts;

/// <summary>The caller's built-in account as the owner's copy shows it: never its password hash, stamps or keys.</summary>
public sealed record AccountCopy(string UserName, string? Phone, string? Email, bool EmailConfirmed, DateTime CreatedAt, string State);

/// <summary>
/// A person's rights over their built-in account, exercised with their veteran's profile (Veterans/VeteranRights): its copy
/// in the export, and its erasure with the profile. A subject no account issued (the <c>token</c> command, OIDC) has none.
/// </summary>
public static class OwnAccounts
{
    /// <summary>The caller's account, or null; the copy is audited on the account, as the profile's is on the profile.</summary>
    public static async Task<AccountCopy?> CopyAsync(NpgsqlConnection db, ClaimsPrincipal user)
    {
        if (await FindAsync(db, null, user) is not { } account)
        {
            return null;
        }
        await AuditLog.WriteAsync(db, null, user, "account.exported", "account", account.Id);
        return new AccountCopy(account.UserName, account.Phone, account.Email, account.EmailConfirmed, account.CreatedAt, account.State);
    }

    /// <summary>
    /// In the caller's transaction: the phone and e-mail removed (a user name that is the phone too, replaced by a neutral
    /// one), the password, second factor and pending e-mail of its codes gone, the account disabled with a new stamp, its
    /// refresh tokens revoked and its codes voided. The account's id, or null when the caller has none: once committed, the
    /// caller has <see cref="SecurityStamps.Forget"/> it, so its tokens are refused at once here too.
    /// </summary>
    public static async Task<Guid?> EraseAsync(NpgsqlConnection db, NpgsqlTransaction tx, ClaimsPrincipal user, DateTime now)
    {
        if (await FindAsync(db, tx, user) is not { } account)
        {
            return null;
        }
        var userName = account.Phone is not null && PhoneNumber.Normalize(account.UserName) == account.Phone
            ? "erased-" + account.Id.ToString("N") : account.UserName;
        // Written here rather than through UserManager, whose store would write outside the erasure's transaction: a new
        // security stamp, and a new concurrency stamp so that a copy read before cannot write the phone back.
        await db.ExecuteAsync("""
            UPDATE accounts SET user_name = @userName, normalized_user_name = upper(@userName),
                phone = NULL, phone_confirmed = false, email = NULL, normalized_email = NULL, email_confirmed = false,
                password_hash = NULL, two_factor_enabled = false, authenticator_key = NULL,
                security_stamp = @stamp, concurrency_stamp = @concurrency, disabled_at = coalesce(disabled_at, @now)
            WHERE id = @id;
            UPDATE account_codes SET payload = NULL WHERE account_id = @id;
            """, new
        {
            id = account.Id, userName, now, stamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
            concurrency = Guid.NewGuid().ToString("N"),
        }, tx);
        var codes = await AccountCodes.VoidAllAsync(db, tx, account.Id, now);
        var families = await RefreshTokens.RevokeAllAsync(db, account.Id, now); // the transaction's connection: in it
        await AuditLog.WriteAsync(db, tx, user, "account.erased", "account", account.Id,
            new { codesVoided = codes, refreshTokensRevoked = families });
        return account.Id;
    }

    /// <summary>The caller's account; in a transaction, locked until it ends.</summary>
    static async Task<Account?> FindAsync(NpgsqlConnection db, NpgsqlTransaction? tx, ClaimsPrincipal user) =>
        Guid.TryParse(user.Subject(), out var id) ? await db.QuerySingleOrDefaultAsync<Account>(
            $"SELECT {AccountStore.Columns} FROM accounts WHERE id = @id {(tx is null ? "" : "FOR UPDATE")}", new { id }, tx) : null;
}
