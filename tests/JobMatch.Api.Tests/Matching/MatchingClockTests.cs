using System.Net;
using System.Net.Http.Json;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;
using JobMatch.Api.Tests.Mentoring;

namespace JobMatch.Api.Tests.Matching;

/// <summary>Matching reads the service's clock (TimeProvider), so a test that moves the clock moves matching.</summary>
public sealed class MatchingClockTests(ClockedApiFactory api) : IClassFixture<ClockedApiFactory>
{
    [Fact]
    public async Task APositionLeavesTheMatchesOnceTheClockPassesItsClosingDayInShanghai()
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

    [Fact]
    public async Task AVeteranLeavesTheCandidatesOnceTheClockMakesThemOlderThanThePositionAllows()
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
        var opening = (await created.ReadJson()).GetProperty("id").GetGuid();
        // Born 5 March 1985: 40 until then, within 35 and the five years veterans are allowed beyond it; 41 after.
        var veteran = api.Veteran("vet-" + Guid.NewGuid().ToString("N")[..10]);
        var id = (await veteran.CreateProfile(VeteranData.Profile(VeteranData.NewName(), VeteranData.NewIdNumber(birth: "19850305"),
            VeteranData.NewPhone(), share: true))).GetProperty("id").GetGuid();
        var client = api.ClientFor(Roles.Recruiter, recruiter);

        api.Clock.Now = new DateTimeOffset(2026, 3, 4, 4, 0, 0, TimeSpan.Zero);
        Assert.Contains(id, await CandidateIds(client, opening));

        api.Clock.Now = new DateTimeOffset(2026, 3, 6, 4, 0, 0, TimeSpan.Zero);
        Assert.DoesNotContain(id, await CandidateIds(client, opening));
    }

    static async Task<List<Guid>> CandidateIds(HttpClient client, Guid opening) =>
        [.. (await (await client.GetAsync($"/api/openings/{opening}/candidates?limit=50")).EnsureSuccessStatusCode().ReadJson())
            .GetProperty("items").EnumerateArray().Select(item => item.GetProperty("candidateId").GetGuid())];
}
