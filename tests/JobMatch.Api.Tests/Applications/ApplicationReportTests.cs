using System.Net;
using System.Net.Http.Json;
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

        var funnel = await (await api.Admin().GetAsync($"/api/reports/job-fairs/{fair}")).Read<FairFunnelAnswer>();
        Assert.Equal(3, funnel.Positions);
        Assert.Equal(10, funnel.Openings);
        Assert.Equal(1, funnel.HeadcountUnknown);
        Assert.Equal(5, funnel.Applications);
        Assert.Equal(4, funnel.Screened);
        Assert.Equal(3, funnel.Interviews);
        Assert.Equal(2, funnel.Offers);
        Assert.Equal(1, funnel.Hires);
        Assert.Equal(1, funnel.Rejected);
        Assert.Equal(1, funnel.Withdrawn);
        Assert.Equal(1, funnel.Cancelled);
        Assert.Equal(0.1m, funnel.FillRate);

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

        var funnel = await (await api.Admin().GetAsync($"/api/reports/programs/{program}")).Read<ProgramFunnelAnswer>();
        Assert.Equal(4, funnel.Seats);
        Assert.Equal(4, funnel.Applications);
        Assert.Equal(3, funnel.Enrolments);
        Assert.Equal(1, funnel.Graduations);
        Assert.Equal(1, funnel.Employed);
        Assert.Equal(1, funnel.Retained6m);
        Assert.Equal(0, funnel.Retained12m);
        Assert.Equal(1, funnel.Dropped);
        Assert.Equal(2, funnel.SeatsTaken);
        Assert.Equal(0.5m, funnel.FillRate);
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
        })).Read<Created>();
        var program = created.Id;
        var firstSeat = (await (await admin.GetAsync($"/api/openings?programId={program}&companyId={first}"))
            .Read<PageOf<OpeningAnswer>>()).Items[0];

        // A recruiter of a company outside the program tries to add 45 seats to it.
        var outsiderName = "淮南外来" + Guid.NewGuid().ToString("N")[..6] + "有限公司";
        var outsider = await admin.CreateCompany(outsiderName);
        var subject = "rec-outsider-" + Guid.NewGuid().ToString("N")[..6];
        await admin.LinkRecruiter(outsider, subject);
        var outsiderRecruiter = api.ClientFor(Roles.Recruiter, subject);
        await outsiderRecruiter.Upload(program, Listings.Csv("企业名称,招聘岗位,需求人数", $"{outsiderName},仓储学员,45"), "seats.csv", source: "programs");
        // The first sponsor offers only 26 of its 30 seats for now.
        (await firstRecruiter.PutAsJsonAsync($"/api/openings/{firstSeat.Id}",
            new { companyId = first, title = firstSeat.Title, headcount = 26 })).EnsureSuccessStatusCode();

        var funnel = await (await admin.GetAsync($"/api/reports/programs/{program}")).Read<ProgramFunnelAnswer>();
        Assert.Equal(50, funnel.Seats);
        Assert.Equal(46, funnel.SeatsOffered);
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

        var rows = await (await api.Admin().GetAsync("/api/reports/placements?from=2024-02-01&to=2024-02-29"))
            .Read<IReadOnlyList<PlacementCountAnswer>>();
        var row = Assert.Single(rows);
        Assert.Equal("2024-02", row.Month);
        Assert.Equal("340403", row.District);
        Assert.Equal("田家庵区", row.DistrictName);
        Assert.Equal(2, row.Live);
        // A list, even when empty.
        Assert.NotNull(await (await api.Admin().GetAsync("/api/reports/placements?from=2031-01-01"))
            .Read<IReadOnlyList<PlacementCountAnswer>>());
        await (await api.ClientFor(Roles.Veteran, "v-report").GetAsync("/api/reports/placements")).AssertProblem(403);
    }
}
