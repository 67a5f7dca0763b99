using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Openings;

public sealed class OpeningsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    async Task<(Guid Company, HttpClient Recruiter)> RecruiterWithCompany()
    {
        var admin = api.Admin();
        var company = await admin.CreateCompany();
        var subject = "recruiter-" + Guid.NewGuid().ToString("N")[..8];
        await admin.LinkRecruiter(company, subject);
        return (company, api.ClientFor(Roles.Recruiter, subject));
    }

    static object Posting(Guid companyId, string title, string? closesOn = null, string salary = "4000-6000元/月", int headcount = 3) => new
    {
        companyId, title, headcount, salary, education = "高中", district = "田家庵区", location = "洞山路", skills = new[] { "驾驶" },
        gender = "男", closesOn,
    };

    [Fact]
    public async Task RecruiterPostsEditsAndClosesTheirOwnCompanysPosition()
    {
        var (company, recruiter) = await RecruiterWithCompany();
        var created = await recruiter.PostAsJsonAsync("/api/openings", Posting(company, "押运员"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var opening = await created.Read<OpeningAnswer>();
        var id = opening.Id;
        Assert.Equal(7, id.Version);
        Assert.Equal(((int?)4000, (int?)6000, "340403", "open", "job"), (opening.SalaryMin, opening.SalaryMax, opening.DistrictCode, opening.Status,
            opening.Kind));
        Assert.Equal("男", opening.GenderNote);

        var edited = await recruiter.PutAsJsonAsync($"/api/openings/{id}", new { companyId = company, title = "押运员", headcount = 2, salary = "面议" });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var changed = await edited.Read<OpeningAnswer>();
        Assert.Equal(("open", (int?)2), (changed.Status, changed.Remaining));
        Assert.Null(changed.SalaryMin);

        await (await recruiter.PutAsJsonAsync($"/api/openings/{id}", new { companyId = Guid.CreateVersion7(), title = "押运员" })).AssertProblem(400);
        Assert.Equal(HttpStatusCode.NoContent, (await recruiter.DeleteAsync($"/api/openings/{id}")).StatusCode);
        Assert.Equal("closed", (await (await recruiter.GetAsync($"/api/openings/{id}")).Read<OpeningAnswer>()).Status);
    }

    [Fact]
    public async Task APositionReadAgainAfterAnEditAHireOrItsCompanysRenamingIsNeverAnsweredFromAStaleCopy()
    {
        var (company, recruiter) = await RecruiterWithCompany();
        var id = (await (await recruiter.PostAsJsonAsync("/api/openings", Posting(company, "押运员"))).Read<OpeningAnswer>()).Id;
        async Task<JsonElement> Read() => await (await api.Admin().GetAsync($"/api/openings/{id}")).EnsureSuccessStatusCode().ReadJson();
        var first = await Read();
        Assert.Equal(first.GetRawText(), (await Read()).GetRawText());

        (await recruiter.PutAsJsonAsync($"/api/openings/{id}", new { companyId = company, title = "押运员（夜班）", headcount = 3 })).EnsureSuccessStatusCode();
        Assert.Equal("押运员（夜班）", (await Read()).As<OpeningAnswer>().Title);

        await using var db = new Npgsql.NpgsqlConnection(api.Cluster.SuperuserConnectionString(api.Database));
        await Dapper.SqlMapper.ExecuteAsync(db, "UPDATE positions SET filled = 1, updated_at = now() WHERE id = @id", new { id });
        Assert.Equal(2, (await Read()).As<OpeningAnswer>().Remaining);
        await Dapper.SqlMapper.ExecuteAsync(db, "UPDATE companies SET name = name || '（新名）' WHERE id = @company", new { company });
        Assert.EndsWith("（新名）", (await Read()).As<OpeningAnswer>().CompanyName, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await recruiter.DeleteAsync($"/api/openings/{id}")).StatusCode);
        Assert.Equal("closed", (await Read()).As<OpeningAnswer>().Status);
        await (await api.Admin().GetAsync($"/api/openings/{Guid.CreateVersion7()}")).AssertProblem(404);
    }

    [Fact]
    public async Task RecruiterCannotCreateEditOrClosePositionsOfAnotherCompany()
    {
        var (mine, recruiter) = await RecruiterWithCompany();
        var (theirs, other) = await RecruiterWithCompany();
        var theirOpening = (await (await other.PostAsJsonAsync("/api/openings", Posting(theirs, "保安员"))).Read<OpeningAnswer>()).Id;

        await (await recruiter.PostAsJsonAsync("/api/openings", Posting(theirs, "冒名岗位"))).AssertProblem(404);
        await (await recruiter.PutAsJsonAsync($"/api/openings/{theirOpening}", Posting(mine, "改名"))).AssertProblem(404);
        await (await recruiter.DeleteAsync($"/api/openings/{theirOpening}")).AssertProblem(404);
        var untouched = await (await other.GetAsync($"/api/openings/{theirOpening}")).Read<OpeningAnswer>();
        Assert.Equal(("保安员", "open"), (untouched.Title, untouched.Status));
    }

    [Fact]
    public async Task VeteransReadOpeningsButCannotPostThem()
    {
        var (company, recruiter) = await RecruiterWithCompany();
        var id = (await (await recruiter.PostAsJsonAsync("/api/openings", Posting(company, "仓管员"))).Read<OpeningAnswer>()).Id;
        var veteran = api.ClientFor(Roles.Veteran, "veteran-reader");
        Assert.Equal(HttpStatusCode.OK, (await veteran.GetAsync($"/api/openings/{id}")).StatusCode);
        await (await veteran.PostAsJsonAsync("/api/openings", Posting(company, "自建"))).AssertProblem(403);
    }

    [Fact]
    public async Task PositionPastItsClosingDateReadsClosedAndLeavesTheOpenSearch()
    {
        var (company, recruiter) = await RecruiterWithCompany();
        var expired = (await (await recruiter.PostAsJsonAsync("/api/openings", Posting(company, "过期岗位", closesOn: "2023-04-30"))).Read<OpeningAnswer>()).Id;
        var current = (await (await recruiter.PostAsJsonAsync("/api/openings", Posting(company, "在招岗位", closesOn: "2099-12-31"))).Read<OpeningAnswer>()).Id;
        Assert.Equal("closed", (await (await recruiter.GetAsync($"/api/openings/{expired}")).Read<OpeningAnswer>()).Status);
        var open = await (await recruiter.GetAsync($"/api/openings?companyId={company}")).Read<PageOf<OpeningAnswer>>();
        Assert.Equal([current], open.Items.Select(o => o.Id));
        var all = await (await recruiter.GetAsync($"/api/openings?companyId={company}&openOnly=false")).Read<PageOf<OpeningAnswer>>();
        Assert.Equal(2, all.Total);
    }

    [Fact]
    public async Task SearchFiltersByTextDistrictSalaryAndEducation()
    {
        var (company, recruiter) = await RecruiterWithCompany();
        await recruiter.PostAsJsonAsync("/api/openings", new { companyId = company, title = "数控车工", salary = "6000-8000元", education = "大专", district = "凤台县" });
        await recruiter.PostAsJsonAsync("/api/openings", new { companyId = company, title = "数控学徒", salary = "3000-3500元", education = "初中", district = "凤台县" });
        await recruiter.PostAsJsonAsync("/api/openings", new { companyId = company, title = "数控编程员", salary = "9000元以上", education = "本科", district = "寿县" });
        async Task<string[]> Titles(string query) =>
            [.. (await (await recruiter.GetAsync($"/api/openings?companyId={company}&{query}")).Read<PageOf<OpeningAnswer>>()).Items
                .Select(o => o.Title).Order()];

        Assert.Equal(["数控学徒", "数控编程员", "数控车工"], await Titles("q=数控"));
        Assert.Equal(["数控学徒", "数控车工"], await Titles("district=凤台"));
        Assert.Equal(["数控编程员", "数控车工"], await Titles("salaryMin=5000"));
        Assert.Equal(["数控学徒", "数控车工"], await Titles("education=大专"));
        Assert.Equal(["数控编程员"], await Titles("q=编程&kind=job"));
        await (await recruiter.GetAsync("/api/openings?district=上海")).AssertProblem(400);
    }

    [Fact]
    public async Task OpeningsCanBeDownloadedAsCsv()
    {
        var (company, recruiter) = await RecruiterWithCompany();
        await recruiter.PostAsJsonAsync("/api/openings", Posting(company, "=HYPERLINK(\"x\")"));
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/openings?companyId={company}");
        request.Headers.Accept.ParseAdd("text/csv");
        var response = await recruiter.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("'=HYPERLINK", text, StringComparison.Ordinal);
        Assert.True(text.Contains("驾驶", StringComparison.Ordinal) && !text.Contains("System.String", StringComparison.Ordinal), text);
    }

    [Fact]
    public async Task CompanyPhoneIsStoredAndShownMasked()
    {
        var response = await api.Admin().PostAsJsonAsync("/api/companies", new { name = "淮南掩码" + Guid.NewGuid().ToString("N")[..6], contactPhone = "13812345678", veteranFounded = true, district = "潘集区" });
        var company = await response.Read<CompanyAnswer>();
        Assert.Equal(("138****5678", true, "340406"), (company.ContactPhone, company.VeteranFounded, company.DistrictCode));
    }
}
