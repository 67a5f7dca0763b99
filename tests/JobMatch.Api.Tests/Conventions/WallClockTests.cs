using System.Text.RegularExpressions;

namespace JobMatch.Api.Tests.Conventions;

/// <summary>
/// Dates and instants come from the injected TimeProvider, so a test that moves the clock moves the whole service (matching,
/// closing days, ID numbers, tokens). Durations may still use Stopwatch: the rule is about wall-clock dates.
/// </summary>
public sealed partial class WallClockTests
{
    [GeneratedRegex(@"\bDateTime(Offset)?\s*\.\s*(UtcNow|Now|Today)\b")]
    private static partial Regex WallClock();

    [Fact]
    public void NoSourceFileReadsTheWallClockInsteadOfTheInjectedTimeProvider()
    {
        var root = RepositoryRoot();
        var found = new[] { "src/JobMatch.Api", "src/JobMatch.Ranking" }
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(root, project), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .SelectMany(path => File.ReadLines(path)
                .Select((line, i) => (File: Path.GetRelativePath(root, path), Line: i + 1, Text: line.Trim())))
            .Where(hit => WallClock().IsMatch(hit.Text))
            .Select(hit => $"{hit.File}:{hit.Line}: {hit.Text}")
            .ToList();
        Assert.True(found.Count == 0, "Read the clock from TimeProvider (a handler parameter, a constructor argument, or passed in):\n"
            + string.Join("\n", found));
    }

    static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "JobMatch.sln")))
            {
                return directory.FullName;
            }
        }
        throw new DirectoryNotFoundException($"JobMatch.sln not found above {AppContext.BaseDirectory}");
    }
}
