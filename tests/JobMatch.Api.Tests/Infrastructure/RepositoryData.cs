namespace JobMatch.Api.Tests.Infrastructure;

/// <summary>Files under the repository's data/ folder, found by walking up from the test binaries.</summary>
public static class RepositoryData
{
    public static string File(string folder, string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, "data", folder, name);
            if (System.IO.File.Exists(path))
            {
                return path;
            }
        }
        throw new FileNotFoundException($"data/{folder}/{name} not found above {AppContext.BaseDirectory}");
    }
}
