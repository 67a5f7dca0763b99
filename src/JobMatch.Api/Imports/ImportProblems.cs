using System.Globalization;
using System.Security.Claims;
using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using Npgsql;

namespace JobMatch.Api.Imports;

/// <summary>GET /api/imports/{id}/errors: the report in row order; the cursor is opaque (the last line's sequence number).</summary>
public static class ImportProblems
{
    public sealed record ReportLine(int RowNumber, string? Column, string? Value, string Severity, string Problem);

    public static async Task<Results<Ok<Page<ReportLine>>, CsvResult<ReportLine>, NotFound, ValidationProblem>> List(
        Guid id, HttpRequest request, ClaimsPrincipal user, NpgsqlDataSource dataSource, string? severity,
        [Pattern("^[0-9]+$")] string? cursor, int? limit)
    {
        var after = 0;
        if (cursor is not null && !int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            return Paging.InvalidCursor();
        }
        var take = Paging.Clamp(limit);
        var onlyBy = user.IsAdmin() ? null : user.Subject();
        await using var db = await dataSource.OpenConnectionAsync();
        if (!await db.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM import_batches WHERE id = @id AND (@onlyBy::text IS NULL OR created_by = @onlyBy))",
            new { id, onlyBy }))
        {
            return TypedResults.NotFound();
        }
        var filter = new { id, severity, after, take = take + 1 };
        var rows = (await db.QueryAsync<(int Seq, int RowNumber, string? Column, string? Value, string Severity, string Problem)>("""
            SELECT seq, row_number, "column", value, severity, problem FROM import_problems
            WHERE batch_id = @id AND (@severity::text IS NULL OR severity = @severity) AND seq > @after
            ORDER BY seq LIMIT @take
            """, filter)).ToList();
        var total = await db.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM import_problems WHERE batch_id = @id AND (@severity::text IS NULL OR severity = @severity)", filter);
        var items = rows.Take(take).Select(r => new ReportLine(r.RowNumber, r.Column, r.Value, r.Severity, r.Problem)).ToList();
        var next = rows.Count > take ? rows[take - 1].Seq.ToString(CultureInfo.InvariantCulture) : null;
        var page = new Page<ReportLine>(items, total, next);
        return Listing.WantsCsv(request) ? Listing.Csv(page, "import-errors.csv") : TypedResults.Ok(page);
    }
}
