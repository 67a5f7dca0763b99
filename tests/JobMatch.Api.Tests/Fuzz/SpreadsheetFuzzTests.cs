using System.Diagnostics;
using JobMatch.Api.Imports;
using JobMatch.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace JobMatch.Api.Tests.Fuzz;

/// <summary>
/// The spreadsheet reader and the listing row reader, without a database, on random, mutated and hostile files
/// (<see cref="SpreadsheetFiles"/>): every file ends in rows or in the importer's own <see cref="UnreadableFileException"/>,
/// never another exception; within a generous time (a hang check, not a speed test); and allocating a bounded amount.
/// </summary>
public sealed class SpreadsheetFuzzTests(ApiFactory api, ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    static readonly TimeSpan HangAfter = TimeSpan.FromSeconds(20);

    /// <summary>What reading may allocate: 64 MB, and 100 bytes per byte of the file (a 1 MB file: 164 MB).</summary>
    static long AllocationBound(byte[] file) => (64L << 20) + 100L * file.Length;

    [Fact]
    public async Task EveryFileIsReadOrRefusedClearlyWithinBoundedTimeAndMemory()
    {
        var files = Files(new Random(HostileInputs.Seed));
        var violations = new List<string>();
        var count = 0;
        foreach (var file in files)
        {
            count++;
            var run = Task.Factory.StartNew(() => Read(file.Bytes), TaskCreationOptions.LongRunning);
            if (await Task.WhenAny(run, Task.Delay(HangAfter)) != run)
            {
                violations.Add($"{file.Name}: no end within {HangAfter.TotalSeconds} s");
                continue;
            }
            var (outcome, allocated, elapsed, error) = await run;
            output.WriteLine($"{file.Name} ({file.Bytes.Length:N0} bytes): {outcome}, {allocated >> 20} MB allocated, {elapsed.TotalMilliseconds:N0} ms");
            if (error is not null)
            {
                violations.Add($"{file.Name}: {error.GetType().Name}: {HostileInputs.Clip(error.Message)}\n    {HostileInputs.Clip(error.StackTrace, 600)}");
            }
            else if (allocated > AllocationBound(file.Bytes))
            {
                violations.Add($"{file.Name} ({file.Bytes.Length:N0} bytes): allocated {allocated >> 20} MB, over {AllocationBound(file.Bytes) >> 20} MB");
            }
        }
        output.WriteLine($"{count} files, seed {HostileInputs.Seed}");
        Assert.True(violations.Count == 0, $"{violations.Count} of {count} files (seed {HostileInputs.Seed}) broke the rules:\n" + string.Join("\n", violations));
    }

    /// <summary>
    /// The same files, every fourth one, through the import endpoint into a real fair and database, as a dry run and then
    /// committed: each answers 2xx or a ProblemDetails 4xx, and the service is still ready afterwards.
    /// </summary>
    [Fact]
    public async Task EveryFileUploadedToAFairAnswersARowReportOrAProblemNeverA5xx()
    {
        var admin = api.Admin();
        var fair = await admin.CreateFair();
        var violations = new List<string>();
        var (count, committed) = (0, 0);
        var statuses = new SortedDictionary<int, int>();
        foreach (var file in Files(new Random(HostileInputs.Seed)).Where((_, i) => i % 4 == 0))
        {
            foreach (var query in new[] { "?dryRun=true", "" })
            {
                count++;
                var name = file.Name.StartsWith("XLSX", StringComparison.Ordinal) || file.Name.StartsWith("valid XLSX", StringComparison.Ordinal) ? "fuzz.xlsx" : "fuzz.csv";
                using var response = await admin.Upload(fair, file.Bytes, name, query);
                committed += query == "" && response.IsSuccessStatusCode ? 1 : 0;
                statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
                if (await HostileInputs.Violation(response) is { } violation)
                {
                    violations.Add($"{file.Name} ({query}): {violation}: {HostileInputs.Clip(await response.Content.ReadAsStringAsync())}");
                }
            }
        }
        output.WriteLine($"{count} uploads, {committed} committed; " + string.Join(", ", statuses.Select(s => $"{s.Value} × {s.Key}")));
        Assert.DoesNotContain(404, statuses.Keys); // every upload reached the importer
        var ready = await api.CreateClient().GetAsync("/health/ready");
        Assert.True(ready.IsSuccessStatusCode, $"/health/ready answered {(int)ready.StatusCode} after the fuzz");
        Assert.True(committed > 0, "no upload committed: the files never reached the writer");
        Assert.True(violations.Count == 0, $"{violations.Count} of {count} uploads (seed {HostileInputs.Seed}) broke the rules:\n" + string.Join("\n", violations));
    }

    static IEnumerable<FuzzFile> Files(Random random) => SpreadsheetFiles.Valid()
        .Concat(SpreadsheetFiles.Random(random, 40))
        .Concat(SpreadsheetFiles.Mutated(random, 60))
        .Concat(SpreadsheetFiles.HostileCells())
        .Concat(SpreadsheetFiles.HostileXlsx(random));

    /// <summary>Reads a file as an import does before the database: the sheet, the header, the rows. Runs on one thread, so its allocations can be counted.</summary>
    static (string Outcome, long Allocated, TimeSpan Elapsed, Exception? Error) Read(byte[] file)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        string outcome;
        try
        {
            var sheet = SheetReader.Read(file, new ImportOptions());
            outcome = Headers.Find(sheet.Rows, null) is { } map
                ? $"{sheet.Rows.Count} rows, {RowReader.Read(sheet.Rows, map).Rows.Count} parsed"
                : $"{sheet.Rows.Count} rows, no header";
        }
        catch (UnreadableFileException unreadable)
        {
            outcome = "refused: " + unreadable.Message;
        }
        catch (Exception error)
        {
            return ("failed", GC.GetAllocatedBytesForCurrentThread() - before, watch.Elapsed, error);
        }
        return (outcome, GC.GetAllocatedBytesForCurrentThread() - before, watch.Elapsed, null);
    }
}
