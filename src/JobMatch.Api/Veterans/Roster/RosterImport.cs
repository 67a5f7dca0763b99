using System.Security.Claims;
using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using JobMatch.Api.Imports;
using JobMatch.Api.Privacy;
using JobMatch.Api.Taxonomy;
using Npgsql;

namespace JobMatch.Api.Veterans.Roster;

/// <summary>
/// One roster upload, read and written: the sheet's rows checked by the profile rules (RosterReader), the profiles and
/// consents written (RosterWriter), the batch and its report recorded and audited, in one transaction; a dry run rolls it back.
/// </summary>
static class RosterImport
{
    public static async Task<Results<Created<RosterBatch>, Ok<RosterBatch>, ValidationProblem, ProblemHttpResult>> RunAsync(
        Upload<RosterField> upload, string? consentTextVersion, bool dryRun, HttpResponse response, ClaimsPrincipal user,
        NpgsqlDataSource dataSource, ImportOptions options, ReferenceData data, IdNumberVault vault, TimeProvider clock,
        CancellationToken ct)
    {
        var (fileName, bytes, mapping) = upload;
        try
        {
            var sheet = SheetReader.Read(bytes, options, ct);
            var map = RosterColumns.Find(sheet.Rows, mapping) ?? throw new UnreadableFileException(Say.Text(
                "找不到表头行：表头须包含姓名和身份证号两列（可通过 mapping 指定）。",
                "No header row found: it must name a name and an ID-number column (or send a mapping)."));
            var readConsents = consentTextVersion is not null;
            var reader = new RosterReader(data, vault, clock, response.HttpContext.RequestServices);
            var (entries, problems, rowsRead) = reader.Read(sheet.Rows, map, readConsents, ct);
            if (!readConsents)
            {
                problems.AddRange(RosterConsents.Ignored(map, sheet.Rows[map.HeaderIndex].Number));
            }
            var read = new ReadSheet(fileName, bytes, sheet, map, entries, problems, rowsRead);
            return await SaveAsync(read, consentTextVersion, dryRun, response, user, dataSource, data, ct);
        }
        catch (UnreadableFileException unreadable)
        {
            return Problems.Unprocessable(unreadable.Message, unreadable.Message);
        }
    }

    sealed record ReadSheet(string FileName, byte[] Bytes, Sheet Sheet, RosterColumns Map, List<RosterEntry> Entries,
        List<ImportProblem> Problems, int RowsRead);

    static async Task<Results<Created<RosterBatch>, Ok<RosterBatch>, ValidationProblem, ProblemHttpResult>> SaveAsync(ReadSheet read,
        string? consentTextVersion, bool dryRun, HttpResponse response, ClaimsPrincipal user, NpgsqlDataSource dataSource,
        ReferenceData data, CancellationToken ct)
    {
        var (fileName, bytes, sheet, map, entries, problems, rowsRead) = read;
        await using var db = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await db.BeginTransactionAsync(ct);
        // One roster import at a time: two files naming the same new veteran cannot both create them.
        await db.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtext('jobmatch roster import'))", transaction: tx);
        var sha = ImportRunner.Fingerprint(bytes);
        // The same file again with the same consent text version (dry run or not): nothing would change, so the earlier
        // batch is the answer. Sent again with a version, a file whose consents were ignored has them recorded.
        if (await db.QuerySingleOrDefaultAsync<Guid?>("""
            SELECT id FROM import_batches WHERE kind = 'roster' AND file_sha256 = @sha AND status = 'completed'
                AND consent_text_version IS NOT DISTINCT FROM @consentTextVersion
            """, new { sha, consentTextVersion }, tx) is { } earlier)
        {
            response.Headers["Import-Replayed"] = "true";
            return TypedResults.Ok((await RosterApi.FindAsync(db, tx, earlier))!);
        }
        var batchId = Guid.CreateVersion7();
        var counts = await RosterWriter.WriteAsync(db, tx, batchId, entries, map, data, problems, (user.Subject(), user.Role()),
            consentTextVersion, ct);
        var ordered = problems.OrderBy(p => p.RowNumber).ToList();
        var rejected = ordered.Where(p => p.Severity == ImportProblem.Rejected).Select(p => p.RowNumber).Distinct().Count();
        await db.ExecuteAsync("""
            INSERT INTO import_batches (id, kind, file_name, file_sha256, file_bytes, format, encoding, status, rows_total, rows_processed,
                rows_read, rows_rejected, rows_duplicate, veterans_created, veterans_updated, veterans_unchanged, consent_text_version,
                created_by)
            VALUES (@batchId, 'roster', @fileName, @sha, @fileBytes, @format, @encoding, 'completed', @total, @total,
                @rowsRead, @rejected, @duplicate, @Created, @Updated, @Unchanged, @consentTextVersion, @actor)
            """, new { batchId, fileName, sha, fileBytes = (long)bytes.Length, format = sheet.Format, encoding = sheet.Encoding,
                       total = sheet.Rows.Count, rowsRead, rejected, duplicate = ordered.Count(p => p.Severity == ImportProblem.Duplicate),
                       counts.Created, counts.Updated, counts.Unchanged, consentTextVersion, actor = user.Subject() }, tx);
        await ImportRunner.WriteProblems(db, batchId, ordered, ct);
        var batch = (await RosterApi.FindAsync(db, tx, batchId))! with { Problems = ordered.Take(1000).ToList() };
        if (dryRun)
        {
            await tx.RollbackAsync(ct);
            return TypedResults.Ok(batch with { Status = "preview", CreatedAt = null });
        }
        await AuditLog.WriteAsync(db, tx, user, "roster.imported", "import_batch", batchId,
            new { rowsRead, rejected, counts.Created, counts.Updated, counts.Unchanged, consentTextVersion });
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/veterans/imports/{batchId}", batch);
    }
}
