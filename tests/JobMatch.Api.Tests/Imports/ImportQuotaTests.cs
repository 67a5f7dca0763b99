using System.Net;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace JobMatch.Api.Tests.Imports;

/// <summary>A recruiter's daily import quota small enough to reach: two files and ten rows a day.</summary>
public sealed class ImportQuotaFactory : ApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Imports:RecruiterFilesPerDay", "2");
        builder.UseSetting("Imports:RecruiterRowsPerDay", "10");
    }
}

/// <summary>Who may upload positions, how much a recruiter may upload a day, and what an Idempotency-Key covers.</summary>
public sealed class ImportQuotaTests(ImportQuotaFactory api) : IClassFixture<ImportQuotaFactory>
{
    static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..6];

    /// <summary>A recruiter linked to a new company, and a CSV of that company's positions.</summary>
    async Task<(HttpClient Recruiter, Func<int, byte[]> File)> LinkedRecruiter()
    {
        var (name, subject) = (Unique("淮南额度") + "有限公司", Unique("quota-"));
        await api.Admin().LinkRecruiter(await api.Admin().CreateCompany(name), subject);
        return (api.ClientFor(Roles.Recruiter, subject),
            rows => Listings.Csv(["单位名称,岗位名称,招聘人数", .. Enumerable.Range(1, rows).Select(i => $"{name},{Unique("岗位")},2")]));
    }

    [Fact]
    public async Task ARecruiterLinkedToNoCompanyMayNotUploadAndTheFileIsNeverRead()
    {
        var fair = await api.Admin().CreateFair();
        var unlinked = api.ClientFor(Roles.Recruiter, Unique("unlinked-"));
        // A file the reader would refuse (422): the 403 shows it was never parsed.
        var problem = await (await unlinked.Upload(fair, "PK\u0003\u0004 not a zip"u8.ToArray(), "x.xlsx")).AssertProblem(403);
        Assert.Contains("单位", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await unlinked.Upload(fair, Listings.Csv("单位名称,岗位名称", "淮南某公司,电工"), "x.csv", source: "programs")).AssertProblem(404);
        await (await unlinked.Upload(fair, Listings.Csv("单位名称,岗位名称", "淮南某公司,电工"), "x.csv")).AssertProblem(403);
    }

    [Fact]
    public async Task TheDailyQuotaRefusesTheNextFileSayingWhenItResetsAndStaffHaveNone()
    {
        var fair = await api.Admin().CreateFair();
        var (recruiter, file) = await LinkedRecruiter();
        Assert.Equal(HttpStatusCode.Created, (await recruiter.Upload(fair, file(3), "1.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await recruiter.Upload(fair, file(3), "preview.csv", "?dryRun=true")).StatusCode); // not counted
        Assert.Equal(HttpStatusCode.Created, (await recruiter.Upload(fair, file(3), "2.csv")).StatusCode);

        foreach (var query in new[] { "", "?dryRun=true" })
        {
            var refused = await recruiter.Upload(fair, file(1), "3.csv", query);
            var problem = await refused.AssertProblem(429);
            var resetsAt = problem.GetProperty("resetsAt").GetDateTimeOffset();
            Assert.True(resetsAt > DateTimeOffset.UtcNow && resetsAt <= DateTimeOffset.UtcNow.AddDays(1), $"resets at {resetsAt}");
            Assert.Equal(TimeSpan.Zero, resetsAt.ToOffset(TimeSpan.FromHours(8)).TimeOfDay); // midnight in Shanghai
            Assert.True(int.Parse(refused.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture) > 0);
            Assert.Contains("事务局", problem.GetProperty("detail").GetString(), StringComparison.Ordinal); // the bureau can raise it
        }
        Assert.Equal(6, (await api.Admin().OpeningAnswersOf(fair)).Count);
        Assert.Equal(HttpStatusCode.Created, (await api.Admin().Upload(fair, file(11), "staff.csv")).StatusCode);

        // Rows count too: a file that would take a recruiter past ten rows today is refused whole.
        var (other, otherFile) = await LinkedRecruiter();
        await (await other.Upload(fair, otherFile(11), "big.csv")).AssertProblem(429);
        Assert.Equal(HttpStatusCode.Created, (await other.Upload(fair, otherFile(10), "ten.csv")).StatusCode);
        await (await other.Upload(fair, otherFile(1), "one-more.csv")).AssertProblem(429);
    }

    [Fact]
    public async Task UploadsSentAllAtOnceStillStopAtTheQuota()
    {
        var fair = await api.Admin().CreateFair();
        var (recruiter, file) = await LinkedRecruiter();
        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => recruiter.Upload(fair, file(1), $"{i}.csv")));
        Assert.Equal(2, answers.Count(answer => answer.StatusCode == HttpStatusCode.Created));
        Assert.Equal(3, answers.Count(answer => answer.StatusCode == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task ADryRunAndTheImportWithTheSameIdempotencyKeyAreDifferentRequestsNotAReplay()
    {
        var admin = api.Admin();
        var fair = await admin.CreateFair();
        var file = Listings.Csv("单位名称,岗位名称,招聘人数", $"{Unique("淮南幂等")}有限公司,电工,2");
        async Task<HttpResponseMessage> Send(string query, string key)
        {
            // The same bytes each time (a fixed boundary), as a client retrying would send them.
            var form = new MultipartFormDataContent("same-boundary") { { new ByteArrayContent(file), "file", "same.csv" } };
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/job-fairs/{fair}/imports{query}") { Content = form };
            request.Headers.Add("Idempotency-Key", key);
            return await admin.SendAsync(request);
        }
        var key = Unique("key-");
        Assert.Equal(HttpStatusCode.OK, (await Send("?dryRun=true", key)).StatusCode);
        var commit = await Send("", key);
        Assert.False(commit.Headers.Contains("Idempotent-Replayed"), "the import replayed the preview");
        await commit.AssertProblem(422);
        Assert.Empty(await admin.OpeningAnswersOf(fair));
        Assert.Equal(HttpStatusCode.Created, (await Send("", Unique("key-"))).StatusCode);
    }
}
