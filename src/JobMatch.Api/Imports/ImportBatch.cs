using System.Collections.Concurrent;
using Dapper;
using JobMatch.Api.Conventions;
using Npgsql;

namespace JobMatch.Api.Imports;

public sealed record ImportProgress(int RowsProcessed, int RowsTotal);

public sealed record ImportCounts(int RowsRead, int RowsRejected, int RowsDuplicate, int CompaniesCreated, int CompaniesMatched,
    int PositionsCreated, int PositionsUpdated, int PositionsUnchanged, int OpeningsCreated, int OpeningsUpdated, int OpeningsUnchanged,
    int HeadcountUnknown);

public sealed record Totals(long Companies, long Positions, long Openings);

/// <summary>The file's totals against what the fair declared (null where it declared nothing), and the fair as it now stands.</summary>
public sealed record Reconciliation(Totals Declared, Totals File, Totals Source, bool Matches);

/// <summary>
/// A recruiter's share of a fair's sheet, in the answer to their upload: the rows of the companies they act for and the
/// rows of other companies (not imported, not errors). With none of theirs there is nothing to commit: CanCommit is
/// false and Reason says what to do, and the commit itself is refused (422) with the same words.
/// </summary>
public sealed record ImportShare(int RowsTheirs, int RowsOtherCompanies, bool CanCommit, string? Reason)
{
    public static ImportShare Of(int theirs, int others) => theirs > 0 ? new(theirs, others, true, null) : new(0, others, false, NoneTheirs());

    static string NoneTheirs() => Say.Text(
        "此文件中没有您所代表单位的岗位（各行都属于其他单位），无可导入：请核对表中单位名称与您单位的名称是否一致，或请退役军人事务局提供贵单位的岗位表。",
        "None of the rows in this file are your company's (every row names another company), so there is nothing to import: check that the company name in the sheet matches your company's, or ask the bureau for your company's rows.");

    public static ProblemHttpResult NoneTheirsProblem() =>
        TypedResults.Problem(statusCode: 422, title: Say.Text("没有您单位的岗位", "None of your company's rows"), detail: NoneTheirs());
}

/// <summary>
/// An import batch. Status: running (in progress, not yet visible to others), completed, reverted, or preview (dry run).
/// Problems and Share are in the answer to the upload only.
/// </summary>
public sealed record ImportBatch(Guid Id, Guid? FairId, Guid? ProgramId, string FileName, string? Format, string? Encoding, string Status,
    ImportProgress Progress, ImportCounts? Counts, Reconciliation? Reconciliation, DateTime? CreatedAt, DateTime? RevertedAt,
    IReadOnlyList<ImportProblem>? Problems, ImportShare? Share = null);

/// <summary>Imports in flight (their batch commits only at the end), so GET /api/imports/{id} can show progress.</summary>
public sealed class ImportsInFlight
{
    readonly ConcurrentDictionary<Guid, (string Actor, string FileName, ImportSource Source, ImportProgress Progress)> running = new();

    public void Report(Guid id, string actor, string fileName, ImportSource source, int processed, int total) =>
        running[id] = (actor, fileName, source, new ImportProgress(processed, total));

    public void Finish(Guid id) => running.TryRemove(id, out _);

    /// <summary>Every import in flight, or only one user's.</summary>
    public IReadOnlyList<ImportBatch> All(string? onlyBy) =>
        [.. running.Where(entry => onlyBy is null || entry.Value.Actor == onlyBy).OrderBy(entry => entry.Key)
            .Select(entry => Running(entry.Key, entry.Value.FileName, entry.Value.Source, entry.Value.Progress))];

    public ImportBatch? Find(Guid id, string? onlyBy) =>
        running.TryGetValue(id, out var entry) && (onlyBy is null || entry.Actor == onlyBy)
            ? Running(id, entry.FileName, entry.Source, entry.Progress)
            : null;

    static ImportBatch Running(Guid id, string fileName, ImportSource source, ImportProgress progress) =>
        new(id, source.FairId, source.ProgramId, fileName, null, null, "running", progress, null, null, null, null, null);
}

public static class ImportBatches
{
    public static async Task<ImportBatch?> FindAsync(NpgsqlConnection db, NpgsqlTransaction? tx, Guid id, string? onlyBy,
        IReadOnlyList<ImportProblem>? problems = null, bool preview = false, ImportShare? share = null)
    {
        var row = await db.QuerySingleOrDefaultAsync<BatchRow>("""
            SELECT b.id, b.fair_id, b.program_id, b.file_name, b.format, b.encoding, b.status, b.rows_processed, b.rows_total,
                   b.rows_read, b.rows_rejected, b.rows_duplicate, b.companies_created, b.companies_matched,
                   b.positions_created, b.positions_updated, b.positions_unchanged,
                   b.openings_created, b.openings_updated, b.openings_unchanged, b.headcount_unknown, b.created_at, b.reverted_at,
                   f.declared_companies::bigint, f.declared_positions::bigint, f.declared_openings::bigint,
                   s.companies AS source_companies, s.positions AS source_positions, s.openings AS source_openings
            FROM import_batches b
            LEFT JOIN job_fairs f ON f.id = b.fair_id
            CROSS JOIN LATERAL (
                SELECT count(DISTINCT company_id) AS companies, count(*) AS positions, coalesce(sum(headcount), 0) AS openings
                FROM positions WHERE source_id = coalesce(b.fair_id, b.program_id)) s
            WHERE b.id = @id AND (@onlyBy::text IS NULL OR b.created_by = @onlyBy)
            """, new { id, onlyBy }, tx);
        if (row is null)
        {
            return null;
        }
        var counts = new ImportCounts(row.RowsRead, row.RowsRejected, row.RowsDuplicate, row.CompaniesCreated, row.CompaniesMatched,
            row.PositionsCreated, row.PositionsUpdated, row.PositionsUnchanged, row.OpeningsCreated, row.OpeningsUpdated,
            row.OpeningsUnchanged, row.HeadcountUnknown);
        var file = new Totals(row.CompaniesCreated + row.CompaniesMatched, row.PositionsCreated + row.PositionsUpdated + row.PositionsUnchanged,
            row.OpeningsCreated + row.OpeningsUpdated + row.OpeningsUnchanged);
        Reconciliation? reconciliation = null;
        if (row.FairId is not null)
        {
            var declared = new Totals(row.DeclaredCompanies ?? 0, row.DeclaredPositions ?? 0, row.DeclaredOpenings ?? 0);
            var matches = (row.DeclaredCompanies is null || row.DeclaredCompanies == file.Companies)
                && (row.DeclaredPositions is null || row.DeclaredPositions == file.Positions)
                && (row.DeclaredOpenings is null || row.DeclaredOpenings == file.Openings);
            reconciliation = new Reconciliation(declared, file, new Totals(row.SourceCompanies, row.SourcePositions, row.SourceOpenings), matches);
        }
        return new ImportBatch(row.Id, row.FairId, row.ProgramId, row.FileName, row.Format, row.Encoding, preview ? "preview" : row.Status,
            new ImportProgress(row.RowsProcessed, row.RowsTotal), counts, reconciliation, preview ? null : row.CreatedAt, row.RevertedAt, problems,
            share);
    }

    sealed record BatchRow(Guid Id, Guid? FairId, Guid? ProgramId, string FileName, string Format, string? Encoding, string Status,
        int RowsProcessed, int RowsTotal, int RowsRead, int RowsRejected, int RowsDuplicate, int CompaniesCreated, int CompaniesMatched,
        int PositionsCreated, int PositionsUpdated, int PositionsUnchanged, int OpeningsCreated, int OpeningsUpdated, int OpeningsUnchanged,
        int HeadcountUnknown, DateTime CreatedAt, DateTime? RevertedAt, long? DeclaredCompanies, long? DeclaredPositions, long? DeclaredOpenings,
        long SourceCompanies, long SourcePositions, long SourceOpenings);
}
