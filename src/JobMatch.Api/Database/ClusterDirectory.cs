namespace JobMatch.Api.Database;

/// <summary>The cluster's data directory on disk: first-time initialisation and recovery from a killed service.</summary>
static class ClusterDirectory
{
    public static async Task EnsureInitializedAsync(string binDir, string dataDir, string? runAs, ILogger logger, CancellationToken ct)
    {
        if (File.Exists(Path.Combine(dataDir, "PG_VERSION")))
        {
            return;
        }
        if (Directory.Exists(dataDir) && Directory.EnumerateFileSystemEntries(dataDir).Any())
        {
            throw new EmbeddedDatabaseException(
                $"The folder {dataDir} is not empty but holds no PostgreSQL cluster: empty it, or set Embedded:DataDirectory to another folder.");
        }
        // initdb into a scratch folder, then rename: a crash mid-way never leaves a half-made cluster behind.
        var scratch = dataDir.TrimEnd('/') + ".initdb";
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }
        Directory.CreateDirectory(scratch);
        await ServiceAccount.GiveTo(scratch, runAs);
        if (!await ServiceAccount.CanWrite(scratch, runAs))
        {
            Directory.Delete(scratch, recursive: true);
            throw new EmbeddedDatabaseException(
                $"The account '{runAs}' that runs PostgreSQL cannot reach {Path.GetDirectoryName(dataDir)} because a parent folder is closed to other users: " +
                "set Embedded:DataDirectory to a folder it can reach, for example under /tmp or /var/lib.");
        }
        logger.LogInformation("Creating the embedded PostgreSQL cluster in {DataDirectory}", dataDir);
        var result = await ProcessRunner.RunAsync(Path.Combine(binDir, "initdb"),
            ["-D", scratch, "-U", EmbeddedPostgres.Superuser, "--encoding=UTF8", "--no-locale",
             "--auth-local=trust", "--auth-host=scram-sha-256", "--no-instructions"], runAs, ct);
        if (result.ExitCode != 0)
        {
            throw new EmbeddedDatabaseException($"initdb failed in {scratch}: {result.Output}");
        }
        if (Directory.Exists(dataDir))
        {
            Directory.Delete(dataDir);
        }
        Directory.Move(scratch, dataDir);
    }

    /// <summary>
    /// A postmaster.pid left by a killed service: stop the server it names if that server still runs,
    /// otherwise remove the stale file. Only called while we hold the data directory's lock, so no live service owns it.
    /// </summary>
    public static async Task StopOrphanAsync(string binDir, string dataDir, string? runAs, ILogger logger, CancellationToken ct)
    {
        var pidFile = Path.Combine(dataDir, "postmaster.pid");
        if (PostmasterPid(dataDir) is not { } pid)
        {
            return;
        }
        if (!IsRunningPostgres(pid))
        {
            logger.LogWarning("Removing the stale postmaster.pid of a PostgreSQL server (pid {Pid}) that is no longer running", pid);
            File.Delete(pidFile);
            return;
        }
        logger.LogWarning("Stopping a PostgreSQL server (pid {Pid}) orphaned by a service that was killed", pid);
        var stopped = await ProcessRunner.RunAsync(Path.Combine(binDir, "pg_ctl"), ["stop", "-D", dataDir, "-m", "fast", "-w", "-t", "30", "-s"], runAs, ct);
        if (stopped.ExitCode != 0 && IsRunningPostgres(pid))
        {
            using var orphan = System.Diagnostics.Process.GetProcessById(pid);
            orphan.Kill();
        }
        // A killed postmaster leaves its pid file, and may linger as a zombie where PID 1 does not reap it.
        for (var i = 0; i < 50 && IsRunningPostgres(pid); i++)
        {
            await Task.Delay(100, ct);
        }
        if (File.Exists(pidFile))
        {
            File.Delete(pidFile);
        }
    }

    /// <summary>The process id in the data directory's postmaster.pid, running or not; null without one.</summary>
    public static int? PostmasterPid(string dataDir)
    {
        try
        {
            return int.TryParse(File.ReadLines(Path.Combine(dataDir, "postmaster.pid")).FirstOrDefault(), out var pid) ? pid : null;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>True for a live (not zombie) process whose name is postgres.</summary>
    public static bool IsRunningPostgres(int pid) => Stat(pid) is (string name, char state) && name.StartsWith("postgres", StringComparison.Ordinal)
        && state is not ('Z' or 'X');

    /// <summary>True for a live (not zombie) process of any name.</summary>
    public static bool IsRunning(int pid) => Stat(pid) is (_, not ('Z' or 'X'));

    static (string Name, char State)? Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var name = stat[(stat.IndexOf('(', StringComparison.Ordinal) + 1)..stat.LastIndexOf(')')];
            return (name, stat[(stat.LastIndexOf(')') + 2)..].FirstOrDefault());
        }
        catch (IOException)
        {
            return null; // /proc/PID is gone: the process is dead.
        }
    }
}
