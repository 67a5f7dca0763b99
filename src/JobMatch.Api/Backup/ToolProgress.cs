using System.Text.RegularExpressions;
using JobMatch.Api.Database;
using Spectre.Console;

namespace JobMatch.Api.Backup;

/// <summary>pg_dump and pg_restore --verbose name each table as they reach its rows: that is the progress bar.</summary>
static partial class ToolProgress
{
    public static async Task<ProcessResult> RunAsync(BackupTarget target, string tool, IEnumerable<string> args, int tables, CancellationToken ct)
    {
        ProcessResult result = null!;
        await AnsiConsole.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn())
            .StartAsync(async progress =>
            {
                var bar = progress.AddTask(tool, maxValue: Math.Max(tables, 1));
                result = await target.RunAsync(tool, args, ct, line =>
                {
                    if (TableLine().Match(line) is { Success: true } table)
                    {
                        bar.Increment(1);
                        bar.Description = Markup.Escape($"{tool} {table.Groups[1].Value}");
                    }
                });
                bar.Description = result.ExitCode == 0 ? $"{tool}: {tables} tables" : $"{tool}: failed";
                if (result.ExitCode == 0)
                {
                    bar.Value = bar.MaxValue;
                }
            });
        return result;
    }

    // pg_dump: dumping contents of table "public.companies" / pg_restore: processing data for table "public.companies"
    [GeneratedRegex("""^pg_\w+: (?:dumping contents of|processing data for) table "(.+)"$""")]
    private static partial Regex TableLine();
}
