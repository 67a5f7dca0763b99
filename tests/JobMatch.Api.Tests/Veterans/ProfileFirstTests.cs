using System.Text.Json;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Veterans;

/// <summary>A new veteran's first steps: every "mine" page before a profile says to create it; consents are optional.</summary>
public sealed class ProfileFirstTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task MatchesBeforeAProfileAnswer409SayingToCreateTheProfileFirstInTheCallersLanguage()
    {
        var veteran = api.Veteran("vet-first-" + Guid.NewGuid().ToString("N")[..8]);

        var chinese = await (await veteran.GetAsync("/api/veterans/me/matches")).AssertProblem(409);
        veteran.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        var english = await (await veteran.GetAsync("/api/veterans/me/matches")).AssertProblem(409);

        Assert.Contains("请先创建您的求职档案", chinese.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("Create your profile first", english.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProfileWithEveryConsentDeclinedIsCreatedAndListsOpeningsUnranked()
    {
        var veteran = api.Veteran("vet-noconsent-" + Guid.NewGuid().ToString("N")[..8]);
        // Every kind the profile form offers, as the console sends them: each consent text in force, declined.
        var texts = JsonDocument.Parse(await veteran.GetStringAsync("/api/veterans/consent-texts")).RootElement.EnumerateArray().ToList();
        Assert.Equal(JobMatch.Api.Privacy.ConsentInput.MostPerProfile, texts.Count); // the limit grows with the kinds
        var declined = texts.Select(text => new { kind = text.GetProperty("kind").GetString(), granted = false, textVersion = text.GetProperty("version").GetString() });

        await veteran.CreateProfile(new { name = VeteranData.NewName(), consents = declined });
        var matches = await veteran.GetAsync("/api/veterans/me/matches");

        Assert.Equal(HttpStatusCode.OK, matches.StatusCode);
        Assert.False((await matches.Read<MatchesAnswer>()).Ranked);
    }
}
