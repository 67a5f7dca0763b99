using JobMatch.Ranking.Features;

namespace JobMatch.Bench;

/// <summary>Prints the feature schema as a Markdown table, so the documentation is generated from the code.</summary>
internal static class SchemaTable
{
    public static int Print()
    {
        Console.WriteLine($"Feature schema version {FeatureSchema.Version}, {FeatureSchema.Count} features.");
        Console.WriteLine();
        Console.WriteLine("| # | name | meaning | range |");
        Console.WriteLine("|---:|---|---|---|");
        foreach (var f in FeatureSchema.Features)
        {
            Console.WriteLine($"| {f.Index} | `{f.Name}` | {f.Meaning} | {f.Range} |");
        }

        return 0;
    }
}
