using Dapper;
using JobMatch.Api.Privacy;
using Npgsql;

namespace JobMatch.Api.Accounts;

/// <summary>A company a recruiter's account acts for.</summary>
public sealed record AccountCompany(Guid Id, string Name);

/// <summary>
/// An account as staff and its holder see it: phone and e-mail masked, its state (<see cref="Account.State"/>), the companies
/// of a recruiter and the mentor record of a mentor. Never its hash, stamp or authenticator key.
/// </summary>
public sealed record AccountView(
    Guid Id, string UserName, string Role, string State, string? Phone, string? Email, bool EmailConfirmed, bool TwoFactorEnabled,
    IReadOnlyList<AccountCompany> Companies, Guid? MentorId, DateTime CreatedAt);

/// <summary>A one-time code as staff hand it over, once: the code, the set-password link that carries it, and its expiry.</summary>
public sealed record AccountInvitation(string Code, string Link, DateTime ExpiresAt)
{
    public static AccountInvitation Of(IssuedCode issued, string origin) =>
        new(issued.Code, AccountLinks.SetPassword(origin, issued.Code), issued.ExpiresAt);
}

public static class AccountViews
{
    /// <summary>The views of the accounts, in their order, with their companies and mentor records.</summary>
    public static async Task<IReadOnlyList<AccountView>> OfAsync(NpgsqlConnection db, NpgsqlTransaction? tx,
        IReadOnlyList<Account> accounts)
    {
        var subjects = accounts.Select(account => account.Id.ToString()).ToArray();
        var companies = (await db.QueryAsync<(string Subject, Guid Id, string Name)>("""
            SELECT l.subject, c.id, c.name FROM recruiter_links l JOIN companies c ON c.id = l.company_id
            WHERE l.subject = ANY(@subjects) ORDER BY c.name, c.id
            """, new { subjects }, tx)).ToLookup(row => row.Subject, row => new AccountCompany(row.Id, row.Name));
        var mentors = (await db.QueryAsync<(string Subject, Guid Id)>(
            "SELECT subject, id FROM mentors WHERE subject = ANY(@subjects)", new { subjects }, tx))
            .ToDictionary(row => row.Subject, row => row.Id);
        return [.. accounts.Select(account => new AccountView(account.Id, account.UserName, account.Role, account.State,
            Masking.Phone(account.Phone), Masking.Email(account.Email), account.EmailConfirmed, account.TwoFactorEnabled,
            [.. companies[account.Id.ToString()]], mentors.TryGetValue(account.Id.ToString(), out var mentor) ? mentor : null,
            account.CreatedAt))];
    }

    public static async Task<AccountView> OfAsync(NpgsqlConnection db, NpgsqlTransaction? tx, Account account) =>
        (await OfAsync(db, tx, [account]))[0];
}
