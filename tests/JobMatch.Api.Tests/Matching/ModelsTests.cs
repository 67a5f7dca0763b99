using System.Net;
using System.Text.Json;
using JobMatch.Api.Matching;
using JobMatch.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace JobMatch.Api.Tests.Matching;

/// <summary>A small synthetic world (training takes seconds) and a fast model poll.</summary>
public class SmallTrainingFactory : ApiFactory
{
    protected virtual string Margin => "0.01";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Matching:SyntheticVeterans", "400");
        builder.UseSetting("Matching:SyntheticOpenings", "150");
        builder.UseSetting("Matching:ModelPollSeconds", "0.5");
        builder.UseSetting("Matching:PromotionMargin", Margin);
    }
}

/// <summary>A margin no model can clear: every new model stays a candidate.</summary>
public sealed class UnreachableMarginFactory : SmallTrainingFactory
{
    protected override string Margin => "1";
}

public static class Training
{
    public static async Task<JsonElement> TrainAndWait(this HttpClient admin)
    {
        var started = await admin.PostAsync("/api/models/train", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var id = (await started.Read<RankingModelAnswer>()).Id;
        Assert.Equal($"/api/models/{id}", started.Headers.Location?.ToString());
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var model = await (await admin.GetAsync($"/api/models/{id}")).EnsureSuccessStatusCode().ReadJson();
            if (model.As<RankingModelAnswer>().Status != "training")
            {
                return model;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"model {id} still training after two minutes");
    }

    /// <summary>The model ranking the veteran's matches, once it is the expected one or after five seconds (instances poll for it).</summary>
    public static async Task<string?> ModelInUse(this HttpClient veteran, Guid fairId, string? expected)
    {
        string? model = null;
        for (var attempt = 0; attempt < 50 && model != expected; attempt++)
        {
            model = (await veteran.Matches("/api/veterans/me/matches", fairId)).Model;
            await Task.Delay(model == expected ? 0 : 100);
        }
        return model;
    }
}

public sealed class ModelsTests(SmallTrainingFactory api) : IClassFixture<SmallTrainingFactory>
{
    [Fact]
    public async Task TrainedModelBeatingTheBaselinesIsPromotedAndRanksTheNextQueryAnEqualOneIsNotAndRollbackIsByHand()
    {
        var admin = api.Admin();
        var world = await MatchingData.CreateWorld(api);
        var (veteran, _) = await MatchingData.Driver(api);

        var first = (await admin.TrainAndWait()).As<RankingModelAnswer>();
        Assert.Equal(("promoted", "synthetic", 1f), (first.Status, first.Source, first.Progress));
        Assert.True(first.Ndcg10 > 0);
        Assert.NotNull(first.BaselineMetrics);
        Assert.True(first.BaselineMetrics.ContainsKey("random"));
        var firstId = first.Id.ToString();
        Assert.Equal(firstId, await veteran.ModelInUse(world.FairId, firstId));

        // Same data and seed give the same model: no better than the promoted one, so it stays a candidate and says why.
        var second = (await admin.TrainAndWait()).As<RankingModelAnswer>();
        Assert.Equal("candidate", second.Status);
        Assert.Contains($"promoted model {firstId}", second.Reason, StringComparison.Ordinal);
        Assert.Equal(firstId, (await veteran.Matches("/api/veterans/me/matches", world.FairId)).Model);

        var secondId = second.Id.ToString();
        var promoted = await (await admin.PostAsync($"/api/models/{secondId}/promote", null)).EnsureSuccessStatusCode()
            .Read<RankingModelAnswer>();
        Assert.Equal("promoted", promoted.Status);
        Assert.Equal(secondId, (await veteran.Matches("/api/veterans/me/matches", world.FairId)).Model);
        Assert.Equal("retired", (await (await admin.GetAsync($"/api/models/{firstId}")).Read<RankingModelAnswer>()).Status);
        var listed = (await (await admin.GetAsync("/api/models")).Read<PageOf<RankingModelAnswer>>()).Items
            .Select(m => m.Id.ToString()).ToList();
        Assert.Equal([secondId, firstId], listed);
    }

    [Fact]
    public async Task OnlyAdminsTrainOrPromoteAndUnknownModelsAreNotFound()
    {
        var veteran = api.Veteran("v-" + Guid.NewGuid());
        await (await veteran.PostAsync("/api/models/train", null)).AssertProblem(403);
        await (await veteran.GetAsync("/api/models")).AssertProblem(403);
        await (await api.Admin().PostAsync($"/api/models/{Guid.CreateVersion7()}/promote", null)).AssertProblem(404);
    }

    static readonly TrainingData Real = new("interactions", 400, 0, 4000, 0, 40, 280, 60, 60, "by veteran");

    [Fact]
    public void PromotionNeedsToBeatTheRankerInProductionAndEveryBaselineByTheMargin()
    {
        var production = new Rival("cold-start heuristic", "production", 0.5);
        Rival[] baselines = [new("random", "baseline", 0.3), new("BM25", "baseline", 0.6)];
        Assert.True(PromotionRule.Decide(0.62, production, baselines, 0.01, Real, deploymentHasOutcomes: true).Promote);
        var below = PromotionRule.Decide(0.605, production, baselines, 0.01, Real, deploymentHasOutcomes: true);
        Assert.False(below.Promote);
        Assert.Equal(PromotionRule.BelowMargin, below.Code);
        Assert.Contains("BM25 0.6000", below.ReasonEn, StringComparison.Ordinal);
        Assert.DoesNotContain("random", below.ReasonEn, StringComparison.Ordinal);
        Assert.False(PromotionRule.Decide(0.55, new Rival("promoted model", "production", 0.58), [], 0.01, Real, true).Promote);
    }

    [Fact]
    public void ASyntheticModelIsNeverPromotedInADeploymentThatHoldsRealOutcomes()
    {
        var synthetic = Real with { Source = "synthetic", HistoricalVeterans = 120 };
        var production = new Rival("cold-start heuristic", "reference", 0.2);

        var decision = PromotionRule.Decide(0.9, production, [new("random", "baseline", 0.1)], 0.01, synthetic, deploymentHasOutcomes: true);

        Assert.False(decision.Promote);
        Assert.Equal(PromotionRule.SyntheticWithRealOutcomes, decision.Code);
        Assert.True(PromotionRule.Decide(0.9, production, [new("random", "baseline", 0.1)], 0.01, synthetic, deploymentHasOutcomes: false).Promote);
    }
}

public sealed class UnpromotedModelTests(UnreachableMarginFactory api) : IClassFixture<UnreachableMarginFactory>
{
    [Fact]
    public async Task AModelThatDoesNotBeatTheBaselinesByTheMarginStaysACandidateAndTheHeuristicKeepsRanking()
    {
        var world = await MatchingData.CreateWorld(api);
        var (veteran, _) = await MatchingData.Driver(api);

        var model = (await api.Admin().TrainAndWait()).As<RankingModelAnswer>();

        Assert.Equal("candidate", model.Status);
        Assert.NotNull(model.Decision);
        var reasonEn = model.Decision.ReasonEn;
        Assert.Contains("does not beat by the margin 1.0000", reasonEn, StringComparison.Ordinal);
        Assert.Contains("skill overlap", reasonEn, StringComparison.Ordinal);
        Assert.Contains("未以 1.0000 的差距胜过", model.Reason, StringComparison.Ordinal);
        Assert.Equal("heuristic", (await veteran.Matches("/api/veterans/me/matches", world.FairId)).Model);
    }
}
