using System.Net;
using System.Net.Http.Json;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Companies;

public sealed class CompaniesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AdminCreatesCompanyWithUuidV7AndLocation()
    {
        var code = TestData.NewCreditCode();
        var response = await api.Admin().PostAsJsonAsync("/api/companies", new { name = "淮南矿业（集团）有限责任公司", creditCode = code, industry = "煤炭" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var company = await response.Read<CompanyAnswer>();
        var id = company.Id;
        Assert.Equal(7, id.Version);
        Assert.Equal($"/api/companies/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(code, company.CreditCode);
    }

    [Fact]
    public async Task SameCreditCodeTwiceAnswers409()
    {
        var code = TestData.NewCreditCode();
        await api.Admin().PostAsJsonAsync("/api/companies", new { name = "甲公司", creditCode = code });
        var again = await api.Admin().PostAsJsonAsync("/api/companies", new { name = "甲有限公司", creditCode = code });
        await again.AssertProblem(409);
    }

    [Fact]
    public async Task RecruiterSeesOwnCompanyAndAnotherAnswers404()
    {
        var admin = api.Admin();
        var mine = await admin.CreateCompany();
        var theirs = await admin.CreateCompany();
        await admin.LinkRecruiter(mine, "recruiter-a");
        var recruiter = api.ClientFor(Roles.Recruiter, "recruiter-a");

        Assert.Equal(HttpStatusCode.OK, (await recruiter.GetAsync($"/api/companies/{mine}")).StatusCode);
        await (await recruiter.GetAsync($"/api/companies/{theirs}")).AssertProblem(404);
        await (await recruiter.GetAsync($"/api/companies/{Guid.CreateVersion7()}")).AssertProblem(404);
        var list = await (await recruiter.GetAsync("/api/companies")).Read<PageOf<CompanyAnswer>>();
        Assert.Equal(1, list.Total);
        Assert.Equal(mine, list.Items[0].Id);
    }

    [Fact]
    public async Task UnlinkedRecruiterLosesAccessAtOnce()
    {
        var admin = api.Admin();
        var company = await admin.CreateCompany();
        await admin.LinkRecruiter(company, "recruiter-b");
        var recruiter = api.ClientFor(Roles.Recruiter, "recruiter-b");
        Assert.Equal(HttpStatusCode.OK, (await recruiter.GetAsync($"/api/companies/{company}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/companies/{company}/recruiters/recruiter-b")).StatusCode);
        await (await recruiter.GetAsync($"/api/companies/{company}")).AssertProblem(404);
    }

    [Fact]
    public async Task RecruiterCannotCreateCompanies()
    {
        var response = await api.ClientFor(Roles.Recruiter, "recruiter-c").PostAsJsonAsync("/api/companies", new { name = "自建公司" });
        await response.AssertProblem(403);
    }

    [Fact]
    public async Task PagesWalkEveryItemOnceWithClampedLimits()
    {
        var admin = api.Admin();
        var prefix = "翻页" + Guid.NewGuid().ToString("N")[..6];
        var created = new HashSet<Guid>();
        for (var i = 0; i < 7; i++)
        {
            created.Add(await admin.CreateCompany($"{prefix}第{i}公司"));
        }
        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await (await admin.GetAsync($"/api/companies?q={prefix}&limit=3&cursor={cursor}")).Read<PageOf<CompanyAnswer>>();
            Assert.Equal(7, page.Total);
            seen.AddRange(page.Items.Select(item => item.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        Assert.Equal(created.Order(), seen.Order());

        var clamped = await (await admin.GetAsync($"/api/companies?q={prefix}&limit=100000")).Read<PageOf<CompanyAnswer>>();
        Assert.Equal(7, clamped.Items.Count);
        await (await admin.GetAsync("/api/companies?cursor=not-ours")).AssertProblem(400);
    }

    [Fact]
    public async Task CsvHasBomChineseAndDefusedFormulas()
    {
        var admin = api.Admin();
        var name = "=HYPERLINK(\"http://evil\")淮南" + Guid.NewGuid().ToString("N")[..6];
        await admin.CreateCompany(name);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/companies?q=" + Uri.EscapeDataString(name));
        request.Headers.Accept.ParseAdd("text/csv");
        var response = await admin.SendAsync(request);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.Contains("'=HYPERLINK", text);
        Assert.DoesNotContain(",=HYPERLINK", text);
        Assert.Equal("1", response.Headers.GetValues("X-Total-Count").Single());
    }

    [Fact]
    public async Task IdempotencyKeyReplaysSameBodyAndRejectsAnother()
    {
        var admin = api.Admin();
        var key = Guid.NewGuid().ToString();
        HttpRequestMessage Post(string name)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/companies") { Content = JsonContent.Create(new { name }) };
            request.Headers.Add("Idempotency-Key", key);
            return request;
        }
        var first = await admin.SendAsync(Post("幂等公司"));
        var second = await admin.SendAsync(Post("幂等公司"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal((await first.Read<CompanyAnswer>()).Id, (await second.Read<CompanyAnswer>()).Id);
        Assert.Equal(first.Headers.Location, second.Headers.Location);

        await (await admin.SendAsync(Post("另一家公司"))).AssertProblem(422);
    }

    [Fact]
    public async Task KeyLeftInFlightByACrashIsTakenOverLater()
    {
        var key = Guid.NewGuid().ToString();
        await using (var db = new Npgsql.NpgsqlConnection(api.Cluster.AppConnectionString(api.Database)))
        {
            await db.OpenAsync();
            await using var crashed = new Npgsql.NpgsqlCommand(
                "INSERT INTO idempotency_keys (subject, key, request_hash, created_at) VALUES ('admin-1', @key, '\\x00', now() - interval '10 minutes')", db);
            crashed.Parameters.AddWithValue("key", key);
            await crashed.ExecuteNonQueryAsync();
        }
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/companies") { Content = JsonContent.Create(new { name = "崩溃后重试公司" }) };
        request.Headers.Add("Idempotency-Key", key);
        Assert.Equal(HttpStatusCode.Created, (await api.Admin().SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task CreatingAndLinkingAreAuditedByOpaqueId()
    {
        var admin = api.Admin("admin-audit");
        var company = await admin.CreateCompany();
        await admin.LinkRecruiter(company, "recruiter-d");
        var log = await (await admin.GetAsync($"/api/audit?objectId={company}")).Read<PageOf<AuditEntryAnswer>>();
        var actions = log.Items.Select(entry => entry.Action).ToList();
        Assert.Equal(["company.recruiter_linked", "company.created"], actions);
        Assert.All(log.Items, entry => Assert.Equal("admin-audit", entry.Actor));
    }
}
