using Dapper;
using JobMatch.Api.DemoData;
using JobMatch.Api.Matching;
using JobMatch.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace JobMatch.Api.Tests.Matching;

public sealed class DemoMatchingTests(ApiFactory api, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    static readonly string[] DrivingOrLogistics = ["司机", "驾驶", "配送", "仓储", "叉车", "物流", "调度", "快递", "押运", "运输"];

    [Fact]
    public async Task OnTheSeededDemoADriverWithAB2LicenceGetsDrivingAndLogisticsOpeningsFirstWithReasonsNamingLicenceAndSkills()
    {
        _ = api.Server;
        await DemoDataLoader.LoadAsync(api.Services, new Progress<SeedProgress>(), CancellationToken.None);
        var (veteran, _) = await MatchingData.Driver(api);

        var page = await (await veteran.GetAsync("/api/veterans/me/matches?limit=10")).EnsureSuccessStatusCode().Read<MatchesAnswer>();

        var items = page.Items;
        foreach (var item in items)
        {
            output.WriteLine($"{item.Rank} {item.Title} {item.Score}: " + string.Join(" | ", item.Reasons.Select(r => r.Zh)));
        }
        Assert.Equal(10, items.Count);
        Assert.All(items.Take(5), i => Assert.Contains(DrivingOrLogistics, w => i.Title.Contains(w, StringComparison.Ordinal)));
        var licensed = items.First(i => i.Reasons.Any(r => r.Feature == "licence_class"));
        var reasons = licensed.Reasons.Select(r => r.Zh).ToList();
        Assert.Contains(reasons, r => r.Contains("B2", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("技能匹配", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ImpressionsStillQueuedAtShutdownAreWritten()
    {
        var slow = new SlowImpressionFactory();
        await ((IAsyncLifetime)slow).InitializeAsync();
        var world = await MatchingData.CreateWorld(slow);
        var (veteran, id) = await MatchingData.Driver(slow);
        var page = await veteran.Matches("/api/veterans/me/matches", world.FairId);
        await using (var db = new NpgsqlConnection(slow.Cluster.SuperuserConnectionString(slow.Database)))
        {
            Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT count(*) FROM interactions WHERE veteran_id = @id", new { id }));
        }

        await slow.DisposeAsync();

        await using var after = new NpgsqlConnection(slow.Cluster.SuperuserConnectionString(slow.Database));
        Assert.Equal(page.Items.Count, await after.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM interactions WHERE veteran_id = @id AND kind = 'impression'", new { id }));
    }

    /// <summary>Impressions wait ten minutes to be batched: only the shutdown flush can write them during a test.</summary>
    sealed class SlowImpressionFactory : ApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting($"{MatchingOptions.Section}:{nameof(MatchingOptions.ImpressionBatchMilliseconds)}", "600000");
        }
    }
}
