using System.Net;
using System.Net.Http.Json;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Imports;

/// <summary>Job fairs and order-class programs: admin creates, every role reads; a program's seats are training positions.</summary>
public sealed class ListingSourcesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AdminCreatesAFairAndEveryRoleReadsIt()
    {
        var fair = await api.Admin().CreateFair(182, 384, 1264);
        var read = await (await api.ClientFor(Roles.Veteran, "v-1").GetAsync($"/api/job-fairs/{fair}")).Read<JobFairAnswer>();
        Assert.Equal(("2023-03-16", (int?)1264), (read.HeldOn, read.DeclaredOpenings));
        await (await api.ClientFor(Roles.Recruiter, "r-1").PostAsJsonAsync("/api/job-fairs", new { name = "x", heldOn = "2023-03-16", online = true })).AssertProblem(403);
        await (await api.Admin().PostAsJsonAsync("/api/job-fairs", new { name = "现场会", heldOn = "2023-03-16", online = false })).AssertProblem(400);
    }

    [Fact]
    public async Task ProgramSponsorsSeatsBecomeTrainingPositions()
    {
        var admin = api.Admin();
        var a = await admin.CreateCompany();
        var b = await admin.CreateCompany();
        var response = await admin.PostAsJsonAsync("/api/programs", new
        {
            name = "学历+就业订单班", college = "淮南联合大学", majors = new[] { "药品生产技术" }, degreeLevel = "大专",
            startsOn = "2023-09-01", durationMonths = 36, sponsors = new[] { new { companyId = a, seats = 15 }, new { companyId = b, seats = 10 } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var program = await response.Read<ProgramAnswer>();
        var id = program.Id;
        Assert.Equal(2, program.Sponsors.Count);

        var seats = await (await api.ClientFor(Roles.Veteran, "v-2").GetAsync($"/api/openings?programId={id}&kind=training")).Read<PageOf<OpeningAnswer>>();
        Assert.Equal([10, 15], seats.Items.Select(o => o.Headcount).Order());
        await (await admin.PostAsJsonAsync("/api/programs", new { name = "x", college = "y", degreeLevel = "大专", startsOn = "2023-09-01", durationMonths = 36,
            sponsors = new[] { new { companyId = Guid.CreateVersion7(), seats = 1 } } })).AssertProblem(400);
    }

    [Fact]
    public async Task ImportIntoAProgramCreatesTrainingSeatsOfItsSponsors()
    {
        var admin = api.Admin();
        var company = "淮南物流" + Guid.NewGuid().ToString("N")[..6] + "有限公司";
        var sponsor = await admin.CreateCompany(company);
        var program = await (await admin.PostAsJsonAsync("/api/programs", new
        {
            name = "叉车订单班", college = "淮南职业技术学院", degreeLevel = "大专", startsOn = "2024-03-01", durationMonths = 6,
            sponsors = new[] { new { companyId = sponsor, seats = 10 } },
        })).Read<ProgramAnswer>();
        var id = program.Id;
        // The program's own position (its title and college) keeps 8 of the sponsor's 10 seats; a new one takes the other 2.
        var upload = await admin.Upload(id, Listings.Csv("企业名称,招聘岗位,需求人数,工作地点", $"{company},叉车订单班,8,淮南职业技术学院",
            $"{company},叉车司机学员,2,淮南职业技术学院"), "seats.csv", source: "programs");
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var batch = await upload.Read<ImportAnswer>();
        Assert.Equal((1, 1, 0), (batch.Counts.PositionsCreated, batch.Counts.PositionsUpdated, batch.Counts.RowsRejected));
        var seats = (await (await admin.GetAsync($"/api/openings?programId={id}")).Read<PageOf<OpeningAnswer>>()).Items;
        Assert.All(seats, seat => Assert.Equal("training", seat.Kind));
        Assert.Equal([2, 8], seats.Select(seat => seat.Headcount).Order());
    }

    /// <summary>A company (named) with a linked recruiter, for rows that name it.</summary>
    async Task<(Guid Id, string Name, HttpClient Recruiter)> NamedCompany()
    {
        var name = "淮南订单" + Guid.NewGuid().ToString("N")[..6] + "有限公司";
        var id = await api.Admin().CreateCompany(name);
        var subject = "rec-" + Guid.NewGuid().ToString("N")[..8];
        await api.Admin().LinkRecruiter(id, subject);
        return (id, name, api.ClientFor(Roles.Recruiter, subject));
    }

    [Fact]
    public async Task OnlyASponsorsRecruiterAddsTrainingSeatsToAProgramAndNeverBeyondItsQuota()
    {
        var sponsor = await NamedCompany();
        var outsider = await NamedCompany();
        var (program, seat) = await api.OrderClass(sponsor.Id, seats: 10);
        var admin = api.Admin();

        // A recruiter of a company that does not sponsor the program does not find it to import into.
        await (await outsider.Recruiter.Upload(program, Listings.Csv("企业名称,招聘岗位,需求人数", $"{outsider.Name},仓储学员,45"), "a.csv",
            source: "programs")).AssertProblem(404);
        // Admin may import into any program, but only for its sponsors.
        var byAdmin = await (await admin.Upload(program, Listings.Csv("企业名称,招聘岗位,需求人数", $"{outsider.Name},仓储学员,45"), "b.csv",
            source: "programs")).Read<ImportAnswer>();
        Assert.Equal(1, byAdmin.Counts.RowsRejected);

        // The sponsor's 10 seats are all offered by the program's own position: a further 45 are refused, naming the quota.
        var beyond = await sponsor.Recruiter.Upload(program, Listings.Csv("企业名称,招聘岗位,需求人数", $"{sponsor.Name},电工学员,45"), "c.csv",
            source: "programs");
        Assert.Equal(HttpStatusCode.Created, beyond.StatusCode);
        var problem = Assert.Single(await sponsor.Recruiter.ReportLines((await beyond.Read<ImportAnswer>()).Id));
        Assert.Contains("名额为 10 个，尚余 0 个", problem.Problem);

        // Moving 6 of the 10 seats to a second position fits; one more seat, or taking them back, does not.
        var lowered = await sponsor.Recruiter.PutAsJsonAsync($"/api/openings/{seat}", new { companyId = sponsor.Id, title = "订单班学员", headcount = 4 });
        Assert.Equal(HttpStatusCode.OK, lowered.StatusCode);
        var split = await (await sponsor.Recruiter.Upload(program, Listings.Csv("企业名称,招聘岗位,需求人数", $"{sponsor.Name},叉车学员,6",
            $"{sponsor.Name},焊工学员,1"), "d.csv", source: "programs")).Read<ImportAnswer>();
        Assert.Equal(1, split.Counts.RowsRejected);
        var rejected = Assert.Single(await sponsor.Recruiter.ReportLines(split.Id), e => e.Severity == "rejected");
        Assert.Equal(3, rejected.RowNumber);
        Assert.Contains("名额为 10 个，尚余 0 个", rejected.Problem);
        var raised = await (await sponsor.Recruiter.PutAsJsonAsync($"/api/openings/{seat}", new { companyId = sponsor.Id, title = "订单班学员", headcount = 5 }))
            .AssertProblem(400);
        Assert.Contains("最多 4 个", raised.GetProperty("errors").GetProperty("headcount")[0].GetString());

        var seats = (await (await admin.GetAsync($"/api/openings?programId={program}&openOnly=false")).Read<PageOf<OpeningAnswer>>()).Items;
        Assert.Equal([4, 6], seats.Select(o => o.Headcount).Order());
        Assert.All(seats, o => Assert.Equal(sponsor.Id, o.CompanyId));
    }
}
