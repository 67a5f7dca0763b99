using System.Security.Cryptography;
using Dapper;
using JobMatch.Api.Conventions;
using JobMatch.Api.Openings;
using JobMatch.Api.Programs;
using Npgsql;
using NpgsqlTypes;

namespace JobMatch.Api.Imports;

/// <summary>Where imported positions belong: a job fair (kind job) or an order-class program (kind training).</summary>
public sealed record ImportSource(Guid? FairId, Guid? ProgramId)
{
    public Guid Id => FairId ?? ProgramId!.Value;
    public string Kind => ProgramId is null ? "job" : "training";
}

public sealed record ImportRequest(ImportSource Source, string FileName, byte[] File, IReadOnlyDictionary<ImportField, string>? Mapping,
    string Actor, IReadOnlySet<Guid>? AllowedCompanies);

/// <summary>A file read and parsed, not yet written: its sheet, the rows to write, the report so far and the data rows read.</summary>
public sealed record ParsedImport(Sheet Sheet, List<ParsedRow> Rows, List<ImportProblem> Problems, int RowsRead);

public sealed record ImportResult(Guid BatchId, int RowsTotal, int RowsRead, int RowsRejected, int RowsDuplicate, WriteCounts Counts,
    IReadOnlyList<ImportProblem> Problems);

/// <summary>
/// One import from bytes to rows in the database, inside the caller's transaction: the caller commits, or rolls back
/// for a dry run or on any error, so nothing of a failed import remains.
/// </summary>
public static class ImportRunner
{
    public static byte[] Fingerprint(byte[] file) => SHA256.HashData(file);

    /// <summary>The completed batch that imported this very file into this source, if any (re-uploads change nothing).</summary>
    public static Task<Guid?> FindSameFileAsync(NpgsqlConnection db, ImportSource source, byte[] file, string? onlyBy) =>
        db.QuerySingleOrDefaultAsync<Guid?>("""
            SELECT id FROM import_batches
            WHERE coalesce(fair_id, program_id) = @source AND file_sha256 = @sha AND status = 'completed'
              AND (@onlyBy::text IS NULL OR created_by = @onlyBy)
            """, new { source = source.Id, sha = Fingerprint(file), onlyBy });

    /// <summary>Reads and parses the whole file, then writes it (sample data and benchmarks: files of our own).</summary>
    public static async Task<ImportResult> RunAsync(NpgsqlConnection db, NpgsqlTransaction tx, Guid batchId, ImportRequest request,
        ImportOptions options, Action<int, int>? progress, CancellationToken ct) =>
        await WriteAsync(db, tx, batchId, request, Parse(request.File, request.Mapping, options, progress, ct), progress, ct);

    /// <summary>
    /// The file read and its rows parsed, with no database: an upload is parsed before a connection is taken, so a slow or
    /// hostile file holds no pooled connection. Stops when <paramref name="ct"/> (the request's) is cancelled.
    /// </summary>
    public static ParsedImport Parse(byte[] file, IReadOnlyDictionary<ImportField, string>? mapping, ImportOptions options,
        Action<int, int>? progress, CancellationToken ct)
    {
        var sheet = SheetReader.Read(file, options, ct);
        var map = Headers.Find(sheet.Rows, mapping) ?? throw new UnreadableFileException(Say.Text(
            "找不到表头行：表头须包含单位名称和岗位名称两列（可通过 mapping 指定）。",
            "No header row found: it must name a company and a title column (or send a mapping)."));
        var total = sheet.Rows.Count;
        progress?.Invoke(0, total);
        var (rows, problems, rowsRead) = RowReader.Read(sheet.Rows, map, done => progress?.Invoke(done, total), ct);
        return new ParsedImport(sheet, rows, problems, rowsRead);
    }

    /// <summary>A parsed file into the database, inside the caller's transaction.</summary>
    public static async Task<ImportResult> WriteAsync(NpgsqlConnection db, NpgsqlTransaction tx, Guid batchId, ImportRequest request,
        ParsedImport parsed, Action<int, int>? progress, CancellationToken ct)
    {
        var (sheet, rows, problems, rowsRead) = parsed;
        var total = sheet.Rows.Count;
        await db.ExecuteAsync("""
            INSERT INTO import_batches (id, fair_id, program_id, file_name, file_sha256, file_bytes, format, encoding, status,
                                        rows_total, rows_processed, created_by)
            VALUES (@batchId, @fairId, @programId, @fileName, @sha, @bytes, @format, @encoding, 'completed', @total, @total, @actor)
            """, new { batchId, fairId = request.Source.FairId, programId = request.Source.ProgramId, fileName = request.FileName,
                       sha = Fingerprint(request.File), bytes = (long)request.File.Length, format = sheet.Format,
                       encoding = sheet.Encoding, total, actor = request.Actor }, tx);
        var plan = await ImportPlan.BuildAsync(db, tx, rows, problems, request.AllowedCompanies);
        if (request.Source.ProgramId is { } programId)
        {
            plan = await ProgramSeats.HoldAsync(db, tx, programId, plan);
        }
        var counts = await ImportWriter.WriteAsync(db, tx, batchId, request.Source, plan, request.Actor, ct);
        // Openings cut to the hires made read as filled, added ones open again; a new seat of a sponsor whose quota is
        // taken reads as full, like the sponsor's others.
        await OpeningStatus.SettleSourceAsync(db, tx, request.Source.Id);
        var ordered = problems.OrderBy(problem => problem.RowNumber).ToList();
        var rejected = ordered.Where(p => p.Severity == ImportProblem.Rejected).Select(p => p.RowNumber).Distinct().Count();
        var duplicate = ordered.Count(p => p.Severity == ImportProblem.Duplicate);
        await WriteProblems(db, batchId, ordered, ct);
        await db.ExecuteAsync("""
            UPDATE import_batches SET rows_read = @rowsRead, rows_rejected = @rejected, rows_duplicate = @duplicate,
                companies_created = @CompaniesCreated, companies_matched = @CompaniesMatched,
                positions_created = @PositionsCreated, positions_updated = @PositionsUpdated, positions_unchanged = @PositionsUnchanged,
                openings_created = @OpeningsCreated, openings_updated = @OpeningsUpdated, openings_unchanged = @OpeningsUnchanged,
                headcount_unknown = @HeadcountUnknown
            WHERE id = @batchId
            """, new { batchId, rowsRead, rejected, duplicate, counts.CompaniesCreated, counts.CompaniesMatched, counts.PositionsCreated,
                       counts.PositionsUpdated, counts.PositionsUnchanged, counts.OpeningsCreated, counts.OpeningsUpdated,
                       counts.OpeningsUnchanged, counts.HeadcountUnknown }, tx);
        progress?.Invoke(total, total);
        return new ImportResult(batchId, total, rowsRead, rejected, duplicate, counts, ordered);
    }

    /// <summary>The row report into import_problems, which GET /api/imports/{id}/errors serves for every kind of batch.</summary>
    public static async Task WriteProblems(NpgsqlConnection db, Guid batchId, List<ImportProblem> problems, CancellationToken ct)
    {
        await using var copy = await db.BeginBinaryImportAsync(
            "COPY import_problems (batch_id, seq, row_number, \"column\", value, severity, problem) FROM STDIN (FORMAT BINARY)", ct);
        var seq = 0;
        foreach (var problem in problems)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(batchId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(++seq, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(problem.RowNumber, NpgsqlDbType.Integer, ct);
            await WriteText(copy, problem.Column, ct);
            await WriteText(copy, problem.Value is { Length: > 500 } value ? value[..500] : problem.Value, ct);
            await copy.WriteAsync(problem.Severity, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(problem.Problem, NpgsqlDbType.Text, ct);
        }
        await copy.CompleteAsync(ct);
    }

    static Task WriteText(NpgsqlBinaryImporter copy, string? text, CancellationToken ct) =>
        text is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(text, NpgsqlDbType.Text, ct);
}
