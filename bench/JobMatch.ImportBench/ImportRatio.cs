using System.Diagnostics;
using System.Globalization;
using System.Text;
using JobMatch.Api.Imports;
using Npgsql;

namespace JobMatch.ImportBench;

/// <summary>
/// "ratio --out FILE": rows per second of a whole import (parse, plan, COPY, upsert, commit) against a raw binary
/// COPY of exactly the rows that import wrote (its new companies and positions), into copies of the two tables
/// with the same columns, checks, indexes and foreign keys. The raw figure is the ceiling an import could reach.
/// </summary>
internal static class ImportRatio
{
    public static async Task<int> RunAsync(NpgsqlDataSource dataSource, (string Label, byte[] File)[] files, string output, int runs)
    {
        await using (var db = await dataSource.OpenConnectionAsync())
        {
            await Execute(db, """
                CREATE TABLE IF NOT EXISTS raw_companies (LIKE companies INCLUDING ALL);
                CREATE TABLE IF NOT EXISTS raw_positions (LIKE positions INCLUDING ALL);
                ALTER TABLE raw_positions ADD FOREIGN KEY (company_id) REFERENCES raw_companies (id),
                    ADD FOREIGN KEY (fair_id) REFERENCES job_fairs (id), ADD FOREIGN KEY (import_batch_id) REFERENCES import_batches (id);
                """);
        }
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"| file | positions | new companies (most in one run) | import (median of {runs}) | raw binary COPY of the same rows | import ÷ raw rows per second |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (label, file) in files)
        {
            var results = new List<(double Import, double Raw, long Positions, long Companies)>();
            for (var run = 0; run < runs; run++)
            {
                results.Add(await OneRun(dataSource, label, file));
            }
            var import = results.Select(r => r.Import).Order().ElementAt(runs / 2);
            var raw = results.Select(r => r.Raw).Order().ElementAt(runs / 2);
            var positions = results[0].Positions;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {label} | {positions:N0} | {results.Max(r => r.Companies):N0} | {import:0.00} s = {positions / import:N0} rows/s | {raw:0.00} s = {positions / raw:N0} rows/s | {100 * raw / import:0.0} % |");
        }
        await File.WriteAllTextAsync(output, text.ToString());
        Console.Write(text);
        return 0;
    }

    private static async Task<(double Import, double Raw, long Positions, long Companies)> OneRun(NpgsqlDataSource dataSource, string label, byte[] file)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        var fairId = Guid.CreateVersion7();
        await using (var create = new NpgsqlCommand("INSERT INTO job_fairs (id, name, held_on, online, created_by) VALUES ($1, 'bench', '2023-03-16', true, 'bench')", db))
        {
            create.Parameters.AddWithValue(fairId);
            await create.ExecuteNonQueryAsync();
        }
        var batchId = Guid.CreateVersion7();
        var watch = Stopwatch.StartNew();
        await using (var tx = await db.BeginTransactionAsync())
        {
            await ImportRunner.RunAsync(db, tx, batchId, new ImportRequest(new ImportSource(fairId, null), label, file, null, "bench", null),
                new ImportOptions(), null, CancellationToken.None);
            await tx.CommitAsync();
        }
        var import = watch.Elapsed.TotalSeconds;

        var companyColumns = await Columns(db, "companies");
        var positionColumns = await Columns(db, "positions");
        var companies = await CopyOut(db, $"SELECT {companyColumns} FROM companies WHERE created_batch_id = '{batchId}'");
        var positions = await CopyOut(db, $"SELECT {positionColumns} FROM positions WHERE created_batch_id = '{batchId}'");
        await Execute(db, "TRUNCATE raw_positions, raw_companies");
        await using (var companyIds = new NpgsqlCommand(
            $"INSERT INTO raw_companies ({companyColumns}) SELECT {companyColumns} FROM companies WHERE created_batch_id IS DISTINCT FROM $1", db))
        {
            // Companies an earlier run created are already there for the foreign key, as they are for a re-import.
            companyIds.Parameters.AddWithValue(batchId);
            await companyIds.ExecuteNonQueryAsync();
        }
        watch.Restart();
        await using (var tx = await db.BeginTransactionAsync())
        {
            await CopyIn(db, $"COPY raw_companies ({companyColumns}) FROM STDIN (FORMAT BINARY)", companies);
            await CopyIn(db, $"COPY raw_positions ({positionColumns}) FROM STDIN (FORMAT BINARY)", positions);
            await tx.CommitAsync();
        }
        var raw = watch.Elapsed.TotalSeconds;
        return (import, raw, await Count(db, "positions", batchId), await Count(db, "companies", batchId));
    }

    private static async Task<string> Columns(NpgsqlConnection db, string table)
    {
        await using var command = new NpgsqlCommand("""
            SELECT string_agg(column_name, ', ' ORDER BY ordinal_position) FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER'
            """, db);
        command.Parameters.AddWithValue(table);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<byte[]> CopyOut(NpgsqlConnection db, string select)
    {
        using var buffer = new MemoryStream();
        await using (var stream = await db.BeginRawBinaryCopyAsync($"COPY ({select}) TO STDOUT (FORMAT BINARY)"))
        {
            await stream.CopyToAsync(buffer);
        }
        return buffer.ToArray();
    }

    private static async Task CopyIn(NpgsqlConnection db, string copy, byte[] rows)
    {
        await using var stream = await db.BeginRawBinaryCopyAsync(copy);
        await stream.WriteAsync(rows);
    }

    private static async Task<long> Count(NpgsqlConnection db, string table, Guid batchId)
    {
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table} WHERE created_batch_id = $1", db);
        command.Parameters.AddWithValue(batchId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task Execute(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync();
    }
}
