using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using JobMatch.Api.Conventions;
using JobMatch.Api.Database;
using JobMatch.Api.Tests.Infrastructure;
using JobMatch.Api.Tests.Mentoring;
using Npgsql;

namespace JobMatch.Api.Tests.Database;

/// <summary>A configured server (a connection string) that refuses the service: 503s, one warning, liveness kept.</summary>
public sealed class DatabaseOutageTests(ClockedApiFactory api) : IClassFixture<ClockedApiFactory>
{
    [Fact]
    public async Task AnOutageOfAConfiguredServerKeepsLivenessUpAndIsLoggedOnceASummaryAMinuteAndWhenItEnds()
    {
        var admin = api.Admin();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/companies?limit=1")).StatusCode);
        try
        {
            // The server turns the service's role away (too_many_connections) and ends the sessions it holds.
            await Superuser($"ALTER DATABASE {api.Database} CONNECTION LIMIT 0");
            await Superuser($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{api.Database}' AND pid <> pg_backend_pid()");
            const int refused = 100;
            for (var i = 0; i < refused; i++)
            {
                await (await admin.GetAsync("/api/companies?limit=1")).AssertProblem(503);
            }
            // Another instance would restart for nothing: a failover is no reason to kill the process.
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/health/live")).StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await admin.GetAsync("/health/ready")).StatusCode);
            Assert.Single(OutageLines("Database unavailable"));
            Assert.Empty(OutageLines("Database still unavailable"));

            api.Clock.Now += TimeSpan.FromSeconds(61);
            await (await admin.GetAsync("/api/companies?limit=1")).AssertProblem(503);
            await (await admin.GetAsync("/api/companies?limit=1")).AssertProblem(503);
            Assert.Single(OutageLines("Database unavailable"));
            Assert.Contains($"{refused + 1} requests refused", Assert.Single(OutageLines("Database still unavailable")));
        }
        finally
        {
            await Superuser($"ALTER DATABASE {api.Database} CONNECTION LIMIT -1");
        }
        var clock = Stopwatch.StartNew();
        while (!OutageLines("Database available again").Any())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "the end of the outage was never logged");
            await Task.Delay(100);
        }
        Assert.Contains($"{100 + 2} requests", Assert.Single(OutageLines("Database available again")));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/companies?limit=1")).StatusCode);
    }

    IEnumerable<string> OutageLines(string start) => api.Logs.Where(line => line.Contains(": " + start, StringComparison.Ordinal));

    async Task Superuser(string sql)
    {
        await using var db = new NpgsqlConnection(api.Cluster.SuperuserConnectionString("postgres"));
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public void ConnectAndCommandTimeoutsAreBoundedUnlessTheConnectionStringSetsThem()
    {
        var defaults = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithTimeouts("Host=db;Username=u;Password=p"));
        Assert.Equal((5, 30), (defaults.Timeout, defaults.CommandTimeout));
        var given = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithTimeouts("Host=db;timeout=9;Command Timeout=120"));
        Assert.Equal((9, 120), (given.Timeout, given.CommandTimeout));
    }

    [Fact]
    public void RefusedConnectionsAndServerShutdownsAreOutagesMissingObjectsAreNot()
    {
        Assert.True(DatabaseOutage.Is(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.True(DatabaseOutage.Is(new InvalidOperationException("wrapped", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.True(DatabaseOutage.Is(new PostgresException("terminating connection", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown)));
        Assert.True(DatabaseOutage.Is(new PostgresException("starting up", "FATAL", "FATAL", PostgresErrorCodes.CannotConnectNow)));
        Assert.False(DatabaseOutage.Is(new PostgresException("no such database", "FATAL", "FATAL", PostgresErrorCodes.InvalidCatalogName)));
        Assert.False(DatabaseOutage.Is(new PostgresException("no such table", "ERROR", "ERROR", PostgresErrorCodes.UndefinedTable)));
        Assert.False(DatabaseOutage.Is(new InvalidOperationException("a bug")));
    }
}
