using System.Net;
using System.Net.Http.Json;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Companies;

/// <summary>Staff correct a company's name, industry, district and contact; a name another company has is refused.</summary>
public sealed class CompanyEditTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AdminRenamesACompanyAndTheAuditLogNamesTheFieldsChanged()
    {
        var admin = api.Admin();
        var created = await (await admin.PostAsJsonAsync("/api/companies", new
        {
            name = "改名前" + Guid.NewGuid().ToString("N")[..6] + "有限公司", contactName = "王经理", contactPhone = "13812345678",
        })).Read<CompanyAnswer>();
        var name = "改名后" + Guid.NewGuid().ToString("N")[..6] + "有限公司";

        var response = await admin.PutAsJsonAsync($"/api/companies/{created.Id}", new { name, industry = "物流", district = "田家庵区", contactName = "李经理" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var edited = await response.Read<CompanyAnswer>();
        Assert.Equal(name, edited.Name);
        Assert.Equal("138****5678", edited.ContactPhone); // left out: the stored phone stays, shown masked
        Assert.NotNull(edited.DistrictCode);
        var found = await (await admin.GetAsync($"/api/companies?q={Uri.EscapeDataString(name)}")).Read<PageOf<CompanyAnswer>>();
        Assert.Equal(created.Id, Assert.Single(found.Items).Id);
        var audit = await (await admin.GetAsync($"/api/audit?action=company.updated&objectId={created.Id}")).ReadJson();
        var details = audit.GetProperty("items")[0].GetProperty("details").GetString()!;
        Assert.Contains("name", details);
        Assert.DoesNotContain("李经理", details);
    }

    [Fact]
    public async Task ANameAnotherCompanyHasIsAConflictThatSaysWhatToDo()
    {
        var admin = api.Admin();
        var taken = "已占用" + Guid.NewGuid().ToString("N")[..6] + "有限公司";
        await admin.CreateCompany(taken);
        var mine = await admin.CreateCompany();

        var problem = await (await admin.PutAsJsonAsync($"/api/companies/{mine}", new { name = taken.Replace("有限公司", "", StringComparison.Ordinal) }))
            .AssertProblem(409);

        Assert.Contains(taken, problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/companies/{mine}", new { name = "自己" + taken })).StatusCode);
    }

    [Fact]
    public async Task OnlyStaffEditAndAnUnknownCompanyIs404()
    {
        var (company, recruiter) = await api.CompanyWithRecruiter();
        await (await recruiter.PutAsJsonAsync($"/api/companies/{company}", new { name = "招聘方改名" })).AssertProblem(403);
        await (await api.Admin().PutAsJsonAsync($"/api/companies/{Guid.CreateVersion7()}", new { name = "无此单位" })).AssertProblem(404);
        await (await api.ClientFor(Roles.Admin, "admin-x").PutAsJsonAsync($"/api/companies/{company}", new { name = " " })).AssertProblem(400);
    }
}
