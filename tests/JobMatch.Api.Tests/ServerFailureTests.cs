using JobMatch.Api.Tests.Infrastructure;
using Npgsql;

namespace JobMatch.Api.Tests;

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
        var response = await admin.GetAsync("/api/companies");
        var problem = await response.AssertProblem(500);
        var body = problem.ToString();
        Assert.DoesNotContain("Npgsql", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("at JobMatch", body, StringComparison.Ordinal);
        Assert.DoesNotContain(api.Database, body, StringComparison.Ordinal);
    }
}
