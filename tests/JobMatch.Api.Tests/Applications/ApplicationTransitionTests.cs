using System.Net;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Applications;

/// <summary>Both state machines, move by move, and the headcount they take and give back, also under concurrency.</summary>
public sealed class ApplicationTransitionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static readonly Dictionary<string, string[]> JobPaths = new()
    {
        ["submitted"] = [], ["screening"] = ["screening"], ["interview"] = ["screening", "interview"],
        ["offer"] = ["screening", "interview", "offer"], ["hired"] = ["screening", "interview", "offer", "hired"],
        ["rejected"] = ["rejected"], ["withdrawn"] = ["withdrawn"], ["cancelled"] = ["screening", "interview", "offer", "hired", "cancelled"],
    };

    static readonly Dictionary<string, string[]> JobLegal = new()
    {
        ["submitted"] = ["screening", "interview", "rejected", "withdrawn"], ["screening"] = ["interview", "rejected", "withdrawn"],
        ["interview"] = ["offer", "rejected", "withdrawn"], ["offer"] = ["hired", "rejected", "withdrawn"], ["hired"] = ["cancelled"],
        ["rejected"] = [], ["withdrawn"] = [], ["cancelled"] = [],
    };

    static readonly Dictionary<string, string[]> TrainingPaths = new()
    {
        ["applied"] = [], ["enrolled"] = ["enrolled"], ["graduated"] = ["enrolled", "graduated"],
        ["employed"] = ["enrolled", "graduated", "employed"], ["retained_6m"] = ["enrolled", "graduated", "employed", "retained_6m"],
        ["retained_12m"] = ["enrolled", "graduated", "employed", "retained_6m", "retained_12m"], ["dropped"] = ["dropped"],
    };

    static readonly Dictionary<string, string[]> TrainingLegal = new()
    {
        ["applied"] = ["enrolled", "dropped"], ["enrolled"] = ["graduated", "dropped"], ["graduated"] = ["employed"],
        ["employed"] = ["retained_6m"], ["retained_6m"] = ["retained_12m"], ["retained_12m"] = [], ["dropped"] = [],
    };

    [Fact]
    public async Task EveryLegalJobMoveSucceedsAndEveryIllegalOneAnswers409NamingTheAllowedStates()
    {
        var (company, recruiter) = await api.CompanyWithRecruiter();
        var position = await api.PostJob(company, headcount: null);
        await CheckEveryMove(recruiter, position, JobPaths, JobLegal);
    }

    [Fact]
    public async Task EveryLegalTrainingMoveSucceedsAndEveryIllegalOneAnswers409NamingTheAllowedStates()
    {
        var (company, recruiter) = await api.CompanyWithRecruiter();
        var (_, position) = await api.OrderClass(company, seats: 100);
        await CheckEveryMove(recruiter, position, TrainingPaths, TrainingLegal);
    }

    async Task CheckEveryMove(HttpClient recruiter, Guid position, Dictionary<string, string[]> paths, Dictionary<string, string[]> legal)
    {
        foreach (var (from, path) in paths)
        {
            var (veteran, application) = await At(recruiter, position, path);
            foreach (var target in paths.Keys.Where(t => !legal[from].Contains(t)))
            {
                var problem = await (await Mover(target, veteran, recruiter).Move(application, target)).AssertProblem(409);
                Assert.Equal(legal[from], problem.GetProperty("allowed").EnumerateArray().Select(s => s.GetString()!));
            }
            foreach (var target in legal[from])
            {
                var (freshVeteran, fresh) = await At(recruiter, position, path);
                var moved = (await Mover(target, freshVeteran, recruiter).MoveOk(fresh, target, "备注")).As<ApplicationDetailAnswer>();
                Assert.Equal(target, moved.Application.State);
                var last = moved.History[^1];
                Assert.Equal(from, last.FromState);
                Assert.Equal("备注", last.Note);
            }
        }
    }

    async Task<(HttpClient Veteran, Guid Application)> At(HttpClient recruiter, Guid position, string[] path)
    {
        var (veteran, _, _) = await api.Applicant();
        var application = await veteran.Apply(position);
        foreach (var state in path)
        {
            await Mover(state, veteran, recruiter).MoveOk(application, state);
        }
        return (veteran, application);
    }

    static HttpClient Mover(string target, HttpClient veteran, HttpClient recruiter) => target is "withdrawn" or "dropped" ? veteran : recruiter;

    [Fact]
    public async Task TheVeteranCannotMoveTheCompanysStagesAndTheCompanyCannotWithdrawForThem()
    {
        var (company, recruiter) = await api.CompanyWithRecruiter();
        var (veteran, _, _) = await api.Applicant();
        var application = await veteran.Apply(await api.PostJob(company, 2));
        await (await veteran.Move(application, "screening")).AssertProblem(403);
        await (await recruiter.Move(application, "withdrawn")).AssertProblem(403);
        await (await recruiter.Move(application, "enrolled")).AssertProblem(400);
        Assert.Equal(HttpStatusCode.OK, (await api.Admin().Move(application, "screening")).StatusCode);
    }

    [Fact]
    public async Task ParallelHiresOfTheLastOpeningLetExactlyOneWin()
    {
        var (company, recruiter) = await api.CompanyWithRecruiter();
        var position = await api.PostJob(company, headcount: 1);
        var offers = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            offers.Add((await At(recruiter, position, ["screening", "interview", "offer"])).Application);
        }
        var answers = await Task.WhenAll(offers.Select(application => recruiter.Move(application, "hired")));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Equal(7, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        var opening = (await api.Opening(position)).As<OpeningAnswer>();
        Assert.Equal(1, opening.Filled);
        Assert.Equal("filled", opening.Status);
    }

    [Fact]
    public async Task ACancelledHireGivesTheOpeningBackAndReopensTheFilledPosition()
    {
        var (company, recruiter) = await api.CompanyWithRecruiter();
        var position = await api.PostJob(company, headcount: 1);
        var (_, first) = await At(recruiter, position, ["screening", "interview", "offer"]);
        var (_, second) = await At(recruiter, position, ["screening", "interview", "offer"]);
        await recruiter.MoveOk(first, "hired");
        Assert.Equal("filled", (await api.Opening(position)).As<OpeningAnswer>().Status);
        await (await recruiter.Move(second, "hired")).AssertProblem(409);
        // A full position takes no new applications.
        await (await (await api.Applicant()).Client.PostAsync($"/api/openings/{position}/applications", null)).AssertProblem(409);

        await recruiter.MoveOk(first, "cancelled", "未到岗");
        var reopened = (await api.Opening(position)).As<OpeningAnswer>();
        Assert.Equal("open", reopened.Status);
        Assert.Equal(1, reopened.Remaining);
        await recruiter.MoveOk(second, "hired");
    }

    [Fact]
    public async Task SponsorSeatQuotasHoldUnderConcurrentEnrolmentsAndADropOutFreesASeat()
    {
        var (company, recruiter) = await api.CompanyWithRecruiter();
        var (_, position) = await api.OrderClass(company, seats: 2);
        var applied = new List<(HttpClient Veteran, Guid Application)>();
        for (var i = 0; i < 8; i++)
        {
            applied.Add(await At(recruiter, position, []));
        }
        var answers = await Task.WhenAll(applied.Select(a => recruiter.Move(a.Application, "enrolled")));

        Assert.Equal(2, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Equal(6, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(2, (await api.Opening(position)).As<OpeningAnswer>().Filled);

        var enrolled = applied[Array.FindIndex(answers, a => a.StatusCode == HttpStatusCode.OK)];
        await enrolled.Veteran.MoveOk(enrolled.Application, "dropped");
        Assert.Equal(1, (await api.Opening(position)).As<OpeningAnswer>().Filled);
        var waiting = applied[Array.FindIndex(answers, a => a.StatusCode == HttpStatusCode.Conflict)];
        await recruiter.MoveOk(waiting.Application, "enrolled");
    }

    [Fact]
    public async Task TrainingMilestonesKeepTheDayTheyHappened()
    {
        var (company, recruiter) = await api.CompanyWithRecruiter();
        var (_, position) = await api.OrderClass(company, seats: 5);
        var (_, application) = await At(recruiter, position, ["enrolled"]);
        var moved = await (await recruiter.Move(application, "graduated", on: "2026-07-01")).Read<ApplicationDetailAnswer>();
        Assert.Equal("2026-07-01", moved.History[^1].OccurredOn);
        await (await recruiter.Move(application, "employed", on: "2999-01-01")).AssertProblem(400);
    }

    [Fact]
    public async Task AClosedPositionStaysClosedThroughAHireAndItsCancellationAndNobodyAppliesAgain()
    {
        var (company, recruiter) = await api.CompanyWithRecruiter();
        var position = await api.PostJob(company, headcount: 1);
        var (_, offered) = await At(recruiter, position, ["screening", "interview", "offer"]);
        Assert.Equal(HttpStatusCode.NoContent, (await recruiter.DeleteAsync($"/api/openings/{position}")).StatusCode);

        // The one already at offer may still be hired and the hire cancelled; neither reopens what a person closed.
        await recruiter.MoveOk(offered, "hired");
        Assert.Equal("closed", (await api.Opening(position)).As<OpeningAnswer>().Status);
        await recruiter.MoveOk(offered, "cancelled", "未到岗");
        var after = (await api.Opening(position)).As<OpeningAnswer>();
        Assert.Equal(("closed", 0), (after.Status, after.Filled));
        await (await (await api.Applicant()).Client.PostAsync($"/api/openings/{position}/applications", null)).AssertProblem(409);
    }

    [Fact]
    public async Task ASponsorsSeatsReadFullOnceItsQuotaIsTakenAndOpenAgainWhenASeatIsGivenBack()
    {
        var name = "淮南订单" + Guid.NewGuid().ToString("N")[..6] + "有限公司";
        var company = await api.Admin().CreateCompany(name);
        var subject = "rec-" + Guid.NewGuid().ToString("N")[..8];
        await api.Admin().LinkRecruiter(company, subject);
        var recruiter = api.ClientFor(JobMatch.Api.Auth.Roles.Recruiter, subject);
        var (program, seat) = await api.OrderClass(company, seats: 2);
        // A second position of the sponsor with its headcount unknown: only the quota bounds it.
        var upload = await recruiter.Upload(program, Listings.Csv("企业名称,招聘岗位", $"{name},仓储学员"), "seats.csv", source: "programs");
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var other = (await (await api.Admin().GetAsync($"/api/openings?programId={program}")).Read<PageOf<OpeningAnswer>>()).Items
            .Single(o => o.Id != seat).Id;

        var (leaver, first) = await At(recruiter, seat, ["enrolled"]);
        await At(recruiter, seat, ["enrolled"]);
        Assert.Equal("filled", (await api.Opening(other)).As<OpeningAnswer>().Status);
        await (await (await api.Applicant()).Client.PostAsync($"/api/openings/{other}/applications", null)).AssertProblem(409);
        Assert.DoesNotContain((await (await api.Admin().GetAsync($"/api/openings?programId={program}")).Read<PageOf<OpeningAnswer>>())
            .Items, o => o.Id == other);

        await leaver.MoveOk(first, "dropped");
        Assert.Equal("open", (await api.Opening(other)).As<OpeningAnswer>().Status);
        Assert.Equal("open", (await api.Opening(seat)).As<OpeningAnswer>().Status);
        await At(recruiter, other, ["enrolled"]);
        Assert.Equal("filled", (await api.Opening(seat)).As<OpeningAnswer>().Status);
    }
}
