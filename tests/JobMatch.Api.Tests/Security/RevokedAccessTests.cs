using System.Net;
using System.Net.Http.Json;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Security;

/// <summary>Links are read on every request: a recruiter unlinked from a company loses everything of it with the token they hold.</summary>
public sealed class RevokedAccessTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task UnlinkedRecruiterLosesEveryRouteOfTheCompanyAtOnceWithTheSameToken()
    {
        var admin = api.Admin();
        var (company, recruiter) = await api.CompanyWithRecruiter();
        var subject = (await (await recruiter.GetAsync("/api/me")).Read<MeAnswer>()).Subject;
        var fair = await admin.CreateFair();
        var opening = await api.PostJob(company, headcount: 3, fairId: fair);
        var (veteran, veteranId, _) = await api.Applicant();
        var application = await veteran.Apply(opening);
        var companyName = (await (await admin.GetAsync($"/api/companies/{company}")).Read<CompanyAnswer>()).Name;
        var upload = await recruiter.Upload(fair, Listings.Csv("单位名称,岗位名称,招聘人数", $"{companyName},装卸工,2"), "mine.csv");
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var batch = (await upload.Read<ImportAnswer>()).Id;

        var reads = new[]
        {
            $"/api/companies/{company}", $"/api/openings/{opening}/applications", $"/api/applications/{application}",
            $"/api/openings/{opening}/candidates", $"/api/veterans/{veteranId}",
        };
        foreach (var path in reads)
        {
            Assert.True((await recruiter.GetAsync(path)).IsSuccessStatusCode, path);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/companies/{company}/recruiters/{subject}")).StatusCode);

        foreach (var path in reads)
        {
            await (await recruiter.GetAsync(path)).AssertProblem(404);
        }
        Assert.Equal(0, (await (await recruiter.GetAsync("/api/companies")).Read<PageOf<CompanyAnswer>>()).Total);
        await (await recruiter.PutAsJsonAsync($"/api/openings/{opening}", new { companyId = company, title = "叉车司机" })).AssertProblem(404);
        await (await recruiter.PostAsJsonAsync("/api/openings", new { companyId = company, title = "新岗位" })).AssertProblem(404);
        await (await recruiter.Move(application, "screening")).AssertProblem(404);
        await (await recruiter.PostAsJsonAsync($"/api/openings/{opening}/invitations", new { veteranId })).AssertProblem(404);
        await (await recruiter.DeleteAsync($"/api/openings/{opening}")).AssertProblem(404);
        // Their own upload stays theirs to read, but reverting it would delete the company's positions: no longer theirs.
        await (await recruiter.DeleteAsync($"/api/imports/{batch}")).AssertProblem(404);
        Assert.Equal("open", (await api.Opening(opening)).As<OpeningAnswer>().Status);
        Assert.Equal(2, (await admin.OpeningsOf(fair)).Count);
    }
}
