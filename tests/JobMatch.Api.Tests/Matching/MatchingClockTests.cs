using System.Net;
using System.Net.Http.Json;
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
}
