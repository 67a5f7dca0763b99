using JobMatch.Api.Database;
using JobMatch.Api.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace JobMatch.Api.Tests.Database;

/// <summary>The launcher itself, on clusters of its own in the system temporary directory.</summary>
public sealed class EmbeddedPostgresTests : IDisposable
{
    readonly string root = TempRoot.Create("jobmatch-launcher-");

    EmbeddedOptions Options(string name = "pgdata") => new() { DataDirectory = Path.Combine(root, name), NoSync = true };

    static async Task<T> Scalar<T>(EmbeddedPostgres postgres, string sql)
    {
        await using var db = new NpgsqlConnection(postgres.SuperuserConnectionString("postgres"));
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task DataSurvivesARestart()
    {
        var first = await EmbeddedPostgres.StartAsync(Options(), NullLogger.Instance);
        await Scalar<object>(first, "CREATE TABLE kept (x int); INSERT INTO kept VALUES (42); SELECT 1");
        await first.StopAsync();

        var second = await EmbeddedPostgres.StartAsync(Options(), NullLogger.Instance);
        Assert.Equal(42, await Scalar<int>(second, "SELECT x FROM kept"));
        await second.StopAsync();
    }

    [Fact]
    public async Task SecondLauncherOnSameDataDirectoryFailsWithClearMessage()
    {
        var first = await EmbeddedPostgres.StartAsync(Options(), NullLogger.Instance);
        var error = await Assert.ThrowsAsync<EmbeddedDatabaseException>(() => EmbeddedPostgres.StartAsync(Options(), NullLogger.Instance));
        Assert.Contains("already using the database", error.Message);
        await first.StopAsync();
    }

    [Fact]
    public async Task ServerOrphanedByAKilledServiceIsStoppedOnNextStart()
    {
        var options = Options();
        var first = await EmbeddedPostgres.StartAsync(options, NullLogger.Instance);
        await first.StopAsync();
        // What a SIGKILLed service leaves: a server still running on the data directory, and nobody holding the lock.
        var bin = PostgresBinaries.Find()!;
        var account = Environment.UserName == "root" ? "postgres" : null;
        var orphanSockets = TempRoot.Create("orphan-");
        if (account is not null)
        {
            await ProcessRunner.RunAsync("chown", [$"{account}:", orphanSockets], null);
        }
        var started = await ProcessRunner.RunAsync(Path.Combine(bin, "pg_ctl"),
            ["start", "-D", options.FullDataDirectory, "-w", "-s", "-l", Path.Combine(options.FullDataDirectory, "server.log"),
             "-o", $"-p 5999 -k {orphanSockets} -c listen_addresses="], account);
        Assert.Equal(0, started.ExitCode);
        var orphanPid = int.Parse(File.ReadLines(Path.Combine(options.FullDataDirectory, "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(ClusterDirectory.IsRunningPostgres(orphanPid));

        var second = await EmbeddedPostgres.StartAsync(options, NullLogger.Instance);
        Assert.False(ClusterDirectory.IsRunningPostgres(orphanPid));
        Assert.Equal(1, await Scalar<int>(second, "SELECT 1"));
        await second.StopAsync();
    }

    [Fact]
    public async Task StalePidFileOfADeadServerIsRemoved()
    {
        var options = Options();
        var first = await EmbeddedPostgres.StartAsync(options, NullLogger.Instance);
        await first.StopAsync();
        File.WriteAllText(Path.Combine(options.FullDataDirectory, "postmaster.pid"), "4194000\n" + options.FullDataDirectory + "\n");

        var second = await EmbeddedPostgres.StartAsync(options, NullLogger.Instance);
        Assert.Equal(1, await Scalar<int>(second, "SELECT 1"));
        await second.StopAsync();
    }

    [Fact]
    public async Task SocketFoldersLeftByKilledServicesAreRemovedOnStartThoseInUseAreKept()
    {
        // Named like the launcher's own: a prefix and the pid of the service that made it.
        string Folder(int pid) => Directory.CreateTempSubdirectory($"jobmatch-pg-{pid}-").FullName;
        var ofADeadService = Folder(4194000);
        var ofALiveService = Folder(Environment.ProcessId);
        var inUse = Folder(4194001); // its service is gone, but a server still listens in it (seen from another pid namespace)
        using var listener = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream,
            System.Net.Sockets.ProtocolType.Unspecified);
        listener.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(Path.Combine(inUse, ".s.PGSQL.5432")));
        listener.Listen();
        try
        {
            var postgres = await EmbeddedPostgres.StartAsync(Options(), NullLogger.Instance);
            await postgres.StopAsync();
            Assert.False(Directory.Exists(ofADeadService));
            Assert.True(Directory.Exists(ofALiveService));
            Assert.True(Directory.Exists(inUse));
        }
        finally
        {
            listener.Close();
            foreach (var folder in new[] { ofADeadService, ofALiveService, inUse }.Where(Directory.Exists))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task FolderThePostgresAccountCannotReachIsExplainedInOneSentence()
    {
        var closed = Path.Combine(root, "closed");
        Directory.CreateDirectory(closed);
        File.SetUnixFileMode(closed, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var options = new EmbeddedOptions { DataDirectory = Path.Combine(closed, "pgdata"), NoSync = true };
        if (Environment.UserName != "root")
        {
            // Not root: PostgreSQL runs as ourselves, who can reach our own folder.
            await (await EmbeddedPostgres.StartAsync(options, NullLogger.Instance)).StopAsync();
            return;
        }
        var error = await Assert.ThrowsAsync<EmbeddedDatabaseException>(() => EmbeddedPostgres.StartAsync(options, NullLogger.Instance));
        Assert.Contains("cannot reach", error.Message);
        Assert.Contains("Embedded:DataDirectory", error.Message);
    }

    [Fact]
    public async Task MissingBinariesAreExplained()
    {
        var options = Options();
        options.BinDirectory = Path.Combine(root, "no-postgres-here");
        var error = await Assert.ThrowsAsync<EmbeddedDatabaseException>(() => EmbeddedPostgres.StartAsync(options, NullLogger.Instance));
        Assert.Equal(PostgresBinaries.NotFoundMessage, error.Message);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
