using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Applications;

/// <summary>A company may skip an optional stage (初筛); the veteran may not; funnels count the skipped stage as passed.</summary>
public sealed class OptionalStageTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task ARecruiterCallsToInterviewWithoutScreeningAndTheFunnelCountsTheCandidateScreened()
    {
        var fair = await api.Admin().CreateFair();
        var (company, recruiter) = await api.CompanyWithRecruiter();
        var position = await api.PostJob(company, 3, fair);
        var (veteran, _, _) = await api.Applicant();
        var application = await veteran.Apply(position);

        var offered = await (await recruiter.GetAsync($"/api/applications/{application}")).Read<ApplicationNextAnswer>();
        Assert.Contains("interview", offered.NextStates);
        var refused = await (await veteran.Move(application, "interview")).AssertProblem(403);
        Assert.Contains("面试", refused.GetProperty("detail").GetString());

        var moved = (await recruiter.MoveOk(application, "interview")).As<ApplicationDetailAnswer>();
        Assert.Equal("interview", moved.Application.State);
        Assert.Equal("submitted", moved.History[^1].FromState);

        var (other, _, _) = await api.Applicant();
        var staffSkips = await other.Apply(position);
        await api.Admin().MoveOk(staffSkips, "interview");
        await recruiter.MoveOk(staffSkips, "offer");

        var funnel = await (await api.Admin().GetAsync($"/api/reports/job-fairs/{fair}")).Read<FairFunnelAnswer>();
        Assert.Equal(2, funnel.Applications);
        Assert.Equal(2, funnel.Screened);
        Assert.Equal(2, funnel.Interviews);
        Assert.Equal(1, funnel.Offers);
    }

    [Fact]
    public async Task AnIllegalMoveNamesTheStatesInWordsOfTheRequestsLanguage()
    {
        var (company, recruiter) = await api.CompanyWithRecruiter();
        var position = await api.PostJob(company, null);
        var (veteran, _, _) = await api.Applicant();
        var application = await veteran.Apply(position);

        var chinese = (await (await recruiter.Move(application, "hired")).AssertProblem(409)).GetProperty("detail").GetString()!;
        Assert.Contains("已提交", chinese);
        Assert.Contains("已入职", chinese);
        Assert.Contains("面试", chinese);
        Assert.DoesNotMatch("[a-z]{4,}", chinese);

        recruiter.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var english = (await (await recruiter.Move(application, "hired")).AssertProblem(409)).GetProperty("detail").GetString()!;
        Assert.Contains("from submitted to hired", english);
    }
}
