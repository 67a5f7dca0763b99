using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace JobMatch.Api.Database;

/// <summary>A failure of the embedded database that the user can fix; its message is one sentence saying how.</summary>
public sealed class EmbeddedDatabaseException(string message) : Exception(message);

/// <summary>
/// A PostgreSQL cluster run by the service itself: initialised on first start, started on a free loopback port
/// with a private socket directory, stopped with a fast shutdown. One service per data directory (a file lock).
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    public const string Superuser = "postgres";
    public const string AppRole = "jobmatch";
    public const string AppDatabase = "jobmatch";

    readonly string binDir;
    readonly string? runAs;
    readonly FileStream lockFile;
    readonly ILogger logger;
    readonly string settings;
    readonly SemaphoreSlim restarting = new(1, 1);
    int stopped;

    EmbeddedPostgres(string binDir, string dataDirectory, string? runAs, FileStream lockFile, int port, string socketDirectory, string settings,
        ILogger logger)
    {
        this.binDir = binDir;
        this.runAs = runAs;
        this.lockFile = lockFile;
        this.logger = logger;
        this.settings = settings;
        DataDirectory = dataDirectory;
        Port = port;
        SocketDirectory = socketDirectory;
    }

    public string DataDirectory { get; }
    public string BinDirectory => binDir;
    public int Port { get; }
    public string SocketDirectory { get; }

    public static async Task<EmbeddedPostgres> StartAsync(EmbeddedOptions options, ILogger logger, CancellationToken ct = default)
    {
        var binDir = (options.BinDirectory is { Length: > 0 } configured ? PostgresBinaries.Find(configured, () => null, "/nonexistent") : PostgresBinaries.Find())
            ?? throw new EmbeddedDatabaseException(PostgresBinaries.NotFoundMessage);
        var dataDir = options.FullDataDirectory;
        var lockFile = AcquireLock(dataDir);
        try
        {
            var runAs = ServiceAccount.ForPostgres();
            await ClusterDirectory.EnsureInitializedAsync(binDir, dataDir, runAs, logger, ct);
            await ClusterDirectory.StopOrphanAsync(binDir, dataDir, runAs, logger, ct);
            SocketFolders.RemoveStale(logger);
            var socketDir = SocketFolders.Create(runAs);
            // The free port is only free until someone takes it: try a few before giving up.
            for (var attempt = 1; ; attempt++)
            {
                var port = FreePort();
                var settings = $"-p {port} -k {socketDir} -c listen_addresses=127.0.0.1" +
                    (options.NoSync ? " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_wal_size=96MB -c min_wal_size=32MB" : "");
                var started = await PgCtlStart(binDir, dataDir, settings, runAs, ct);
                if (started.ExitCode == 0)
                {
                    logger.LogInformation("Embedded PostgreSQL started on 127.0.0.1:{Port} with data in {DataDirectory}", port, dataDir);
                    return new EmbeddedPostgres(binDir, dataDir, runAs, lockFile, port, socketDir, settings, logger);
                }
                if (attempt == 3)
                {
                    throw new EmbeddedDatabaseException(
                        $"The embedded PostgreSQL did not start ({started.Output}); see {Path.Combine(dataDir, "server.log")} for why.");
                }
            }
        }
        catch
        {
            await lockFile.DisposeAsync();
            throw;
        }
    }

    static Task<ProcessResult> PgCtlStart(string binDir, string dataDir, string settings, string? runAs, CancellationToken ct) =>
        ProcessRunner.RunAsync(Path.Combine(binDir, "pg_ctl"),
            ["start", "-D", dataDir, "-w", "-t", "60", "-s", "-l", Path.Combine(dataDir, "server.log"), "-o", settings], runAs, ct);

    /// <summary>Whether the server named in the data directory's postmaster.pid is running.</summary>
    public bool IsRunning => ClusterDirectory.PostmasterPid(DataDirectory) is { } pid && ClusterDirectory.IsRunningPostgres(pid);

    /// <summary>
    /// Starts the server again after it stopped unasked (killed, crashed, stopped by hand), on the same port and socket
    /// folder, which the service's connection strings name. Null once it runs again, otherwise why it does not.
    /// </summary>
    public async Task<string?> RestartAsync(CancellationToken ct)
    {
        await restarting.WaitAsync(ct);
        try
        {
            if (Volatile.Read(ref stopped) == 1)
            {
                return "the service is stopping";
            }
            await ClusterDirectory.StopOrphanAsync(binDir, DataDirectory, runAs, logger, ct);
            if (!Directory.Exists(SocketDirectory) && !OperatingSystem.IsWindows())
            {
                // Removed meanwhile (a temporary-directory cleaner): the same path, private again.
                Directory.CreateDirectory(SocketDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                await ServiceAccount.GiveTo(SocketDirectory, runAs);
            }
            var started = await PgCtlStart(binDir, DataDirectory, settings, runAs, ct);
            return started.ExitCode == 0 ? null : started.Output;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EmbeddedDatabaseException or System.ComponentModel.Win32Exception)
        {
            return e.Message; // a lost data directory, binaries gone: the supervisor tries again later
        }
        finally
        {
            restarting.Release();
        }
    }

    /// <summary>Connection as the superuser over the private socket: migrations and administration only.</summary>
    public string SuperuserConnectionString(string database) => SuperuserConnectionString(SocketDirectory, Port, database);

    public static string SuperuserConnectionString(string socketDirectory, int port, string database) => new NpgsqlConnectionStringBuilder
    {
        Host = socketDirectory, Port = port, Database = database, Username = Superuser, Pooling = false,
    }.ConnectionString;

    /// <summary>
    /// The superuser connection to the cluster of a service running now on this data directory (read from its
    /// postmaster.pid), or null when no server is up: lets a backup read the database without stopping the service.
    /// </summary>
    public static string? RunningSuperuserConnectionString(EmbeddedOptions options, string database)
    {
        string[] lines;
        try
        {
            // Lines: pid, data directory, start time, port, socket directory, listen address, shared memory key, status.
            lines = File.ReadAllLines(Path.Combine(options.FullDataDirectory, "postmaster.pid"));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null; // no server, or it has just stopped
        }
        return lines.Length >= 8 && lines[7].Trim() == "ready" && int.TryParse(lines[0], out var pid) && ClusterDirectory.IsRunningPostgres(pid)
            && int.TryParse(lines[3], out var port)
            ? SuperuserConnectionString(lines[4], port, database)
            : null;
    }

    /// <summary>Connection as the service's own non-superuser role over loopback TCP.</summary>
    public string AppConnectionString(string database, string password) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = Port, Database = database, Username = AppRole, Password = password,
    }.ConnectionString;

    /// <summary>Creates (or updates) the service role and its database; safe to run on every start.</summary>
    public async Task EnsureAppDatabaseAsync(string database, string password, CancellationToken ct = default)
    {
        if (!password.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException("The generated database password must be alphanumeric.", nameof(password));
        }
        await using var db = new NpgsqlConnection(SuperuserConnectionString("postgres"));
        await db.OpenAsync(ct);
        await Execute(db, $"""
            DO $$ BEGIN
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{AppRole}') THEN CREATE ROLE {AppRole}; END IF;
            END $$;
            ALTER ROLE {AppRole} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD '{password}';
            """, ct);
        await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", db);
        exists.Parameters.AddWithValue("name", database);
        if ((long)(await exists.ExecuteScalarAsync(ct))! == 0)
        {
            await Execute(db, $"CREATE DATABASE \"{database}\" OWNER {AppRole} ENCODING 'UTF8' TEMPLATE template0", ct);
        }
    }

    static async Task Execute(NpgsqlConnection db, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Fast shutdown: active sessions are ended and the server stops cleanly in a second or two.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1)
        {
            return;
        }
        await restarting.WaitAsync(); // a restart under way finishes first, and none follows
        try
        {
            var result = await ProcessRunner.RunAsync(Path.Combine(binDir, "pg_ctl"),
                ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "-s"], runAs);
            if (result.ExitCode != 0)
            {
                logger.LogError("Embedded PostgreSQL did not stop cleanly: {Output}", result.Output);
            }
            else
            {
                logger.LogInformation("Embedded PostgreSQL stopped");
            }
            Directory.Delete(SocketDirectory, recursive: true);
        }
        finally
        {
            restarting.Release();
            await lockFile.DisposeAsync();
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    static FileStream AcquireLock(string dataDir)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(dataDir)!);
        try
        {
            // FileShare.None takes an exclusive advisory lock that the kernel drops when the process dies, even by SIGKILL.
            return new FileStream(dataDir.TrimEnd('/') + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new EmbeddedDatabaseException(
                $"Another JobMatch service is already using the database in {dataDir}: stop it, or set Embedded:DataDirectory to another folder.");
        }
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
