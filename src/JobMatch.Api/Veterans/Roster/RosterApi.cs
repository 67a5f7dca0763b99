using System.Security.Claims;
using System.Text.Json;
using Dapper;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using JobMatch.Api.Imports;
using JobMatch.Api.Privacy;
using JobMatch.Api.Taxonomy;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace JobMatch.Api.Veterans.Roster;

public sealed record RosterCounts(int RowsRead, int RowsRejected, int RowsDuplicate, int VeteransCreated, int VeteransUpdated, int VeteransUnchanged);

/// <summary>A roster import batch (an import_batches row of kind roster). Status: completed, or preview for a dry run.
/// ConsentTextVersion: the version its consent columns were recorded under, null when they were not.</summary>
public sealed record RosterBatch(Guid Id, string FileName, string Format, string? Encoding, string Status, int RowsTotal, RosterCounts Counts,
    string? ConsentTextVersion, DateTime? CreatedAt, IReadOnlyList<ImportProblem>? Problems);

/// <summary>
/// The bureau's veteran roster through the listings import engine: the same sheet reader (CSV in UTF-8 or GBK, XLSX
/// with merged cells and zip-bomb guards), size limits, batches, dry run and row report; rows checked by the profile rules.
/// </summary>
public static class RosterApi
{
    internal static IEndpointRouteBuilder MapVeteranRoster(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<ImportOptions>>().Value;
        var group = app.MapGroup("/api/veterans").WithTags("Veterans");
        group.MapPost("/imports", Import).AcceptsUpload(options, Uploads.Mapping, RosterConsents.VersionField)
            .RequireAuthorization(Policies.Admin).AcceptsIdempotencyKey()
            .WithSummary("Import the bureau's veteran roster (CSV or XLSX, field file, optional mapping and consentTextVersion); "
                + "?dryRun=true writes nothing (admin)")
            .WithDescription("consentTextVersion names the consent text version the veterans signed on the paper form: the "
                + "consent columns (同意推荐给用人单位, 同意智能匹配) are then recorded as signed_form answers; without it they are reported as ignored.");
        group.MapGet("/imports/{id:guid}", GetById).RequireAuthorization(Policies.Admin)
            .WithSummary("A roster import batch with its counts; its report lines are at /api/imports/{id}/errors (admin)");
        group.MapGet("/roster-basis", () => TypedResults.Ok(RosterBasis.Text)).RequireAuthorization(Policies.AnyRole)
            .WithSummary("The text of the bureau's basis for holding a roster veteran's sensitive data (version roster-2026)");
        group.MapPost("/me/claim", RosterClaim.Claim).RequireAuthorization(Policies.Veteran).AcceptsIdempotencyKey()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Link an unclaimed roster profile to me: my ID number, my name as on the roster and the claim code staff gave me")
            .WithDescription("Any mismatch (number, name, code; a used, replaced or expired code; a claimed profile) answers the same 404. "
                + "After 5 failures in 24 hours by the caller, or 5 with this ID number since its last code, claims answer 429 with "
                + "Retry-After (up to 24 hours), even with the right answer; a new code from staff reopens the ID number.");
        // No Idempotency-Key: a replayed answer would be a stored copy of the code.
        group.MapPost("/{id:guid}/claim-code", ClaimCodes.Issue).RequireAuthorization(Policies.Admin)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Issue the claim code of an unclaimed roster profile, shown once (no-store) to hand to the veteran; "
                + "single use, valid 14 days, replaces the last one (admin)");
        return app;
    }

    static async Task<Results<Created<RosterBatch>, Ok<RosterBatch>, ValidationProblem, ProblemHttpResult>> Import(bool? dryRun, HttpRequest request,
        ClaimsPrincipal user, NpgsqlDataSource dataSource, IOptions<ImportOptions> importOptions, ReferenceData data, IdNumberVault vault,
        TimeProvider clock, CancellationToken ct)
    {
        var options = importOptions.Value;
        var (upload, refusal) = await Uploads.ReadAsync<RosterField>(request, options, """{"idNumber":"证件号码"}""", ct);
        if (refusal is { Problem: { } problem })
        {
            return problem;
        }
        if (refusal is { Invalid: { } invalid })
        {
            return invalid;
        }
        if (RosterConsents.ReadVersion(request.Form, out var consentTextVersion) is { } unknownVersion)
        {
            return unknownVersion;
        }
        return await RosterImport.RunAsync(upload!, consentTextVersion, dryRun ?? false, request.HttpContext.Response, user, dataSource,
            options, data, vault, clock, ct);
    }

    static async Task<Results<Ok<RosterBatch>, NotFound>> GetById(Guid id, NpgsqlDataSource dataSource)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        return await FindAsync(db, null, id) is { } batch ? TypedResults.Ok(batch) : TypedResults.NotFound();
    }

    internal static async Task<RosterBatch?> FindAsync(NpgsqlConnection db, NpgsqlTransaction? tx, Guid id)
    {
        var row = await db.QuerySingleOrDefaultAsync<BatchRow>("""
            SELECT id, file_name, format, encoding, status, rows_total, rows_read, rows_rejected, rows_duplicate,
                   veterans_created, veterans_updated, veterans_unchanged, consent_text_version, created_at
            FROM import_batches WHERE id = @id AND kind = 'roster'
            """, new { id }, tx);
        return row is null ? null : new RosterBatch(row.Id, row.FileName, row.Format, row.Encoding, row.Status, row.RowsTotal,
            new RosterCounts(row.RowsRead, row.RowsRejected, row.RowsDuplicate, row.VeteransCreated, row.VeteransUpdated, row.VeteransUnchanged),
            row.ConsentTextVersion, row.CreatedAt, null);
    }

    sealed record BatchRow(Guid Id, string FileName, string Format, string? Encoding, string Status, int RowsTotal, int RowsRead, int RowsRejected,
        int RowsDuplicate, int VeteransCreated, int VeteransUpdated, int VeteransUnchanged, string? ConsentTextVersion, DateTime CreatedAt);
}
