using System.Net;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.WebConsole;

/// <summary>The small reads the console added: the import history and a company's recruiter links.</summary>
public sealed class ConsoleReadsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    const string Header = "单位名称,岗位名称,招聘人数,薪资待遇";

    [Fact]
    public async Task TheImportHistoryListsBatchesNewestFirstAndARecruiterSeesOnlyTheirOwn()
    {
        var admin = api.Admin();
        var fair = await admin.CreateFair();
        var company = "淮南历史" + Guid.NewGuid().ToString("N")[..6] + "有限公司";
        var companyId = await admin.CreateCompany(company);
        var subject = "history-" + Guid.NewGuid().ToString("N")[..8];
        await admin.LinkRecruiter(companyId, subject);
        var recruiter = api.ClientFor(Roles.Recruiter, subject);

        var mine = await (await recruiter.Upload(fair, Listings.Csv(Header, $"{company},保安员,3,面议"), "mine.csv")).Read<ImportAnswer>();
        var admins = await (await admin.Upload(fair, Listings.Csv(Header, $"{company},电工,1,面议"), "admins.csv")).Read<ImportAnswer>();

        var all = await (await admin.GetAsync("/api/imports?limit=100")).Read<PageOf<ImportHistoryAnswer>>();
        var ids = all.Items.Select(b => b.Id).ToList();
        Assert.True(ids.IndexOf(admins.Id) < ids.IndexOf(mine.Id), "newest first");
        var row = all.Items.Single(b => b.Id == mine.Id);
        Assert.Equal("mine.csv", row.FileName);
        Assert.Equal("completed", row.Status);
        Assert.Equal(1, row.PositionsCreated);
        Assert.Equal(subject, row.CreatedBy);

        var own = await (await recruiter.GetAsync("/api/imports")).Read<PageOf<ImportHistoryAnswer>>();
        Assert.Equal([mine.Id], own.Items.Select(b => b.Id));
        Assert.Equal(1, own.Total);
        Assert.Empty((await (await recruiter.GetAsync("/api/imports/running")).ReadJson()).EnumerateArray());
    }

    [Fact]
    public async Task ARevertedBatchReadsRevertedInTheHistory()
    {
        var admin = api.Admin();
        var fair = await admin.CreateFair();
        var batch = await (await admin.Upload(fair, Listings.Csv(Header, $"淮南撤销{Guid.NewGuid():N}有限公司,保管员,2,面议"), "revert.csv")).Read<ImportAnswer>();
        var id = batch.Id;
        Assert.True((await admin.DeleteAsync($"/api/imports/{id}")).IsSuccessStatusCode);
        var page = await (await admin.GetAsync("/api/imports?limit=100")).Read<PageOf<ImportHistoryAnswer>>();
        var row = page.Items.Single(b => b.Id == id);
        Assert.Equal("reverted", row.Status);
        Assert.NotNull(row.RevertedAt);
    }

    [Fact]
    public async Task VeteransAndMentorsMayNotReadTheImportHistory()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await api.ClientFor(Roles.Veteran, "v-history").GetAsync("/api/imports")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.ClientFor(Roles.Mentor, "m-history").GetAsync("/api/imports/running")).StatusCode);
    }

    [Fact]
    public async Task AnAdminSeesWhichRecruitersAreLinkedToACompany()
    {
        var admin = api.Admin();
        var companyId = await admin.CreateCompany();
        await admin.LinkRecruiter(companyId, "links-a");
        await admin.LinkRecruiter(companyId, "links-b");
        var links = await (await admin.GetAsync($"/api/companies/{companyId}/recruiters")).Read<IReadOnlyList<RecruiterLinkAnswer>>();
        Assert.Equal(["links-b", "links-a"], links.Select(l => l.Subject));
        Assert.All(links, l => Assert.Equal(companyId, l.CompanyId));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/companies/{companyId}/recruiters/links-a")).StatusCode);
        var after = await (await admin.GetAsync($"/api/companies/{companyId}/recruiters")).Read<IReadOnlyList<RecruiterLinkAnswer>>();
        Assert.Equal(["links-b"], after.Select(l => l.Subject));
    }

    [Fact]
    public async Task RecruiterLinksAreForAdminsAndAnUnknownCompanyIs404()
    {
        var admin = api.Admin();
        var companyId = await admin.CreateCompany();
        await admin.LinkRecruiter(companyId, "links-self");
        Assert.Equal(HttpStatusCode.Forbidden,
            (await api.ClientFor(Roles.Recruiter, "links-self").GetAsync($"/api/companies/{companyId}/recruiters")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/companies/{Guid.CreateVersion7()}/recruiters")).StatusCode);
    }
}
