using System.Security.Claims;
using JobMatch.Api.Applications;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using JobMatch.Api.Privacy;
using JobMatch.Api.Taxonomy;
using Npgsql;

namespace JobMatch.Api.Veterans;

/// <summary>Bureau staff search and read profiles masked, and unmask one for a stated reason; recruiters read their live applicants only.</summary>
static class VeteransAdminApi
{
    public static async Task<Results<Ok<Page<VeteranSummary>>, CsvResult<VeteranSummary>, ValidationProblem>> List(
        HttpRequest request, NpgsqlDataSource dataSource, IdNumberVault vault, TimeProvider clock,
        string? q, [Text(18)] string? idNumber, [Text(20)] string? phone, [District] string? district,
        [OneOf(typeof(ServiceBranches), nameof(ServiceBranches.Names), Loose = true)] string? branch,
        [OneOf(typeof(Vocabulary), nameof(Vocabulary.Statuses), Loose = true)] string? status, bool? synthetic, string? cursor,
        int? limit)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = VeteranSearch.Check(new VeteranSearch.Query(q, idNumber, phone, district, branch, status, synthetic), vault, clock, errors);
        if (!Paging.TryDecode(cursor, out var after))
        {
            return Paging.InvalidCursor();
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var page = await VeteranSearch.PageAsync(dataSource, vault, filter, after, Paging.Clamp(limit));
        return Listing.WantsCsv(request) ? Listing.Csv(page, "veterans.csv") : TypedResults.Ok(page);
    }

    /// <summary>
    /// Admin: any profile, masked. Recruiter: only through a live application to their company (applying shares the
    /// profile with that company; sharing with recruiters alone puts the veteran in candidate lists, masked, and opens
    /// nothing); otherwise 404, as for a missing one.
    /// </summary>
    public static async Task<Results<Ok<VeteranView>, NotFound>> GetById(Guid id, ClaimsPrincipal user, NpgsqlDataSource dataSource, VeteranStore store)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        if (await store.ById(db, id) is not { } row)
        {
            return TypedResults.NotFound();
        }
        if (user.IsAdmin())
        {
            return TypedResults.Ok(await store.View(db, row, clear: false));
        }
        return await ApplicationAccess.RecruiterReadsVeteran(db, user, id)
            ? TypedResults.Ok(await store.RecruiterView(db, row))
            : TypedResults.NotFound();
    }

    public static async Task<Results<Ok<Unmasked>, NotFound, ValidationProblem>> Unmask(
        Guid id, UnmaskRequest body, ClaimsPrincipal user, NpgsqlDataSource dataSource, VeteranStore store)
    {
        var reason = body.Reason?.Trim() ?? "";
        if (reason.Length is < 4 or > 200)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["reason"] = [Say.Text("请说明查看完整信息的理由（4–200 字）。", "State why you need the identifiers in clear (4–200 characters).")],
            });
        }
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        if (await store.ById(db, id, tx) is not { } row)
        {
            return TypedResults.NotFound();
        }
        var idNumber = store.ClearIdNumber(row);
        // The reason goes to the audit log, which holds no personal data: refuse one that quotes the person, or any number.
        if (AuditLog.QuotesPerson(reason, row.Name, idNumber, row.Phone))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["reason"] = [Say.Text(
                    "理由会写入审计日志：不能包含姓名、身份证号、手机号或 11 位以上的数字（中间加空格、横线或点也算）。请写明用途，例如“核对退役安置材料”。",
                    "The reason goes to the audit log: it must not contain a name, an ID number, a phone or 11 or more digits (spaces, " +
                    "dashes or dots between them count too). Write what you need it for instead, e.g. \"checking resettlement papers\".")],
            });
        }
        await AuditLog.WriteAsync(db, tx, user, "veteran.unmasked", "veteran", id, new { reason });
        await tx.CommitAsync();
        return TypedResults.Ok(new Unmasked(id, idNumber, row.Phone));
    }
}
