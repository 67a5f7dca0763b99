using System.Net;
using System.Net.Http.Json;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Applications;

public sealed class ApplicationsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task ApplyingTwiceReturnsTheSameApplicationAndSaysWhoSeesTheProfile()
    {
        var (company, _) = await api.CompanyWithRecruiter();
        var position = await api.PostJob(company, 3);
        var (veteran, veteranId, _) = await api.Applicant();

        var first = await veteran.PostAsync($"/api/openings/{position}/applications", null);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var created = (await first.Read<ApplicationDetailAnswer>()).Application;
        Assert.Equal("submitted", created.State);
        Assert.Equal(veteranId, created.VeteranId);
        var companyName = (await (await api.Admin().GetAsync($"/api/companies/{company}")).Read<CompanyAnswer>()).Name;
        Assert.Equal(companyName, created.ProfileSharedWith);
        Assert.Equal($"/api/applications/{created.Id}", first.Headers.Location?.OriginalString);

        var second = await veteran.PostAsync($"/api/openings/{position}/applications", null);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(created.Id, (await second.Read<ApplicationDetailAnswer>()).Application.Id);
    }

    [Fact]
    public async Task AVeteranWithoutAProfileIsToldToCreateOne()
    {
        var (company, _) = await api.CompanyWithRecruiter();
        var problem = await (await api.Veteran("vet-no-profile").PostAsync($"/api/openings/{await api.PostJob(company, 1)}/applications", null)).AssertProblem(409);
        Assert.Contains("请先创建您的求职档案", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("/api/veterans/me", problem.GetProperty("createProfile").GetString());
    }

    [Fact]
    public async Task NobodyAppliesForSomeoneElse()
    {
        var (company, recruiter) = await api.CompanyWithRecruiter();
        var position = await api.PostJob(company, 1);
        var (_, otherId, _) = await api.Applicant();
        var (veteran, _, _) = await api.Applicant();

        await (await veteran.PostAsJsonAsync($"/api/openings/{position}/applications", new { veteranId = otherId })).AssertProblem(400);
        await (await recruiter.PostAsync($"/api/openings/{position}/applications", null)).AssertProblem(403);
        await (await api.Admin().PostAsync($"/api/openings/{position}/applications", null)).AssertProblem(403);
        await (await veteran.PostAsync($"/api/openings/{Guid.CreateVersion7()}/applications", null)).AssertProblem(404);
    }

    [Fact]
    public async Task ARecruiterOfCompanyACanNeitherSeeNorMoveApplicationsOfCompanyB()
    {
        var (companyA, recruiterA) = await api.CompanyWithRecruiter();
        var (companyB, recruiterB) = await api.CompanyWithRecruiter();
        var positionB = await api.PostJob(companyB, 2);
        var (veteran, _, _) = await api.Applicant();
        var application = await veteran.Apply(positionB);
        _ = companyA;

        await (await recruiterA.GetAsync($"/api/applications/{application}")).AssertProblem(404);
        await (await recruiterA.Move(application, "screening")).AssertProblem(404);
        await (await recruiterA.GetAsync($"/api/openings/{positionB}/applications")).AssertProblem(404);
        var (stranger, _, _) = await api.Applicant();
        await (await stranger.GetAsync($"/api/applications/{application}")).AssertProblem(404);
        await (await stranger.Move(application, "withdrawn")).AssertProblem(404);

        Assert.Equal(HttpStatusCode.OK, (await recruiterB.GetAsync($"/api/applications/{application}")).StatusCode);
        var list = await (await recruiterB.GetAsync($"/api/openings/{positionB}/applications")).Read<PageOf<ApplicationAnswer>>();
        Assert.Equal(application, list.Items[0].Id);
        Assert.Equal(1, list.Total);
    }

    [Fact]
    public async Task ARecruiterReadsTheMaskedProfileOfTheirApplicantsOnly()
    {
        var (companyA, recruiterA) = await api.CompanyWithRecruiter();
        var (_, recruiterB) = await api.CompanyWithRecruiter();
        var (veteran, veteranId, _) = await api.Applicant();
        await (await recruiterA.GetAsync($"/api/veterans/{veteranId}")).AssertProblem(404);

        await veteran.Apply(await api.PostJob(companyA, 1));
        var profile = await (await recruiterA.GetAsync($"/api/veterans/{veteranId}")).Read<VeteranAnswer>();
        Assert.Null(profile.IdNumber);
        Assert.Contains("****", profile.Phone);
        await (await recruiterB.GetAsync($"/api/veterans/{veteranId}")).AssertProblem(404);
    }

    [Fact]
    public async Task AVeteranListsTheirOwnApplicationsAsJsonOrCsv()
    {
        var (company, _) = await api.CompanyWithRecruiter();
        var (veteran, _, _) = await api.Applicant();
        var (other, _, _) = await api.Applicant();
        var mine = await veteran.Apply(await api.PostJob(company, 1));
        await other.Apply(await api.PostJob(company, 1));

        var page = await (await veteran.GetAsync("/api/veterans/me/applications")).Read<PageOf<ApplicationAnswer>>();
        Assert.Equal(1, page.Total);
        Assert.Equal(mine, page.Items[0].Id);

        var csvRequest = new HttpRequestMessage(HttpMethod.Get, "/api/veterans/me/applications");
        csvRequest.Headers.Accept.ParseAdd("text/csv");
        var csv = await veteran.SendAsync(csvRequest);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains(mine.ToString(), await csv.Content.ReadAsStringAsync());
        Assert.Equal("1", csv.Headers.GetValues("X-Total-Count").Single());
    }

    [Fact]
    public async Task DeletingAProfileRemovesItsApplicationsAndTheirNotes()
    {
        var (company, recruiter) = await api.CompanyWithRecruiter();
        var (veteran, _, name) = await api.Applicant();
        var application = await veteran.Apply(await api.PostJob(company, 1));
        // A recruiter may write the person's name into a note: it must go with the profile.
        await recruiter.MoveOk(application, "screening", $"已电话联系{name}");

        Assert.Equal(HttpStatusCode.NoContent, (await veteran.DeleteAsync("/api/veterans/me")).StatusCode);
        await (await api.Admin().GetAsync($"/api/applications/{application}")).AssertProblem(404);
        Assert.Empty(await PersonalDataScan.FindAsync(api, name));
    }

    [Fact]
    public async Task AdminSeesEveryApplicationByState()
    {
        var (company, recruiter) = await api.CompanyWithRecruiter();
        var position = await api.PostJob(company, 4);
        var (veteran, _, _) = await api.Applicant();
        var application = await veteran.Apply(position);
        await recruiter.MoveOk(application, "screening");

        var page = await (await api.Admin().GetAsync($"/api/applications?positionId={position}&state=screening"))
            .Read<PageOf<ApplicationAnswer>>();
        Assert.Equal(application, Assert.Single(page.Items).Id);
        await (await api.ClientFor(Roles.Recruiter, "rec-any").GetAsync("/api/applications")).AssertProblem(403);
    }

    [Fact]
    public async Task TheApiDocumentSaysThatApplyingSharesTheProfileWithTheCompany()
    {
        var document = await (await api.CreateClient().GetAsync("/swagger/v1/swagger.json")).ReadJson();
        var apply = document.GetProperty("paths").GetProperty("/api/openings/{id}/applications").GetProperty("post");
        Assert.Contains("shares your profile", apply.GetProperty("description").GetString());
    }

    [Fact]
    public async Task AnImportWhosePositionsHaveApplicationsCannotBeRevertedSilently()
    {
        var admin = api.Admin();
        var fair = await admin.CreateFair();
        var company = "淮南撤销" + Guid.NewGuid().ToString("N")[..6] + "有限公司";
        var batch = await (await admin.Upload(fair, Listings.Csv("单位名称,岗位名称,招聘人数", $"{company},仓管员,2"), "fair.csv"))
            .Read<ImportAnswer>();
        var position = (await admin.OpeningsOf(fair)).Single().As<OpeningAnswer>().Id;
        var (veteran, _, _) = await api.Applicant();
        var application = await veteran.Apply(position);

        await (await admin.DeleteAsync($"/api/imports/{batch.Id}")).AssertProblem(409);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/applications/{application}")).StatusCode);
    }

    [Fact]
    public async Task MyExportHoldsEveryStepOfMyApplicationsWithTheCompanysNotes()
    {
        var (company, recruiter) = await api.CompanyWithRecruiter();
        var (veteran, _, _) = await api.Applicant();
        var application = await veteran.Apply(await api.PostJob(company, 1));
        await recruiter.MoveOk(application, "screening", "简历符合要求");

        var steps = (await (await veteran.GetAsync("/api/veterans/me/export")).Read<VeteranExportAnswer>()).Applications;
        Assert.Equal(["submitted", "screening"], steps.Select(s => s.State));
        Assert.Equal("简历符合要求", steps[1].Note);
    }
}
