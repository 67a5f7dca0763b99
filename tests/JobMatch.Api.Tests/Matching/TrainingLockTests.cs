using System.Net;
using Dapper;
using JobMatch.Api.Tests.Infrastructure;
using Npgsql;

namespace JobMatch.Api.Tests.Matching;

/// <summary>One training at a time across instances, and none left half-done by an instance that stopped.</summary>
public sealed class TrainingLockTests(SmallTrainingFactory api) : IClassFixture<SmallTrainingFactory>
{
    async Task<RankingModelAnswer> WaitUntil(Guid id, Func<RankingModelAnswer, bool> done, int seconds = 120)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var model = await (await api.Admin().GetAsync($"/api/models/{id}")).EnsureSuccessStatusCode().Read<RankingModelAnswer>();
            if (done(model) || DateTime.UtcNow > until)
            {
                return model;
            }
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task AModelLeftMidWayByAStoppedInstanceIsTrainedAgainByTheNextThatLooks()
    {
        var id = Guid.CreateVersion7();
        await using (var db = new NpgsqlConnection(api.Cluster.SuperuserConnectionString(api.Database)))
        {
            await db.ExecuteAsync("""
                INSERT INTO ranking_models (id, created_by, status, stage, progress) VALUES (@id, 'admin-gone', 'training', 'training on 280 veterans', 0.3)
                """, new { id });
        }

        var model = await WaitUntil(id, m => m.Status != "training");

        Assert.Contains(model.Status, new[] { "promoted", "candidate" });
        Assert.Equal(("done", 1f), (model.Stage, model.Progress));
    }

    [Fact]
    public async Task ATrainingWaitsWhileAnotherHoldsTheTrainingLockAndRunsOnceItIsReleased()
    {
        await using var other = new NpgsqlConnection(api.Cluster.SuperuserConnectionString(api.Database));
        await other.OpenAsync();
        await other.ExecuteAsync("SELECT pg_advisory_lock(hashtext('jobmatch:training'))");

        var started = await api.Admin().PostAsync("/api/models/train", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var id = (await started.Read<RankingModelAnswer>()).Id;
        var waiting = await WaitUntil(id, m => m.Stage == "waiting for another training to finish", seconds: 20);
        Assert.Equal(("training", "waiting for another training to finish"), (waiting.Status, waiting.Stage));
        await Task.Delay(1500);
        Assert.Equal("training", (await WaitUntil(id, _ => true)).Status);

        await other.ExecuteAsync("SELECT pg_advisory_unlock(hashtext('jobmatch:training'))");

        var finished = await WaitUntil(id, m => m.Status != "training");
        Assert.Contains(finished.Status, new[] { "promoted", "candidate" });
    }
}
