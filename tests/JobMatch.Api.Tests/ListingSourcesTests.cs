using System.Net;
using System.Net.Http.Json;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests;

/// <summary>Job fairs and order-class programs: admin creates, every role reads; a program's seats are training positions.</summary>
public sealed class ListingSourcesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AdminCreatesAFairAndEveryRoleReadsIt()
    {
        var fair = await api.Admin().CreateFair(182, 384, 1264);
        var read = await (await api.ClientFor(Roles.Veteran, "v-1").GetAsync($"/api/job-fairs/{fair}")).ReadJson();
        Assert.Equal(("2023-03-16", 1264), (read.GetProperty("heldOn").GetString(), read.GetProperty("declaredOpenings").GetInt32()));
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
        var program = await response.ReadJson();
        var id = program.GetProperty("id").GetGuid();
        Assert.Equal(2, program.GetProperty("sponsors").GetArrayLength());

        var seats = await (await api.ClientFor(Roles.Veteran, "v-2").GetAsync($"/api/openings?programId={id}&kind=training")).ReadJson();
        Assert.Equal([10, 15], seats.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("headcount").GetInt32()).Order());
        await (await admin.PostAsJsonAsync("/api/programs", new { name = "x", college = "y", degreeLevel = "大专", startsOn = "2023-09-01", durationMonths = 36,
            sponsors = new[] { new { companyId = Guid.CreateVersion7(), seats = 1 } } })).AssertProblem(400);
    }

    [Fact]
    public async Task ImportIntoAProgramCreatesTrainingSeats()
    {
        var admin = api.Admin();
        var program = await (await admin.PostAsJsonAsync("/api/programs", new
        {
            name = "叉车订单班", college = "淮南职业技术学院", degreeLevel = "大专", startsOn = "2024-03-01", durationMonths = 6,
        })).ReadJson();
        var id = program.GetProperty("id").GetGuid();
        var company = "淮南物流" + Guid.NewGuid().ToString("N")[..6] + "有限公司";
        var upload = await admin.Upload(id, Listings.Csv("企业名称,招聘岗位,需求人数", $"{company},叉车司机学员,8"), "seats.csv", source: "programs");
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var seat = Assert.Single((await (await admin.GetAsync($"/api/openings?programId={id}")).ReadJson()).GetProperty("items").EnumerateArray());
        Assert.Equal(("training", 8), (seat.GetProperty("kind").GetString(), seat.GetProperty("headcount").GetInt32()));
    }
}
