using System.CommandLine;
using System.Diagnostics;
using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Backup;
using JobMatch.Api.Database;
using Npgsql;

namespace JobMatch.Api.Cli;

/// <summary>
/// <c>restore FILE --yes</c>: replaces the database with a backup, in one transaction, so a failed restore leaves the
/// data as it was. Objects come back owned by the migrating role and the migrator then hands the tables to the service
/// role, as after any migration (and applies migrations newer than the archive); the audit entries written since the
/// backup are appended again, so a restore never erases the log's history.
/// </summary>
public static class RestoreCommand
{
    public static Command Create(Action<WebApplicationBuilder> addServices)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "An archive written by `backup`" };
        var yes = new Option<bool>("--yes") { Description = "Go ahead: every table is replaced by the archive's" };
        var command = new Command("restore", "Replace the whole database (the embedded one, or ConnectionStrings:JobMatch) with a backup, all or nothing.")
        {
            file, yes,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parsed, ct) => Commands.WithClearErrors(async () =>
        {
            var path = parsed.GetValue(file)!.FullName;
            if (!File.Exists(path) || !ArchiveListing.HasSignature(path))
            {
                await Console.Error.WriteLineAsync(File.Exists(path)
                    ? $"{path} is not a pg_dump custom-format archive (what `backup` writes): nothing was restored."
                    : $"There is no file {path}: nothing was restored.");
                return 2;
            }
            // The embedded cluster is started here, not borrowed from a running service: a restore needs it to itself.
            var builder = WebApplication.CreateBuilder([.. parsed.UnmatchedTokens]);
            await using var embedded = await builder.AddJobMatchDatabaseAsync();
            addServices(builder);
            await using var app = builder.Build();
            if (BackupTarget.For(builder.Configuration, embedded) is not { } target)
            {
                await Console.Error.WriteLineAsync(BackupTarget.ToolsNotFound);
                return 2;
            }
            var listed = await target.ListAsync(path, ct);
            if (listed.ExitCode != 0)
            {
                await Console.Error.WriteLineAsync($"{path} cannot be read as a backup ({BackupTarget.Errors(listed)}): nothing was restored.");
                return 2;
            }
            var archive = ArchiveListing.Parse(listed.Output);
            if (!parsed.GetValue(yes))
            {
                await Console.Error.WriteLineAsync($"{path} is a backup of database {archive.Database} made {archive.CreatedAt} ({archive.Tables} tables). "
                    + $"Restoring it replaces everything in {target.Description}: add --yes to go ahead.");
                return 2;
            }
            var scratch = Directory.CreateTempSubdirectory("jobmatch-restore-").FullName; // 700: it holds a copy of the audit log
            try
            {
                return await RestoreAsync(target, path, archive, scratch, app.Services.GetRequiredService<Migrator>(), builder.Configuration, ct);
            }
            finally
            {
                Directory.Delete(scratch, recursive: true);
            }
        }));
        return command;
    }

    static async Task<int> RestoreAsync(BackupTarget target, string path, ArchiveListing archive, string scratch, Migrator migrator,
        IConfiguration configuration, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        if (await OtherSessionsAsync(target, ct) is > 0 and var others)
        {
            await Console.Error.WriteLineAsync($"{others} other sessions are connected to {target.Description}: stop every service that uses it first "
                + "(a running one would go on serving what it holds in memory, and meet its tables mid-restore). Nothing was restored.");
            return 2;
        }
        var kept = await AuditCarryOver.SaveAsync(target.ConnectionString, scratch, ct);
        if (archive.Extensions.Any())
        {
            var extensions = Path.Combine(scratch, "extensions.list");
            await File.WriteAllLinesAsync(extensions, archive.Extensions, ct);
            var created = await target.RunAsync("pg_restore", ["--exit-on-error", $"--use-list={extensions}", path], ct);
            if (created.ExitCode != 0)
            {
                await Console.Error.WriteLineAsync($"The extensions the archive needs could not be created ({BackupTarget.Errors(created)}): nothing was restored.");
                return 2;
            }
        }
        var objects = Path.Combine(scratch, "objects.list");
        await File.WriteAllLinesAsync(objects, archive.WithoutExtensions, ct);
        var restored = await ToolProgress.RunAsync(target, "pg_restore",
            ["--single-transaction", "--clean", "--if-exists", "--no-owner", $"--use-list={objects}", "--verbose", path], archive.Tables, ct);
        if (restored.ExitCode != 0)
        {
            await Console.Error.WriteLineAsync($"The restore failed and was rolled back, so {target.Description} is as it was: {BackupTarget.Errors(restored)}");
            return 2;
        }
        int carried;
        await using (var db = new NpgsqlConnection(target.ConnectionString))
        {
            await db.OpenAsync(ct);
            await using var tx = await db.BeginTransactionAsync(ct);
            carried = await kept.AppendMissingAsync(db, tx, ct);
            await AuditLog.WriteAsync(db, tx, $"cli:{Environment.UserName}", "system", "database.restored", "database", null,
                new { file = path, archiveDatabase = archive.Database, archiveCreatedAt = archive.CreatedAt, entriesKept = carried });
            await tx.CommitAsync(ct);
        }
        await migrator.MigrateAsync(ct);
        await using var counting = new NpgsqlConnection(target.ConnectionString);
        await counting.OpenAsync(ct);
        var (tables, rows) = await DatabaseTables.CountAsync(counting);
        await Console.Out.WriteLineAsync($"Restored {path} (database {archive.Database}, made {archive.CreatedAt}) into {target.Description}: "
            + $"{tables} tables, {rows:N0} rows, in {clock.Elapsed.TotalSeconds:0.0} s; {carried} audit entries written since the backup kept.");
        if (!await RestoredKey.ReadsIdNumbersAsync(configuration, counting, ct))
        {
            await Console.Error.WriteLineAsync("Warning: the restored ID numbers were encrypted with another Privacy:EncryptionKey than the one configured here, "
                + "so they cannot be read: set the key of the service the backup came from (embedded mode keeps it in the .secrets.json beside the data directory).");
        }
        return 0;
    }

    // Other roles' sessions are listed too (without their queries), so the migrating role sees the service's.
    static async Task<long> OtherSessionsAsync(BackupTarget target, CancellationToken ct)
    {
        await using var db = new NpgsqlConnection(target.ConnectionString);
        await db.OpenAsync(ct);
        return await db.ExecuteScalarAsync<long>(new CommandDefinition("""
            SELECT count(*) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
            """, cancellationToken: ct));
    }
}
