using System.Security.Claims;
using System.Security.Cryptography;
using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using JobMatch.Api.Privacy;
using Npgsql;

namespace JobMatch.Api.Veterans.Roster;

public sealed record ClaimRequest([Text(18)] string? IdNumber, string? Name, [Text(ClaimCodes.MaxTyped)] string? Code);

/// <summary>
/// A veteran takes over the profile the bureau's roster created for them, with the claim code staff gave them. ID numbers
/// are widely known in China, and the name, birth date and district leave only 1,000 to try, so the name on the roster
/// and the code must match too, and failures are budgeted (<see cref="IdNumberAttempts"/>). An unknown number, a claimed
/// profile, another name, a wrong, replaced, expired or used code: each answers the same 404 and counts as a failure, so
/// the answer tells no one which part was wrong, nor whether the number is on the roster.
/// </summary>
static class RosterClaim
{
    sealed record Candidate(Guid Id, string Name, byte[] CodeHash, DateTime ExpiresAt);

    public static async Task<Results<Ok<VeteranView>, ValidationProblem, ProblemHttpResult>> Claim(
        ClaimRequest body, ClaimsPrincipal user, HttpResponse response, NpgsqlDataSource dataSource, VeteranStore store, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        if (!ResidentId.TryParse(body.IdNumber, clock, out var resident))
        {
            errors["idNumber"] = [Say.Text("身份证号无效：应为 18 位，出生日期有效，且校验位正确。", "Invalid ID number: 18 characters, a real birth date and a correct check character.")];
        }
        var name = body.Name?.Trim() ?? "";
        if (name.Length is 0 or > 50)
        {
            errors["name"] = [Say.Text("请填写与花名册一致的姓名。", "Give your name as the roster writes it.")];
        }
        var code = ClaimCodes.Normalize(body.Code);
        if (code is null)
        {
            errors["code"] = [Say.Text("请填写退役军人服务中心提供的认领码：10 位字母和数字，如 ABCDE-FGHJK。",
                "Give the claim code the veterans service centre gave you: 10 letters and digits, such as ABCDE-FGHJK.")];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return await LinkAsync(user, response, dataSource, store, store.LookupHash(resident.Number), name, code!,
            clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>
    /// Links the profile when number, name and code all match and neither the caller nor the number is out of attempts; else
    /// 409 (the caller has a profile), 429, or the one 404 that counts as a failure.
    /// </summary>
    static async Task<Results<Ok<VeteranView>, ValidationProblem, ProblemHttpResult>> LinkAsync(ClaimsPrincipal user, HttpResponse response,
        NpgsqlDataSource dataSource, VeteranStore store, byte[] numberHash, string name, string code, DateTime now)
    {
        var subject = user.Subject();
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        if (await store.BySubject(db, subject, tx) is not null)
        {
            return Problems.Conflict("您已有档案，不能再认领另一份。", "You already have a profile and cannot claim another.");
        }
        await IdNumberAttempts.LockAsync(db, tx, subject, numberHash);
        if (await IdNumberAttempts.CallerBlockedUntil(db, tx, subject, now) is { } callerUntil)
        {
            return IdNumberAttempts.CallerRefused(response, callerUntil, now);
        }
        if (await IdNumberAttempts.NumberBlockedUntil(db, tx, numberHash, now) is { } numberUntil)
        {
            return IdNumberAttempts.NumberRefused(response, numberUntil, now);
        }
        var candidate = await db.QuerySingleOrDefaultAsync<Candidate>("""
            SELECT v.id, v.name, c.code_hash, c.expires_at
            FROM veterans v JOIN claim_codes c ON c.veteran_id = v.id
            WHERE v.id_number_hash = @numberHash AND v.subject IS NULL AND v.created_batch_id IS NOT NULL
            FOR UPDATE OF v, c
            """, new { numberHash }, tx);
        if (candidate is null || candidate.Name != name || candidate.ExpiresAt <= now
            || !CryptographicOperations.FixedTimeEquals(candidate.CodeHash, ClaimCodes.Hash(code)))
        {
            await IdNumberAttempts.RecordAsync(db, tx, subject, IdNumberAttempts.Claim, numberHash, now);
            await tx.CommitAsync();
            return TypedResults.Problem(statusCode: 404, title: "Not found", detail: Say.Text(
                $"没有与该身份证号、姓名和认领码都相符的待认领档案。请核对后重试，或向退役军人服务中心索取新的认领码；24 小时内失败 {IdNumberAttempts.Budget} 次后将暂停认领。",
                $"No unclaimed roster profile matches this ID number, name and claim code. Check them and retry, or ask the veterans "
                + $"service centre for a new claim code; after {IdNumberAttempts.Budget} failures in 24 hours claims are paused."));
        }
        // The code is used up by the claim it links: two claims with it at once, one wins (the rows are locked above).
        await db.ExecuteAsync("""
            DELETE FROM claim_codes WHERE veteran_id = @id;
            UPDATE veterans SET subject = @subject, updated_at = now() WHERE id = @id;
            """, new { subject, candidate.Id }, tx);
        await AuditLog.WriteAsync(db, tx, user, "veteran.claimed", "veteran", candidate.Id);
        var view = await store.View(db, (await store.ById(db, candidate.Id, tx))!, clear: false, tx);
        await tx.CommitAsync();
        return TypedResults.Ok(view);
    }
}
