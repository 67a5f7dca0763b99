using System.Net;
using System.Net.Http.Json;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Mentoring;

public sealed class AssignmentTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task TenConcurrentAssignmentsToAMentorWithCapacityThreeLetExactlyThreeThrough()
    {
        var admin = api.Admin();
        // Several rounds, each with a fresh mentor: a race that slips through once in a while still shows.
        for (var round = 0; round < 5; round++)
        {
            var mentor = await admin.CreateMentor(capacity: 3);
            var enterprises = new List<Guid>();
            for (var i = 0; i < 10; i++)
            {
                enterprises.Add(await admin.CreateEnterprise());
            }
            // Clients made first, one per request, so the ten requests really start together.
            var clients = enterprises.Select(_ => api.Admin()).ToList();
            var responses = await Task.WhenAll(enterprises.Select((enterprise, i) => clients[i].Assign(mentor, enterprise)));

            Assert.Equal(3, responses.Count(response => response.StatusCode == HttpStatusCode.Created));
            Assert.Equal(7, responses.Count(response => response.StatusCode == HttpStatusCode.Conflict));
            Assert.Equal(3, await admin.ActiveLoad(mentor));
        }
    }

    [Fact]
    public async Task ConcurrentAssignmentsToAPausedMentorAllFailUnlessOverridden()
    {
        var admin = api.Admin();
        var mentor = await admin.CreateMentor(capacity: 10);
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync($"/api/mentors/{mentor}", new { paused = true })).StatusCode);
        var enterprises = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            enterprises.Add(await admin.CreateEnterprise());
        }
        var responses = await Task.WhenAll(enterprises.Select(enterprise => api.Admin().Assign(mentor, enterprise)));
        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Conflict, response.StatusCode));
        Assert.Equal(0, await admin.ActiveLoad(mentor));

        var overridden = await admin.Assign(mentor, enterprises[0], overrideReason: "导师本人同意继续辅导该企业");
        Assert.Equal(HttpStatusCode.Created, overridden.StatusCode);
        Assert.Equal("导师本人同意继续辅导该企业", (await overridden.Read<AssignmentAnswer>()).OverrideReason);
    }

    [Fact]
    public async Task ConcurrentAssignmentsOfOneEnterpriseGiveItOneMentorWithoutCoMentoring()
    {
        var admin = api.Admin();
        var enterprise = await admin.CreateEnterprise();
        var mentors = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            mentors.Add(await admin.CreateMentor());
        }
        var responses = await Task.WhenAll(mentors.Select(mentor => api.Admin().Assign(mentor, enterprise)));
        Assert.Single(responses, response => response.StatusCode == HttpStatusCode.Created);
        var current = await (await admin.GetAsync($"/api/enterprises/{enterprise}")).Read<EnterpriseAnswer>();
        Assert.Single(current.MentorIds);
    }

    [Fact]
    public async Task ACoMentoredEnterpriseCountsAgainstBothCapacities()
    {
        var admin = api.Admin();
        var (first, second) = (await admin.CreateMentor(capacity: 1), await admin.CreateMentor(capacity: 1));
        var enterprise = await admin.CreateEnterprise();
        await admin.AssignOk(first, enterprise);
        await (await admin.Assign(second, enterprise)).AssertProblem(409);
        await (await admin.Assign(first, enterprise, coMentoring: true)).AssertProblem(409);

        var co = await admin.Assign(second, enterprise, coMentoring: true);
        Assert.Equal(HttpStatusCode.Created, co.StatusCode);
        Assert.True((await co.Read<AssignmentAnswer>()).CoMentoring);
        Assert.Equal(1, await admin.ActiveLoad(first));
        Assert.Equal(1, await admin.ActiveLoad(second));
        await (await admin.Assign(second, await admin.CreateEnterprise())).AssertProblem(409);
    }

    [Fact]
    public async Task OverCapacityIsRefusedWithAReasonToOverride()
    {
        var admin = api.Admin();
        var mentor = await admin.CreateMentor(capacity: 1);
        await admin.AssignOk(mentor, await admin.CreateEnterprise());
        var refused = await (await admin.Assign(mentor, await admin.CreateEnterprise())).AssertProblem(409);
        Assert.Contains("overrideReason", refused.GetProperty("detail").GetString());
        await (await admin.Assign(mentor, await admin.CreateEnterprise(), overrideReason: "  ")).AssertProblem(400);
        var overridden = await admin.Assign(mentor, await admin.CreateEnterprise(), overrideReason: "该企业为导师原单位转介");
        Assert.Equal(HttpStatusCode.Created, overridden.StatusCode);
        Assert.Equal(2, await admin.ActiveLoad(mentor));
    }

    [Fact]
    public async Task BulkReassignmentMovesTheWholeCaseloadOrNothing()
    {
        var admin = api.Admin("admin-bulk");
        var from = await admin.CreateMentor(capacity: 5);
        var to = await admin.CreateMentor(capacity: 2);
        var enterprises = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            enterprises.Add(await admin.CreateEnterprise());
            await admin.AssignOk(from, enterprises[^1]);
        }
        var refused = await admin.PostAsJsonAsync($"/api/mentors/{from}/reassign", new { toMentorId = to, reason = "导师调离" });
        await refused.AssertProblem(409);
        Assert.Equal(3, await admin.ActiveLoad(from));
        Assert.Equal(0, await admin.ActiveLoad(to));

        // A receiving mentor who already co-mentors one of them: the whole move is refused, nothing half-done.
        var third = await admin.CreateMentor(capacity: 10);
        await admin.Assign(third, enterprises[1], coMentoring: true);
        await (await admin.PostAsJsonAsync($"/api/mentors/{from}/reassign", new { toMentorId = third, reason = "导师调离" })).AssertProblem(409);
        Assert.Equal(3, await admin.ActiveLoad(from));

        await admin.PatchAsJsonAsync($"/api/mentors/{to}", new { capacity = 3 });
        var moved = await admin.PostAsJsonAsync($"/api/mentors/{from}/reassign", new { toMentorId = to, reason = "导师调离" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(3, (await moved.Read<CaseloadReassignedAnswer>()).Assignments.Count);
        Assert.Equal(0, await admin.ActiveLoad(from));
        Assert.Equal(3, await admin.ActiveLoad(to));
        var history = await (await admin.GetAsync($"/api/assignments?mentorId={from}&active=false")).Read<PageOf<AssignmentAnswer>>();
        Assert.Equal(3, history.Total);
        Assert.All(history.Items, item => Assert.Equal("导师调离", item.EndReason));
        var audit = await (await admin.GetAsync($"/api/audit?objectId={from}")).Read<PageOf<AuditEntryAnswer>>();
        Assert.Contains(audit.Items, entry => entry.Action == "mentoring.caseload_reassigned");
    }

    [Fact]
    public async Task AcceptingAPlanAssignsAllPairsOrNone()
    {
        var admin = api.Admin();
        var mentor = await admin.CreateMentor(capacity: 1);
        var (a, b) = (await admin.CreateEnterprise(), await admin.CreateEnterprise());
        var both = new { reason = "采纳方案", items = new[] { new { mentorId = mentor, enterpriseId = a }, new { mentorId = mentor, enterpriseId = b } } };
        await (await admin.PostAsJsonAsync("/api/assignments/plan/accept", both)).AssertProblem(409);
        Assert.Equal(0, await admin.ActiveLoad(mentor));

        await admin.PatchAsJsonAsync($"/api/mentors/{mentor}", new { capacity = 2 });
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/assignments/plan/accept", both)).StatusCode);
        Assert.Equal(2, await admin.ActiveLoad(mentor));
    }

    [Fact]
    public async Task SuggestionsRankMentorsByFitWithReasonsAndAvailableOnesFirst()
    {
        var admin = api.Admin();
        var enterprise = await admin.CreateEnterprise(district: "340421", needs: ["legal", "hiring"], industry: "安保服务");
        var best = await admin.CreateMentor(district: "340421", expertise: ["legal", "hiring"], industries: ["安保服务"]);
        var paused = await admin.CreateMentor(district: "340421", expertise: ["legal", "hiring"], industries: ["安保服务"]);
        await admin.PatchAsJsonAsync($"/api/mentors/{paused}", new { paused = true });
        var weak = await admin.CreateMentor(district: "340403", expertise: ["export"], industries: ["新能源"]);

        var ranked = await (await admin.GetAsync($"/api/enterprises/{enterprise}/mentor-suggestions?limit=100"))
            .Read<IReadOnlyList<MentorSuggestionAnswer>>();
        var ids = ranked.Select(s => s.MentorId).ToList();
        Assert.Equal(best, ids[0]);
        Assert.True(ids.IndexOf(weak) < ids.IndexOf(paused), "a paused mentor ranks after every available one");
        Assert.True(ranked[0].Fit > ranked[ids.IndexOf(weak)].Fit);
        Assert.Contains(ranked[0].Reasons, reason => reason.Contains("安保服务"));
        await (await admin.GetAsync($"/api/enterprises/{Guid.CreateVersion7()}/mentor-suggestions")).AssertProblem(404);
    }
}
