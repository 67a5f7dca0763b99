using System.Net;
using System.Net.Http.Json;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Mentoring;

/// <summary>What the staff's mentor and enterprise screens need of the API beyond assigning: editing what a mentor knows.</summary>
public sealed class MentoringConsoleTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AMentorsExpertiseIndustriesAndDistrictChangeAndOnlyTheGivenOnes()
    {
        var admin = api.Admin();
        var mentor = await admin.CreateMentor(capacity: 4, district: "340403", expertise: ["financing"], industries: ["餐饮"]);

        var changed = await admin.PatchAsJsonAsync($"/api/mentors/{mentor}", new { expertise = new[] { "legal", "hiring" }, industries = new[] { " 安保服务 " }, district = "凤台县" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var read = await (await admin.GetAsync($"/api/mentors/{mentor}")).Read<MentorAnswer>();
        Assert.Equal(["legal", "hiring"], read.Expertise);
        Assert.Equal(["安保服务"], read.Industries);
        Assert.Equal("340421", read.District);
        Assert.Equal(4, read.Capacity);
        Assert.False(read.Paused);

        await (await admin.PatchAsJsonAsync($"/api/mentors/{mentor}", new { expertise = new[] { "astrology" } })).AssertProblem(400);
        await (await admin.PatchAsJsonAsync($"/api/mentors/{mentor}", new { industries = new[] { " " } })).AssertProblem(400);
        await (await admin.PatchAsJsonAsync($"/api/mentors/{mentor}", new { district = "北京" })).AssertProblem(400);
        Assert.Equal(["legal", "hiring"], (await (await admin.GetAsync($"/api/mentors/{mentor}")).Read<MentorAnswer>()).Expertise);
    }
}
