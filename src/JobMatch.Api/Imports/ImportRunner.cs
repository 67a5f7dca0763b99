using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using JobMatch.Api.JobFairs;
using JobMatch.Api.Notifications;
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

/// <param name="Share">
/// A recruiter's upload: the batch is their share of the file (its fingerprint names them), and in a fair the rows of
/// companies outside <paramref name="AllowedCompanies"/> are counted as other companies' rather than rejected.
/// </param>
public sealed record ImportRequest(ImportSource Source, string FileName, byte[] File, IReadOnlyDictionary<ImportField, string>? Mapping,
    string Actor, IReadOnlySet<Guid>? AllowedCompanies, bool Share = false)
{
    public byte[] Fingerprint => ImportRunner.Fingerprint(File, Share ? Actor : null);

    /// <summary>Rows of companies the uploader may not import are not theirs (not errors): a recruiter's upload into a fair.</summary>
    public bool OthersNotTheirs => Share && Source.FairId is not null && AllowedCompanies is not null;
}

/// <summary>A file read and parsed, not yet written: its sheet, the rows to write, the report so far and the data rows read.</summary>
public sealed record ParsedImport(Sheet Sheet, List<ParsedRow> Rows, List<ImportProblem> Problems, int RowsRead);

/// <param name="RowsNotTheirs">In a recruiter's upload into a fair, the rows of other companies (null otherwise).</param>
public sealed record ImportResult(Guid BatchId, int RowsTotal, int RowsRead, int RowsRejected, int RowsDuplicate, WriteCounts Counts,
    IReadOnlyList<ImportProblem> Problems, int? RowsNotTheirs = null);

/// <summary>
/// What the database says of an upload before its file is read: whether the source exists for the caller, whose rows they
/// may bring (null: anyone's), the batch that already imported this very file, or the refusal to answer (403, 429).
/// </summary>
public sealed record ImportAdmission(bool Found, IReadOnlySet<Guid>? Allowed, ImportBatch? Earlier, ProblemHttpResult? Refusal);

/// <summary>
/// One import from bytes to rows in the database, inside the caller's transaction: the caller commits, or rolls back
/// for a dry run or on any error, so nothing of a failed import remains.
/// </summary>
public static class ImportRunner
{
    /// <summary>
    /// A batch's fingerprint (import_batches.file_sha256, one completed batch per source and fingerprint): the file's
    /// SHA-256 when staff import the whole file; for a recruiter, who imports only their companies' share of it, the
    /// SHA-256 of their subject and the file's, so the fair sheet the bureau sends every employer is one batch for the
    /// staff and one per recruiter.
    /// </summary>
    public static byte[] Fingerprint(byte[] file, string? recruiter = null) =>
        recruiter is null ? SHA256.HashData(file) : SHA256.HashData([.. Encoding.UTF8.GetBytes(recruiter + "\n"), .. SHA256.HashData(file)]);

    /// <summary>
    /// The completed batch that imported this very file into this source, if any (re-uploads change nothing); a
    /// recruiter's (<paramref name="onlyBy"/>) own batch of it, staff's of the whole file.
    /// </summary>
    public static Task<Guid?> FindSameFileAsync(NpgsqlConnection db, ImportSource source, byte[] file, string? onlyBy) =>
        db.QuerySingleOrDefaultAsync<Guid?>("""
            SELECT id FROM import_batches
            WHERE coalesce(fair_id, program_id) = @source AND file_sha256 = @sha AND status = 'completed'
              AND (@onlyBy::text IS NULL OR created_by = @onlyBy)
            """, new { source = source.Id, sha = Fingerprint(file, onlyBy), onlyBy });

    /// <summary>
    /// What the database must say before an upload is read, on a connection given back before parsing: a file is parsed
    /// only for a caller who may import it, and holds no pooled connection while it is. <paramref name="reach"/> says
    /// whether the source exists for the caller and whose rows they may bring.
    /// </summary>
    public static async Task<ImportAdmission> AdmitAsync(NpgsqlDataSource dataSource,
        Func<NpgsqlConnection, Task<(bool Found, IReadOnlySet<Guid>? Allowed)>> reach, ImportSource source, byte[] file,
        ClaimsPrincipal user, ImportOptions options, TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        await using var db = await dataSource.OpenConnectionAsync(ct);
        var (found, allowed) = await reach(db);
        if (!found)
        {
            return new(false, null, null, null);
        }
        if (await SourceClosing.IsClosedAsync(db, null, source.Id))
        {
            return new(true, allowed, null, Closed(source));
        }
        if (allowed is { Count: 0 })
        {
            // Every row would be refused (a recruiter imports only their companies' positions): the file is not read at all.
            return new(true, allowed, null, TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: Say.Text(
                "您尚未关联任何单位，不能导入岗位：请联系退役军人事务局将您关联到所代表的单位。",
                "You act for no company, so you cannot import positions: ask the bureau to link you to your company.")));
        }
        var onlyBy = user.IsAdmin() ? null : user.Subject();
        if (await FindSameFileAsync(db, source, file, onlyBy) is { } earlier)
        {
            return new(true, allowed, await ImportBatches.FindAsync(db, null, earlier, onlyBy), null);
        }
        return new(true, allowed, null, await ImportQuota.RefusalAsync(db, null, user, null, options, clock, response));
    }

    /// <summary>
    /// An admitted upload parsed (its progress shown in <paramref name="inFlight"/>), then written in a transaction once the
    /// recruiter's quota, checked again under their lock, takes its rows: rolled back for a dry run, else audited and
    /// committed. The batch, or the problem to answer: 429 over quota, 422 for a file that cannot be read.
    /// </summary>
    public static async Task<(ImportBatch? Batch, ProblemHttpResult? Problem)> RunUploadAsync(NpgsqlDataSource dataSource,
        ImportRequest request, bool dryRun, ClaimsPrincipal user, ImportOptions options, ImportsInFlight inFlight, TimeProvider clock,
        HttpResponse response, CancellationToken ct)
    {
        var batchId = Guid.CreateVersion7();
        void Progress(int done, int total) => inFlight.Report(batchId, request.Actor, request.FileName, request.Source, done, total);
        try
        {
            Progress(0, 0);
            var parsed = Parse(request.File, request.Mapping, options, Progress, ct);
            await using var db = await dataSource.OpenConnectionAsync(ct);
            await using var tx = await db.BeginTransactionAsync(ct);
            if (await SourceClosing.IsClosedAsync(db, tx, request.Source.Id))
            {
                return (null, Closed(request.Source)); // closed while the file was read
            }
            if (await ImportQuota.RefusalAsync(db, tx, user, parsed.RowsRead, options, clock, response) is { } over)
            {
                return (null, over);
            }
            var result = await WriteAsync(db, tx, batchId, request, parsed, Progress, ct);
            var share = result.RowsNotTheirs is { } others ? ImportShare.Of(result.RowsRead - others, others) : null;
            if (!dryRun && share is { CanCommit: false })
            {
                return (null, ImportShare.NoneTheirsProblem());
            }
            var batch = await ImportBatches.FindAsync(db, tx, batchId, null, result.Problems.Take(1000).ToList(), preview: dryRun, share);
            if (dryRun)
            {
                await tx.RollbackAsync(ct);
                return (batch, null);
            }
            await AuditLog.WriteAsync(db, tx, user, "import.completed", "import_batch", batchId, new
            {
                source = request.Source.Id, result.RowsRead, result.RowsRejected,
                result.Counts.PositionsCreated, result.Counts.PositionsUpdated,
            });
            await Outbox.AddAsync(db, tx, Notices.Import(request.Actor, request.FileName, result.RowsRead, result.RowsRejected,
                result.Counts.PositionsCreated, result.Counts.PositionsUpdated, user.IsAdmin() ? $"admin/imports/{batchId}" : "recruiter/import",
                Say.Text(NotificationTexts.Chinese, NotificationTexts.English)));
            await tx.CommitAsync(ct);
            return (batch, null);
        }
        catch (UnreadableFileException unreadable)
        {
            return (null, Problems.Unprocessable(unreadable.Message, unreadable.Message));
        }
        finally
        {
            inFlight.Finish(batchId);
        }
    }

    static ProblemHttpResult Closed(ImportSource source) => source.ProgramId is null ? JobFairsApi.Closed() : ProgramsApi.Closed();

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
                       sha = request.Fingerprint, bytes = (long)request.File.Length, format = sheet.Format,
                       encoding = sheet.Encoding, total, actor = request.Actor }, tx);
        var plan = await ImportPlan.BuildAsync(db, tx, rows, problems, request.AllowedCompanies, request.OthersNotTheirs);
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
        return new ImportResult(batchId, total, rowsRead, rejected, duplicate, counts, ordered, plan.RowsNotTheirs);
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
