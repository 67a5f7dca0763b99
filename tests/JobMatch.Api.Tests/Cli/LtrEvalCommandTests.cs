using System.Diagnostics;
using System.Globalization;
using System.Text;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Cli;

/// <summary>The ltr-eval command on small LETOR files written here, run as the real program.</summary>
public sealed class LtrEvalCommandTests : IDisposable
{
    readonly string root = TempRoot.Create("ltr-eval-");

    /// <summary>Queries whose relevance follows feature 1 (with a distractor feature 2), in SVMlight/LETOR lines.</summary>
    string WriteLetor(string name, int queries, int seed)
    {
        var random = new Random(seed);
        var lines = new StringBuilder();
        for (var q = 1; q <= queries; q++)
        {
            for (var d = 0; d < 12; d++)
            {
                var signal = random.NextDouble();
                var label = signal > 0.85 ? 3 : signal > 0.6 ? 1 : 0;
                lines.Append(CultureInfo.InvariantCulture, $"{label} qid:{q} 1:{signal:F4} 2:{random.NextDouble():F4} # doc{d}\n");
            }
        }
        var path = Path.Combine(root, name);
        File.WriteAllText(path, lines.ToString());
        return path;
    }

    static async Task<(int ExitCode, string Output, string Error)> Run(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task PrintsNdcgAndMapLinesForTheTestFile()
    {
        var (exitCode, output, error) = await Run("ltr-eval",
            "--train", WriteLetor("train.txt", 60, 1), "--valid", WriteLetor("valid.txt", 20, 2), "--test", WriteLetor("test.txt", 20, 3));
        Assert.True(exitCode == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string[] expected = ["NDCG@1", "NDCG@3", "NDCG@5", "NDCG@10", "MAP", "NDCG@1(empty=1)", "NDCG@3(empty=1)", "NDCG@5(empty=1)", "NDCG@10(empty=1)"];
        Assert.Equal(expected, lines.Select(line => line.Split(' ')[0]));
        var ndcg10 = double.Parse(lines[3].Split(' ')[1], CultureInfo.InvariantCulture);
        Assert.InRange(ndcg10, 0.8, 1.0); // relevance follows feature 1 closely, so a working ranker is near perfect
    }

    [Fact]
    public async Task MalformedFileIsNamedWithItsLine()
    {
        var bad = Path.Combine(root, "bad.txt");
        File.WriteAllText(bad, "1 qid:1 1:0.5\nnot a letor line\n");
        var (exitCode, _, error) = await Run("ltr-eval", "--train", bad, "--valid", bad, "--test", bad);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("Line 2", error);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
