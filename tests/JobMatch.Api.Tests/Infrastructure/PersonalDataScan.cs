using System.Text;
using System.Text.Json;
using Npgsql;

namespace JobMatch.Api.Tests.Infrastructure;

/// <summary>
/// Looks for a value in every text-like column (text, varchar, json, jsonb, arrays, bytea) of every table in every
/// schema of a test database, so that any feature that copies personal data is held to deletion without a new test.
/// Values are looked for as written and as a JSON encoder escapes them (\uXXXX), since stored answers are JSON.
/// </summary>
public static class PersonalDataScan
{
    public static async Task<List<string>> FindAsync(ApiFactory api, params string[] values)
    {
        await using var db = new NpgsqlConnection(api.Cluster.SuperuserConnectionString(api.Database));
        await db.OpenAsync();
        var columns = new List<(string Schema, string Table, string Column, string Type)>();
        await using (var list = new NpgsqlCommand("""
            SELECT c.table_schema, c.table_name, c.column_name, c.data_type
            FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
            WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
              AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'bytea')
            """, db))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
            }
        }
        Assert.Contains(columns, c => c is { Schema: "audit", Table: "entries", Column: "details" });

        var needles = values.SelectMany(v => new[] { v, JsonSerializer.Serialize(v)[1..^1] }).Distinct().ToArray();
        var hits = new List<string>();
        foreach (var (schema, table, column, type) in columns)
        {
            var target = $"\"{schema}\".\"{table}\".\"{column}\"";
            var condition = type == "bytea"
                ? $"EXISTS (SELECT 1 FROM unnest(@bytes::bytea[]) n (v) WHERE position(n.v IN \"{column}\") > 0)"
                : $"EXISTS (SELECT 1 FROM unnest(@texts::text[]) n (v) WHERE strpos(\"{column}\"::text, n.v) > 0)";
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{schema}\".\"{table}\" WHERE {condition}", db);
            count.Parameters.AddWithValue("texts", needles);
            count.Parameters.AddWithValue("bytes", needles.Select(Encoding.UTF8.GetBytes).ToArray());
            if ((long)(await count.ExecuteScalarAsync())! > 0)
            {
                hits.Add(target);
            }
        }
        return hits;
    }
}
