using JobMatch.Api.Tests.Infrastructure;
using Npgsql;

namespace JobMatch.Api.Tests.Audit;

public sealed class AuditLogTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task ServiceRoleCanAppendButNeitherUpdateNorDeleteNorTruncate()
    {
        await api.Admin().CreateCompany(); // writes an audit row through the service
        await using var db = new NpgsqlConnection(api.Cluster.AppConnectionString(api.Database));
        await db.OpenAsync();

        Assert.Equal("jobmatch", await Scalar<string>(db, "SELECT current_user"));
        Assert.False(await Scalar<bool>(db, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"));
        Assert.True(await Scalar<long>(db, "SELECT count(*) FROM audit.entries") > 0);
        Assert.Equal("jobmatch", await Scalar<string>(db, "SELECT tableowner FROM pg_tables WHERE tablename = 'companies'"));

        foreach (var sql in new[] { "UPDATE audit.entries SET actor = 'someone-else'", "DELETE FROM audit.entries", "TRUNCATE audit.entries",
                                    "ALTER TABLE audit.entries DISABLE TRIGGER ALL", "DROP TABLE audit.entries", "DROP SCHEMA audit CASCADE", "ALTER TABLE audit.entries RENAME TO old" })
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() => Scalar<object>(db, sql));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        }
        // A GRANT by a role without the grant option only warns; what matters is that no privilege appears.
        await Scalar<object>(db, "GRANT UPDATE, DELETE ON audit.entries TO jobmatch; SELECT 1");
        Assert.False(await Scalar<bool>(db, "SELECT has_table_privilege('audit.entries', 'UPDATE') OR has_table_privilege('audit.entries', 'DELETE')"));
    }

    static async Task<T> Scalar<T>(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
