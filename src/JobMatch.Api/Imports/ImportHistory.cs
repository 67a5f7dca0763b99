using System.Security.Claims;
using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using Npgsql;

namespace JobMatch.Api.Imports;

/// <summary>One import batch in the history: what came in, from which file, into which fair or program, and what it did.</summary>
public sealed record ImportSummary(Guid Id, string Kind, Guid? FairId, Guid? ProgramId, string? SourceName, string FileName, string Status,
    int RowsRead, int RowsRejected, int PositionsCreated, int PositionsUpdated, int VeteransCreated, int VeteransUpdated,
    DateTime CreatedAt, string CreatedBy, DateTime? RevertedAt);

/// <summary>The import history (admin: every batch; recruiter: their own) and the imports still running, for progress.</summary>
public static class ImportHistory
{
    internal static IEndpointRouteBuilder MapImportHistory(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/imports").WithTags("Imports").RequireAuthorization(Policies.AdminOrRecruiter);
        group.MapGet("/", List).WithSummary("Import batches, newest first (admin: all; recruiter: their own); JSON or CSV");
        group.MapGet("/running", (ClaimsPrincipal user, ImportsInFlight inFlight) => TypedResults.Ok(inFlight.All(user.IsAdmin() ? null : user.Subject())))
            .WithSummary("Imports in progress with rows processed of total (admin: all; recruiter: their own)");
        return app;
    }

    static async Task<Results<Ok<Page<ImportSummary>>, CsvResult<ImportSummary>, ValidationProblem>> List(
        HttpRequest request, ClaimsPrincipal user, NpgsqlDataSource dataSource, string? cursor, int? limit)
    {
        if (!Paging.TryDecode(cursor, out var after))
        {
            return Paging.InvalidCursor();
        }
        var take = Paging.Clamp(limit);
        var filter = new { onlyBy = user.IsAdmin() ? null : user.Subject(), after, take = take + 1 };
        const string where = "WHERE (@onlyBy::text IS NULL OR b.created_by = @onlyBy)";
        await using var db = await dataSource.OpenConnectionAsync();
        var rows = (await db.QueryAsync<ImportSummary>($"""
            SELECT b.id, b.kind, b.fair_id, b.program_id, coalesce(f.name, p.name) AS source_name, b.file_name, b.status,
                   b.rows_read, b.rows_rejected, b.positions_created, b.positions_updated, b.veterans_created, b.veterans_updated,
                   b.created_at, b.created_by, b.reverted_at
            FROM import_batches b LEFT JOIN job_fairs f ON f.id = b.fair_id LEFT JOIN programs p ON p.id = b.program_id
            {where} AND (@after::uuid IS NULL OR b.id < @after)
            ORDER BY b.id DESC LIMIT @take
            """, filter)).ToList();
        var total = await db.ExecuteScalarAsync<long>($"SELECT count(*) FROM import_batches b {where}", filter);
        var page = Paging.ToPage(rows, take, total, batch => batch.Id);
        return Listing.WantsCsv(request) ? Listing.Csv(page, "imports.csv") : TypedResults.Ok(page);
    }
}
