using Dapper;
using Npgsql;

namespace JobMatch.Api.Backup;

/// <summary>The tables a backup holds (every user table; an extension's own excepted) and how many rows they have.</summary>
static class DatabaseTables
{
    // The catalog writes the counting statement, so every name is quoted by format().
    const string CountingStatement = """
        SELECT string_agg(format('SELECT %L AS name, count(*) AS rows FROM %I.%I', n.nspname || '.' || c.relname, n.nspname, c.relname),
                          ' UNION ALL ' ORDER BY n.nspname, c.relname)
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind = 'r' AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\_%'
          AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
        """;

    public static async Task<(int Tables, long Rows)> CountAsync(NpgsqlConnection db, NpgsqlTransaction? transaction = null)
    {
        if (await db.ExecuteScalarAsync<string?>(CountingStatement, transaction: transaction) is not { } counting)
        {
            return (0, 0);
        }
        var counts = (await db.QueryAsync<(string Name, long Rows)>(counting, transaction: transaction)).ToList();
        return (counts.Count, counts.Sum(table => table.Rows));
    }
}
