using JobMatch.Api.Conventions;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace JobMatch.Api.Accounts;

/// <summary>A password set or changed: the new session (or the second factor's step), or what to fix, by request field.</summary>
public sealed record PasswordOutcome(Finished? Finished, Dictionary<string, string[]>? Errors);

/// <summary>
/// A password set with a one-time code (an invitation or a reset) or changed by its owner. Either way the stamp changes (live
/// tokens are refused), every refresh token of the account is revoked, and the account is signed in afresh.
/// </summary>
public sealed class PasswordChanges(UserManager<Account> users, AccountStore store, AccountSessions sessions, SecurityStamps stamps,
    NpgsqlDataSource dataSource, TimeProvider clock)
{
    public static readonly string[] CodePurposes = [Accounts.CodePurposes.Invitation, Accounts.CodePurposes.PasswordReset];

    /// <summary>The account a live code sets the password of; null for an unknown, used or expired code, or a disabled account.</summary>
    public async Task<(Account Account, RedeemedCode Code)?> PeekAsync(string code)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        return await AccountCodes.PeekAsync(db, code, CodePurposes, UtcTime()) is { } peeked
            && await store.FindByIdAsync(peeked.AccountId.ToString(), default) is { DisabledAt: null } account
            ? (account, peeked) : null;
    }

    /// <summary>
    /// Sets the password the code is for; null when the code does not work. The code is used in a transaction that ends only
    /// after the password is stored, so a refused password (or a failure) leaves it unused, and two uses of it wait on each other.
    /// </summary>
    public async Task<PasswordOutcome?> SetWithCodeAsync(string code, string password)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        var now = UtcTime();
        if (await AccountCodes.RedeemAsync(db, tx, code, CodePurposes, now) is not { } redeemed
            || await store.FindByIdAsync(redeemed.AccountId.ToString(), default) is not { DisabledAt: null } account)
        {
            return null;
        }
        if (await RefusalsAsync(account, password) is { } refusals)
        {
            return new PasswordOutcome(null, new() { ["password"] = refusals });
        }
        // Checked above, so adding cannot be refused; a reset replaces the password (Identity adds one only where there is none).
        if (account.PasswordHash is not null)
        {
            Succeeded(await users.RemovePasswordAsync(account));
        }
        Succeeded(await users.AddPasswordAsync(account, password));
        Succeeded(await users.SetLockoutEndDateAsync(account, null));
        var revoked = await EndSessionsAsync(db, account);
        await AccountAudit.WriteAsync(db, tx, account, "account.password_set",
            new { purpose = redeemed.Purpose, refreshTokensRevoked = revoked });
        await tx.CommitAsync();
        return new PasswordOutcome(await sessions.FinishAsync(db, account), null);
    }

    /// <summary>The owner's change; null when the token names no account. A wrong current password counts towards lockout.</summary>
    public async Task<PasswordOutcome?> ChangeAsync(string subject, string currentPassword, string newPassword)
    {
        if (await store.FindByIdAsync(subject, default) is not { DisabledAt: null } account)
        {
            return null;
        }
        await using var db = await dataSource.OpenConnectionAsync();
        var wasLocked = await users.IsLockedOutAsync(account);
        if (wasLocked || !await users.CheckPasswordAsync(account, currentPassword))
        {
            await AccountAudit.WriteAsync(db, null, account, "account.password_change_failed",
                new { reason = wasLocked ? "locked_out" : "wrong_password" });
            var lockedNow = !wasLocked && await sessions.FailAsync(db, account);
            return new PasswordOutcome(null, new() { ["currentPassword"] = [wasLocked || lockedNow
                ? Say.Text($"密码错误次数过多，账号已锁定 {AccountsSetup.LockoutMinutes} 分钟，请稍后再试。",
                    $"Too many wrong passwords: the account is locked for {AccountsSetup.LockoutMinutes} minutes; try again later.")
                : Say.Text("当前密码不正确：请输入您现在登录用的密码。", "The current password is wrong: type the one you sign in with now.")] });
        }
        if (await RefusalsAsync(account, newPassword) is { } refusals)
        {
            return new PasswordOutcome(null, new() { ["newPassword"] = refusals });
        }
        Succeeded(await users.ChangePasswordAsync(account, currentPassword, newPassword));
        var revoked = await EndSessionsAsync(db, account);
        await AccountAudit.WriteAsync(db, null, account, "account.password_changed", new { refreshTokensRevoked = revoked });
        return new PasswordOutcome(await sessions.FinishAsync(db, account), null);
    }

    /// <summary>What is wrong with the password as Identity's validators (length, variety, common ones) find it, in the words of
    /// <see cref="AccountErrors"/>; null if nothing.</summary>
    async Task<string[]?> RefusalsAsync(Account account, string password)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, account, password)).Errors);
        }
        return errors.Count == 0 ? null : [.. errors.Select(error => error.Description).Distinct()];
    }

    /// <summary>Every refresh token revoked; Identity changed the stamp with the password: this instance forgets the one it read.</summary>
    async Task<int> EndSessionsAsync(NpgsqlConnection db, Account account)
    {
        stamps.Forget(account.Id);
        return await RefreshTokens.RevokeAllAsync(db, account.Id, UtcTime());
    }

    static void Succeeded(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The account changed meanwhile: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }

    DateTime UtcTime() => clock.GetUtcNow().UtcDateTime;
}
