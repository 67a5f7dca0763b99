using Dapper;
using Npgsql;

namespace JobMatch.Api.Backup;

/// <summary>
/// The audit log is append-only, and a restore must not be the way round that: the entries of the database being
/// replaced are copied out first and appended again after the restore, all but those the archive already holds.
/// </summary>
sealed class AuditCarryOver(string path)
{
    const string Columns = "id, at, actor, actor_role, action, object_type, object_id, details";

    /// <summary>Copies the current log (if there is one: a fresh database has none) to a file in a private folder.</summary>
    public static async Task<AuditCarryOver> SaveAsync(string connectionString, string folder, CancellationToken ct)
    {
        var path = Path.Combine(folder, "audit-entries.copy");
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync(ct);
        if (await db.ExecuteScalarAsync<bool>("SELECT to_regclass('audit.entries') IS NOT NULL"))
        {
            using var source = await db.BeginTextExportAsync($"COPY (SELECT {Columns} FROM audit.entries) TO STDOUT", ct);
            await using var file = File.CreateText(path);
            await CopyAsync(source, file, ct);
        }
        return new(path);
    }

    /// <summary>Appends the saved entries the restored log lacks, in the caller's transaction; returns how many.</summary>
    public async Task<int> AppendMissingAsync(NpgsqlConnection db, NpgsqlTransaction transaction, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            return 0;
        }
        await db.ExecuteAsync("CREATE TEMP TABLE audit_before_restore (LIKE audit.entries) ON COMMIT DROP", transaction: transaction);
        await using (var target = await db.BeginTextImportAsync($"COPY audit_before_restore ({Columns}) FROM STDIN", ct))
        {
            using var file = File.OpenText(path);
            await CopyAsync(file, target, ct);
        }
        return await db.ExecuteAsync($"""
            INSERT INTO audit.entries ({Columns})
            SELECT {Columns} FROM audit_before_restore kept
            WHERE NOT EXISTS (SELECT FROM audit.entries restored WHERE restored.id = kept.id)
            ORDER BY kept.at
            """, transaction: transaction);
    }

    // Streamed: a province's log does not fit in memory as one string.
    static async Task CopyAsync(TextReader from, TextWriter to, CancellationToken ct)
    {
        var buffer = new char[64 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer, ct)) > 0)
        {
            await to.WriteAsync(buffer.AsMemory(0, read), ct);
        }
    }
}
