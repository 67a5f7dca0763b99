using System.Net;
using System.Text;
using JobMatch.Api.Auth;
using JobMatch.Api.DemoData;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Imports;

/// <summary>A database holding the demo data, loaded once for the class: the fair the staff imported and the demo recruiter.</summary>
public sealed class DemoListingsApiFactory : ApiFactory
{
    readonly Lazy<Task> seeded;

    public DemoListingsApiFactory() =>
        seeded = new(() => DemoDataLoader.LoadAsync(Services, new Progress<SeedProgress>(), CancellationToken.None));

    public Task SeedOnce() => seeded.Value;
}

/// <summary>
/// The bureau sends every employer the whole fair's sheet: a recruiter imports their companies' share of it, the rows of
/// other companies are counted as not theirs (not errors), and a file with none of their rows offers no commit.
/// </summary>
public sealed class RecruiterShareImportTests(DemoListingsApiFactory api) : IClassFixture<DemoListingsApiFactory>
{
    static RecruiterShareImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    async Task<Guid> DemoFair()
    {
        await api.SeedOnce();
        var fairs = await (await api.Admin().GetAsync("/api/job-fairs?limit=100")).Read<PageOf<JobFairAnswer>>();
        return fairs.Items.Single(f => f.Name == "淮南市退役军人网络专场招聘会").Id;
    }

    [Fact]
    public async Task DemoRecruiterImportsTheirShareOfTheFairFileTheStaffAlreadyImported()
    {
        var fair = await DemoFair();
        var recruiter = api.ClientFor(Roles.Recruiter, "demo-recruiter");
        var file = await File.ReadAllBytesAsync(Listings.DataFile("fair-2023-03-16.xlsx"));

        var dryRun = await recruiter.Upload(fair, file, "fair-2023-03-16.xlsx", "?dryRun=true");
        Assert.Equal(HttpStatusCode.OK, dryRun.StatusCode);
        var preview = await dryRun.Read<ShareImportAnswer>();
        Assert.Equal("preview", preview.Status);
        Assert.Equal(new ImportShareAnswer(6, 378, true, null), preview.Share);
        // Their six positions are the staff's already: listed, not duplicated, and no row of another company is an error.
        Assert.Equal((0, 0, 6), (preview.Counts.PositionsCreated, preview.Counts.PositionsUpdated, preview.Counts.PositionsUnchanged));
        Assert.Equal(0, preview.Counts.RowsRejected);
        Assert.NotNull(preview.Problems);
        Assert.Equal(6, preview.Problems.Count(p => p.Severity == "duplicate" && p.Problem.StartsWith("已列出", StringComparison.Ordinal)));
        Assert.DoesNotContain(preview.Problems, p => p.Severity != "duplicate");

        var commit = await recruiter.Upload(fair, file, "fair-2023-03-16.xlsx");
        Assert.Equal(HttpStatusCode.Created, commit.StatusCode);
        var batch = await commit.Read<ShareImportAnswer>();
        Assert.Equal("completed", batch.Status);
        Assert.Equal(new ImportShareAnswer(6, 378, true, null), batch.Share);
        Assert.NotNull(batch.Reconciliation);
        Assert.Equal(384, batch.Reconciliation.Source.Positions);

        // The same file again by the same recruiter is their batch again; the staff's re-import is still the staff's batch.
        var again = await recruiter.Upload(fair, file, "fair-2023-03-16.xlsx");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(batch.Id, (await again.Read<ShareImportAnswer>()).Id);
        var staff = await api.Admin().Upload(fair, file, "fair-2023-03-16.xlsx");
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        Assert.Equal("true", staff.Headers.GetValues("Import-Replayed").Single());
        Assert.NotEqual(batch.Id, (await staff.Read<ShareImportAnswer>()).Id);
    }

    [Fact]
    public async Task AGbkCsvWithNoneOfTheirRowsOffersNoCommitAndItsCommitIsRefused()
    {
        var fair = await DemoFair();
        var recruiter = api.ClientFor(Roles.Recruiter, "demo-recruiter");
        var csv = Encoding.GetEncoding("GBK").GetBytes(string.Join("\r\n",
            "单位名称,岗位名称,招聘人数,薪资待遇,工作地点",
            "淮南别家机械有限公司,电工,2,面议,田家庵区",
            "淮南别家物流有限公司,叉车司机,1,面议,大通区") + "\r\n");

        var dryRun = await recruiter.Upload(fair, csv, "others.csv", "?dryRun=true");
        Assert.Equal(HttpStatusCode.OK, dryRun.StatusCode);
        var preview = await dryRun.Read<ShareImportAnswer>();
        Assert.NotNull(preview.Share);
        Assert.Equal((0, 2, false), (preview.Share.RowsTheirs, preview.Share.RowsOtherCompanies, preview.Share.CanCommit));
        Assert.Contains("单位名称", preview.Share.Reason, StringComparison.Ordinal);
        Assert.Equal(0, preview.Counts.RowsRejected);

        var problem = await (await recruiter.Upload(fair, csv, "others.csv")).AssertProblem(422);
        var detail = problem.GetProperty("detail").GetString();
        Assert.Contains("退役军人事务局", detail, StringComparison.Ordinal);
        Assert.Contains("单位名称", detail, StringComparison.Ordinal);
    }
}
