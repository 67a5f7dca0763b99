using System.Net;
using System.Net.Http.Json;
using JobMatch.Api.Tests.Infrastructure;
using JobMatch.Api.Tests.Infrastructure.Answers;

namespace JobMatch.Api.Tests.Applications;

/// <summary>Several applications moved in one request, one result per item; the rest of a fair turned away.</summary>
public sealed class ApplicationBulkTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static Task<HttpResponseMessage> Moves(HttpClient client, object body) => client.PostAsJsonAsync("/api/applications/moves", body);

    [Fact]
    public async Task EachItemIsMovedAloneAndSaysWhyItWasNot()
    {
        var (company, recruiter) = await api.CompanyWithRecruiter();
        var position = await api.PostJob(company, headcount: 1);
        var first = await (await api.Applicant()).Client.Apply(position);
        var second = await (await api.Applicant()).Client.Apply(position);
        var (otherCompany, _) = await api.CompanyWithRecruiter();
        var others = await (await api.Applicant()).Client.Apply(await api.PostJob(otherCompany, headcount: 1));

        var interview = await (await Moves(recruiter, new { ids = new[] { first, second, others }, state = "interview", note = "现场面试" }))
            .Read<MoveResultsAnswer>();
        Assert.Equal([first, second, others], interview.Results.Select(r => r.Id));
        Assert.All(interview.Results.Take(2), r => Assert.Equal((true, "interview", 200), (r.Moved, r.State, r.Status)));
        Assert.Equal((false, 404), (interview.Results[2].Moved, interview.Results[2].Status));
        Assert.NotNull(interview.Results[2].Problem);

        // A move the state machine refuses names the allowed ones; the last opening goes to the first hire only.
        var hire = await (await Moves(recruiter, new { ids = new[] { first, second }, state = "hired" })).Read<MoveResultsAnswer>();
        Assert.All(hire.Results, r => Assert.Equal((false, 409, "interview"), (r.Moved, r.Status, r.State)));
        Assert.Contains("录用通知", hire.Results[0].Problem);
        await Moves(recruiter, new { ids = new[] { first, second }, state = "offer" });
        var hired = await (await Moves(recruiter, new { ids = new[] { first, second }, state = "hired" })).Read<MoveResultsAnswer>();
        Assert.Equal((true, "hired"), (hired.Results[0].Moved, hired.Results[0].State));
        Assert.Equal((false, 409), (hired.Results[1].Moved, hired.Results[1].Status));

        // Each move is the application's own: its history carries the note, the audit log one entry per move.
        var detail = await (await recruiter.GetAsync($"/api/applications/{first}")).Read<ApplicationDetailAnswer>();
        Assert.Contains(detail.History, e => e.Note == "现场面试");
        var audit = await (await api.Admin().GetAsync($"/api/audit?action=application.moved&objectId={first}")).Read<PageOf<AuditEntryAnswer>>();
        Assert.Equal(3, audit.Total);
    }

    [Fact]
    public async Task TheRestOfAFairAreTheEarlyJobApplicationsOfTheCompanysPositionsThere()
    {
        var fair = await api.Admin().CreateFair();
        var (company, recruiter) = await api.CompanyWithRecruiter();
        var atFair = await api.PostJob(company, headcount: 5, fair);
        var waiting = await (await api.Applicant()).Client.Apply(atFair);
        var screened = await (await api.Applicant()).Client.Apply(atFair);
        await recruiter.MoveOk(screened, "screening");
        var called = await (await api.Applicant()).Client.Apply(atFair);
        await recruiter.MoveOk(called, "interview");
        await (await api.Applicant()).Client.Apply(await api.PostJob(company, headcount: 5)); // not at the fair
        var (otherCompany, _) = await api.CompanyWithRecruiter();
        await (await api.Applicant()).Client.Apply(await api.PostJob(otherCompany, headcount: 5, fair)); // another company's

        var rest = await (await recruiter.GetAsync($"/api/applications/early?fairId={fair}")).Read<PageOf<ApplicationAnswer>>();
        Assert.Equal([screened, waiting], rest.Items.Select(a => a.Id));
        Assert.Equal(rest.Items.Count, (await (await api.Admin().GetAsync($"/api/applications/early?fairId={fair}&companyId={company}"))
            .Read<PageOf<ApplicationAnswer>>()).Total);

        // Between the count and the confirm, one was called to interview: the states the screen saw keep it as it is.
        await recruiter.MoveOk(screened, "interview");
        var rejected = await (await Moves(recruiter, new { ids = rest.Items.Select(a => a.Id), state = "rejected", onlyFrom = new[] { "submitted", "screening" } }))
            .Read<MoveResultsAnswer>();
        Assert.Equal((false, 409, "interview"), (rejected.Results[0].Moved, rejected.Results[0].Status, rejected.Results[0].State));
        Assert.Equal((true, "rejected"), (rejected.Results[1].Moved, rejected.Results[1].State));
        Assert.Empty((await (await recruiter.GetAsync($"/api/applications/early?fairId={fair}")).Read<PageOf<ApplicationAnswer>>()).Items);
    }

    [Fact]
    public async Task NothingChosenOrTooManyIsRefusedAndVeteransMayNotMoveInBulk()
    {
        var (_, recruiter) = await api.CompanyWithRecruiter();
        Assert.Equal(HttpStatusCode.BadRequest, (await Moves(recruiter, new { ids = Array.Empty<Guid>(), state = "rejected" })).StatusCode);
        var tooMany = Enumerable.Range(0, 101).Select(_ => Guid.NewGuid()).ToArray();
        Assert.Equal(HttpStatusCode.BadRequest, (await Moves(recruiter, new { ids = tooMany, state = "rejected" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Moves(recruiter, new { ids = new[] { Guid.NewGuid() }, state = "nowhere" })).StatusCode);
        var (veteran, _, _) = await api.Applicant();
        Assert.Equal(HttpStatusCode.Forbidden, (await Moves(veteran, new { ids = new[] { Guid.NewGuid() }, state = "withdrawn" })).StatusCode);
    }
}
