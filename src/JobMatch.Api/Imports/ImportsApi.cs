using System.Security.Claims;
using System.Text.Json;
using Dapper;
using JobMatch.Api.Auth;
using JobMatch.Api.Companies;
using JobMatch.Api.Conventions;
using JobMatch.Api.Programs;
using Microsoft.Extensions.Options;
using Npgsql;

namespace JobMatch.Api.Imports;

public static class ImportsApi
{
    public static IEndpointRouteBuilder MapImports(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<ImportOptions>>().Value;
        app.MapPost("/api/job-fairs/{id:guid}/imports", ImportIntoFair).WithTags("Imports").AcceptsUpload(options, Uploads.Mapping)
            .RequireAuthorization(Policies.AdminOrRecruiter).AcceptsIdempotencyKey()
            .WithSummary("Import a CSV or XLSX of positions into a job fair (?dryRun=true previews and writes nothing)")
            .WithDescription(UploadRules);
        app.MapPost("/api/programs/{id:guid}/imports", ImportIntoProgram).WithTags("Imports").AcceptsUpload(options, Uploads.Mapping)
            .RequireAuthorization(Policies.AdminOrRecruiter).AcceptsIdempotencyKey()
            .WithSummary("Import a CSV or XLSX of training seats into an order-class program (?dryRun=true previews)")
            .WithDescription(UploadRules + " Rows are kept only for the program's sponsors that you act for (admin: any sponsor), and only "
                + "while the sponsor's training positions offer no more than its seat quota; other rows are rejected, naming the quota "
                + "and what remains.");

        var group = app.MapGroup("/api/imports").WithTags("Imports").RequireAuthorization(Policies.AdminOrRecruiter);
        group.MapGet("/{id:guid}", GetById).WithSummary("An import batch: status, progress, counts and reconciliation (admin or its uploader)");
        group.MapGet("/{id:guid}/errors", ImportProblems.List).WithSummary("The batch's report lines: row, column, value and problem; JSON or CSV");
        group.MapDelete("/{id:guid}", ImportRevert.Revert).WithSummary("Revert a batch, restoring the values it replaced (the latest batch of its source first)");
        app.MapImportHistory();
        return app;
    }

    const string UploadRules = "A recruiter imports only their companies' rows, and one linked to no company is refused (403) "
        + "before the file is read. Into a fair, a recruiter's upload is their share of the sheet: the answer's share counts the rows "
        + "of their companies (rowsTheirs) and of other companies (rowsOtherCompanies, not imported and not reported as errors); "
        + "with none of theirs, share.canCommit is false with the reason, and the commit is refused (422). Their positions already "
        + "in the fair are reported as already listed and not added again. The same file again by the same uploader answers the earlier batch. A recruiter's daily quota (Imports:RecruiterFilesPerDay files and Imports:RecruiterRowsPerDay "
        + "data rows, from midnight Shanghai time; a dry run is checked, not counted) answers 429 with resetsAt and Retry-After when used up; staff have none. "
        + "A cell over 32,767 characters (Excel's limit) or of over 1,000 text runs refuses the file (422), naming the cell.";

    static Task<Results<Created<ImportBatch>, Ok<ImportBatch>, NotFound, ValidationProblem, ProblemHttpResult>> ImportIntoFair(Guid id,
        bool? dryRun, HttpRequest request, ClaimsPrincipal user, NpgsqlDataSource dataSource, IOptions<ImportOptions> options, ImportsInFlight inFlight,
        TimeProvider clock, CancellationToken ct) =>
        Import(async db => await db.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM job_fairs WHERE id = @id)", new { id })
                ? (true, await CompanyAccess.CompaniesOf(db, user)) : (false, null),
            new ImportSource(id, null), dryRun ?? false, request, user, dataSource, options.Value, inFlight, clock, ct);

    static Task<Results<Created<ImportBatch>, Ok<ImportBatch>, NotFound, ValidationProblem, ProblemHttpResult>> ImportIntoProgram(Guid id,
        bool? dryRun, HttpRequest request, ClaimsPrincipal user, NpgsqlDataSource dataSource, IOptions<ImportOptions> options, ImportsInFlight inFlight,
        TimeProvider clock, CancellationToken ct) =>
        Import(async db => await SponsorQuota.SponsorsActedFor(db, user, id) is { } sponsors ? (true, sponsors) : (false, null),
            new ImportSource(null, id), dryRun ?? false, request, user, dataSource, options.Value, inFlight, clock, ct);

    /// <summary>
    /// One upload into a fair or a program. <paramref name="reach"/> says whether the source exists for the caller and whose
    /// rows they may bring (null: anyone's): a fair takes rows of the companies the caller acts for, a program only those
    /// of its sponsors, and a recruiter who acts for none of them does not find it.
    /// </summary>
    static async Task<Results<Created<ImportBatch>, Ok<ImportBatch>, NotFound, ValidationProblem, ProblemHttpResult>> Import(
        Func<NpgsqlConnection, Task<(bool Found, IReadOnlySet<Guid>? Allowed)>> reach, ImportSource source, bool dryRun, HttpRequest request,
        ClaimsPrincipal user, NpgsqlDataSource dataSource, ImportOptions options, ImportsInFlight inFlight, TimeProvider clock, CancellationToken ct)
    {
        var (upload, refusal) = await Uploads.ReadAsync<ImportField>(request, options, """{"title":"岗位"}""", ct);
        if (refusal is { Problem: { } problem })
        {
            return problem;
        }
        if (refusal is { Invalid: { } invalid })
        {
            return invalid;
        }
        var (fileName, bytes, mapping) = upload!;
        var response = request.HttpContext.Response;
        var admission = await ImportRunner.AdmitAsync(dataSource, reach, source, bytes, user, options, clock, response, ct);
        if (!admission.Found)
        {
            return TypedResults.NotFound();
        }
        if (admission.Refusal is { } refused)
        {
            return refused;
        }
        if (admission.Earlier is { } earlier)
        {
            // The same file again (dry run or not): nothing would change, so the earlier batch is the answer.
            response.Headers["Import-Replayed"] = "true";
            return TypedResults.Ok(earlier);
        }
        var run = new ImportRequest(source, fileName, bytes, mapping, user.Subject(), admission.Allowed, Share: !user.IsAdmin());
        var (batch, failed) = await ImportRunner.RunUploadAsync(dataSource, run, dryRun, user, options, inFlight, clock, response, ct);
        if (failed is not null)
        {
            return failed;
        }
        return dryRun ? TypedResults.Ok(batch!) : TypedResults.Created($"/api/imports/{batch!.Id}", batch);
    }

    static async Task<Results<Ok<ImportBatch>, NotFound>> GetById(Guid id, ClaimsPrincipal user, NpgsqlDataSource dataSource, ImportsInFlight inFlight)
    {
        var onlyBy = user.IsAdmin() ? null : user.Subject();
        await using var db = await dataSource.OpenConnectionAsync();
        var batch = await ImportBatches.FindAsync(db, null, id, onlyBy) ?? inFlight.Find(id, onlyBy);
        return batch is null ? TypedResults.NotFound() : TypedResults.Ok(batch);
    }
}
