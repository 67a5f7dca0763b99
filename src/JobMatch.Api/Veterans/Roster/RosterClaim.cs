using System.Security.Claims;
using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using Npgsql;

namespace JobMatch.Api.Veterans.Roster;

public sealed record ClaimRequest(string? IdNumber, string? Name);

/// <summary>
/// A veteran takes over the profile the bureau's roster created for them. ID numbers are widely known in China, so the
/// name on the roster must match too (the usual two-element check). A number that is unknown, already claimed, or
/// paired with another name answers the same 404, so the endpoint tells no one whether a number is on the roster.
/// </summary>
static class RosterClaim
{
    public static async Task<Results<Ok<VeteranView>, NotFound, ValidationProblem, ProblemHttpResult>> Claim(
        ClaimRequest body, ClaimsPrincipal user, NpgsqlDataSource dataSource, VeteranStore store)
    {
        var errors = new Dictionary<string, string[]>();
        if (!ResidentId.TryParse(body.IdNumber, out var resident))
        {
            errors["idNumber"] = [Say.Text("身份证号无效：应为 18 位，出生日期有效，且校验位正确。", "Invalid ID number: 18 characters, a real birth date and a correct check character.")];
        }
        var name = body.Name?.Trim() ?? "";
        if (name.Length is 0 or > 50)
        {
            errors["name"] = [Say.Text("请填写与花名册一致的姓名。", "Give your name as the roster writes it.")];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        if (await store.BySubject(db, user.Subject(), tx) is not null)
        {
            return Problems.Conflict("您已有档案，不能再认领另一份。", "You already have a profile and cannot claim another.");
        }
        var id = await db.QuerySingleOrDefaultAsync<Guid?>("""
            SELECT id FROM veterans
            WHERE id_number_hash = @hash AND subject IS NULL AND created_batch_id IS NOT NULL AND name = @name
            FOR UPDATE
            """, new { hash = store.LookupHash(resident.Number), name }, tx);
        if (id is not { } veteranId)
        {
            return TypedResults.NotFound();
        }
        await db.ExecuteAsync("UPDATE veterans SET subject = @subject, updated_at = now() WHERE id = @veteranId",
            new { subject = user.Subject(), veteranId }, tx);
        await AuditLog.WriteAsync(db, tx, user, "veteran.claimed", "veteran", veteranId);
        var view = await store.View(db, (await store.ById(db, veteranId, tx))!, clear: false, tx);
        await tx.CommitAsync();
        return TypedResults.Ok(view);
    }
}
