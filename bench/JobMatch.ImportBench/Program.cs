using System.Diagnostics;
using System.Text;
using JobMatch.Api.Database;
using JobMatch.Api.Imports;
using JobMatch.ImportBench;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

// sample: (re)writes data/listings/ from the generator. run: times imports against a throwaway PostgreSQL.
Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
var command = args.FirstOrDefault() ?? "run";
var dataDirectory = Path.GetFullPath(args.Skip(1).FirstOrDefault(arg => !arg.StartsWith("--", StringComparison.Ordinal)) ?? FindData());

if (command == "sample")
{
    var fair = SampleFair.Generate(182, 384, 1264, seed: 20230316);
    Directory.CreateDirectory(dataDirectory);
    await File.WriteAllBytesAsync(Path.Combine(dataDirectory, "fair-2023-03-16.xlsx"), SampleFair.ToXlsx(fair));
    await File.WriteAllBytesAsync(Path.Combine(dataDirectory, "fair-2023-03-16.gbk.csv"), SampleFair.ToCsv(fair, Encoding.GetEncoding("GBK")));
    Console.WriteLine($"Wrote {fair.Count} companies, {fair.Sum(c => c.Positions.Count)} positions, " +
                      $"{fair.Sum(c => c.Positions.Sum(p => p.Headcount))} openings to {dataDirectory}");
    return 0;
}
if (command == "stages")
{
    // Where the time goes without the database: reading the sheet, then parsing and validating its rows.
    var listings = SampleFair.Generate(20_000, 100_000, 300_000, seed: 7);
    foreach (var (label, file) in new[] { ("xlsx", SampleFair.ToXlsx(listings)), ("csv", SampleFair.ToCsv(listings, new UTF8Encoding(true))) })
    {
        var watch = Stopwatch.StartNew();
        var sheet = SheetReader.Read(file, new ImportOptions());
        var read = watch.Elapsed.TotalSeconds;
        var map = Headers.Find(sheet.Rows, null)!;
        var (rows, problems, _) = RowReader.Read(sheet.Rows, map);
        Console.WriteLine($"{label}: read {read:0.000} s, parse {watch.Elapsed.TotalSeconds - read:0.000} s, {rows.Count} rows, {problems.Count} report lines");
    }
    return 0;
}
if (command is not ("run" or "ratio"))
{
    Console.Error.WriteLine("usage: JobMatch.ImportBench [sample [data/listings] | stages | run [--stages] | ratio --out FILE]");
    return 2;
}

var root = Directory.CreateTempSubdirectory("jobmatch-bench-").FullName;
if (!OperatingSystem.IsWindows())
{
    File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101); // PostgreSQL runs as postgres when we run as root
}
await using var postgres = await EmbeddedPostgres.StartAsync(new EmbeddedOptions { DataDirectory = Path.Combine(root, "pgdata") }, NullLogger.Instance);
await postgres.EnsureAppDatabaseAsync("bench", "benchpassword");
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["ConnectionStrings:JobMatch"] = postgres.AppConnectionString("bench", "benchpassword"),
    ["ConnectionStrings:JobMatchAdmin"] = postgres.SuperuserConnectionString("bench"),
}).Build();
await new Migrator(configuration, NullLogger<Migrator>.Instance).MigrateAsync();
await using var dataSource = NpgsqlDataSource.Create(postgres.AppConnectionString("bench", "benchpassword"));
if (command == "ratio")
{
    var rows = SampleFair.Generate(20_000, 100_000, 300_000, seed: 7);
    var output = args.SkipWhile(arg => arg != "--out").Skip(1).FirstOrDefault() ?? "import-ratio.md";
    var code = await ImportRatio.RunAsync(dataSource,
        [("100,000 rows CSV", SampleFair.ToCsv(rows, new UTF8Encoding(true))), ("100,000 rows XLSX", SampleFair.ToXlsx(rows))], output, runs: 3);
    Directory.Delete(root, recursive: true);
    return code;
}

var sampleXlsx = await File.ReadAllBytesAsync(Path.Combine(dataDirectory, "fair-2023-03-16.xlsx"));
var sampleCsv = await File.ReadAllBytesAsync(Path.Combine(dataDirectory, "fair-2023-03-16.gbk.csv"));
var big = SampleFair.Generate(20_000, 100_000, 300_000, seed: 7);
var bigXlsx = SampleFair.ToXlsx(big);
var bigCsv = SampleFair.ToCsv(big, new UTF8Encoding(true));

if (args.Contains("--stages"))
{
    await using var db = await dataSource.OpenConnectionAsync();
    var fairId = Guid.CreateVersion7();
    await using (var create = new NpgsqlCommand("INSERT INTO job_fairs (id, name, held_on, online, created_by) VALUES ($1, 'bench', '2023-03-16', true, 'bench')", db))
    {
        create.Parameters.AddWithValue(fairId);
        await create.ExecuteNonQueryAsync();
    }
    var watch = Stopwatch.StartNew();
    var sheet = SheetReader.Read(bigCsv, new ImportOptions());
    var (parsed, problems, _) = RowReader.Read(sheet.Rows, Headers.Find(sheet.Rows, null)!);
    Console.WriteLine($"read+parse {watch.Elapsed.TotalSeconds:0.000}");
    await using var tx = await db.BeginTransactionAsync();
    var batchId = Guid.CreateVersion7();
    await using (var batch = new NpgsqlCommand("INSERT INTO import_batches (id, fair_id, file_name, file_sha256, file_bytes, format, status, rows_total, rows_processed, created_by) VALUES ($1, $2, 'x', $3, 0, 'csv', 'completed', 0, 0, 'bench')", db, tx))
    {
        batch.Parameters.AddWithValue(batchId);
        batch.Parameters.AddWithValue(fairId);
        batch.Parameters.AddWithValue(new byte[32]);
        await batch.ExecuteNonQueryAsync();
    }
    var plan = await ImportPlan.BuildAsync(db, tx, parsed, problems, null);
    Console.WriteLine($"plan {watch.Elapsed.TotalSeconds:0.000}");
    await ImportWriter.WriteAsync(db, tx, batchId, new ImportSource(fairId, null), plan, "bench", CancellationToken.None);
    Console.WriteLine($"write {watch.Elapsed.TotalSeconds:0.000}");
    await tx.CommitAsync();
    Console.WriteLine($"commit {watch.Elapsed.TotalSeconds:0.000}");
    return 0;
}
Console.WriteLine($"PostgreSQL {postgres.DataDirectory}; {Environment.ProcessorCount} cores; times are the median of the runs");
Console.WriteLine("| file | rows | runs | median | best | target |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | --- |");
await Measure("sample fair XLSX (1,264 openings)", sampleXlsx, 7, "< 1 s");
await Measure("sample fair GBK CSV (1,264 openings)", sampleCsv, 7, "< 1 s");
await Measure("100,000 rows XLSX", bigXlsx, 3, "< 10 s");
await Measure("100,000 rows CSV", bigCsv, 3, "< 10 s");
Directory.Delete(root, recursive: true);
return 0;

// Each run imports into a fresh fair: parse, plan, COPY, upsert and commit, as an upload does after reading the body.
async Task Measure(string label, byte[] file, int runs, string target)
{
    var times = new List<double>();
    var rows = 0;
    for (var run = 0; run < runs; run++)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        var fairId = Guid.CreateVersion7();
        await using (var create = new NpgsqlCommand("INSERT INTO job_fairs (id, name, held_on, online, created_by) VALUES ($1, 'bench', '2023-03-16', true, 'bench')", db))
        {
            create.Parameters.AddWithValue(fairId);
            await create.ExecuteNonQueryAsync();
        }
        var watch = Stopwatch.StartNew();
        await using var tx = await db.BeginTransactionAsync();
        var result = await ImportRunner.RunAsync(db, tx, Guid.CreateVersion7(),
            new ImportRequest(new ImportSource(fairId, null), label, file, null, "bench", null), new ImportOptions(), null, CancellationToken.None);
        await tx.CommitAsync();
        times.Add(watch.Elapsed.TotalSeconds);
        rows = result.RowsRead;
        if (result.RowsRejected > 0)
        {
            throw new InvalidOperationException($"{label}: {result.RowsRejected} rows rejected");
        }
    }
    times.Sort();
    Console.WriteLine($"| {label} | {rows:N0} | {runs} | {times[runs / 2]:0.000} s | {times[0]:0.000} s | {target} |");
}

static string FindData()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (Directory.Exists(Path.Combine(directory.FullName, "data", "listings")) || File.Exists(Path.Combine(directory.FullName, "JobMatch.sln")))
        {
            return Path.Combine(directory.FullName, "data", "listings");
        }
    }
    return Path.Combine("data", "listings");
}
