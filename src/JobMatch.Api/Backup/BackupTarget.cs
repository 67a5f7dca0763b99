using System.Globalization;
using JobMatch.Api.Database;
using Npgsql;

namespace JobMatch.Api.Backup;

/// <summary>
/// The database a backup reads or a restore replaces, as the role that runs migrations (it owns the audit log), and
/// how pg_dump and pg_restore reach it: host, port, user and database as arguments, the password in the child's
/// environment only, never on its command line nor printed.
/// </summary>
sealed class BackupTarget(string connectionString, string binDirectory, string description)
{
    public const string ToolsNotFound =
        "pg_dump and pg_restore were not found: install the PostgreSQL client tools (the server's version or newer), " +
        "or set Embedded:BinDirectory to the folder that holds them.";

    readonly NpgsqlConnectionStringBuilder connection = new(connectionString);

    public string ConnectionString => connectionString;

    /// <summary>"the embedded database in …" or "database jobmatch on host:port", for messages.</summary>
    public string Description => description;

    /// <summary>After AddJobMatchDatabaseAsync: the embedded cluster it started, or the configured server; null without the tools.</summary>
    public static BackupTarget? For(IConfiguration configuration, EmbeddedPostgres? embedded)
    {
        var admin = configuration.GetConnectionString("JobMatchAdmin") ?? configuration.GetConnectionString("JobMatch")!;
        var bin = (embedded is null ? null : PostgresBinaries.ClientBeside(embedded.BinDirectory)) ?? PostgresBinaries.FindClient(Embedded(configuration).BinDirectory);
        if (bin is null)
        {
            return null;
        }
        var builder = new NpgsqlConnectionStringBuilder(admin);
        return new(admin, bin, embedded is null
            ? $"database {builder.Database} on {builder.Host}:{builder.Port.ToString(CultureInfo.InvariantCulture)}"
            : $"the embedded database in {embedded.DataDirectory}");
    }

    /// <summary>The embedded cluster of a service running now (no connection string configured), or null: then start it.</summary>
    public static BackupTarget? RunningEmbedded(IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(configuration.GetConnectionString("JobMatch")))
        {
            return null;
        }
        var options = Embedded(configuration);
        return EmbeddedPostgres.RunningSuperuserConnectionString(options, EmbeddedPostgres.AppDatabase) is { } running
            && PostgresBinaries.FindClient(options.BinDirectory) is { } bin
            ? new(running, bin, $"the embedded database in {options.FullDataDirectory} (service running)")
            : null;
    }

    static EmbeddedOptions Embedded(IConfiguration configuration) =>
        configuration.GetSection(EmbeddedOptions.Section).Get<EmbeddedOptions>() ?? new();

    /// <summary>pg_dump or pg_restore connected to the database.</summary>
    public Task<ProcessResult> RunAsync(string tool, IEnumerable<string> args, CancellationToken ct, Action<string>? onErrorLine = null) =>
        ProcessRunner.RunAsync(Path.Combine(binDirectory, tool), ConnectionArguments().Concat(args), runAs: null, ct, Environment(), onErrorLine);

    /// <summary>pg_restore --list: reads the archive's table of contents, connects to nothing.</summary>
    public Task<ProcessResult> ListAsync(string archive, CancellationToken ct) =>
        ProcessRunner.RunAsync(Path.Combine(binDirectory, "pg_restore"), ["--list", archive], runAs: null, ct);

    IEnumerable<string> ConnectionArguments()
    {
        yield return $"--host={connection.Host}";
        yield return $"--port={connection.Port.ToString(CultureInfo.InvariantCulture)}";
        if (connection.Username is { Length: > 0 } user)
        {
            yield return $"--username={user}";
        }
        yield return $"--dbname={connection.Database}";
        yield return "--no-password"; // never wait for a password prompt
    }

    Dictionary<string, string> Environment()
    {
        var environment = new Dictionary<string, string>
        {
            ["PGAPPNAME"] = "jobmatch-backup",
            ["PGSSLMODE"] = connection.SslMode switch
            {
                SslMode.VerifyCA => "verify-ca",
                SslMode.VerifyFull => "verify-full",
                var mode => mode.ToString().ToLowerInvariant(),
            },
        };
        if (connection.Password is { Length: > 0 } password)
        {
            environment["PGPASSWORD"] = password;
        }
        return environment;
    }

    /// <summary>The tool's own error lines (pg_dump: error: …), without the server's context lines that may quote row data.</summary>
    public static string Errors(ProcessResult result)
    {
        var errors = result.Output.Split('\n')
            .Where(line => line.StartsWith("pg_", StringComparison.Ordinal) && (line.Contains(": error: ", StringComparison.Ordinal) || line.Contains(": warning: ", StringComparison.Ordinal)))
            .Select(line => line.Trim()).ToList();
        return errors.Count > 0 ? string.Join(" ", errors) : $"exit code {result.ExitCode.ToString(CultureInfo.InvariantCulture)}";
    }
}
