using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;
using Npgsql;

namespace JobMatch.Api.Tests.Matching;

public sealed class CandidatesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static async Task<List<JsonElement>> Candidates(HttpClient client, Guid opening) =>
        (await (await client.GetAsync($"/api/openings/{opening}/candidates?limit=50")).EnsureSuccessStatusCode().ReadJson())
            .GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task RecruiterSeesSharingVeteransRankedAndMaskedButNotThoseWhoDoNotShare()
    {
        var world = await MatchingData.CreateWorld(api);
        var (_, sharing) = await MatchingData.Driver(api, share: true);
        var (_, private_) = await MatchingData.Driver(api, share: false);

        var list = await Candidates(api.Recruiter(world), world.Openings["货车司机"]);

        var mine = Assert.Single(list, c => c.GetProperty("candidateId").GetGuid() == sharing);
        Assert.DoesNotContain(list, c => c.GetProperty("candidateId").GetGuid() == private_);
        Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}\*+$", mine.GetProperty("displayName").GetString());
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("phone").ValueKind);
        Assert.False(mine.GetProperty("shared").GetBoolean());
        Assert.NotEqual(0, mine.GetProperty("reasons").GetArrayLength());
        Assert.Contains(mine.GetProperty("rules").EnumerateArray(), r => r.GetProperty("rule").GetString() == "licence_class");
        var raw = await (await api.Recruiter(world).GetAsync($"/api/openings/{world.Openings["货车司机"]}/candidates?limit=50")).Content.ReadAsStringAsync();
        Assert.DoesNotMatch(@"\d{17}[\dX]|1[3-9]\d{9}", raw);
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
        var invitation = (await created.ReadJson()).GetProperty("id").GetGuid();
        await (await recruiter.PostAsJsonAsync($"/api/openings/{opening}/invitations", new { veteranId = id })).AssertProblem(409);
        Assert.Equal("pending", Assert.Single(await Candidates(recruiter, opening), c => c.GetProperty("candidateId").GetGuid() == id).GetProperty("invitation").GetString());

        var (stranger, _) = await MatchingData.Driver(api);
        await (await stranger.PostAsync($"/api/veterans/me/invitations/{invitation}/accept", null)).AssertProblem(404);
        Assert.Equal(0, (await (await stranger.GetAsync("/api/veterans/me/invitations")).ReadJson()).GetProperty("items").GetArrayLength());

        var inbox = await (await veteran.GetAsync("/api/veterans/me/invitations")).EnsureSuccessStatusCode().ReadJson();
        var item = Assert.Single(inbox.GetProperty("items").EnumerateArray());
        Assert.Equal(("货车司机", "pending", "欢迎面试"), (item.GetProperty("title").GetString(), item.GetProperty("status").GetString(), item.GetProperty("message").GetString()));

        var accepted = await (await veteran.PostAsync($"/api/veterans/me/invitations/{invitation}/accept", null)).EnsureSuccessStatusCode().ReadJson();
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        await (await veteran.PostAsync($"/api/veterans/me/invitations/{invitation}/decline", null)).AssertProblem(409);

        var shown = Assert.Single(await Candidates(recruiter, opening), c => c.GetProperty("candidateId").GetGuid() == id);
        Assert.True(shown.GetProperty("shared").GetBoolean());
        Assert.DoesNotContain("*", shown.GetProperty("displayName").GetString(), StringComparison.Ordinal);
        Assert.Matches(@"^\d{3}\*{4}\d{4}$", shown.GetProperty("phone").GetString());
        var otherCompany = await MatchingData.CreateWorld(api);
        var elsewhere = Assert.Single(await Candidates(api.Recruiter(otherCompany), otherCompany.Openings["货车司机"]), c => c.GetProperty("candidateId").GetGuid() == id);
        Assert.False(elsewhere.GetProperty("shared").GetBoolean());

        await using var db = new NpgsqlConnection(api.Cluster.SuperuserConnectionString(api.Database));
        Assert.Equal(1, await db.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM interactions WHERE veteran_id = @id AND position_id = @opening AND kind = 'application'", new { id, opening }));

        // Accepting is applying: the application is there for both sides, in its first state.
        var mine = await (await veteran.GetAsync("/api/veterans/me/applications")).EnsureSuccessStatusCode().ReadJson();
        var application = Assert.Single(mine.GetProperty("items").EnumerateArray());
        Assert.Equal((opening, "submitted"), (application.GetProperty("positionId").GetGuid(), application.GetProperty("state").GetString()));
        var theirs = await (await recruiter.GetAsync($"/api/openings/{opening}/applications")).EnsureSuccessStatusCode().ReadJson();
        Assert.Contains(theirs.GetProperty("items").EnumerateArray(), a => a.GetProperty("veteranId").GetGuid() == id);
    }

    [Fact]
    public async Task DecliningRevealsNothingToTheCompany()
    {
        var world = await MatchingData.CreateWorld(api);
        var (veteran, id) = await MatchingData.Driver(api);
        var recruiter = api.Recruiter(world);
        var opening = world.Openings["仓储管理员"];
        var invitation = (await (await recruiter.PostAsJsonAsync($"/api/openings/{opening}/invitations", new { veteranId = id })).ReadJson()).GetProperty("id").GetGuid();

        var declined = await (await veteran.PostAsync($"/api/veterans/me/invitations/{invitation}/decline", null)).EnsureSuccessStatusCode().ReadJson();

        Assert.Equal("declined", declined.GetProperty("status").GetString());
        var shown = Assert.Single(await Candidates(recruiter, opening), c => c.GetProperty("candidateId").GetGuid() == id);
        Assert.Equal(("declined", false, JsonValueKind.Null), (shown.GetProperty("invitation").GetString(), shown.GetProperty("shared").GetBoolean(), shown.GetProperty("phone").ValueKind));
        Assert.Contains("*", shown.GetProperty("displayName").GetString(), StringComparison.Ordinal);
        await (await api.ClientFor(Roles.Recruiter, world.Recruiter).PostAsJsonAsync($"/api/openings/{opening}/invitations", new { veteranId = id, message = new string('x', 501) })).AssertProblem(400);
    }
}
