using System.Security.Claims;
using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using JobMatch.Api.Privacy;
using Microsoft.Net.Http.Headers;
using Npgsql;

namespace JobMatch.Api.Veterans.Roster;

/// <summary>A claim code as staff see it, once: ABCDE-FGHJK, to hand to the veteran before it expires.</summary>
public sealed record ClaimCodeIssued(Guid VeteranId, string Code, DateTime ExpiresAt);

/// <summary>
/// The code that claims a roster profile. 10 characters from 31 without look-alikes (no 0 O 1 I L): about 49 bits, so the
/// 5 failed claims an ID number allows are hopeless. Only its SHA-256 is stored; single use, 14 days, one per profile.
/// </summary>
static class ClaimCodes
{
    const int Length = 10;
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    /// <summary>The longest code accepted as typed (spaces and hyphens between the groups).</summary>
    public const int MaxTyped = 20;

    /// <summary>The code without spaces and hyphens, in capitals; null when it is not one of ours.</summary>
    public static string? Normalize(string? typed) => TypedCodes.Normalize(typed, Length, MaxTyped);

    public static byte[] Hash(string code) => TypedCodes.Hash(code);

    /// <summary>
    /// Staff issue a code for an unclaimed roster profile; it replaces the one before and gives the ID number its 5
    /// failed claims afresh. The answer is the only place the code ever appears: not stored, logged or audited, not cached.
    /// </summary>
    public static async Task<Results<Ok<ClaimCodeIssued>, NotFound, ProblemHttpResult>> Issue(
        Guid id, HttpResponse response, ClaimsPrincipal user, NpgsqlDataSource dataSource, TimeProvider clock)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        var found = await db.QuerySingleOrDefaultAsync<Claimable>("""
            SELECT subject IS NULL AND created_batch_id IS NOT NULL AND id_number_hash IS NOT NULL AS unclaimed, id_number_hash
            FROM veterans WHERE id = @id FOR UPDATE
            """, new { id }, tx);
        if (found is null)
        {
            return TypedResults.NotFound();
        }
        if (!found.Unclaimed)
        {
            return Problems.Conflict("该档案已与登录账号关联，或并非由花名册导入，无需认领码。",
                "This profile is linked to a login already, or no roster created it: it takes no claim code.");
        }
        var (code, expiresAt) = await StoreNewAsync(db, tx, id, found.IdNumberHash!, user.Subject(), clock.GetUtcNow().UtcDateTime);
        await AuditLog.WriteAsync(db, tx, user, "veteran.claim_code_issued", "veteran", id, new { expiresAt });
        await tx.CommitAsync();
        response.Headers[HeaderNames.CacheControl] = "no-store";
        // Handed over by staff for now. Once notifications exist, a sender to the roster phone takes the code from
        // StoreNewAsync here instead, and the answer then says it was sent.
        return TypedResults.Ok(new ClaimCodeIssued(id, code[..5] + "-" + code[5..], expiresAt));
    }

    sealed record Claimable(bool Unclaimed, byte[]? IdNumberHash);

    /// <summary>A new random code for the profile, replacing its last; returns the code in clear, which the caller hands on.</summary>
    static async Task<(string Code, DateTime ExpiresAt)> StoreNewAsync(NpgsqlConnection db, NpgsqlTransaction tx, Guid veteranId,
        byte[] numberHash, string staff, DateTime now)
    {
        var code = TypedCodes.New(Length);
        var expiresAt = now + Lifetime;
        await db.ExecuteAsync("""
            INSERT INTO claim_codes (veteran_id, code_hash, issued_by, issued_at, expires_at) VALUES (@veteranId, @hash, @staff, @now, @expiresAt)
            ON CONFLICT (veteran_id) DO UPDATE
            SET code_hash = excluded.code_hash, issued_by = excluded.issued_by, issued_at = excluded.issued_at, expires_at = excluded.expires_at
            """, new { veteranId, hash = Hash(code), staff, now, expiresAt }, tx);
        await IdNumberAttempts.ForgiveNumberAsync(db, tx, numberHash);
        return (code, expiresAt);
    }
}
