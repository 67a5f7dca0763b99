namespace JobMatch.Api.Tests.Infrastructure;

public static class TempRoot
{
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
}
