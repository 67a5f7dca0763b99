using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;

namespace JobMatch.Api.Accounts;

/// <summary>What presenting a refresh token found: the account and family it continues, or why it cannot.</summary>
public sealed record RefreshUse(Guid AccountId, Guid FamilyId, bool Reused);

/// <summary>
/// Rotating refresh tokens: 32 random bytes handed out once (an httpOnly cookie), kept as their SHA-256. A token is used
/// once; presenting a used one again revokes its whole family, since one of the two presenters holds a copy.
/// </summary>
public static class RefreshTokens
{
    public const string Cookie = "jm_refresh";
    public const string CookiePath = "/api/auth";

    public static async Task<(string Token, DateTime ExpiresAt)> IssueAsync(
        NpgsqlConnection db, Guid accountId, Guid familyId, DateTime now, TimeSpan lifetime)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var expiresAt = now + lifetime;
        await db.ExecuteAsync("""
            INSERT INTO refresh_tokens (id, token_hash, family_id, account_id, issued_at, expires_at)
            VALUES (@id, @hash, @familyId, @accountId, @now, @expiresAt)
            """, new { id = Guid.CreateVersion7(), hash = Hash(token), familyId, accountId, now, expiresAt });
        return (token, expiresAt);
    }

    /// <summary>
    /// Uses the token: its account and family when it is live (unused, unrevoked, unexpired); when it was used before, its
    /// family is revoked and the answer says so; null when it is unknown, revoked or expired.
    /// </summary>
    public static async Task<RefreshUse?> UseAsync(NpgsqlConnection db, string token, DateTime now)
    {
        var hash = Hash(token);
        if (await db.QuerySingleOrDefaultAsync<TokenRow>("""
            UPDATE refresh_tokens SET used_at = @now
            WHERE token_hash = @hash AND used_at IS NULL AND revoked_at IS NULL AND expires_at > @now
            RETURNING account_id, family_id
            """, new { hash, now }) is { } live)
        {
            return new RefreshUse(live.AccountId, live.FamilyId, Reused: false);
        }
        if (await db.QuerySingleOrDefaultAsync<TokenRow>("""
            SELECT account_id, family_id FROM refresh_tokens WHERE token_hash = @hash AND used_at IS NOT NULL
            """, new { hash }) is not { } used)
        {
            return null;
        }
        await db.ExecuteAsync("UPDATE refresh_tokens SET revoked_at = @now WHERE family_id = @FamilyId AND revoked_at IS NULL",
            new { used.FamilyId, now });
        return new RefreshUse(used.AccountId, used.FamilyId, Reused: true);
    }

    /// <summary>Revokes the family of the token (sign out); the account it belonged to, or null for an unknown token.</summary>
    public static Task<Guid?> RevokeFamilyAsync(NpgsqlConnection db, string token, DateTime now) =>
        db.QuerySingleOrDefaultAsync<Guid?>("""
            WITH family AS (SELECT family_id, account_id FROM refresh_tokens WHERE token_hash = @hash),
                 revoked AS (UPDATE refresh_tokens SET revoked_at = @now
                             WHERE family_id IN (SELECT family_id FROM family) AND revoked_at IS NULL)
            SELECT account_id FROM family
            """, new { hash = Hash(token), now });

    /// <summary>Revokes every family of the account (sign out everywhere).</summary>
    public static Task<int> RevokeAllAsync(NpgsqlConnection db, Guid accountId, DateTime now) =>
        db.ExecuteAsync("UPDATE refresh_tokens SET revoked_at = @now WHERE account_id = @accountId AND revoked_at IS NULL",
            new { accountId, now });

    sealed record TokenRow(Guid AccountId, Guid FamilyId);

    static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
