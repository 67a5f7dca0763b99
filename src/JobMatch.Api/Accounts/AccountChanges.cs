using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace JobMatch.Api.Accounts;

/// <summary>
/// What staff change of an existing account: a new invitation or reset, disabled or enabled, another role. Each change of
/// who the account is changes its stamp, so its live tokens are refused at their next request; each is audited; none leaves
/// the service without an enabled admin account.
/// </summary>
public sealed class AccountChanges(UserManager<Account> users, AccountStore store, AccountTransaction joined, SecurityStamps stamps,
    NpgsqlDataSource dataSource, TimeProvider clock)
{
    static readonly AccountRefusal NotFound = new(404, "没有该账号。", "There is no such account.");

    static readonly AccountRefusal Changed = new(409, "该账号刚被他人修改：请刷新后重试。",
        "Someone else changed this account just now: reload it and try again.");

    /// <summary>
    /// Invites again (no password yet), or for an account with a password a staff reset: a password_reset code, the second
    /// factor cleared, and the stamp changed and refresh tokens revoked so its sessions end.
    /// </summary>
    public Task<(Account? Account, IssuedCode? Code, AccountRefusal? Refusal)> InviteAsync(Guid id, StaffActor actor) =>
        ChangeAsync(id, async (db, tx, account, now) =>
        {
            if (account.DisabledAt is not null)
            {
                return (null, new(409, "账号已停用：请先启用，再发邀请。", "The account is disabled: enable it first, then invite."));
            }
            if (account.PasswordHash is null)
            {
                var invitation = await AccountCodes.IssueAsync(db, tx, account.Id, CodePurposes.Invitation, AccountCodes.InvitationLifetime,
                    actor.Subject, now);
                await AuditLog.WriteAsync(db, tx, actor.Subject, actor.Role, "account.invited", "account", account.Id);
                return (invitation, null);
            }
            // The way back for someone who lost the phone with their authenticator: staff checked who they are, so the second
            // factor goes too and is enrolled again at the next sign-in (where the role requires it), written with the stamp.
            var secondFactorCleared = account.TwoFactorEnabled;
            account.TwoFactorEnabled = false;
            account.AuthenticatorKey = null;
            if (!(await users.UpdateSecurityStampAsync(account)).Succeeded)
            {
                return (null, Changed);
            }
            var revoked = await RefreshTokens.RevokeAllAsync(db, account.Id, now);
            var reset = await AccountCodes.IssueAsync(db, tx, account.Id, CodePurposes.PasswordReset, AccountCodes.ResetLifetime,
                actor.Subject, now);
            await AuditLog.WriteAsync(db, tx, actor.Subject, actor.Role, "account.reset_by_staff", "account", account.Id,
                new { refreshTokensRevoked = revoked, secondFactorCleared });
            return (reset, null);
        });

    /// <summary>Disables the account: its tokens refused, its refresh tokens revoked, its live codes voided.</summary>
    public async Task<(Account? Account, AccountRefusal? Refusal)> DisableAsync(Guid id, StaffActor actor)
    {
        if (actor.Subject == id.ToString())
        {
            return (null, new(409, "不能停用自己的账号：请另一位管理员操作。", "You cannot disable your own account: ask another admin to."));
        }
        var (account, _, refusal) = await ChangeAsync(id, async (db, tx, account, now) =>
        {
            if (account.DisabledAt is not null)
            {
                await AuditLog.WriteAsync(db, tx, actor.Subject, actor.Role, "account.disabled", "account", account.Id,
                    new { already = true });
                return (null, null);
            }
            if (await LastEnabledAdminAsync(db, tx, account))
            {
                return (null, LastAdmin);
            }
            account.DisabledAt = now;
            if (!(await users.UpdateSecurityStampAsync(account)).Succeeded)
            {
                return (null, Changed);
            }
            var revoked = await RefreshTokens.RevokeAllAsync(db, account.Id, now);
            var voided = await AccountCodes.VoidAllAsync(db, tx, account.Id, now);
            await AuditLog.WriteAsync(db, tx, actor.Subject, actor.Role, "account.disabled", "account", account.Id,
                new { refreshTokensRevoked = revoked, codesVoided = voided });
            return (null, null);
        });
        return (account, refusal);
    }

    public async Task<(Account? Account, AccountRefusal? Refusal)> EnableAsync(Guid id, StaffActor actor)
    {
        var (account, _, refusal) = await ChangeAsync(id, async (db, tx, account, now) =>
        {
            if (account.DisabledAt is null)
            {
                await AuditLog.WriteAsync(db, tx, actor.Subject, actor.Role, "account.enabled", "account", account.Id,
                    new { already = true });
                return (null, null);
            }
            account.DisabledAt = null;
            if (!(await users.UpdateAsync(account)).Succeeded)
            {
                return (null, Changed);
            }
            await AuditLog.WriteAsync(db, tx, actor.Subject, actor.Role, "account.enabled", "account", account.Id);
            return (null, null);
        });
        return (account, refusal);
    }

    /// <summary>Another staff role: the old role's links removed, the new role's made, the stamp changed. Not for veterans.</summary>
    public async Task<(Account? Account, AccountRefusal? Refusal)> ChangeRoleAsync(Guid id, string role, Guid? companyId, Guid? mentorId,
        StaffActor actor)
    {
        var (account, _, refusal) = await ChangeAsync(id, async (db, tx, account, now) =>
        {
            if (account.Role == Roles.Veteran)
            {
                return (null, new(409, "退役军人账号的角色不能更改。", "A veteran's account keeps its role: create a staff account instead."));
            }
            if (role != Roles.Admin && await LastEnabledAdminAsync(db, tx, account))
            {
                return (null, LastAdmin);
            }
            var from = account.Role;
            await AccountCreation.UnlinkAsync(db, tx, account);
            account.Role = role;
            if (await AccountCreation.LinkAsync(db, tx, account, companyId, mentorId, actor) is { } refused)
            {
                return (null, refused);
            }
            if (!(await users.UpdateSecurityStampAsync(account)).Succeeded)
            {
                return (null, Changed);
            }
            await AuditLog.WriteAsync(db, tx, actor.Subject, actor.Role, "account.role_changed", "account", account.Id,
                new { from, to = role, companyId, mentorId });
            return (null, null);
        });
        return (account, refusal);
    }

    static readonly AccountRefusal LastAdmin = new(409, "这是最后一个启用的管理员账号：请先创建或启用另一位管理员。",
        "This is the last enabled admin account: create or enable another admin first.");

    /// <summary>
    /// Whether the account is an enabled admin and no other is. Changes of admins wait for each other (a lock held to the end
    /// of the transaction), so two admins cannot disable each other at once.
    /// </summary>
    static async Task<bool> LastEnabledAdminAsync(NpgsqlConnection db, NpgsqlTransaction tx, Account account)
    {
        await db.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtext('accounts.enabled_admins'))", transaction: tx);
        return account.Role == Roles.Admin && account.DisabledAt is null && !await db.ExecuteScalarAsync<bool>("""
            SELECT EXISTS (SELECT 1 FROM accounts WHERE role = 'admin' AND disabled_at IS NULL AND id <> @Id)
            """, new { account.Id }, tx);
    }

    /// <summary>
    /// Reads the account and runs the change in one transaction that the store's writes join; after the commit the stamp
    /// this instance may have kept is forgotten, so the change holds from the next request.
    /// </summary>
    async Task<(Account? Account, IssuedCode? Code, AccountRefusal? Refusal)> ChangeAsync(Guid id,
        Func<NpgsqlConnection, NpgsqlTransaction, Account, DateTime, Task<(IssuedCode? Code, AccountRefusal? Refusal)>> change)
    {
        if (await store.FindByIdAsync(id.ToString(), default) is not { } account)
        {
            return (null, null, NotFound);
        }
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        joined.Current = tx;
        IssuedCode? code;
        try
        {
            (code, var refusal) = await change(db, tx, account, clock.GetUtcNow().UtcDateTime);
            if (refusal is not null)
            {
                return (null, null, refusal);
            }
            await tx.CommitAsync();
        }
        finally
        {
            joined.Current = null;
        }
        stamps.Forget(account.Id);
        return (account, code, null);
    }
}
