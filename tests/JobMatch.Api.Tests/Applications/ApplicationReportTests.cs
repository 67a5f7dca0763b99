using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Applications;

public sealed class ApplicationReportTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AFairsFunnelMatchesTheApplicationsItReceived()
    {
        var fair = await api.Admin().CreateFair();
        var (company, recruiter) = await api.CompanyWithRecruiter();
        var welder = await api.PostJob(company, 4, fair);
        var guard = await api.PostJob(company, 6, fair);
        await api.PostJob(company, null, fair);
        await api.PostJob(company, 9); // not at the fair

        // Five applicants: one stays submitted, one is rejected after screening, one withdraws at interview,
        // one is hired, one is hired and then cancelled.
        string[][] paths =
        [
            [], ["screening", "rejected"], ["screening", "interview", "withdrawn"],
            ["screening", "interview", "offer", "hired"], ["screening", "interview", "offer", "hired", "cancelled"],
        ];
        foreach (var (path, index) in paths.Select((p, i) => (p, i)))
        {
            var (veteran, _, _) = await api.Applicant();
            var application = await veteran.Apply(index % 2 == 0 ? welder : guard);
            foreach (var state in path)
            {
                await (state == "withdrawn" ? veteran : recruiter).MoveOk(application, state);
            }
        }

        var funnel = await (await api.Admin().GetAsync($"/api/reports/job-fairs/{fair}")).ReadJson();
        Assert.Equal(3, funnel.GetProperty("positions").GetInt64());
        Assert.Equal(10, funnel.GetProperty("openings").GetInt64());
        Assert.Equal(1, funnel.GetProperty("headcountUnknown").GetInt64());
        Assert.Equal(5, funnel.GetProperty("applications").GetInt64());
        Assert.Equal(4, funnel.GetProperty("screened").GetInt64());
        Assert.Equal(3, funnel.GetProperty("interviews").GetInt64());
        Assert.Equal(2, funnel.GetProperty("offers").GetInt64());
        Assert.Equal(1, funnel.GetProperty("hires").GetInt64());
        Assert.Equal(1, funnel.GetProperty("rejected").GetInt64());
        Assert.Equal(1, funnel.GetProperty("withdrawn").GetInt64());
        Assert.Equal(1, funnel.GetProperty("cancelled").GetInt64());
        Assert.Equal(0.1m, funnel.GetProperty("fillRate").GetDecimal());

        var csv = new HttpRequestMessage(HttpMethod.Get, $"/api/reports/job-fairs/{fair}");
        csv.Headers.Accept.ParseAdd("text/csv");
        var text = await (await api.Admin().SendAsync(csv)).Content.ReadAsStringAsync();
        Assert.Contains("Interviews", text);
        await (await recruiter.GetAsync($"/api/reports/job-fairs/{fair}")).AssertProblem(403);
        await (await api.Admin().GetAsync($"/api/reports/job-fairs/{Guid.CreateVersion7()}")).AssertProblem(404);
    }

    [Fact]
    public async Task AProgramsFunnelCountsEnrolmentsMilestonesAndSeatsTaken()
    {
        var (company, recruiter) = await api.CompanyWithRecruiter();
        var (program, position) = await api.OrderClass(company, seats: 4);
        string[][] paths = [["enrolled", "graduated", "employed", "retained_6m"], ["enrolled", "dropped"], ["enrolled"], []];
        foreach (var path in paths)
        {
            var (veteran, _, _) = await api.Applicant();
            var application = await veteran.Apply(position);
            foreach (var state in path)
            {
                await recruiter.MoveOk(application, state);
            }
        }

        var funnel = await (await api.Admin().GetAsync($"/api/reports/programs/{program}")).ReadJson();
        Assert.Equal(4, funnel.GetProperty("seats").GetInt64());
        Assert.Equal(4, funnel.GetProperty("applications").GetInt64());
        Assert.Equal(3, funnel.GetProperty("enrolments").GetInt64());
        Assert.Equal(1, funnel.GetProperty("graduations").GetInt64());
        Assert.Equal(1, funnel.GetProperty("employed").GetInt64());
        Assert.Equal(1, funnel.GetProperty("retained6m").GetInt64());
        Assert.Equal(0, funnel.GetProperty("retained12m").GetInt64());
        Assert.Equal(1, funnel.GetProperty("dropped").GetInt64());
        Assert.Equal(2, funnel.GetProperty("seatsTaken").GetInt64());
        Assert.Equal(0.5m, funnel.GetProperty("fillRate").GetDecimal());
    }

    [Fact]
    public async Task AProgramsSeatsAreItsSponsorsQuotasWhatEverOthersImportOrItsPositionsOffer()
    {
        var admin = api.Admin();
        var (first, firstRecruiter) = await api.CompanyWithRecruiter();
        var (second, _) = await api.CompanyWithRecruiter();
        var created = await (await admin.PostAsJsonAsync("/api/programs", new
        {
            name = "订单班" + Guid.NewGuid().ToString("N")[..4], college = "淮南联合大学", degreeLevel = "大专", startsOn = "2023-09-01",
            durationMonths = 36, sponsors = new[] { new { companyId = first, seats = 30 }, new { companyId = second, seats = 20 } },
        })).ReadJson();
        var program = created.GetProperty("id").GetGuid();
        var firstSeat = (await (await admin.GetAsync($"/api/openings?programId={program}&companyId={first}")).ReadJson()).GetProperty("items")[0];

        // A recruiter of a company outside the program tries to add 45 seats to it.
        var outsiderName = "淮南外来" + Guid.NewGuid().ToString("N")[..6] + "有限公司";
        var outsider = await admin.CreateCompany(outsiderName);
        var subject = "rec-outsider-" + Guid.NewGuid().ToString("N")[..6];
        await admin.LinkRecruiter(outsider, subject);
        var outsiderRecruiter = api.ClientFor(Roles.Recruiter, subject);
        await outsiderRecruiter.Upload(program, Listings.Csv("企业名称,招聘岗位,需求人数", $"{outsiderName},仓储学员,45"), "seats.csv", source: "programs");
        // The first sponsor offers only 26 of its 30 seats for now.
        (await firstRecruiter.PutAsJsonAsync($"/api/openings/{firstSeat.GetProperty("id").GetGuid()}",
            new { companyId = first, title = firstSeat.GetProperty("title").GetString(), headcount = 26 })).EnsureSuccessStatusCode();

        var funnel = await (await admin.GetAsync($"/api/reports/programs/{program}")).ReadJson();
        Assert.Equal(50, funnel.GetProperty("seats").GetInt64());
        Assert.Equal(46, funnel.GetProperty("seatsOffered").GetInt64());
    }

    [Fact]
    public async Task PlacementsCountHiresByMonthDistrictAndBranchButNotCancelledOnes()
    {
        var (company, recruiter) = await api.CompanyWithRecruiter();
        var position = await api.PostJob(company, 5);
        foreach (var cancel in new[] { false, false, true })
        {
            var (veteran, _, _) = await api.Applicant();
            var application = await veteran.Apply(position);
            foreach (var state in new[] { "screening", "interview", "offer" })
            {
                await recruiter.MoveOk(application, state);
            }
            await (await recruiter.Move(application, "hired", on: "2024-02-10")).ReadJson();
            if (cancel)
            {
                await recruiter.MoveOk(application, "cancelled");
            }
        }

        var rows = await (await api.Admin().GetAsync("/api/reports/placements?from=2024-02-01&to=2024-02-29")).ReadJson();
        var row = Assert.Single(rows.EnumerateArray());
        Assert.Equal("2024-02", row.GetProperty("month").GetString());
        Assert.Equal("340403", row.GetProperty("district").GetString());
        Assert.Equal("田家庵区", row.GetProperty("districtName").GetString());
        Assert.Equal(2, row.GetProperty("live").GetInt64());
        Assert.Equal(JsonValueKind.Array, (await (await api.Admin().GetAsync("/api/reports/placements?from=2031-01-01")).ReadJson()).ValueKind);
        await (await api.ClientFor(Roles.Veteran, "v-report").GetAsync("/api/reports/placements")).AssertProblem(403);
    }
}
