using Dapper;
using EvolveDb;
using Npgsql;

namespace JobMatch.Api.Database;

/// <summary>
/// Applies the versioned SQL scripts in Database/Migrations with Evolve (which holds an advisory lock, so several
/// instances starting together migrate once). Runs as ConnectionStrings:JobMatchAdmin when given, then hands every
/// table but the audit log to the service role: the service owns its tables yet cannot rewrite history.
/// </summary>
public sealed class Migrator(IConfiguration configuration, ILogger<Migrator> logger)
{
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        var appConnection = configuration.GetConnectionString("JobMatch")!;
        var adminConnection = configuration.GetConnectionString("JobMatchAdmin") ?? appConnection;
        var appRole = new NpgsqlConnectionStringBuilder(appConnection).Username!;
        await using var db = new NpgsqlConnection(adminConnection);
        await db.OpenAsync(ct);
        var evolve = new Evolve(db, message => logger.LogInformation("{Migration}", message), EvolveDb.Dialect.DBMS.PostgreSQL)
        {
            EmbeddedResourceAssemblies = [typeof(Migrator).Assembly],
            EmbeddedResourceFilters = ["JobMatch.Api.Database.Migrations"],
            IsEraseDisabled = true,
            EnableClusterMode = true,
            MetadataTableName = "changelog",
            // A migration that rewrites a large table (V9 over a province's million veterans) takes minutes, not 30 s.
            CommandTimeout = 3600,
            Placeholders = new Dictionary<string, string> { ["${app_role}"] = appRole },
        };
        evolve.Migrate();
        var migrator = await db.ExecuteScalarAsync<string>("SELECT current_user");
        if (migrator == appRole)
        {
            logger.LogWarning("Migrations ran as the service role, which therefore owns the audit log; set ConnectionStrings:JobMatchAdmin to make the log append-only for the service");
            return;
        }
        await db.ExecuteAsync("SELECT set_config('jobmatch.app_role', @appRole, false)", new { appRole });
        await db.ExecuteAsync(HandOverTables);
    }

    // Tables and views of the public schema go to the service role; the audit schema stays with the migrator.
    const string HandOverTables = """
        DO $$
        DECLARE r record;
        BEGIN
          FOR r IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                   WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')
                     AND pg_get_userbyid(c.relowner) <> current_setting('jobmatch.app_role')
          LOOP
            EXECUTE format('ALTER %s public.%I OWNER TO %I',
              CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
              r.relname, current_setting('jobmatch.app_role'));
          END LOOP;
        END $$;
        """;
}
