using System.Net;
using System.Net.Http.Json;
using Dapper;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;
using Npgsql;

namespace JobMatch.Api.Tests.Matching;

public sealed class CandidatesTests(MatchingApiFactory api) : IClassFixture<MatchingApiFactory>
{
    static async Task<IReadOnlyList<CandidateAnswer>> Candidates(HttpClient client, Guid opening) =>
        (await (await client.GetAsync($"/api/openings/{opening}/candidates?limit=50")).EnsureSuccessStatusCode()
            .Read<CandidatesAnswer>()).Items;

    [Fact]
    public async Task RecruiterSeesSharingVeteransRankedAndMaskedButNotThoseWhoDoNotShare()
    {
        var world = await MatchingData.CreateWorld(api);
        var (_, sharing) = await MatchingData.Driver(api, share: true);
        var (_, private_) = await MatchingData.Driver(api, share: false);

        var list = await Candidates(api.Recruiter(world), world.Openings["货车司机"]);

        var mine = Assert.Single(list, c => c.CandidateId == sharing);
        Assert.DoesNotContain(list, c => c.CandidateId == private_);
        Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}\*+$", mine.DisplayName);
        Assert.Null(mine.Phone);
        Assert.False(mine.Shared);
        Assert.NotEmpty(mine.Reasons);
        Assert.Contains(mine.Rules, r => r.Rule == "licence_class");
        var raw = await (await api.Recruiter(world).GetAsync($"/api/openings/{world.Openings["货车司机"]}/candidates?limit=50")).Content.ReadAsStringAsync();
        Assert.DoesNotMatch(@"\d{17}[\dX]|1[3-9]\d{9}", raw);
    }

    [Fact]
    public async Task APairHasTheSameScoreReasonsAndRulesOnTheCandidatesListAsOnThatVeteransMatches()
    {
        var world = await MatchingData.CreateWorld(api);
        var (veteran, id) = await MatchingData.Driver(api);

        var matches = (await veteran.Matches("/api/veterans/me/matches", world.FairId)).Items;

        Assert.Contains(matches, m => m.Title == "货车司机");
        foreach (var match in matches)
        {
            var opening = match.OpeningId;
            var candidates = await Candidates(api.Recruiter(world), opening);
            var candidate = Assert.Single(candidates, c => c.CandidateId == id);
            Assert.Equal(match.Score, candidate.Score);
            Assert.Equal(match.Reasons, candidate.Reasons);
            Assert.Equal(match.Rules, candidate.Rules);
        }
    }

    [Fact]
    public async Task RecruiterCannotListCandidatesForOrInviteToAnotherCompanysPosition()
    {
        var world = await MatchingData.CreateWorld(api);
        var other = await MatchingData.CreateWorld(api);
        var (_, veteran) = await MatchingData.Driver(api);
        var recruiter = api.Recruiter(world);

        await (await recruiter.GetAsync($"/api/openings/{other.Openings["货车司机"]}/candidates")).AssertProblem(404);
        await (await recruiter.PostAsJsonAsync($"/api/openings/{other.Openings["货车司机"]}/invitations", new { veteranId = veteran })).AssertProblem(404);
        await (await api.Veteran("v-" + Guid.NewGuid()).GetAsync($"/api/openings/{world.Openings["货车司机"]}/candidates")).AssertProblem(403);
        await (await recruiter.GetAsync($"/api/openings/{Guid.CreateVersion7()}/candidates")).AssertProblem(404);
    }

    [Fact]
    public async Task AcceptingAnInvitationAppliesAndSharesTheProfileWithThatCompanyOnly()
    {
        var world = await MatchingData.CreateWorld(api);
        var (veteran, id) = await MatchingData.Driver(api);
        var recruiter = api.Recruiter(world);
        var opening = world.Openings["货车司机"];

        var created = await recruiter.PostAsJsonAsync($"/api/openings/{opening}/invitations", new { veteranId = id, message = "欢迎面试" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var invitation = (await created.Read<InvitationAnswer>()).Id;
        await (await recruiter.PostAsJsonAsync($"/api/openings/{opening}/invitations", new { veteranId = id })).AssertProblem(409);
        Assert.Equal("pending", Assert.Single(await Candidates(recruiter, opening), c => c.CandidateId == id).Invitation);

        var (stranger, _) = await MatchingData.Driver(api);
        await (await stranger.PostAsync($"/api/veterans/me/invitations/{invitation}/accept", null)).AssertProblem(404);
        Assert.Empty((await (await stranger.GetAsync("/api/veterans/me/invitations")).Read<PageOf<InvitationAnswer>>()).Items);

        var inbox = await (await veteran.GetAsync("/api/veterans/me/invitations")).EnsureSuccessStatusCode()
            .Read<PageOf<InvitationAnswer>>();
        var item = Assert.Single(inbox.Items);
        Assert.Equal(("货车司机", "pending", "欢迎面试"), (item.Title, item.Status, item.Message));

        var accepted = await (await veteran.PostAsync($"/api/veterans/me/invitations/{invitation}/accept", null)).EnsureSuccessStatusCode()
            .Read<InvitationAnswer>();
        Assert.Equal("accepted", accepted.Status);
        await (await veteran.PostAsync($"/api/veterans/me/invitations/{invitation}/decline", null)).AssertProblem(409);

        var shown = Assert.Single(await Candidates(recruiter, opening), c => c.CandidateId == id);
        Assert.True(shown.Shared);
        Assert.DoesNotContain("*", shown.DisplayName, StringComparison.Ordinal);
        Assert.Matches(@"^\d{3}\*{4}\d{4}$", shown.Phone);
        var otherCompany = await MatchingData.CreateWorld(api);
        var elsewhere = Assert.Single(await Candidates(api.Recruiter(otherCompany), otherCompany.Openings["货车司机"]), c => c.CandidateId == id);
        Assert.False(elsewhere.Shared);

        await using var db = new NpgsqlConnection(api.Cluster.SuperuserConnectionString(api.Database));
        Assert.Equal(1, await db.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM interactions WHERE veteran_id = @id AND position_id = @opening AND kind = 'application'", new { id, opening }));

        // Accepting is applying: the application is there for both sides, in its first state.
        var mine = await (await veteran.GetAsync("/api/veterans/me/applications")).EnsureSuccessStatusCode()
            .Read<PageOf<ApplicationAnswer>>();
        var application = Assert.Single(mine.Items);
        Assert.Equal((opening, "submitted"), (application.PositionId, application.State));
        var theirs = await (await recruiter.GetAsync($"/api/openings/{opening}/applications")).EnsureSuccessStatusCode()
            .Read<PageOf<ApplicationAnswer>>();
        Assert.Contains(theirs.Items, a => a.VeteranId == id);
    }

    [Fact]
    public async Task DecliningRevealsNothingToTheCompany()
    {
        var world = await MatchingData.CreateWorld(api);
        var (veteran, id) = await MatchingData.Driver(api);
        var recruiter = api.Recruiter(world);
        var opening = world.Openings["仓储管理员"];
        var invitation = (await (await recruiter.PostAsJsonAsync($"/api/openings/{opening}/invitations", new { veteranId = id }))
            .Read<InvitationAnswer>()).Id;

        var declined = await (await veteran.PostAsync($"/api/veterans/me/invitations/{invitation}/decline", null)).EnsureSuccessStatusCode()
            .Read<InvitationAnswer>();

        Assert.Equal("declined", declined.Status);
        var shown = Assert.Single(await Candidates(recruiter, opening), c => c.CandidateId == id);
        Assert.Equal(("declined", false, (string?)null), (shown.Invitation, shown.Shared, shown.Phone));
        Assert.Contains("*", shown.DisplayName, StringComparison.Ordinal);
        await (await api.ClientFor(Roles.Recruiter, world.Recruiter).PostAsJsonAsync($"/api/openings/{opening}/invitations", new { veteranId = id, message = new string('x', 501) })).AssertProblem(400);
    }

    [Fact]
    public async Task WithdrawingAConsentOrFindingWorkLeavesTheListAtOnceAndGrantingAgainReturns()
    {
        var world = await MatchingData.CreateWorld(api);
        var (veteran, id) = await MatchingData.Driver(api);
        var recruiter = api.Recruiter(world);
        var opening = world.Openings["货车司机"];
        Assert.Contains(await Candidates(recruiter, opening), c => c.CandidateId == id);

        foreach (var kind in new[] { "share_with_recruiters", "automated_matching" })
        {
            (await veteran.PutAsJsonAsync($"/api/veterans/me/consents/{kind}", new { granted = false, textVersion = "2026-11" })).EnsureSuccessStatusCode();
            Assert.DoesNotContain(await Candidates(recruiter, opening), c => c.CandidateId == id);
            await (await recruiter.PostAsJsonAsync($"/api/openings/{opening}/invitations", new { veteranId = id })).AssertProblem(404);
            (await veteran.PutAsJsonAsync($"/api/veterans/me/consents/{kind}", new { granted = true, textVersion = "2026-11" })).EnsureSuccessStatusCode();
            Assert.Contains(await Candidates(recruiter, opening), c => c.CandidateId == id);
        }

        await using var db = new NpgsqlConnection(api.Cluster.SuperuserConnectionString(api.Database));
        await db.ExecuteAsync("UPDATE veterans SET status = 'employed' WHERE id = @id", new { id });
        Assert.DoesNotContain(await Candidates(recruiter, opening), c => c.CandidateId == id);
    }

    [Fact]
    public async Task AVeteranLeavesTheCandidatesOnceTheClockMakesThemOlderThanThePositionAllows()
    {
        try
        {
            api.Clock.Now = new DateTimeOffset(2026, 3, 1, 4, 0, 0, TimeSpan.Zero);
            var admin = api.Admin();
            var company = await admin.CreateCompany();
            var recruiter = "recruiter-" + Guid.NewGuid().ToString("N")[..8];
            await admin.LinkRecruiter(company, recruiter);
            var posting = new
            {
                companyId = company, title = "叉车司机", headcount = 3, salary = "5000-7000元/月", education = "初中", district = "田家庵区",
                location = "洞山路", skills = new[] { "叉车" }, ageMax = 35,
            };
            var created = await admin.PostAsJsonAsync("/api/openings", posting);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var opening = (await created.Read<Created>()).Id;
            // Born 5 March 1985: 40 until then, within 35 and the five years veterans are allowed beyond it; 41 after.
            var veteran = api.Veteran("vet-" + Guid.NewGuid().ToString("N")[..10]);
            var id = (await veteran.CreateProfile(VeteranData.Profile(VeteranData.NewName(), VeteranData.NewIdNumber(birth: "19850305"),
                VeteranData.NewPhone(), share: true))).As<VeteranAnswer>().Id;
            var client = api.ClientFor(Roles.Recruiter, recruiter);

            api.Clock.Now = new DateTimeOffset(2026, 3, 4, 4, 0, 0, TimeSpan.Zero);
            Assert.Contains(await Candidates(client, opening), c => c.CandidateId == id);

            api.Clock.Now = new DateTimeOffset(2026, 3, 6, 4, 0, 0, TimeSpan.Zero);
            Assert.DoesNotContain(await Candidates(client, opening), c => c.CandidateId == id);
        }
        finally
        {
            api.Clock.Now = null;
        }
    }

    [Fact]
    public async Task ThePoolColumnsAgreeWithTheConsentAndSkillRowsAfterEveryKindOfWrite()
    {
        var (veteran, id) = await MatchingData.Driver(api, share: false);
        await using var db = new NpgsqlConnection(api.Cluster.SuperuserConnectionString(api.Database));
        const string Agrees = """
            SELECT v.shares_with_recruiters = coalesce((SELECT granted FROM current_consents c WHERE c.veteran_id = v.id AND c.kind = 'share_with_recruiters'), false)
               AND v.accepts_matching = coalesce((SELECT granted FROM current_consents c WHERE c.veteran_id = v.id AND c.kind = 'automated_matching'), false)
               AND v.stated_skill_ids = coalesce((SELECT array_agg(DISTINCT s.skill_id) FROM veteran_skills s WHERE s.veteran_id = v.id AND s.source = 'stated' AND s.skill_id IS NOT NULL), '{}')
               AND v.inferred_skill_ids = coalesce((SELECT array_agg(DISTINCT s.skill_id) FROM veteran_skills s WHERE s.veteran_id = v.id AND s.source = 'inferred'), '{}')
               AND v.skill_labels = coalesce((SELECT array_agg(s.label ORDER BY s.label) FROM veteran_skills s WHERE s.veteran_id = v.id), '{}')
            FROM veterans v WHERE v.id = @id
            """;
        var pool = await db.QuerySingleAsync<(bool Shares, string[] Stated, string[] Inferred)>(
            "SELECT shares_with_recruiters, stated_skill_ids, inferred_skill_ids FROM veterans WHERE id = @id", new { id });
        Assert.False(pool.Shares);
        Assert.Contains("forklift", pool.Stated);
        Assert.NotEmpty(pool.Inferred); // from the specialty 汽车驾驶员
        Assert.True(await db.ExecuteScalarAsync<bool>(Agrees, new { id }));

        // A removed skill, and a consent answer (profile edits rewrite the skills: the first test's profiles go through that).
        var forklift = await db.QuerySingleAsync<string>("SELECT label FROM veteran_skills WHERE veteran_id = @id AND skill_id = 'forklift' AND source = 'stated'", new { id });
        (await veteran.DeleteAsync($"/api/veterans/me/skills/{Uri.EscapeDataString(forklift)}")).EnsureSuccessStatusCode();
        Assert.DoesNotContain("forklift", await db.QuerySingleAsync<string[]>("SELECT stated_skill_ids FROM veterans WHERE id = @id", new { id }));
        Assert.True(await db.ExecuteScalarAsync<bool>(Agrees, new { id }));
        (await veteran.PutAsJsonAsync("/api/veterans/me/consents/share_with_recruiters", new { granted = true, textVersion = "2026-11" })).EnsureSuccessStatusCode();
        Assert.True(await db.ExecuteScalarAsync<bool>("SELECT matchable FROM veterans WHERE id = @id", new { id }));
        Assert.True(await db.ExecuteScalarAsync<bool>(Agrees, new { id }));
    }
}
