using System.Diagnostics;

namespace JobMatch.Api.Database;

/// <summary>Finds the PostgreSQL server binaries: PATH, then <c>pg_config --bindir</c>, then /usr/lib/postgresql/*/bin, newest first.</summary>
public static class PostgresBinaries
{
    public const int MinimumMajorVersion = 14;

    public const string NotFoundMessage =
        "PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found: install PostgreSQL 14 or newer " +
        "(for example `apt-get install postgresql`), or set the connection string ConnectionStrings:JobMatch " +
        "(environment variable ConnectionStrings__JobMatch) to use an existing server.";

    static readonly string[] Required = ["initdb", "pg_ctl", "postgres"];

    /// <summary>The first folder that holds every server binary, or null.</summary>
    public static string? Find() => Find(
        Environment.GetEnvironmentVariable("PATH"), PgConfigBindir, "/usr/lib/postgresql");

    public static string? Find(string? path, Func<string?> pgConfigBindir, string versionedRoot) =>
        Candidates(path, pgConfigBindir, versionedRoot).FirstOrDefault(HasServer);

    static IEnumerable<string> Candidates(string? path, Func<string?> pgConfigBindir, string versionedRoot)
    {
        foreach (var dir in (path ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            yield return dir;
        }
        if (pgConfigBindir() is { Length: > 0 } bindir)
        {
            yield return bindir;
        }
        if (!Directory.Exists(versionedRoot))
        {
            yield break;
        }
        // Debian-style /usr/lib/postgresql/15/bin: newest major version first, too old ones skipped.
        var versioned = Directory.EnumerateDirectories(versionedRoot)
            .Select(dir => (dir, major: int.TryParse(Path.GetFileName(dir), out var v) ? v : 0))
            .Where(x => x.major >= MinimumMajorVersion)
            .OrderByDescending(x => x.major);
        foreach (var (dir, _) in versioned)
        {
            yield return Path.Combine(dir, "bin");
        }
    }

    /// <summary>
    /// The folder with pg_dump and pg_restore: beside the configured or found server binaries (or where their
    /// <c>postgres</c> links to, when PATH holds only links to the server), else the first on PATH; null when none has both.
    /// </summary>
    public static string? FindClient(string? configured) =>
        ((configured is { Length: > 0 } ? configured : Find()) is { } server ? ClientBeside(server) : null)
        ?? PathDirectories().FirstOrDefault(HasClient);

    /// <summary>The client tools of the same installation as the server binaries in <paramref name="serverDir"/>.</summary>
    public static string? ClientBeside(string serverDir)
    {
        var linked = new FileInfo(Path.Combine(serverDir, "postgres")).ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        return new[] { serverDir, linked is null ? null : Path.GetDirectoryName(linked) }.FirstOrDefault(HasClient);
    }

    static bool HasClient(string? dir) => dir is not null && File.Exists(Path.Combine(dir, "pg_dump")) && File.Exists(Path.Combine(dir, "pg_restore"));

    static IEnumerable<string> PathDirectories() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries);

    static bool HasServer(string dir) => Required.All(name => File.Exists(Path.Combine(dir, name)));

    static string? PgConfigBindir()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pg_config", "--bindir")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null)
            {
                return null;
            }
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // pg_config is not installed: that is an expected answer, not an error.
        }
    }
}
