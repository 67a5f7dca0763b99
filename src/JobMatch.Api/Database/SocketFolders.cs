using System.Globalization;
using System.Net.Sockets;

namespace JobMatch.Api.Database;

/// <summary>
/// The cluster's Unix socket lives in a private folder in the system temporary directory, as a socket path may not
/// exceed 107 bytes and a data directory's may. Each folder is named for the service that made it, so that the next
/// start removes those of services killed before they could remove their own.
/// </summary>
static class SocketFolders
{
    const string Prefix = "jobmatch-pg-";

    public static string Create(string? owner) => ServiceAccount.CreatePrivateDirectory($"{Prefix}{Environment.ProcessId}-", owner);

    /// <summary>
    /// Removes the folders whose service is gone and in which no server listens: a folder seen from another pid namespace
    /// (a shared /tmp) may belong to a live service whose pid means nothing here, but its socket still answers.
    /// </summary>
    public static void RemoveStale(ILogger logger)
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            try
            {
                if (OwnerPid(folder) is { } pid && !ClusterDirectory.IsRunning(pid) && !AnyListening(folder))
                {
                    Directory.Delete(folder, recursive: true);
                    logger.LogInformation("Removed the socket folder {Folder} of a service (pid {Pid}) that is gone", folder, pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                logger.LogDebug("Left the socket folder {Folder}: {Reason}", folder, e.Message); // another user's, or removed meanwhile
            }
        }
    }

    static int? OwnerPid(string folder)
    {
        var rest = Path.GetFileName(folder)[Prefix.Length..];
        var dash = rest.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && int.TryParse(rest[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    static bool AnyListening(string folder)
    {
        foreach (var path in Directory.EnumerateFiles(folder, ".s.PGSQL.*").Where(path => !path.EndsWith(".lock", StringComparison.Ordinal)))
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                socket.Connect(new UnixDomainSocketEndPoint(path));
                return true;
            }
            catch (SocketException)
            {
                // nobody listens: the socket file of a server that died
            }
        }
        return false;
    }
}
