namespace JobMatch.Bench;

/// <summary>Finds the repository's data folder from wherever the benchmark runs (BenchmarkDotNet builds into a temp folder).</summary>
internal static class Paths
{
    public static string Data()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("JOBMATCH_DATA");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "data", "taxonomy", "skills.csv")))
            {
                return Path.Combine(dir.FullName, "data");
            }
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "data", "taxonomy", "skills.csv")))
            {
                return Path.Combine(dir.FullName, "data");
            }
        }

        throw new DirectoryNotFoundException("Cannot find data/taxonomy/skills.csv; set JOBMATCH_DATA.");
    }
}
