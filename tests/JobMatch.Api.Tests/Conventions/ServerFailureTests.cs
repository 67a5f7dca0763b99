using JobMatch.Api.Tests.Infrastructure;
using Npgsql;

namespace JobMatch.Api.Tests.Conventions;

public sealed class ServerFailureTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task LostDatabaseAnswers500WithTraceIdAndNoInternals()
    {
        var admin = api.Admin();
        await admin.CreateCompany();
        // Take the database away under the running service: a real fault, not a staged exception.
        await using (var db = new NpgsqlConnection(api.Cluster.SuperuserConnectionString("postgres")))
        {
            await db.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE {api.Database} WITH (FORCE)", db);
            await drop.ExecuteNonQueryAsync();
        }
        // The pooled connections were ended by the server (worth a retry: 503, FaultTests); once they are gone, a
        // database that does not exist is no outage that waiting mends: 500.
        var statuses = new List<int>();
        for (var attempt = 0; attempt < 20 && !statuses.Contains(500); attempt++)
        {
            var response = await admin.GetAsync("/api/companies");
            statuses.Add((int)response.StatusCode);
            var problem = await response.AssertProblem((int)response.StatusCode);
            var body = problem.ToString();
            Assert.DoesNotContain("Npgsql", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("at JobMatch", body, StringComparison.Ordinal);
            Assert.DoesNotContain(api.Database, body, StringComparison.Ordinal);
        }
        Assert.All(statuses, status => Assert.Contains(status, new[] { 500, 503 }));
        Assert.Equal(500, statuses[^1]);
    }
}
