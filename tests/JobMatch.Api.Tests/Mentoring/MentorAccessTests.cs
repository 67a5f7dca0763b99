using System.Net;
using System.Net.Http.Json;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Mentoring;

public sealed class MentorAccessTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static string Subject() => "mentor-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task MentorCanNeitherReadNorLogSessionsForAnEnterpriseOutsideTheirCaseload()
    {
        var admin = api.Admin();
        var (mine, theirs) = (Subject(), Subject());
        var me = await admin.CreateMentor(subject: mine);
        var other = await admin.CreateMentor(subject: theirs);
        var myEnterprise = await admin.CreateEnterprise();
        var theirEnterprise = await admin.CreateEnterprise();
        await admin.AssignOk(me, myEnterprise);
        await admin.AssignOk(other, theirEnterprise);
        var mentor = api.Mentor(mine);

        var seen = await (await mentor.GetAsync($"/api/enterprises/{myEnterprise}")).Read<EnterpriseAnswer>();
        Assert.Equal("王建国", seen.FounderName);
        Assert.Equal("138****5678", seen.FounderPhone);
        await (await mentor.GetAsync($"/api/enterprises/{theirEnterprise}")).AssertProblem(404);
        await (await mentor.GetAsync($"/api/enterprises/{theirEnterprise}/sessions")).AssertProblem(404);
        await (await mentor.LogSession(theirEnterprise, "2026-01-01")).AssertProblem(404);
        await (await mentor.GetAsync($"/api/enterprises/{Guid.CreateVersion7()}")).AssertProblem(404);
        var theirSessions = await (await admin.GetAsync($"/api/enterprises/{theirEnterprise}/sessions")).Read<PageOf<SessionAnswer>>();
        Assert.Equal(0, theirSessions.Total);

        var caseload = await (await mentor.GetAsync("/api/mentors/me/caseload")).Read<PageOf<CaseloadItemAnswer>>();
        Assert.Equal([myEnterprise], caseload.Items.Select(item => item.EnterpriseId));
        Assert.Equal("138****5678", caseload.Items.Single().FounderPhone);
        var asAdminSees = await (await admin.GetAsync($"/api/mentors/{other}/caseload")).Read<PageOf<CaseloadItemAnswer>>();
        Assert.Equal([theirEnterprise], asAdminSees.Items.Select(item => item.EnterpriseId));
        await (await mentor.GetAsync($"/api/mentors/{other}/caseload")).AssertProblem(403);
    }

    [Fact]
    public async Task UnlinkedMentorLosesTheCaseloadAtOnce()
    {
        var admin = api.Admin();
        var subject = Subject();
        var mentorId = await admin.CreateMentor(subject: subject);
        var enterprise = await admin.CreateEnterprise();
        await admin.AssignOk(mentorId, enterprise);
        var mentor = api.Mentor(subject);
        Assert.Equal(HttpStatusCode.OK, (await mentor.GetAsync($"/api/enterprises/{enterprise}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/mentors/{mentorId}/subject")).StatusCode);
        await (await mentor.GetAsync($"/api/enterprises/{enterprise}")).AssertProblem(404);
        await (await mentor.GetAsync("/api/mentors/me/caseload")).AssertProblem(404);
        await (await mentor.LogSession(enterprise, "2026-01-01")).AssertProblem(404);
    }

    [Fact]
    public async Task EndingAnAssignmentTakesTheEnterpriseOffTheCaseloadAndKeepsItsHistory()
    {
        var admin = api.Admin();
        var subject = Subject();
        var mentorId = await admin.CreateMentor(subject: subject);
        var enterprise = await admin.CreateEnterprise();
        var assignment = await admin.AssignOk(mentorId, enterprise);

        var ended = await admin.PostAsJsonAsync($"/api/assignments/{assignment}/end", new { reason = "企业已稳定经营" });
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.NotNull((await ended.Read<AssignmentAnswer>()).EndsOn);
        await (await admin.PostAsJsonAsync($"/api/assignments/{assignment}/end", new { reason = "再次结束" })).AssertProblem(409);

        await (await api.Mentor(subject).GetAsync($"/api/enterprises/{enterprise}")).AssertProblem(404);
        var history = await (await admin.GetAsync($"/api/assignments?enterpriseId={enterprise}")).Read<PageOf<AssignmentAnswer>>();
        Assert.Equal(1, history.Total);
        Assert.Equal("企业已稳定经营", history.Items.Single().EndReason);
        var unassigned = await (await admin.GetAsync($"/api/enterprises/{enterprise}")).Read<EnterpriseAnswer>();
        Assert.Empty(unassigned.MentorIds);
    }

    [Fact]
    public async Task OnlyAdminManagesMentorsAndOnlyMentorsHaveACaseload()
    {
        var recruiter = api.ClientFor(Roles.Recruiter, "recruiter-m");
        await (await recruiter.GetAsync("/api/mentors")).AssertProblem(403);
        await (await recruiter.GetAsync("/api/mentors/me/caseload")).AssertProblem(403);
        await (await api.ClientFor(Roles.Veteran, "veteran-m").GetAsync($"/api/enterprises/{Guid.CreateVersion7()}")).AssertProblem(403);
        await (await api.Mentor(Subject()).PostAsJsonAsync("/api/assignments", new { })).AssertProblem(403);
        await (await api.CreateClient().GetAsync("/api/reports/mentoring")).AssertProblem(401);
    }

    [Fact]
    public async Task MentorSeesOwnPhoneWholeWhileStaffSeeItMasked()
    {
        var admin = api.Admin();
        var subject = Subject();
        var mentorId = await admin.CreateMentor(subject: subject, phone: "13955551234");
        Assert.Equal("139****1234", (await (await admin.GetAsync($"/api/mentors/{mentorId}")).Read<MentorAnswer>()).Phone);
        Assert.Equal("13955551234", (await (await api.Mentor(subject).GetAsync("/api/mentors/me")).Read<MentorAnswer>()).Phone);
    }

    [Fact]
    public async Task EnterpriseInputIsCheckedFieldByField()
    {
        // The limits declared on CreateEnterprise are checked first, all together; then the handler's own rules, all together.
        var response = await api.Admin().PostAsJsonAsync("/api/enterprises", new
        {
            name = "", creditCode = "91340400MA2N00000X", founderName = "李", founderPhone = "12345", industry = "餐饮",
            stage = "unicorn", district = "110101", needs = new[] { "magic" }, companyId = Guid.CreateVersion7(),
        });
        var errors = (await response.AssertProblem(400)).GetProperty("errors");
        foreach (var field in new[] { "founderPhone", "stage", "district", "needs" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
        var withinLimits = await api.Admin().PostAsJsonAsync("/api/enterprises", new
        {
            name = "", creditCode = "91340400MA2N00000X", founderName = "李", founderPhone = "13955551234", industry = "餐饮",
            stage = "idea", district = "340403", needs = new[] { "legal" }, companyId = Guid.CreateVersion7(),
        });
        errors = (await withinLimits.AssertProblem(400)).GetProperty("errors");
        foreach (var field in new[] { "name", "creditCode", "companyId" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task EnterpriseCanBeLinkedToACompany()
    {
        var admin = api.Admin();
        var company = await admin.CreateCompany();
        var founder = (await api.Veteran("founder-" + Guid.NewGuid().ToString("N")).CreateProfile(
            VeteranData.Profile("赵卫东", VeteranData.NewIdNumber(), "13912345678"))).As<Created>().Id;
        object Enterprise(Guid founderVeteranId) => new
        {
            name = "淮南老兵物流有限公司", founderName = "赵卫东", industry = "物流运输", stage = "growing", district = "340421",
            needs = new[] { "financing" }, companyId = company, founderVeteranId, demonstrationBase = true,
        };
        var unknown = await admin.PostAsJsonAsync("/api/enterprises", Enterprise(Guid.CreateVersion7()));
        Assert.True((await unknown.AssertProblem(400)).GetProperty("errors").TryGetProperty("founderVeteranId", out _));
        var response = await admin.PostAsJsonAsync("/api/enterprises", Enterprise(founder));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var enterprise = await response.Read<EnterpriseAnswer>();
        Assert.Equal(company, enterprise.CompanyId);
        Assert.True(enterprise.DemonstrationBase);
    }

    [Fact]
    public async Task EnterpriseListAnswersCsvWithMaskedPhones()
    {
        var admin = api.Admin();
        var enterprise = await admin.CreateEnterprise(founderPhone: "13712349876");
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/enterprises?limit=100");
        request.Headers.Accept.ParseAdd("text/csv");
        var response = await admin.SendAsync(request);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var row = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split('\n').Single(line => line.StartsWith(enterprise.ToString(), StringComparison.Ordinal));
        Assert.Contains("137****9876", row);
        Assert.Contains("financing marketing", row);
        Assert.DoesNotContain("13712349876", row);
    }

    [Fact]
    public async Task SameCreditCodeTwiceAnswers409()
    {
        var admin = api.Admin();
        var code = TestData.NewCreditCode();
        object Enterprise() => new { name = "重复企业", creditCode = code, founderName = "孙立新", industry = "餐饮", stage = "idea", district = "340402" };
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/enterprises", Enterprise())).StatusCode);
        await (await admin.PostAsJsonAsync("/api/enterprises", Enterprise())).AssertProblem(409);
    }

    [Fact]
    public async Task AdminUpdatesAnEnterpriseAndItsOpenNeedsFollow()
    {
        var admin = api.Admin();
        var subject = Subject();
        var enterprise = await admin.CreateEnterprise(needs: ["financing"]);
        await admin.AssignOk(await admin.CreateMentor(subject: subject), enterprise);
        var company = await admin.CreateCompany();

        var response = await admin.PatchAsJsonAsync($"/api/enterprises/{enterprise}", new { stage = "growing", needs = new[] { "export", "legal" }, companyId = company });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await response.Read<EnterpriseAnswer>();
        Assert.Equal("growing", updated.Stage);
        Assert.Equal(company, updated.CompanyId);
        var caseload = await (await api.Mentor(subject).GetAsync("/api/mentors/me/caseload")).Read<PageOf<CaseloadItemAnswer>>();
        Assert.Equal(["export", "legal"], caseload.Items.Single().OpenNeeds);

        var bad = await (await admin.PatchAsJsonAsync($"/api/enterprises/{enterprise}", new { stage = "huge", needs = new[] { "luck" } })).AssertProblem(400);
        Assert.True(bad.GetProperty("errors").TryGetProperty("needs", out _));
        await (await admin.PatchAsJsonAsync($"/api/enterprises/{Guid.CreateVersion7()}", new { stage = "idea" })).AssertProblem(404);
    }
}
