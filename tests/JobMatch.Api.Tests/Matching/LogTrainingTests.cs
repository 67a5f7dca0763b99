using Dapper;
using JobMatch.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace JobMatch.Api.Tests.Matching;

/// <summary>Training reads the interaction log once a handful of veterans have outcomes.</summary>
public sealed class SmallLogFactory : SmallTrainingFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Matching:MinLoggedVeterans", "12");
    }
}

public sealed class LogTrainingTests(SmallLogFactory api) : IClassFixture<SmallLogFactory>
{
    [Fact]
    public async Task OnceEnoughVeteransHaveOutcomesTrainingReadsTheInteractionLog()
    {
        var world = await MatchingData.CreateWorld(api);
        await using var db = new NpgsqlConnection(api.Cluster.SuperuserConnectionString(api.Database));
        for (var v = 0; v < 16; v++)
        {
            var (client, id) = await MatchingData.Driver(api);
            await client.Matches("/api/veterans/me/matches", world.FairId);
            // Half apply to the driving job, half to the accounting one: outcomes the model can learn from.
            var applied = world.Openings[v % 2 == 0 ? "货车司机" : "会计"];
            await db.ExecuteAsync("""
                INSERT INTO interactions (id, veteran_id, position_id, kind, label) VALUES (gen_random_uuid(), @id, @applied, 'application', 2)
                """, new { id, applied });
        }
        for (var attempt = 0; attempt < 100 && await db.ExecuteScalarAsync<long>(
                 "SELECT count(DISTINCT veteran_id) FROM interactions WHERE kind = 'impression' AND position_id = ANY(@ids)",
                 new { ids = world.Openings.Values.ToArray() }) < 16; attempt++)
        {
            await Task.Delay(100);
        }

        var model = (await api.Admin().TrainAndWait()).As<RankingModelAnswer>();

        Assert.True(model.Status is "promoted" or "candidate", model.Reason);
        Assert.Equal("interactions", model.Source);
        Assert.StartsWith("interactions-until-", model.TrainingSnapshot, StringComparison.Ordinal);
    }
}
