using JobMatch.Ranking.Taxonomy;

namespace JobMatch.Ranking.Tests;

/// <summary>The repository's data folder and the taxonomy loaded from it once.</summary>
internal static class TestData
{
    public static string Folder { get; } = Find();

    private static readonly Lazy<RankingTaxonomy> Loaded = new(() => RankingTaxonomy.Load(Folder));

    public static RankingTaxonomy Taxonomy => Loaded.Value;

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "data", "taxonomy", "skills.csv")))
            {
                return Path.Combine(dir.FullName, "data");
            }
        }

        throw new DirectoryNotFoundException("data/taxonomy/skills.csv not found above the test binaries.");
    }
}
