using System.Net;
using System.Text;
using System.Text.Json;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Imports;

public sealed class ImportTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    const string Header = "单位名称,统一社会信用代码,岗位名称,招聘人数,学历要求,薪资待遇,工作地点,性别要求";

    static string Unique(string name) => name + Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task SampleFairImportsAs182Companies384PositionsAnd1264OpeningsReconciled()
    {
        var admin = api.Admin();
        var fair = await admin.CreateFair(182, 384, 1264);
        var response = await admin.Upload(fair, await File.ReadAllBytesAsync(Listings.DataFile("fair-2023-03-16.xlsx")), "fair-2023-03-16.xlsx");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var batch = await response.Read<ImportAnswer>();
        Assert.Equal(182, batch.Counts.CompaniesCreated + batch.Counts.CompaniesMatched);
        Assert.Equal(384, batch.Counts.PositionsCreated);
        Assert.Equal(1264, batch.Counts.OpeningsCreated);
        Assert.Equal(0, batch.Counts.RowsRejected);
        var reconciliation = batch.Reconciliation;
        Assert.NotNull(reconciliation);
        Assert.True(reconciliation.Matches);
        Assert.Equal(1264, reconciliation.Source.Openings);
        Assert.Equal("completed", batch.Status);
        Assert.Equal(batch.Progress.RowsTotal, batch.Progress.RowsProcessed);
    }

    [Fact]
    public async Task SameFileTwiceChangesNothingAndReturnsTheEarlierBatch()
    {
        var admin = api.Admin();
        var fair = await admin.CreateFair(182, 384, 1264);
        var file = await File.ReadAllBytesAsync(Listings.DataFile("fair-2023-03-16.xlsx"));
        var first = await (await admin.Upload(fair, file, "fair.xlsx")).Read<ImportAnswer>();
        var again = await admin.Upload(fair, file, "fair.xlsx");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Import-Replayed").Single());
        var second = await again.Read<ImportAnswer>();
        Assert.Equal(first.Id, second.Id);
        Assert.NotNull(second.Reconciliation);
        Assert.Equal(384, second.Reconciliation.Source.Positions);
        var preview = await (await admin.Upload(fair, file, "fair.xlsx", "?dryRun=true")).Read<ImportAnswer>();
        Assert.Equal(first.Id, preview.Id);
    }

    [Fact]
    public async Task GbkCsvOfTheSampleFairGivesTheSameResult()
    {
        var admin = api.Admin();
        var fair = await admin.CreateFair(182, 384, 1264);
        var response = await admin.Upload(fair, await File.ReadAllBytesAsync(Listings.DataFile("fair-2023-03-16.gbk.csv")), "fair.csv");
        var batch = await response.Read<ImportAnswer>();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("gb18030", batch.Encoding);
        Assert.Equal(182, batch.Counts.CompaniesCreated + batch.Counts.CompaniesMatched);
        Assert.Equal(384, batch.Counts.PositionsCreated);
        Assert.Equal(1264, batch.Counts.OpeningsCreated);
        Assert.NotNull(batch.Reconciliation);
        Assert.True(batch.Reconciliation.Matches);
    }

    [Fact]
    public async Task TheCsvAfterTheXlsxOfTheSameFairFindsEveryCompanyAndPositionUnchanged()
    {
        var admin = api.Admin();
        var fair = await admin.CreateFair(182, 384, 1264);
        await admin.Upload(fair, await File.ReadAllBytesAsync(Listings.DataFile("fair-2023-03-16.xlsx")), "fair.xlsx");
        var response = await admin.Upload(fair, await File.ReadAllBytesAsync(Listings.DataFile("fair-2023-03-16.gbk.csv")), "fair.csv");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var batch = await response.Read<ImportAnswer>();
        Assert.Equal((0, 182), (batch.Counts.CompaniesCreated, batch.Counts.CompaniesMatched));
        Assert.Equal((0, 0, 384), (batch.Counts.PositionsCreated, batch.Counts.PositionsUpdated, batch.Counts.PositionsUnchanged));
        Assert.NotNull(batch.Reconciliation);
        Assert.Equal(1264, batch.Reconciliation.Source.Openings);
    }

    [Fact]
    public async Task BadRowsAreReportedByRowAndColumnAndGoodRowsGoIn()
    {
        var admin = api.Admin();
        var fair = await admin.CreateFair();
        var company = Unique("淮南报错");
        var file = Listings.Csv("淮南市招聘岗位信息表", Header,
            $"{company}有限公司,,保安员,3人,高中,4000-6000元/月,田家庵区,不限",
            $"{company}有限公司,123,电工,2,大专,5k-7k,大通区,",
            $"{company}有限公司,,司机,很多,高中,面议,潘集区,",
            $"{company}有限公司,,厨师,1,高中,工资很高,凤台县,男",
            "合计,,,6,,,,");
        var response = await admin.Upload(fair, file, "errors.csv");
        var batch = await response.Read<ImportAnswer>();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, batch.Counts.PositionsCreated);
        Assert.Equal(3, batch.Counts.RowsRejected);
        var errors = await admin.ReportLines(batch.Id);
        var rejected = errors.Where(e => e.Severity == "rejected").ToList();
        Assert.Contains(rejected, e => e.RowNumber == 4 && e.Column == "统一社会信用代码" && e.Value == "123");
        Assert.Contains(rejected, e => e.RowNumber == 5 && e.Column == "招聘人数");
        Assert.Contains(rejected, e => e.RowNumber == 6 && e.Column == "薪资待遇");
        // The gender requirement is flagged even on a rejected row, and nothing of a rejected row is written.
        Assert.Contains(errors, e => e.Severity == "warning" && e.Column == "性别要求");
        var openings = await admin.OpeningAnswersOf(fair);
        Assert.Equal(["保安员"], openings.Select(o => o.Title));
        Assert.Equal(4000, openings[0].SalaryMin);
        Assert.Equal("340403", openings[0].DistrictCode);
    }

    [Fact]
    public async Task AnImportedEducationIsStoredAsItsCodeAndAnsweredWithItsLabel()
    {
        var admin = api.Admin();
        var fair = await admin.CreateFair();
        var company = Unique("淮南学历");
        var file = Listings.Csv(Header, $"{company}有限公司,,会计,2,本科及以上,面议,田家庵区,", $"{company}有限公司,,保安员,2,中专,面议,田家庵区,",
            $"{company}有限公司,,保洁员,2,不限,面议,田家庵区,");
        Assert.Equal(HttpStatusCode.Created, (await admin.Upload(fair, file, "education.csv")).StatusCode);
        var openings = (await admin.OpeningAnswersOf(fair)).ToDictionary(o => o.Title, o => (o.Education, o.EducationLabel));
        Assert.Equal(("bachelor", "本科"), openings["会计"]);
        Assert.Equal(("senior_high", "高中/中专/技校"), openings["保安员"]);
        Assert.Equal((null, null), openings["保洁员"]);
    }

    [Fact]
    public async Task DryRunPreviewsTheReportAndWritesNothing()
    {
        var admin = api.Admin();
        var fair = await admin.CreateFair();
        var company = Unique("淮南预览");
        var file = Listings.Csv(Header, $"{company}有限公司,,保安员,3,高中,面议,寿县,", $"{company}有限公司,,电工,x,高中,面议,寿县,");
        var response = await admin.Upload(fair, file, "preview.csv", "?dryRun=true");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await response.Read<ImportAnswer>();
        Assert.Equal("preview", preview.Status);
        Assert.Equal(1, preview.Counts.PositionsCreated);
        Assert.NotNull(preview.Problems);
        Assert.Equal(3, preview.Problems[0].RowNumber);
        Assert.Empty(await admin.OpeningAnswersOf(fair));
        await (await admin.GetAsync($"/api/imports/{preview.Id}")).AssertProblem(404);
        var companies = await (await admin.GetAsync($"/api/companies?q={Uri.EscapeDataString(company)}")).Read<PageOf<CompanyAnswer>>();
        Assert.Equal(0, companies.Total);
    }

    [Fact]
    public async Task DuplicatesWithinAFileAreImportedOnceOrRejectedNamingTheFirstRow()
    {
        var admin = api.Admin();
        var fair = await admin.CreateFair();
        var company = Unique("淮南重复");
        var file = Listings.Csv(Header,
            $"{company}有限公司,,保安员,3,高中,面议,寿县,",
            $"{company},,保安员,3,高中,面议,寿县,",
            $"{company}有限公司,,保安员,5,高中,面议,寿县,");
        var batch = await (await admin.Upload(fair, file, "dups.csv")).Read<ImportAnswer>();
        Assert.Equal(1, batch.Counts.PositionsCreated);
        Assert.Equal(1, batch.Counts.RowsDuplicate);
        Assert.Equal(1, batch.Counts.RowsRejected);
        Assert.Equal(1, batch.Counts.CompaniesCreated);
        var errors = await admin.ReportLines(batch.Id);
        Assert.Contains(errors, e => e.RowNumber == 3 && e.Severity == "duplicate" && e.Problem.Contains('2'));
        Assert.Contains(errors, e => e.RowNumber == 4 && e.Severity == "rejected" && e.Problem.Contains('2'));
    }

    [Fact]
    public async Task CorrectedFileUpdatesChangedRowsAndRevertRestoresTheEarlierValues()
    {
        var admin = api.Admin();
        var fair = await admin.CreateFair();
        var company = Unique("淮南更正") + "有限公司";
        var original = Listings.Csv(Header, $"{company},,保安员,3,高中,4000-5000元,寿县,", $"{company},,电工,2,高中,面议,寿县,");
        var corrected = Listings.Csv(Header, $"{company},,保安员,4,高中,4500-5500元,寿县,", $"{company},,电工,2,高中,面议,寿县,", $"{company},,司机,1,高中,面议,寿县,");
        var first = await (await admin.Upload(fair, original, "v1.csv")).Read<ImportAnswer>();
        var second = await (await admin.Upload(fair, corrected, "v2.csv")).Read<ImportAnswer>();
        Assert.Equal((1, 1, 1), (second.Counts.PositionsCreated, second.Counts.PositionsUpdated, second.Counts.PositionsUnchanged));
        Assert.Equal(1, second.Counts.CompaniesMatched);
        var changes = await admin.ReportLines(second.Id);
        var change = Assert.Single(changes, e => e.Severity == "updated");
        Assert.Equal(2, change.RowNumber);
        Assert.Equal("headcount, salary_max, salary_min, salary_text", change.Column);

        // The first batch cannot go while the second builds on it; the second can, and the first values return.
        await (await admin.DeleteAsync($"/api/imports/{first.Id}")).AssertProblem(409);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/imports/{second.Id}")).StatusCode);
        var openings = await admin.OpeningAnswersOf(fair);
        Assert.Equal(2, openings.Count);
        var guard = openings.Single(o => o.Title == "保安员");
        Assert.Equal(((int?)3, (int?)4000, (int?)5000), (guard.Headcount, guard.SalaryMin, guard.SalaryMax));
        Assert.Equal(first.Id, guard.ImportBatchId);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/imports/{first.Id}")).StatusCode);
        Assert.Empty(await admin.OpeningAnswersOf(fair));
        Assert.Equal(0, (await (await admin.GetAsync($"/api/companies?q={Uri.EscapeDataString(company)}")).Read<PageOf<CompanyAnswer>>()).Total);
        var reverted = await (await admin.GetAsync($"/api/imports/{first.Id}")).Read<ImportAnswer>();
        Assert.Equal("reverted", reverted.Status);

        // A reverted file can be imported again.
        var again = await admin.Upload(fair, original, "v1.csv");
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(2, (await again.Read<ImportAnswer>()).Counts.PositionsCreated);
    }

    [Fact]
    public async Task UploadsInBomUtf8AndWithAMappingAreRead()
    {
        var admin = api.Admin();
        var fair = await admin.CreateFair();
        var company = Unique("淮南映射");
        var bom = (byte[])[0xEF, 0xBB, 0xBF, .. Listings.Csv("用工单位,工作岗位,需求人数,月薪", $"{company}有限公司,叉车司机,2,4k-6k")];
        var mapping = JsonSerializer.Serialize(new { companyName = "用工单位", title = "工作岗位" });
        var response = await admin.Upload(fair, bom, "mapped.csv", mapping: mapping);
        var batch = await response.Read<ImportAnswer>();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("utf-8-bom", batch.Encoding);
        var opening = Assert.Single(await admin.OpeningAnswersOf(fair));
        Assert.Equal(((int?)2, (int?)4000, (int?)6000), (opening.Headcount, opening.SalaryMin, opening.SalaryMax));
    }

    [Fact]
    public async Task HeadcountUnknownIsImportedReportedAndNotCounted()
    {
        var admin = api.Admin();
        var fair = await admin.CreateFair();
        var company = Unique("淮南若干");
        var batch = await (await admin.Upload(fair, Listings.Csv(Header, $"{company}有限公司,,普工,若干,不限,面议,寿县,", $"{company}有限公司,,电工,2,不限,面议,寿县,"), "some.csv")).Read<ImportAnswer>();
        Assert.Equal((2, 2, 1), (batch.Counts.PositionsCreated, batch.Counts.OpeningsCreated, batch.Counts.HeadcountUnknown));
        Assert.Contains(await admin.ReportLines(batch.Id), e => e.Severity == "warning" && e.Value == "若干");
    }

    [Fact]
    public async Task RecruiterImportCountsRowsOfOtherCompaniesAsNotTheirsRatherThanErrors()
    {
        var admin = api.Admin();
        var fair = await admin.CreateFair();
        var mine = Unique("淮南自有") + "有限公司";
        var company = await admin.CreateCompany(mine);
        await admin.LinkRecruiter(company, "importer-a");
        var recruiter = api.ClientFor(Roles.Recruiter, "importer-a");
        var file = Listings.Csv(Header, $"{mine},,保安员,2,不限,面议,寿县,", $"{Unique("淮南他人")}有限公司,,电工,2,不限,面议,寿县,");
        var batch = await (await recruiter.Upload(fair, file, "mine.csv")).Read<ShareImportAnswer>();
        Assert.Equal((1, 0, 0), (batch.Counts.PositionsCreated, batch.Counts.RowsRejected, batch.Counts.CompaniesCreated));
        Assert.Equal(new ImportShareAnswer(1, 1, true, null), batch.Share);
        Assert.DoesNotContain(await recruiter.ReportLines(batch.Id), e => e.RowNumber == 3);
        // Another recruiter neither sees the batch nor may revert it.
        var other = api.ClientFor(Roles.Recruiter, "importer-b");
        await (await other.GetAsync($"/api/imports/{batch.Id}")).AssertProblem(404);
        await (await other.DeleteAsync($"/api/imports/{batch.Id}")).AssertProblem(404);
    }

    [Fact]
    public async Task VeteransCannotImport()
    {
        var fair = await api.Admin().CreateFair();
        var response = await api.ClientFor(Roles.Veteran, "veteran-x").Upload(fair, Listings.Csv(Header), "x.csv");
        await response.AssertProblem(403);
    }

    [Fact]
    public async Task FileWithoutAHeaderRowAnswers422AndUnknownFair404()
    {
        var admin = api.Admin();
        var fair = await admin.CreateFair();
        await (await admin.Upload(fair, Encoding.UTF8.GetBytes("a,b,c\r\n1,2,3\r\n"), "nohead.csv")).AssertProblem(422);
        await (await admin.Upload(fair, [(byte)'P', (byte)'K', 3, 4, 0, 0], "broken.xlsx")).AssertProblem(422);
        await (await admin.Upload(Guid.CreateVersion7(), Listings.Csv(Header), "x.csv")).AssertProblem(404);
    }
}
