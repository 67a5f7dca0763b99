using JobMatch.Api.Audit;
using Npgsql;

namespace JobMatch.Api.Accounts;

/// <summary>What an account did itself (signed in, failed, set a password ...): audited by its id and role, on the account.</summary>
public static class AccountAudit
{
    public static Task WriteAsync(NpgsqlConnection db, NpgsqlTransaction? tx, Account account, string action, object? details = null) =>
        AuditLog.WriteAsync(db, tx, account.Id.ToString(), account.Role, action, "account", account.Id, details);
}
