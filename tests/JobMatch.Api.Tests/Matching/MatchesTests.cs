using System.Net;
using System.Net.Http.Json;
using Dapper;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;
using Npgsql;

namespace JobMatch.Api.Tests.Matching;

public sealed class MatchesTests(MatchingApiFactory api) : IClassFixture<MatchingApiFactory>
{
    [Fact]
    public async Task APositionRequiringAForkliftCertificateIsExcludedForAVeteranRecordedWithoutItWithTheReason()
    {
        var world = await MatchingData.CreateWorld(api);
        var recorded = await Storekeeper(new { licenceClasses = new[] { "B2" } });
        var unrecorded = await Storekeeper(certificates: null);

        var without = await recorded.Matches("/api/veterans/me/matches", world.FairId);
        var unknown = await unrecorded.Matches("/api/veterans/me/matches", world.FairId);

        Assert.DoesNotContain("仓储管理员", without.Titles());
        var excluded = Assert.Single(without.Excluded, e => e.Title == "仓储管理员");
        var failed = Assert.Single(excluded.Failed);
        Assert.Equal(("required_certificate", "缺少：叉车证", "missing: forklift certificate"), (failed.Rule, failed.Zh, failed.En));
        // Never recorded is unknown, not none: the position stays, its first reason says the certificate is to be checked.
        var kept = unknown.Items[unknown.Titles().IndexOf("仓储管理员")];
        Assert.Equal("证书未登记，待核实：叉车证", kept.Reasons[0].Zh);
    }

    async Task<HttpClient> Storekeeper(object? certificates)
    {
        var client = api.Veteran("vet-" + Guid.NewGuid().ToString("N")[..10]);
        await client.CreateProfile(new
        {
            name = VeteranData.NewName(), service = new { branch = "陆军", years = 5, specialties = new[] { "仓库保管员" } },
            education = new { level = "高中" }, certificates, skills = new[] { "仓储管理", "叉车" }, homeDistrict = "田家庵区",
            preferences = new { districts = new[] { "340403" }, seeking = new[] { "job" } },
            consents = new[] { VeteranData.Consent("sensitive_data"), VeteranData.Consent("automated_matching") },
        });
        return client;
    }

    [Fact]
    public async Task DriverWithB2LicenceGetsDrivingAndLogisticsAboveUnrelatedOpeningsWithReasonsNamingLicenceAndSkills()
    {
        var world = await MatchingData.CreateWorld(api);
        var (veteran, _) = await MatchingData.Driver(api);

        var page = await veteran.Matches("/api/veterans/me/matches", world.FairId);

        Assert.True(page.Ranked);
        Assert.Equal("heuristic", page.Model);
        var titles = page.Titles();
        Assert.Equal(new HashSet<string> { "货车司机", "仓储管理员" }, titles.Take(2).ToHashSet());
        Assert.True(titles.IndexOf("货车司机") < titles.IndexOf("会计"));
        var driving = page.Items[titles.IndexOf("货车司机")];
        var reasons = driving.Reasons.Select(r => r.Zh + " / " + r.En).ToList();
        Assert.Contains(reasons, r => r.Contains("B2", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("货车驾驶", StringComparison.Ordinal) && r.Contains("truck driving", StringComparison.Ordinal));
        Assert.Contains(driving.Rules, r => r.Rule == "licence_class");
    }

    [Fact]
    public async Task EveryMatchesResponseLogsItsImpressionsWithRankModelAndRequest()
    {
        var world = await MatchingData.CreateWorld(api);
        var (veteran, id) = await MatchingData.Driver(api);

        var page = await veteran.Matches("/api/veterans/me/matches", world.FairId);
        var requestId = page.RequestId;

        await using var db = new NpgsqlConnection(api.Cluster.SuperuserConnectionString(api.Database));
        List<(Guid, int, string)> logged = [];
        for (var attempt = 0; attempt < 100 && logged.Count < 4; attempt++)
        {
            await Task.Delay(100);
            logged = (await db.QueryAsync<(Guid, int, string)>(
                "SELECT position_id, rank, model FROM interactions WHERE veteran_id = @id AND request_id = @requestId AND kind = 'impression' ORDER BY rank",
                new { id, requestId })).ToList();
        }
        var shown = page.Items.Select(i => (i.OpeningId, i.Rank, "heuristic")).ToList();
        Assert.Equal(shown, logged);
    }

    [Fact]
    public async Task VeteranWithoutMatchingConsentGetsAPlainListAndIsNeverACandidate()
    {
        var world = await MatchingData.CreateWorld(api);
        var (veteran, id) = await MatchingData.Driver(api, share: true, matching: false);

        var page = await veteran.Matches("/api/veterans/me/matches", world.FairId);
        Assert.False(page.Ranked);
        Assert.Equal(4, page.Items.Count);
        Assert.All(page.Items, i =>
        {
            Assert.Null(i.Score);
            Assert.Empty(i.Reasons);
        });

        var candidates = await (await api.Recruiter(world).GetAsync($"/api/openings/{world.Openings["货车司机"]}/candidates?limit=50"))
            .EnsureSuccessStatusCode().Read<CandidatesAnswer>();
        Assert.DoesNotContain(candidates.Items, c => c.CandidateId == id);
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
    public async Task APositionLeavesTheMatchesOnceTheClockPassesItsClosingDayInShanghai()
    {
        try
        {
            api.Clock.Now = new DateTimeOffset(2026, 3, 1, 4, 0, 0, TimeSpan.Zero);
            var admin = api.Admin();
            var company = await admin.CreateCompany();
            var fair = await admin.CreateFair();
            var posting = new
            {
                companyId = company, fairId = fair, title = "货车司机", headcount = 3, salary = "5000-7000元/月", education = "初中",
                district = "田家庵区", location = "洞山路", skills = new[] { "货车驾驶" }, certificates = new[] { "B2驾驶证" }, closesOn = "2026-03-10",
            };
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/openings", posting)).StatusCode);
            var (veteran, _) = await MatchingData.Driver(api);

            // 15:59 UTC on 10 March is 23:59 in Shanghai: the closing day, still open.
            api.Clock.Now = new DateTimeOffset(2026, 3, 10, 15, 59, 0, TimeSpan.Zero);
            Assert.Contains("货车司机", (await veteran.Matches("/api/veterans/me/matches", fair)).Titles());

            // A minute later it is 11 March in Shanghai.
            api.Clock.Now = new DateTimeOffset(2026, 3, 10, 16, 0, 0, TimeSpan.Zero);
            Assert.DoesNotContain("货车司机", (await veteran.Matches("/api/veterans/me/matches", fair)).Titles());
        }
        finally
        {
            api.Clock.Now = null;
        }
    }

    [Fact]
    public async Task FiltersNarrowTheRankedListAndBadOnesAreFieldErrors()
    {
        var world = await MatchingData.CreateWorld(api);
        var (veteran, _) = await MatchingData.Driver(api);

        var page = await (await veteran.GetAsync($"/api/veterans/me/matches?fairId={world.FairId}&kind=training")).EnsureSuccessStatusCode()
            .Read<MatchesAnswer>();
        Assert.Empty(page.Items);
        var paged = await (await veteran.GetAsync($"/api/veterans/me/matches?fairId={world.FairId}&limit=2")).EnsureSuccessStatusCode()
            .Read<MatchesAnswer>();
        Assert.Equal(2, paged.Items.Count);
        Assert.Equal(2, paged.NextOffset);
        var problem = await (await veteran.GetAsync("/api/veterans/me/matches?district=火星区")).AssertProblem(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty("district", out _));
        await (await api.Veteran("nobody-" + Guid.NewGuid()).GetAsync("/api/veterans/me/matches")).AssertProblem(409);
    }
}
