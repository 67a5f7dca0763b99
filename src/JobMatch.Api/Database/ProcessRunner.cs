using System.Diagnostics;

namespace JobMatch.Api.Database;

/// <summary>Runs a command to completion, optionally as another system account (PostgreSQL refuses to run as root).</summary>
sealed record ProcessResult(int ExitCode, string Output);

static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> args, string? runAs, CancellationToken ct = default)
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
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return new ProcessResult(process.ExitCode, (await stdout + await stderr).Trim());
    }
}
