using System.Diagnostics;
using JobMatch.Ranking.Evaluation;
using Npgsql;
using NpgsqlTypes;

namespace JobMatch.Bench;

/// <summary>
/// pg_trgm and ts_rank, in databases of their own beside the service's (created with the superuser connection;
/// the service's migrations never install an extension). pg_trgm finds word characters by the database's
/// LC_CTYPE: the embedded cluster is initialised without a locale (C), where no Chinese character counts, so the
/// comparison runs in a C.UTF-8 database and the C one is shown beside it.
/// </summary>
internal static class PostgresTrigram
{
    public const string TopByTrigram = "SELECT id FROM alt_openings ORDER BY body <-> $1 LIMIT 20";
    public const string TopByTsRank = """
        SELECT id FROM alt_openings, plainto_tsquery('simple', $1) q WHERE tsv @@ q ORDER BY ts_rank(tsv, q) DESC LIMIT 20
        """;

    public static string ConnectionString(string admin, string database) =>
        new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;

    public static async Task PrepareAsync(string admin, string database, string ctype)
    {
        await using (var db = new NpgsqlConnection(ConnectionString(admin, "postgres")))
        {
            await db.OpenAsync();
            await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = $1", db) { Parameters = { new() { Value = database } } };
            if ((long)(await exists.ExecuteScalarAsync())! == 0)
            {
                await Execute(db, $"CREATE DATABASE {database} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE '{ctype}'");
            }
        }
        await using var target = new NpgsqlConnection(ConnectionString(admin, database));
        await target.OpenAsync();
        await Execute(target, """
            CREATE EXTENSION IF NOT EXISTS pg_trgm;
            CREATE TABLE IF NOT EXISTS alt_openings (id uuid PRIMARY KEY, body text NOT NULL,
                tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED);
            CREATE TABLE IF NOT EXISTS pairs (row_no int PRIMARY KEY, q text NOT NULL, d text NOT NULL);
            """);
    }

    /// <summary>Copies the service's open positions in (when their count changed) and indexes them as a user would.</summary>
    public static async Task LoadAsync(string connectionString, IReadOnlyList<(Guid Id, string Text)> openings)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using (var count = new NpgsqlCommand("SELECT count(*) FROM alt_openings", db))
        {
            if ((long)(await count.ExecuteScalarAsync())! == openings.Count)
            {
                return;
            }
        }
        await Execute(db, "DROP INDEX IF EXISTS alt_openings_trgm, alt_openings_tsv; TRUNCATE alt_openings");
        await using (var import = await db.BeginBinaryImportAsync("COPY alt_openings (id, body) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (id, text) in openings)
            {
                await import.StartRowAsync();
                await import.WriteAsync(id, NpgsqlDbType.Uuid);
                await import.WriteAsync(text, NpgsqlDbType.Text);
            }
            await import.CompleteAsync();
        }
        await Execute(db, """
            CREATE INDEX alt_openings_trgm ON alt_openings USING gist (body gist_trgm_ops);
            CREATE INDEX alt_openings_tsv ON alt_openings USING gin (tsv);
            ANALYZE alt_openings;
            """);
    }

    /// <summary>similarity() and ts_rank() of every test pair, in row order.</summary>
    public static async Task<(float[] Trigram, float[] TsRank)> PairScoresAsync(string connectionString, PairSet test)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await Execute(db, "TRUNCATE pairs");
        await PairRows.CopyAsync(db, test);
        var trigram = new float[test.Data.RowCount];
        var tsRank = new float[test.Data.RowCount];
        await using var command = new NpgsqlCommand("""
            SELECT row_no, similarity(q, d), ts_rank(to_tsvector('simple', d), plainto_tsquery('simple', q)) FROM pairs
            """, db);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            trigram[reader.GetInt32(0)] = reader.GetFloat(1);
            tsRank[reader.GetInt32(0)] = reader.GetFloat(2);
        }
        return (trigram, tsRank);
    }

    public static async Task<Latency> LatencyAsync(string connectionString, IReadOnlyList<string> queries, string sql)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        var times = new List<double>();
        for (var i = -10; i < queries.Count; i++)
        {
            var watch = Stopwatch.StartNew();
            await using var command = new NpgsqlCommand(sql, db) { Parameters = { new() { Value = queries[Math.Max(0, i)] } } };
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
            }
            if (i >= 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        return Latency.Of(times);
    }

    public static async Task<int> TsHitsAsync(string connectionString, IReadOnlyList<string> queries)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        var hits = 0;
        foreach (var query in queries)
        {
            await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM alt_openings WHERE tsv @@ plainto_tsquery('simple', $1))", db)
            {
                Parameters = { new() { Value = query } },
            };
            hits += (bool)(await command.ExecuteScalarAsync())! ? 1 : 0;
        }
        return hits;
    }

    public static Task<string> ShowAsync(string connectionString) => Scalar(connectionString, "SELECT show_trgm('货车司机')::text");

    public static Task<string> TsVectorAsync(string connectionString) => Scalar(connectionString, "SELECT to_tsvector('simple', '负责货车驾驶和货物配送')::text");

    private static async Task<string> Scalar(string connectionString, string sql)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        return "`" + (string)(await command.ExecuteScalarAsync())! + "`";
    }

    private static async Task Execute(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync();
    }
}
