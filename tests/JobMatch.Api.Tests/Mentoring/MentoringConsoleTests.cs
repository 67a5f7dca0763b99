using System.Net;
using System.Net.Http.Json;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Mentoring;

/// <summary>What the staff's mentor and enterprise screens need of the API beyond assigning: editing what a mentor knows,
/// and a refused bulk assignment that says which pairs to change.</summary>
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

    [Fact]
    public async Task ARefusedPlanNamesEachRefusedPairWithItsReasonAndAssignsNone()
    {
        var admin = api.Admin();
        var (full, roomy) = (await admin.CreateMentor(capacity: 1), await admin.CreateMentor(capacity: 5));
        var (a, b, taken, fine) = (await admin.CreateEnterprise(), await admin.CreateEnterprise(), await admin.CreateEnterprise(), await admin.CreateEnterprise());
        await admin.AssignOk(roomy, taken);
        var items = new[]
        {
            new { mentorId = full, enterpriseId = a }, new { mentorId = full, enterpriseId = b },
            new { mentorId = roomy, enterpriseId = taken }, new { mentorId = roomy, enterpriseId = fine },
        };

        var problem = (await (await admin.PostAsJsonAsync("/api/assignments/plan/accept", new { reason = "批量分配", items })).AssertProblem(409))
            .As<RefusedPlanAnswer>();
        Assert.Equal(new[] { a, b, taken }.Order(), problem.Refused.Select(pair => pair.EnterpriseId).Order());
        Assert.Contains("已有导师", problem.Refused.Single(pair => pair.EnterpriseId == taken).Reason);
        Assert.All(problem.Refused.Where(pair => pair.EnterpriseId != taken), pair =>
        {
            Assert.Equal(full, pair.MentorId);
            Assert.Contains("上限 1 家", pair.Reason);
        });
        Assert.DoesNotContain(problem.Refused, pair => pair.EnterpriseId == fine);
        Assert.Equal(0, await admin.ActiveLoad(full));
        Assert.Equal(1, await admin.ActiveLoad(roomy));
    }

    [Fact]
    public async Task MentorsAreFoundByAPartOfTheirNameAndCountedAsFound()
    {
        var admin = api.Admin();
        var mentor = await admin.CreateMentor();
        var name = (await (await admin.GetAsync($"/api/mentors/{mentor}")).Read<NamedMentorAnswer>()).Name;

        var found = await (await admin.GetAsync($"/api/mentors?q={Uri.EscapeDataString(name[2..])}")).Read<PageOf<NamedMentorAnswer>>();
        Assert.Equal(1, found.Total);
        Assert.Equal(mentor, Assert.Single(found.Items).Id);
        Assert.Equal(0, (await (await admin.GetAsync("/api/mentors?q=没有这位导师")).Read<PageOf<NamedMentorAnswer>>()).Total);
    }
}
