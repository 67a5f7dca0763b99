namespace JobMatch.Api.Tests.Infrastructure;

public static class TempRoot
{
    /// <summary>The folders the tests make for clusters and services: each can hold hundreds of megabytes.</summary>
    static readonly string[] Prefixes = ["jobmatch-tests-", "jobmatch-launcher-", "jobmatch-backup-", "jobmatch-service-"];

    /// <summary>
    /// A folder under the system temporary directory that the postgres account can enter: CreateTempSubdirectory
    /// makes it 700, which would stop PostgreSQL (run as postgres when the tests run as root) at the door.
    /// </summary>
    public static string Create(string prefix)
    {
        var path = Directory.CreateTempSubdirectory(prefix).FullName;
        File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
        return path;
    }

    /// <summary>
    /// Removes what earlier runs left behind. The test host may be ended before its exit handler has deleted its
    /// cluster, and runs that were killed never get there: without this, a machine that runs the suite often fills its
    /// disk. A folder is left when a live process holds one of its cluster locks (the kernel drops the lock of a
    /// process that died), and when it is younger than a run could be, for folders without a lock.
    /// </summary>
    public static void RemoveStale()
    {
        var now = DateTime.UtcNow;
        foreach (var folder in Prefixes.SelectMany(prefix => Directory.EnumerateDirectories(Path.GetTempPath(), prefix + "*")))
        {
            try
            {
                var locks = Directory.EnumerateFiles(folder, "*.lock", SearchOption.AllDirectories).ToList();
                var age = now - Directory.GetLastWriteTimeUtc(folder);
                if (age < (locks.Count == 0 ? TimeSpan.FromMinutes(30) : TimeSpan.FromMinutes(1)) || locks.Any(IsHeld))
                {
                    continue;
                }
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // another run's folder, in use or removed meanwhile
            }
        }
    }

    static bool IsHeld(string lockFile)
    {
        try
        {
            using var taken = new FileStream(lockFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }
}
