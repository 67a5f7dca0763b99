using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using JobMatch.Api.Auth;
using JobMatch.Api.DemoData;
using JobMatch.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace JobMatch.Api.Tests.Backup;

/// <summary>The backup and restore commands, run as the real program against a configured server (the test cluster).</summary>
public sealed class BackupRestoreTests(ApiFactory api, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<ApiFactory>, IDisposable
{
    readonly string root = TempRoot.Create("jobmatch-backup-");

    [Fact]
    public async Task RestoreBringsBackEveryTableAsItWasAtTheBackupAndTheServiceServesIt()
    {
        await using var service = api.WithWebHostBuilder(_ => { });
        Assert.True(await DemoDataLoader.LoadAsync(service.Services, new Progress<SeedProgress>(), CancellationToken.None));
        using var admin = AdminOf(service);
        await admin.CreateCompany();
        await using var db = new NpgsqlConnection(api.Cluster.SuperuserConnectionString(api.Database));
        var atBackup = await Checksums(db);
        var archive = Path.Combine(root, "jobmatch.dump");

        // As the service role over TCP, the service running: its password reaches pg_dump through PGPASSWORD only.
        var clock = Stopwatch.StartNew();
        var backup = await Run("backup", archive, $"--ConnectionStrings:JobMatch={api.Cluster.AppConnectionString(api.Database)}");
        var backupTime = clock.Elapsed;
        Assert.True(backup.ExitCode == 0, backup.Error);
        Assert.Contains($"{atBackup.Count} tables, {atBackup.Values.Sum(t => t.Rows):N0} rows", backup.Output);
        Assert.DoesNotContain(api.Cluster.Password, backup.Output + backup.Error);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(archive));
        Assert.Equal([archive], Directory.GetFiles(root));

        // After it: a company through the service (and its audit entry), rows deleted and changed behind its back.
        var later = await admin.CreateCompany();
        var laterEntries = (await db.QueryAsync<Guid>("SELECT id FROM audit.entries WHERE object_id = @later", new { later })).ToList();
        await db.ExecuteAsync("""
            DELETE FROM application_events; DELETE FROM applications; UPDATE veterans SET home_district = NULL, status = 'employed';
            DELETE FROM recruiter_links; INSERT INTO app_state (key, value) VALUES ('written_after_the_backup', 'x')
            """);
        var whileServing = await Run(["restore", archive, "--yes", .. Configured(api.Database)]);
        Assert.Equal(2, whileServing.ExitCode);
        Assert.Contains("other sessions are connected", whileServing.Error);
        await service.DisposeAsync();
        NpgsqlConnection.ClearAllPools(); // the migrator's connection outlives the host in Npgsql's pool: as if the service's process had ended

        clock.Restart();
        var restore = await Run(["restore", archive, "--yes", $"--Privacy:EncryptionKey={ApiFactory.PrivacyKey}", .. Configured(api.Database)]);
        var restoreTime = clock.Elapsed;
        Assert.True(restore.ExitCode == 0, restore.Error);
        Assert.Contains($"{laterEntries.Count + 1} audit entries written since the backup kept", restore.Output);
        Assert.Equal("", restore.Error); // the key configured reads the restored ID numbers: no warning

        var restored = await Checksums(db);
        Assert.Equal(atBackup.Keys.Order(), restored.Keys.Order());
        Assert.All(atBackup.Keys.Where(table => table != "audit.entries"), table => Assert.Equal((table, atBackup[table]), (table, restored[table])));
        // The log keeps its history: every archived entry, those written since the backup, and the restore itself.
        var auditNow = (await db.QueryAsync<(Guid Id, string Action)>("SELECT id, action FROM audit.entries")).ToList();
        Assert.Subset(auditNow.Select(entry => entry.Id).ToHashSet(), laterEntries.ToHashSet());
        Assert.Contains(auditNow, entry => entry.Action == "database.backed_up");
        Assert.Single(auditNow, entry => entry.Action == "database.restored");
        Assert.Equal(atBackup["audit.entries"].Rows + laterEntries.Count + 2, auditNow.Count); // + the backup's own entry and the restore's

        // The service role owns its tables again, and may still only read and append the audit log.
        Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner <> 'jobmatch'"));
        Assert.Equal("postgres", await db.ExecuteScalarAsync<string>("SELECT tableowner FROM pg_tables WHERE schemaname = 'audit' AND tablename = 'entries'"));
        Assert.True(await db.ExecuteScalarAsync<bool>("""
            SELECT has_table_privilege('jobmatch', 'audit.entries', 'SELECT, INSERT') AND NOT has_table_privilege('jobmatch', 'audit.entries', 'UPDATE, DELETE, TRUNCATE')
            """));

        // A service started on the restored database serves it.
        await using var restarted = api.WithWebHostBuilder(_ => { });
        using var client = AdminOf(restarted);
        var companies = await client.GetFromJsonAsync<JsonElement>("/api/companies?limit=1");
        Assert.Equal(await db.ExecuteScalarAsync<long>("SELECT count(*) FROM companies"), companies.GetProperty("total").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/companies/{later}")).StatusCode);
        await client.CreateCompany();
        output.WriteLine($"Demo data: backup {backupTime.TotalSeconds:0.0} s, restore {restoreTime.TotalSeconds:0.0} s (each with the program's start)");
    }

    static HttpClient AdminOf(WebApplicationFactory<Program> service)
    {
        var client = service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenIssuer.Issue(ApiFactory.Auth, Roles.Admin, "admin-1"));
        return client;
    }

    [Fact]
    public async Task ARestoreThatFailsPartWayLeavesTheDataAsItWas()
    {
        var database = await DatabaseWithCompanies(500);
        var archive = Path.Combine(root, "cut.dump");
        Assert.Equal(0, (await Run(["backup", archive, .. Configured(database)])).ExitCode);
        await using var db = new NpgsqlConnection(api.Cluster.SuperuserConnectionString(database));
        await db.ExecuteAsync("DELETE FROM companies WHERE name LIKE '%7'; INSERT INTO app_state (key, value) VALUES ('after', 'x')");
        var before = await Checksums(db);
        // The table of contents is whole, the last table's rows are cut: pg_restore fails after it has dropped everything.
        var bytes = await File.ReadAllBytesAsync(archive);
        await File.WriteAllBytesAsync(archive, bytes[..^40]);

        var restore = await Run(["restore", archive, "--yes", .. Configured(database)]);

        Assert.Equal(2, restore.ExitCode);
        Assert.StartsWith($"The restore failed and was rolled back, so database {database} on ", restore.Error);
        Assert.Contains("is as it was: pg_restore: error:", restore.Error);
        Assert.Equal(before, await Checksums(db));
    }

    [Fact]
    public async Task RestoreRefusesAMissingFileOrOneThatIsNotABackupAndAsksForYes()
    {
        var database = await DatabaseWithCompanies(3);
        await using var db = new NpgsqlConnection(api.Cluster.SuperuserConnectionString(database));
        var missing = Path.Combine(root, "missing.dump");
        var text = Path.Combine(root, "dump.sql");
        await File.WriteAllTextAsync(text, "CREATE TABLE x ();\n");
        var garbage = Path.Combine(root, "garbage.dump");
        await File.WriteAllBytesAsync(garbage, [.. "PGDMP"u8, .. new byte[200].Select((_, i) => (byte)(i * 37))]);
        var archive = Path.Combine(root, "good.dump");
        Assert.Equal(0, (await Run(["backup", archive, .. Configured(database)])).ExitCode);
        var before = await Checksums(db);

        (int ExitCode, string Error) Refused((int ExitCode, string Output, string Error) run) => (run.ExitCode, run.Error);
        Assert.Equal((2, $"There is no file {missing}: nothing was restored."), Refused(await Run(["restore", missing, "--yes", .. Configured(database)])));
        Assert.Equal((2, $"{text} is not a pg_dump custom-format archive (what `backup` writes): nothing was restored."),
            Refused(await Run(["restore", text, "--yes", .. Configured(database)])));
        var damaged = await Run(["restore", garbage, "--yes", .. Configured(database)]);
        Assert.Equal(2, damaged.ExitCode);
        Assert.Matches($@"^{garbage} cannot be read as a backup \(pg_restore: error: .+\): nothing was restored\.$", damaged.Error);
        var unconfirmed = await Run(["restore", archive, .. Configured(database)]);
        Assert.Equal(2, unconfirmed.ExitCode);
        Assert.Matches($@"^{archive} is a backup of database {database} made .+ UTC \(\d+ tables\)\. Restoring it replaces everything in database {database} on .+: add --yes to go ahead\.$", unconfirmed.Error);
        Assert.Equal(before, await Checksums(db));
    }

    [Fact]
    public async Task BackupNeverReplacesAFileUnlessForcedAndAFailedOneLeavesNothing()
    {
        var database = await DatabaseWithCompanies(3);
        var archive = Path.Combine(root, "existing.dump");
        await File.WriteAllTextAsync(archive, "an earlier backup");

        var refused = await Run(["backup", archive, .. Configured(database)]);
        Assert.Equal((2, $"{archive} exists: add --force to replace it."), (refused.ExitCode, refused.Error));
        Assert.Equal("an earlier backup", await File.ReadAllTextAsync(archive));

        var failed = await Run("backup", Path.Combine(root, "failed.dump"), $"--ConnectionStrings:JobMatch={api.Cluster.AppConnectionString(database)}-wrong");
        Assert.Equal(2, failed.ExitCode);
        Assert.StartsWith("Could not use the database", failed.Error);
        Assert.DoesNotContain(api.Cluster.Password, failed.Output + failed.Error);
        Assert.Equal([archive], Directory.GetFiles(root)); // neither the archive nor its partial file

        var forced = await Run(["backup", archive, "--force", .. Configured(database)]);
        Assert.True(forced.ExitCode == 0, forced.Error);
        Assert.Equal("PGDMP"u8.ToArray(), (await File.ReadAllBytesAsync(archive))[..5]);
        Assert.Equal([archive], Directory.GetFiles(root));
    }

    string[] Configured(string database) =>
        [$"--ConnectionStrings:JobMatch={api.Cluster.AppConnectionString(database)}", $"--ConnectionStrings:JobMatchAdmin={api.Cluster.SuperuserConnectionString(database)}"];

    async Task<string> DatabaseWithCompanies(int count)
    {
        var database = await api.Cluster.CreateDatabaseAsync();
        await using var db = new NpgsqlConnection(api.Cluster.SuperuserConnectionString(database));
        await db.ExecuteAsync("""
            INSERT INTO companies (id, name, normalized_name, created_by)
            SELECT gen_random_uuid(), '备份测试公司' || i, '备份测试公司' || i, 'test' FROM generate_series(1, @count) i
            """, new { count });
        return database;
    }

    /// <summary>Every table of the database: its row count and an md5 of all its rows in a fixed order.</summary>
    static async Task<Dictionary<string, (long Rows, string Sum)>> Checksums(NpgsqlConnection db)
    {
        var sums = new Dictionary<string, (long, string)>();
        foreach (var table in await db.QueryAsync<string>("SELECT format('%I.%I', schemaname, tablename) FROM pg_tables WHERE schemaname IN ('public', 'audit')"))
        {
            sums[table] = await db.QuerySingleAsync<(long, string)>(
                $"SELECT count(*), coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') FROM {table} t");
        }
        return sums;
    }

    static async Task<(int ExitCode, string Output, string Error)> Run(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args.Prepend(typeof(Program).Assembly.Location))
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment.Remove("ConnectionStrings__JobMatch");
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await output).Trim(), (await error).Trim());
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
