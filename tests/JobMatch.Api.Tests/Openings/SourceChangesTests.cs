using System.Net;
using System.Net.Http.Json;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Openings;

/// <summary>Staff edit and close job fairs and order-class programs; closing one closes its open positions and refuses more.</summary>
public sealed class SourceChangesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static object Program(string name, params (Guid Company, int Seats)[] sponsors) => new
    {
        name, college = "淮南联合大学", degreeLevel = "大专", startsOn = "2024-09-01", durationMonths = 12,
        sponsors = sponsors.Select(s => new { companyId = s.Company, seats = s.Seats }).ToArray(),
    };

    async Task<IReadOnlyList<OpeningAnswer>> Positions(string source, Guid id) =>
        (await (await api.Admin().GetAsync($"/api/openings?{source}={id}&openOnly=false")).Read<PageOf<OpeningAnswer>>()).Items;

    [Fact]
    public async Task AdminEditsAFairWithTheRulesOfCreatingOne()
    {
        var admin = api.Admin();
        var fair = await admin.CreateFair();
        var edited = await (await admin.PutAsJsonAsync($"/api/job-fairs/{fair}", new { name = "  春风行动招聘会 ", heldOn = "2024-03-01", online = false, venue = "淮南体育馆" }))
            .Read<FairStateAnswer>();
        Assert.Equal(("春风行动招聘会", "2024-03-01", "淮南体育馆", false), (edited.Name, edited.HeldOn, edited.Venue, edited.Online));
        await (await admin.PutAsJsonAsync($"/api/job-fairs/{fair}", new { name = "x", heldOn = "2024-03-01", online = false })).AssertProblem(400);
        await (await admin.PutAsJsonAsync($"/api/job-fairs/{Guid.CreateVersion7()}", new { name = "x", heldOn = "2024-03-01", online = true })).AssertProblem(404);
        await (await api.ClientFor(Roles.Recruiter, "r-fair").PutAsJsonAsync($"/api/job-fairs/{fair}", new { name = "x", heldOn = "2024-03-01", online = true }))
            .AssertProblem(403);
        var read = await (await api.ClientFor(Roles.Veteran, "v-fair").GetAsync($"/api/job-fairs/{fair}")).Read<FairStateAnswer>();
        Assert.Equal("春风行动招聘会", read.Name);
    }

    [Fact]
    public async Task ClosingAFairClosesItsOpenPositionsAndRefusesMore()
    {
        var admin = api.Admin();
        var company = await admin.CreateCompany();
        var fair = await admin.CreateFair();
        await api.PostJob(company, headcount: 3, fairId: fair);
        await api.PostJob(company, headcount: 2, fairId: fair);
        var other = await api.PostJob(company, headcount: 2);

        var closed = await (await admin.PostAsync($"/api/job-fairs/{fair}/close", null)).Read<FairStateAnswer>();
        Assert.NotNull(closed.ClosedAt);
        Assert.All(await Positions("fairId", fair), position => Assert.Equal("closed", position.Status));
        Assert.Equal("open", (await (await admin.GetAsync($"/api/openings/{other}")).Read<OpeningAnswer>()).Status);
        // Closing again answers it as it is; the lists tell closed from open.
        Assert.Equal(closed.ClosedAt, (await (await admin.PostAsync($"/api/job-fairs/{fair}/close", null)).Read<FairStateAnswer>()).ClosedAt);
        Assert.Contains(fair, (await (await admin.GetAsync("/api/job-fairs?closed=true&limit=100")).Read<PageOf<FairStateAnswer>>()).Items.Select(f => f.Id));
        Assert.DoesNotContain(fair, (await (await admin.GetAsync("/api/job-fairs?closed=false&limit=100")).Read<PageOf<FairStateAnswer>>()).Items.Select(f => f.Id));

        var import = await (await admin.Upload(fair, Listings.Csv("企业名称,招聘岗位,需求人数", "淮南某某有限公司,电工,2"), "late.csv")).AssertProblem(409);
        Assert.Contains("已结束", import.GetProperty("detail").GetString());
        await (await admin.PostAsJsonAsync("/api/openings", new { companyId = company, title = "迟到的岗位", headcount = 1, fairId = fair })).AssertProblem(409);
        await (await admin.PutAsJsonAsync($"/api/job-fairs/{fair}", new { name = "改名", heldOn = "2024-03-01", online = true })).AssertProblem(409);
        await (await api.ClientFor(Roles.Recruiter, "r-close").PostAsync($"/api/job-fairs/{fair}/close", null)).AssertProblem(403);
        await (await admin.PostAsync($"/api/job-fairs/{Guid.CreateVersion7()}/close", null)).AssertProblem(404);
    }

    [Fact]
    public async Task AdminEditsAProgramsSponsorsAndSeatsWithinTheQuota()
    {
        var admin = api.Admin();
        var (a, b, c) = (await admin.CreateCompany(), await admin.CreateCompany(), await admin.CreateCompany());
        var created = await (await admin.PostAsJsonAsync("/api/programs", Program("焊工订单班", (a, 10), (b, 5)))).Read<ProgramStateAnswer>();

        // Renamed, a's seats raised, b out, c in: each sponsor's own position follows the name and its seats.
        var edited = await (await admin.PutAsJsonAsync($"/api/programs/{created.Id}", Program("焊工订单班（二期）", (a, 12), (c, 4))))
            .Read<ProgramStateAnswer>();
        Assert.Equal("焊工订单班（二期）", edited.Name);
        Assert.Equal([(a, 12), (c, 4)], edited.Sponsors.Select(s => (s.CompanyId, s.Seats)).OrderBy(s => s.Item2).Reverse());
        var seats = await Positions("programId", created.Id);
        Assert.Equal(12, seats.Single(s => s.CompanyId == a).Headcount);
        Assert.Equal(("焊工订单班（二期）", "open"), (seats.Single(s => s.CompanyId == c).Title, seats.Single(s => s.CompanyId == c).Status));
        Assert.Equal("closed", seats.Single(s => s.CompanyId == b).Status);
        // b comes back: its own position is open again with its new seats.
        await admin.PutAsJsonAsync($"/api/programs/{created.Id}", Program("焊工订单班（二期）", (a, 12), (b, 3), (c, 4)));
        var back = (await Positions("programId", created.Id)).Single(s => s.CompanyId == b);
        Assert.Equal(("open", (int?)3), (back.Status, back.Headcount));
        await admin.PutAsJsonAsync($"/api/programs/{created.Id}", Program("焊工订单班（二期）", (a, 12), (c, 4)));

        // a's own position gives 4 of its 12 seats to a second one: the seats cannot drop below those 4 (and one for its own),
        // and raising them grows its own position.
        var own = seats.Single(s => s.CompanyId == a).Id;
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/openings/{own}", new { companyId = a, title = "焊工订单班（二期）", location = "淮南联合大学", headcount = 8 })).StatusCode);
        var name = (await (await admin.GetAsync($"/api/companies/{a}")).Read<CompanyAnswer>()).Name;
        var upload = await (await admin.Upload(created.Id, Listings.Csv("企业名称,招聘岗位,需求人数", $"{name},焊工学员,4"), "second.csv", source: "programs"))
            .Read<ImportAnswer>();
        Assert.Equal(1, upload.Counts.PositionsCreated);
        var refused = await (await admin.PutAsJsonAsync($"/api/programs/{created.Id}", Program("焊工订单班（二期）", (a, 4), (c, 4)))).AssertProblem(400);
        Assert.Contains("已提供 4 个名额", refused.GetProperty("errors").GetProperty("sponsors")[0].GetString());
        await admin.PutAsJsonAsync($"/api/programs/{created.Id}", Program("焊工订单班（二期）", (a, 9), (c, 4)));
        Assert.Equal(5, (await Positions("programId", created.Id)).Single(s => s.Id == own).Headcount);
        await (await admin.PutAsJsonAsync($"/api/programs/{created.Id}", Program("焊工订单班（二期）", (a, 10), (a, 1)))).AssertProblem(400);
        await (await admin.PutAsJsonAsync($"/api/programs/{created.Id}", Program("焊工订单班（二期）", (Guid.CreateVersion7(), 1)))).AssertProblem(400);
    }

    [Fact]
    public async Task SeatsNeverDropBelowTheEnrolledAndMoreSeatsReopenAFullProgram()
    {
        var (company, recruiter) = await api.CompanyWithRecruiter();
        var (program, seat) = await api.OrderClass(company, seats: 1);
        var (veteran, _, _) = await api.Applicant();
        await recruiter.MoveOk(await veteran.Apply(seat), "enrolled");
        Assert.Equal("filled", (await (await api.Admin().GetAsync($"/api/openings/{seat}")).Read<OpeningAnswer>()).Status);

        var other = await api.Admin().CreateCompany();
        var leaving = await (await api.Admin().PutAsJsonAsync($"/api/programs/{program}", Program("订单班", (other, 2)))).AssertProblem(400);
        Assert.Contains("1 人入学", leaving.GetProperty("errors").GetProperty("sponsors")[0].GetString());
        var program0 = await (await api.Admin().GetAsync($"/api/programs/{program}")).Read<ProgramStateAnswer>();
        var more = await api.Admin().PutAsJsonAsync($"/api/programs/{program}", new
        {
            name = program0.Name, college = program0.College, degreeLevel = "大专", startsOn = "2023-09-01", durationMonths = 36,
            sponsors = new[] { new { companyId = company, seats = 3 } },
        });
        Assert.Equal(HttpStatusCode.OK, more.StatusCode);
        var reopened = await (await api.Admin().GetAsync($"/api/openings/{seat}")).Read<OpeningAnswer>();
        Assert.Equal(("open", (int?)3, 1), (reopened.Status, reopened.Headcount, reopened.Filled));
    }

    [Fact]
    public async Task ClosingAProgramClosesItsSeatsAndRefusesChanges()
    {
        var admin = api.Admin();
        var sponsor = await admin.CreateCompany();
        var (program, seat) = await api.OrderClass(sponsor, seats: 6);
        var closed = await (await admin.PostAsync($"/api/programs/{program}/close", null)).Read<ProgramStateAnswer>();
        Assert.NotNull(closed.ClosedAt);
        Assert.Equal("closed", (await (await admin.GetAsync($"/api/openings/{seat}")).Read<OpeningAnswer>()).Status);
        Assert.Contains(program, (await (await admin.GetAsync("/api/programs?closed=true&limit=100")).Read<PageOf<ProgramStateAnswer>>()).Items.Select(p => p.Id));
        await (await admin.PutAsJsonAsync($"/api/programs/{program}", Program("改名", (sponsor, 6)))).AssertProblem(409);
        await (await admin.Upload(program, Listings.Csv("企业名称,招聘岗位,需求人数", "淮南某某有限公司,学员,1"), "late.csv", source: "programs"))
            .AssertProblem(409);
        await (await api.ClientFor(Roles.Recruiter, "r-prog").PostAsync($"/api/programs/{program}/close", null)).AssertProblem(403);
    }
}
