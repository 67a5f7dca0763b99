using System.Net;
using System.Text.Json;
using Dapper;
using JobMatch.Api.Tests.Infrastructure;
using Npgsql;

namespace JobMatch.Api.Tests.Matching;

/// <summary>One training at a time across instances, and none left half-done by an instance that stopped.</summary>
public sealed class TrainingLockTests(SmallTrainingFactory api) : IClassFixture<SmallTrainingFactory>
{
    async Task<JsonElement> WaitUntil(Guid id, Func<JsonElement, bool> done, int seconds = 120)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var model = await (await api.Admin().GetAsync($"/api/models/{id}")).EnsureSuccessStatusCode().ReadJson();
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

        var model = await WaitUntil(id, m => m.GetProperty("status").GetString() != "training");

        Assert.Contains(model.GetProperty("status").GetString(), new[] { "promoted", "candidate" });
        Assert.Equal(("done", 1f), (model.GetProperty("stage").GetString(), model.GetProperty("progress").GetSingle()));
    }

    [Fact]
    public async Task ATrainingWaitsWhileAnotherHoldsTheTrainingLockAndRunsOnceItIsReleased()
    {
        await using var other = new NpgsqlConnection(api.Cluster.SuperuserConnectionString(api.Database));
        await other.OpenAsync();
        await other.ExecuteAsync("SELECT pg_advisory_lock(hashtext('jobmatch:training'))");

        var started = await api.Admin().PostAsync("/api/models/train", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var id = (await started.ReadJson()).GetProperty("id").GetGuid();
        var waiting = await WaitUntil(id, m => m.GetProperty("stage").GetString() == "waiting for another training to finish", seconds: 20);
        Assert.Equal(("training", "waiting for another training to finish"), (waiting.GetProperty("status").GetString(), waiting.GetProperty("stage").GetString()));
        await Task.Delay(1500);
        Assert.Equal("training", (await WaitUntil(id, _ => true)).GetProperty("status").GetString());

        await other.ExecuteAsync("SELECT pg_advisory_unlock(hashtext('jobmatch:training'))");

        var finished = await WaitUntil(id, m => m.GetProperty("status").GetString() != "training");
        Assert.Contains(finished.GetProperty("status").GetString(), new[] { "promoted", "candidate" });
    }
}
