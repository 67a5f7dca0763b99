using System.Diagnostics;
using System.Text;

namespace JobMatch.Api.Database;

/// <summary>Runs a command to completion, optionally as another system account (PostgreSQL refuses to run as root).</summary>
sealed record ProcessResult(int ExitCode, string Output);

static class ProcessRunner
{
    /// <summary>
    /// <paramref name="environment"/> is added to the child's own (how a password reaches pg_dump: never on the command
    /// line); <paramref name="onErrorLine"/> sees each line of stderr as it comes (progress of a long run).
    /// </summary>
    public static async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> args, string? runAs, CancellationToken ct = default,
        IReadOnlyDictionary<string, string>? environment = null, Action<string>? onErrorLine = null)
    {
        var info = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (runAs is null)
        {
            info.FileName = fileName;
        }
        else
        {
            // setpriv execs in place (no extra fork), so the command's exit code and signals are its own.
            info.FileName = "setpriv";
            foreach (var arg in new[] { $"--reuid={runAs}", $"--regid={runAs}", "--init-groups", "--", fileName })
            {
                info.ArgumentList.Add(arg);
            }
        }
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = ReadLinesAsync(process.StandardError, onErrorLine, ct);
        await process.WaitForExitAsync(ct);
        return new ProcessResult(process.ExitCode, (await stdout + await stderr).Trim());
    }

    static async Task<string> ReadLinesAsync(StreamReader reader, Action<string>? onLine, CancellationToken ct)
    {
        var all = new StringBuilder();
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            onLine?.Invoke(line);
            all.AppendLine(line);
        }
        return all.ToString();
    }
}
