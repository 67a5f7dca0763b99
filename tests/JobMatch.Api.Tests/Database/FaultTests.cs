using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using JobMatch.Api.Database;
using JobMatch.Api.Tests.Infrastructure;
using Npgsql;

namespace JobMatch.Api.Tests.Database;

/// <summary>
/// Real faults against the real program and its embedded PostgreSQL: the service killed in the middle of an import,
/// and its PostgreSQL killed under load, which the service restarts itself, or, when it cannot, reports through liveness.
/// </summary>
public sealed class FaultTests : IDisposable
{
    // Rate limits are proven elsewhere (RateLimitTests); here they would only stand between the load and the database.
    static readonly string[] Unlimited = ["--Limits:RequestsPerMinute=1000000", "--Limits:RequestsPerMinutePerAddress=1000000"];
    readonly ServiceProcess program = new();

    [Fact]
    public async Task KilledInTheMiddleOfAnImportLeavesNoPartialBatchAndTheRetrySucceeds()
    {
        var (service, http, _) = await program.Serve(Unlimited);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await program.Token());
        var fair = await http.CreateFair();
        const int rows = 30_000;
        var file = Listings.Csv([
            "单位名称,岗位名称,招聘人数",
            .. Enumerable.Range(0, rows).Select(i => $"淮南断电{i % 3_000:D4}有限公司,岗位{i:D5},{1 + i % 5}")]);

        var upload = http.Upload(fair, file, "big.csv");
        // SIGKILL once the import's transaction has written new companies (COPY companies holds its lock to the end).
        var clock = Stopwatch.StartNew();
        while (!await WritingCompanies())
        {
            Assert.False(upload.IsCompleted, "the import finished before the service could be killed: make the file bigger");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "the import never started writing");
            await Task.Delay(10);
        }
        var socketOfTheKilled = program.Postmaster().SocketDirectory;
        await ServiceProcess.Signal(service, "KILL");
        await service.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => upload);

        // A new service on the same data directory: it stops the orphaned PostgreSQL and starts its own, and removes
        // the socket folder the killed one left in the temporary directory.
        (_, http, _) = await program.Serve(Unlimited);
        Assert.False(Directory.Exists(socketOfTheKilled), $"{socketOfTheKilled} was left behind");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await program.Token());
        Assert.Equal((0L, 0L, 0L), await Imported(fair));
        Assert.Equal(0, (await (await http.GetAsync("/api/imports/running")).ReadJson()).GetArrayLength());
        Assert.Empty(await http.OpeningsOf(fair));

        var retry = await http.Upload(fair, file, "big.csv");
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        var batch = await retry.ReadJson();
        Assert.Equal("completed", batch.GetProperty("status").GetString());
        Assert.Equal(rows, batch.Count("positionsCreated"));
        Assert.Equal((1L, 3_000L, (long)rows), await Imported(fair));
    }

    [Fact]
    public async Task PostgresKilledUnderLoadAnswers503AndTheServiceRestartsItOnItsOwn()
    {
        var (service, http, _) = await program.Serve(Unlimited);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await program.Token());
        var opening = (await (await http.GetAsync("/api/openings?limit=1")).ReadJson()).GetProperty("items")[0].GetProperty("id").GetGuid();
        string[] routes = ["/api/companies?limit=5", $"/api/openings/{opening}", "/api/job-fairs", "/api/openings?q=电工&limit=5"];
        var killed = program.Postmaster().Pid;

        var phase = 0; // 0 database up, 1 postmaster killed, 2 back
        var answers = new ConcurrentQueue<Answer>();
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var i = worker; !stop.IsCancellationRequested; i++)
            {
                var route = routes[i % routes.Length];
                var during = Volatile.Read(ref phase);
                var clock = Stopwatch.StartNew();
                using var response = await http.GetAsync(route, CancellationToken.None);
                var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                answers.Enqueue(new Answer(during, route, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType,
                    response.Headers.RetryAfter is not null, clock.Elapsed, body, DateTime.UtcNow));
                await Task.Delay(20, CancellationToken.None);
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(2));
        // The hardest stop there is: no shutdown, a stale postmaster.pid, backends dying on their own. Nobody starts it again.
        await KillPostmaster(killed);
        Volatile.Write(ref phase, 1);
        var back = Stopwatch.StartNew();
        // Back once a new postmaster serves: the killed one's backends may answer for a moment before they notice.
        while (!(Restarted(killed) && (await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK))
        {
            Assert.True(back.Elapsed < TimeSpan.FromSeconds(60), "the service did not bring its database back within 60 s");
            await Task.Delay(100);
        }
        Volatile.Write(ref phase, 2);
        var recovered = DateTime.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(2));
        await stop.CancelAsync();
        await Task.WhenAll(load);

        var all = answers.ToList();
        var wrong = all.Where(a => a.Status is not (200 or 503)).Select(a => $"{a.Route}: {a.Status} {a.Body}").ToList();
        Assert.True(wrong.Count == 0, "only 200 or 503 under an outage:\n" + string.Join("\n", wrong.Take(10)));
        var outage = all.Where(a => a.Phase == 1).ToList();
        Assert.Contains(outage, a => a.Status == 503);
        Assert.All(all.Where(a => a.Status == 503), a =>
        {
            Assert.Equal("application/problem+json", a.MediaType);
            Assert.True(a.RetryAfter, "a 503 says when to retry");
            using var problem = JsonDocument.Parse(a.Body);
            Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
            Assert.DoesNotContain("Npgsql", a.Body, StringComparison.OrdinalIgnoreCase);
        });
        // Within the connection and command timeouts (5 s and 30 s), never hanging.
        Assert.True(outage.Max(a => a.Elapsed) < TimeSpan.FromSeconds(30), $"slowest answer in the outage: {outage.Max(a => a.Elapsed)}");
        var after = all.Where(a => a.At > recovered.AddMilliseconds(500)).ToList();
        Assert.NotEmpty(after);
        Assert.All(after, a => Assert.Equal(200, a.Status));
        Assert.False(service.HasExited, "the same service process recovered");
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        (await http.PostAsJsonAsync("/api/companies", new { name = "停库之后的公司" })).EnsureSuccessStatusCode();
        await ServiceProcess.Terminate(service);
        Assert.Contains(program.Logged, line => line.Contains("Embedded PostgreSQL restarted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostgresThatCannotBeRestartedFailsLivenessAfterTheConfiguredOutageAndIsWarnedAboutOnce()
    {
        var (service, http, _) = await program.Serve([.. Unlimited, "--Embedded:LivenessOutage=00:00:03"]);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await program.Token());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/companies?limit=1")).StatusCode);
        // The data directory goes away under the running server (which keeps its open folder), then the server dies:
        // every restart now fails, as after a lost disk.
        var postmaster = program.Postmaster().Pid;
        Directory.Move(program.DataDirectory, program.DataDirectory + ".lost");
        await KillPostmaster(postmaster);

        const int refused = 100;
        for (var i = 0; i < refused; i++)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/api/companies?limit=1")).StatusCode);
        }
        var clock = Stopwatch.StartNew();
        while ((await http.GetAsync("/health/live")).StatusCode == HttpStatusCode.OK)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "liveness still answered 200 a minute into an outage configured as 3 s");
            await Task.Delay(200);
        }
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/health/ready")).StatusCode);
        await ServiceProcess.Terminate(service);

        // One warning when the outage began (and at most one summary a minute), not one per refused request.
        var warnings = program.Logged.Count(line => line.Contains("Database unavailable", StringComparison.Ordinal)
            || line.Contains("Database still unavailable", StringComparison.Ordinal));
        Assert.InRange(warnings, 1, 2);
        Assert.Contains(program.Logged, line => line.Contains("Embedded PostgreSQL could not be restarted", StringComparison.Ordinal));
    }

    bool Restarted(int killed)
    {
        try
        {
            var pid = program.Postmaster().Pid;
            return pid != killed && ClusterDirectory.IsRunningPostgres(pid);
        }
        catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException)
        {
            return false; // postmaster.pid is being written
        }
    }

    static Task KillPostmaster(int pid) => ProcessRunner.RunAsync("kill", ["-KILL", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)], null);

    sealed record Answer(int Phase, string Route, int Status, string? MediaType, bool RetryAfter, TimeSpan Elapsed, string Body, DateTime At);

    async Task<bool> WritingCompanies()
    {
        await using var db = new NpgsqlConnection(program.SuperuserConnectionString());
        await db.OpenAsync();
        return await db.ExecuteScalarAsync<bool>("""
            SELECT EXISTS (SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_stat_activity a ON a.pid = l.pid
                           WHERE a.usename = 'jobmatch' AND c.relname = 'companies' AND l.mode = 'RowExclusiveLock' AND l.granted)
            """);
    }

    /// <summary>Batches, companies and positions of this import in the database.</summary>
    async Task<(long Batches, long Companies, long Positions)> Imported(Guid fair)
    {
        await using var db = new NpgsqlConnection(program.SuperuserConnectionString());
        await db.OpenAsync();
        return await db.QuerySingleAsync<(long, long, long)>("""
            SELECT (SELECT count(*) FROM import_batches WHERE fair_id = @fair),
                   (SELECT count(*) FROM companies WHERE name LIKE '淮南断电%'),
                   (SELECT count(*) FROM positions WHERE fair_id = @fair)
            """, new { fair });
    }

    public void Dispose() => program.Dispose();
}
