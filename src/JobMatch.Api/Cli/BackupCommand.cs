using System.CommandLine;
using System.Data;
using System.Diagnostics;
using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Backup;
using JobMatch.Api.Database;
using Npgsql;

namespace JobMatch.Api.Cli;

/// <summary>
/// <c>backup FILE [--force]</c>: the whole database as a pg_dump custom-format archive. Written beside FILE and renamed
/// into place at the end, so a failed backup never leaves a truncated FILE. Reads the embedded cluster of a running
/// service without stopping it (or starts the cluster, as migrate and seed do), or the configured server.
/// </summary>
public static class BackupCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The archive to write (pg_dump custom format; read back by `restore FILE`)" };
        var force = new Option<bool>("--force") { Description = "Replace FILE if it exists" };
        var command = new Command("backup", "Write the whole database (the embedded one, or ConnectionStrings:JobMatch) to FILE with pg_dump.")
        {
            file, force,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parsed, ct) => Commands.WithClearErrors(async () =>
        {
            var path = parsed.GetValue(file)!.FullName;
            if (Refusal(path, parsed.GetValue(force)) is { } refusal)
            {
                await Console.Error.WriteLineAsync(refusal);
                return 2;
            }
            var builder = WebApplication.CreateBuilder([.. parsed.UnmatchedTokens]);
            var running = BackupTarget.RunningEmbedded(builder.Configuration);
            await using var embedded = running is null ? await builder.AddJobMatchDatabaseAsync() : null;
            if ((running ?? BackupTarget.For(builder.Configuration, embedded)) is not { } target)
            {
                await Console.Error.WriteLineAsync(BackupTarget.ToolsNotFound);
                return 2;
            }
            return await BackUpAsync(target, path, parsed.GetValue(force), ct);
        }));
        return command;
    }

    static string? Refusal(string path, bool force) =>
        Directory.Exists(path) ? $"{path} is a folder: name the archive file to write."
        : !Directory.Exists(Path.GetDirectoryName(path)) ? $"The folder {Path.GetDirectoryName(path)} does not exist."
        : File.Exists(path) && !force ? $"{path} exists: add --force to replace it."
        : null;

    static async Task<int> BackUpAsync(BackupTarget target, string path, bool force, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var partial = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.partial");
        try
        {
            // Private before pg_dump writes a byte: the archive holds personal data.
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            new FileStream(partial, create).Dispose();
            await using var db = new NpgsqlConnection(target.ConnectionString);
            await db.OpenAsync(ct);
            // pg_dump reads the snapshot the rows are counted in, so the counts printed are those of the archive.
            await using var snapshot = await db.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            var snapshotId = await db.ExecuteScalarAsync<string>("SELECT pg_export_snapshot()", transaction: snapshot);
            var (tables, rows) = await DatabaseTables.CountAsync(db, snapshot);
            var dumped = await ToolProgress.RunAsync(target, "pg_dump",
                ["--format=custom", $"--file={partial}", $"--snapshot={snapshotId}", "--verbose"], tables, ct);
            if (dumped.ExitCode != 0)
            {
                await Console.Error.WriteLineAsync($"pg_dump failed ({BackupTarget.Errors(dumped)}): {path} was not written.");
                return 2;
            }
            await snapshot.CommitAsync(ct);
            File.Move(partial, path, overwrite: force);
            var bytes = new FileInfo(path).Length;
            if (await db.ExecuteScalarAsync<bool>("SELECT to_regclass('audit.entries') IS NOT NULL")) // none before the first migration
            {
                await AuditLog.WriteAsync(db, null, $"cli:{Environment.UserName}", "system", "database.backed_up", "database", null,
                    new { file = path, bytes, tables, rows });
            }
            await Console.Out.WriteLineAsync($"Backup of {target.Description} written to {path}: {Size(bytes)}, {tables} tables, {rows:N0} rows, in {clock.Elapsed.TotalSeconds:0.0} s.");
            await Console.Out.WriteLineAsync("ID numbers in it are encrypted with Privacy:EncryptionKey (embedded: the .secrets.json beside the data directory), "
                + "which it does not hold: keep the key, apart from the archive.");
            return 0;
        }
        catch (IOException e) when (File.Exists(path) && !force)
        {
            await Console.Error.WriteLineAsync($"{path} appeared while the backup ran and was left alone ({e.Message}): add --force to replace it.");
            return 2;
        }
        finally
        {
            File.Delete(partial);
        }
    }

    static string Size(long bytes) => bytes >= 1 << 20 ? $"{bytes / (double)(1 << 20):0.0} MiB" : $"{bytes / 1024.0:0.0} KiB";
}
