using Dapper;
using JobMatch.Api.Privacy;
using Npgsql;

namespace JobMatch.Api.Accounts;

/// <summary>What a one-time code is for.</summary>
public static class CodePurposes
{
    public const string Invitation = "invitation";
    public const string PasswordReset = "password_reset";
    public const string EmailConfirmation = "email_confirmation";
}

/// <summary>A code as it is handed out, once: XXXX-XXXX-XXXX-XXXX, and when it stops working.</summary>
public sealed record IssuedCode(string Code, DateTime ExpiresAt);

/// <summary>What a live code was issued for: the account, the purpose, what it confirms (an e-mail address), until when.</summary>
public sealed record RedeemedCode(Guid AccountId, string Purpose, string? Payload, DateTime ExpiresAt);

/// <summary>
/// One-time codes of accounts: invitations, password resets, e-mail confirmations. 16 characters of <see cref="TypedCodes"/>,
/// about 79 bits, so guessing within the per-address budget is hopeless. Only the SHA-256 is stored; a code
/// is used once; a new code of a purpose voids the account's earlier ones of that purpose.
/// </summary>
public static class AccountCodes
{
    const int Length = 16;

    /// <summary>The longest code accepted as typed (spaces and hyphens between the groups).</summary>
    public const int MaxTyped = 40;

    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);
    public static readonly TimeSpan ResetLifetime = TimeSpan.FromHours(2);
    public static readonly TimeSpan EmailLifetime = TimeSpan.FromDays(2);

    /// <summary>A new code for the account; earlier live codes of the purpose are voided. The clear code is returned once.</summary>
    public static async Task<IssuedCode> IssueAsync(NpgsqlConnection db, NpgsqlTransaction? tx, Guid accountId, string purpose,
        TimeSpan lifetime, string issuedBy, DateTime now, string? payload = null)
    {
        await db.ExecuteAsync("""
            UPDATE account_codes SET voided_at = @now
            WHERE account_id = @accountId AND purpose = @purpose AND used_at IS NULL AND voided_at IS NULL
            """, new { accountId, purpose, now }, tx);
        var code = TypedCodes.New(Length);
        var expiresAt = now + lifetime;
        await db.ExecuteAsync("""
            INSERT INTO account_codes (id, account_id, purpose, code_hash, payload, created_at, created_by, expires_at)
            VALUES (@id, @accountId, @purpose, @hash, @payload, @now, @issuedBy, @expiresAt)
            """, new { id = Guid.CreateVersion7(), accountId, purpose, hash = Hash(code), payload, now, issuedBy, expiresAt }, tx);
        return new IssuedCode(string.Join('-', code.Chunk(4).Select(group => new string(group))), expiresAt);
    }

    /// <summary>What a live code is for, without using it (the console shows whose invitation it is); null otherwise.</summary>
    public static Task<RedeemedCode?> PeekAsync(NpgsqlConnection db, string? typed, IReadOnlyCollection<string> purposes, DateTime now) =>
        Normalize(typed) is not { } code ? Task.FromResult<RedeemedCode?>(null) : db.QuerySingleOrDefaultAsync<RedeemedCode>("""
            SELECT account_id, purpose, payload, expires_at FROM account_codes
            WHERE code_hash = @hash AND purpose = ANY(@purposes) AND used_at IS NULL AND voided_at IS NULL AND expires_at > @now
            """, new { hash = Hash(code), purposes = purposes.ToArray(), now });

    /// <summary>Uses a live code of one of the purposes: what it was for, or null (unknown, used, voided or expired).</summary>
    public static Task<RedeemedCode?> RedeemAsync(NpgsqlConnection db, NpgsqlTransaction? tx, string? typed,
        IReadOnlyCollection<string> purposes, DateTime now) =>
        Normalize(typed) is not { } code ? Task.FromResult<RedeemedCode?>(null) : db.QuerySingleOrDefaultAsync<RedeemedCode>("""
            UPDATE account_codes SET used_at = @now
            WHERE code_hash = @hash AND purpose = ANY(@purposes) AND used_at IS NULL AND voided_at IS NULL AND expires_at > @now
            RETURNING account_id, purpose, payload, expires_at
            """, new { hash = Hash(code), purposes = purposes.ToArray(), now }, tx);

    /// <summary>Voids every live code of the account (disabled, erased).</summary>
    public static Task<int> VoidAllAsync(NpgsqlConnection db, NpgsqlTransaction? tx, Guid accountId, DateTime now) =>
        db.ExecuteAsync("UPDATE account_codes SET voided_at = @now WHERE account_id = @accountId AND used_at IS NULL AND voided_at IS NULL",
            new { accountId, now }, tx);

    /// <summary>The code without spaces and hyphens, in capitals; null when it cannot be one of ours.</summary>
    public static string? Normalize(string? typed) => TypedCodes.Normalize(typed, Length, MaxTyped);

    static byte[] Hash(string code) => TypedCodes.Hash(code);
}
