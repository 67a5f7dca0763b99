using System.Globalization;
using System.Text;

namespace JobMatch.Ranking.Tests;

/// <summary>Writes small LETOR-format train/valid/test files whose labels follow two of five features, with noise.</summary>
internal static class LetorSampleFiles
{
    public static (string Train, string Valid, string Test) Write(string folder, int seed = 5)
    {
        Directory.CreateDirectory(folder);
        var rng = new Random(seed);
        var paths = (Path.Combine(folder, "train.txt"), Path.Combine(folder, "vali.txt"), Path.Combine(folder, "test.txt"));
        WriteFile(paths.Item1, rng, firstQid: 1, queries: 80);
        WriteFile(paths.Item2, rng, firstQid: 1001, queries: 30);
        WriteFile(paths.Item3, rng, firstQid: 2001, queries: 30);
        return paths;
    }

    private static void WriteFile(string path, Random rng, int firstQid, int queries)
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        for (var q = 0; q < queries; q++)
        {
            for (var d = 0; d < 12; d++)
            {
                var x = Enumerable.Range(0, 5).Select(_ => rng.NextDouble()).ToArray();
                var utility = (2.5 * x[0]) + (1.5 * x[3]) + (0.3 * rng.NextDouble());
                var label = Math.Clamp((int)(utility - 1.2), 0, 4);
                var features = string.Join(' ', x.Select((v, i) => $"{i + 1}:{v.ToString("F4", inv)}"));
                text.Append(inv, $"{label} qid:{firstQid + q} {features} # doc{d}\n");
            }
        }

        File.WriteAllText(path, text.ToString());
    }
}
