using System.Diagnostics;
using Dapper;
using JobMatch.Api.Tests.Infrastructure;
using Npgsql;

namespace JobMatch.Api.Tests.Matching;

public sealed class TrainCommandTests
{
    [Fact]
    public async Task TrainCommandStoresAModelAndSaysWhetherItWasPromoted()
    {
        var cluster = await TestCluster.GetAsync();
        var database = await cluster.CreateDatabaseAsync();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { typeof(Program).Assembly.Location, "train", $"--ConnectionStrings:JobMatch={cluster.AppConnectionString(database)}",
                     "--Matching:SyntheticVeterans=300", "--Matching:SyntheticOpenings=100" })
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, await error);
        await using var db = new NpgsqlConnection(cluster.SuperuserConnectionString(database));
        var (id, status) = await db.QuerySingleAsync<(Guid, string)>("SELECT id, status FROM ranking_models");
        Assert.Contains($"Model {id}: {status}.", await output, StringComparison.Ordinal);
        Assert.Contains(status, new[] { "promoted", "candidate" });
    }
}

public sealed class TrainCommandOnOutcomesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task TrainCommandLearnsFromTheOutcomesTheBureauImported()
    {
        await BureauDay.ImportAsync(api.Admin(), new BureauDataSet(seed: 3, companies: 12, veterans: 40, heldOut: 0));
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { typeof(Program).Assembly.Location, "train", $"--ConnectionStrings:JobMatch={api.Cluster.AppConnectionString(api.Database)}",
                     "--Matching:MinLoggedVeterans=20" })
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, await error + await output);
        await using var db = new NpgsqlConnection(api.Cluster.SuperuserConnectionString(api.Database));
        var (source, historical) = await db.QuerySingleAsync<(string, int)>(
            "SELECT source, (decision -> 'data' ->> 'historicalVeterans')::int FROM ranking_models ORDER BY id DESC LIMIT 1");
        Assert.Equal(("interactions", 40), (source, historical));
    }
}
