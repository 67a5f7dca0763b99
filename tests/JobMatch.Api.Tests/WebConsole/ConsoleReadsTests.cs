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

        var mine = await (await recruiter.Upload(fair, Listings.Csv(Header, $"{company},保安员,3,面议"), "mine.csv")).ReadJson();
        var admins = await (await admin.Upload(fair, Listings.Csv(Header, $"{company},电工,1,面议"), "admins.csv")).ReadJson();

        var all = await (await admin.GetAsync("/api/imports?limit=100")).ReadJson();
        var ids = all.GetProperty("items").EnumerateArray().Select(b => b.GetProperty("id").GetGuid()).ToList();
        Assert.True(ids.IndexOf(admins.GetProperty("id").GetGuid()) < ids.IndexOf(mine.GetProperty("id").GetGuid()), "newest first");
        var row = all.GetProperty("items").EnumerateArray().Single(b => b.GetProperty("id").GetGuid() == mine.GetProperty("id").GetGuid());
        Assert.Equal("mine.csv", row.GetProperty("fileName").GetString());
        Assert.Equal("completed", row.GetProperty("status").GetString());
        Assert.Equal(1, row.GetProperty("positionsCreated").GetInt32());
        Assert.Equal(subject, row.GetProperty("createdBy").GetString());

        var own = await (await recruiter.GetAsync("/api/imports")).ReadJson();
        Assert.Equal([mine.GetProperty("id").GetGuid()], own.GetProperty("items").EnumerateArray().Select(b => b.GetProperty("id").GetGuid()));
        Assert.Equal(1, own.GetProperty("total").GetInt64());
        Assert.Empty((await (await recruiter.GetAsync("/api/imports/running")).ReadJson()).EnumerateArray());
    }

    [Fact]
    public async Task ARevertedBatchReadsRevertedInTheHistory()
    {
        var admin = api.Admin();
        var fair = await admin.CreateFair();
        var batch = await (await admin.Upload(fair, Listings.Csv(Header, $"淮南撤销{Guid.NewGuid():N}有限公司,保管员,2,面议"), "revert.csv")).ReadJson();
        var id = batch.GetProperty("id").GetGuid();
        Assert.True((await admin.DeleteAsync($"/api/imports/{id}")).IsSuccessStatusCode);
        var page = await (await admin.GetAsync("/api/imports?limit=100")).ReadJson();
        var row = page.GetProperty("items").EnumerateArray().Single(b => b.GetProperty("id").GetGuid() == id);
        Assert.Equal("reverted", row.GetProperty("status").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, row.GetProperty("revertedAt").ValueKind);
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
        var links = await (await admin.GetAsync($"/api/companies/{companyId}/recruiters")).ReadJson();
        Assert.Equal(["links-b", "links-a"], links.EnumerateArray().Select(l => l.GetProperty("subject").GetString()));
        Assert.All(links.EnumerateArray(), l => Assert.Equal(companyId, l.GetProperty("companyId").GetGuid()));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/companies/{companyId}/recruiters/links-a")).StatusCode);
        var after = await (await admin.GetAsync($"/api/companies/{companyId}/recruiters")).ReadJson();
        Assert.Equal(["links-b"], after.EnumerateArray().Select(l => l.GetProperty("subject").GetString()));
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
