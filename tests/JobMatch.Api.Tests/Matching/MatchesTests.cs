using System.Net;
using System.Net.Http.Json;
using Dapper;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;
using Npgsql;

namespace JobMatch.Api.Tests.Matching;

public sealed class MatchesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task DriverWithB2LicenceGetsDrivingAndLogisticsAboveUnrelatedOpeningsWithReasonsNamingLicenceAndSkills()
    {
        var world = await MatchingData.CreateWorld(api);
        var (veteran, _) = await MatchingData.Driver(api);

        var page = await veteran.Matches("/api/veterans/me/matches", world.FairId);

        Assert.True(page.GetProperty("ranked").GetBoolean());
        Assert.Equal("heuristic", page.GetProperty("model").GetString());
        var titles = page.Titles();
        Assert.Equal(new HashSet<string> { "货车司机", "仓储管理员" }, titles.Take(2).ToHashSet());
        Assert.True(titles.IndexOf("货车司机") < titles.IndexOf("会计"));
        var driving = page.GetProperty("items")[titles.IndexOf("货车司机")];
        var reasons = driving.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("zh").GetString() + " / " + r.GetProperty("en").GetString()).ToList();
        Assert.Contains(reasons, r => r.Contains("B2", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("货车驾驶", StringComparison.Ordinal) && r.Contains("truck driving", StringComparison.Ordinal));
        Assert.Contains(driving.GetProperty("rules").EnumerateArray(), r => r.GetProperty("rule").GetString() == "licence_class");
    }

    [Fact]
    public async Task EveryMatchesResponseLogsItsImpressionsWithRankModelAndRequest()
    {
        var world = await MatchingData.CreateWorld(api);
        var (veteran, id) = await MatchingData.Driver(api);

        var page = await veteran.Matches("/api/veterans/me/matches", world.FairId);
        var requestId = page.GetProperty("requestId").GetGuid();

        await using var db = new NpgsqlConnection(api.Cluster.SuperuserConnectionString(api.Database));
        List<(Guid, int, string)> logged = [];
        for (var attempt = 0; attempt < 100 && logged.Count < 4; attempt++)
        {
            await Task.Delay(100);
            logged = (await db.QueryAsync<(Guid, int, string)>(
                "SELECT position_id, rank, model FROM interactions WHERE veteran_id = @id AND request_id = @requestId AND kind = 'impression' ORDER BY rank",
                new { id, requestId })).ToList();
        }
        var shown = page.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("openingId").GetGuid(), i.GetProperty("rank").GetInt32(), "heuristic")).ToList();
        Assert.Equal(shown, logged);
    }

    [Fact]
    public async Task VeteranWithoutMatchingConsentGetsAPlainListAndIsNeverACandidate()
    {
        var world = await MatchingData.CreateWorld(api);
        var (veteran, id) = await MatchingData.Driver(api, share: true, matching: false);

        var page = await veteran.Matches("/api/veterans/me/matches", world.FairId);
        Assert.False(page.GetProperty("ranked").GetBoolean());
        Assert.Equal(4, page.GetProperty("items").GetArrayLength());
        Assert.All(page.GetProperty("items").EnumerateArray(), i =>
        {
            Assert.Equal(System.Text.Json.JsonValueKind.Null, i.GetProperty("score").ValueKind);
            Assert.Equal(0, i.GetProperty("reasons").GetArrayLength());
        });

        var candidates = await (await api.Recruiter(world).GetAsync($"/api/openings/{world.Openings["货车司机"]}/candidates?limit=50")).EnsureSuccessStatusCode().ReadJson();
        Assert.DoesNotContain(candidates.GetProperty("items").EnumerateArray(), c => c.GetProperty("candidateId").GetGuid() == id);
        await (await api.Recruiter(world).PostAsJsonAsync($"/api/openings/{world.Openings["货车司机"]}/invitations", new { veteranId = id })).AssertProblem(404);
    }

    [Fact]
    public async Task AnEditedOpeningIsNeverAnsweredFromAStaleCache()
    {
        var world = await MatchingData.CreateWorld(api);
        var (veteran, _) = await MatchingData.Driver(api);
        Assert.Contains("货车司机", (await veteran.Matches("/api/veterans/me/matches", world.FairId)).Titles());

        var edited = await api.Admin().PutAsJsonAsync($"/api/openings/{world.Openings["货车司机"]}",
            MatchingData.Posting(world.CompanyId, world.FairId, "重型货车司机", ["货车驾驶"], ["B2驾驶证"], "初中"));
        edited.EnsureSuccessStatusCode();

        var titles = (await veteran.Matches("/api/veterans/me/matches", world.FairId)).Titles();
        Assert.Contains("重型货车司机", titles);
        Assert.DoesNotContain("货车司机", titles);
    }

    [Fact]
    public async Task VeteranCannotReadAnotherVeteransMatchesButAdminCan()
    {
        var world = await MatchingData.CreateWorld(api);
        var (veteran, _) = await MatchingData.Driver(api);
        var (_, otherId) = await MatchingData.Driver(api);

        await (await veteran.GetAsync($"/api/veterans/{otherId}/matches")).AssertProblem(403);
        await (await api.ClientFor(Roles.Recruiter, world.Recruiter).GetAsync($"/api/veterans/{otherId}/matches")).AssertProblem(403);
        Assert.Contains("货车司机", (await api.Admin().Matches($"/api/veterans/{otherId}/matches", world.FairId)).Titles());
        await (await api.Admin().GetAsync($"/api/veterans/{Guid.CreateVersion7()}/matches")).AssertProblem(404);
    }

    [Fact]
    public async Task FiltersNarrowTheRankedListAndBadOnesAreFieldErrors()
    {
        var world = await MatchingData.CreateWorld(api);
        var (veteran, _) = await MatchingData.Driver(api);

        var page = await (await veteran.GetAsync($"/api/veterans/me/matches?fairId={world.FairId}&kind=training")).EnsureSuccessStatusCode().ReadJson();
        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
        var paged = await (await veteran.GetAsync($"/api/veterans/me/matches?fairId={world.FairId}&limit=2")).EnsureSuccessStatusCode().ReadJson();
        Assert.Equal(2, paged.GetProperty("items").GetArrayLength());
        Assert.Equal(2, paged.GetProperty("nextOffset").GetInt32());
        var problem = await (await veteran.GetAsync("/api/veterans/me/matches?district=火星区")).AssertProblem(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty("district", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await api.Veteran("nobody-" + Guid.NewGuid()).GetAsync("/api/veterans/me/matches")).StatusCode);
    }
}
