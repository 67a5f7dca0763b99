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
        var batch = await response.ReadJson();
        Assert.Equal(182, batch.Count("companiesCreated") + batch.Count("companiesMatched"));
        Assert.Equal(384, batch.Count("positionsCreated"));
        Assert.Equal(1264, batch.Count("openingsCreated"));
        Assert.Equal(0, batch.Count("rowsRejected"));
        var reconciliation = batch.GetProperty("reconciliation");
        Assert.True(reconciliation.GetProperty("matches").GetBoolean());
        Assert.Equal(1264, reconciliation.GetProperty("source").GetProperty("openings").GetInt64());
        Assert.Equal("completed", batch.GetProperty("status").GetString());
        Assert.Equal(batch.GetProperty("progress").GetProperty("rowsTotal").GetInt32(), batch.GetProperty("progress").GetProperty("rowsProcessed").GetInt32());
    }

    [Fact]
    public async Task SameFileTwiceChangesNothingAndReturnsTheEarlierBatch()
    {
        var admin = api.Admin();
        var fair = await admin.CreateFair(182, 384, 1264);
        var file = await File.ReadAllBytesAsync(Listings.DataFile("fair-2023-03-16.xlsx"));
        var first = await (await admin.Upload(fair, file, "fair.xlsx")).ReadJson();
        var again = await admin.Upload(fair, file, "fair.xlsx");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Import-Replayed").Single());
        var second = await again.ReadJson();
        Assert.Equal(first.GetProperty("id").GetGuid(), second.GetProperty("id").GetGuid());
        Assert.Equal(384, second.GetProperty("reconciliation").GetProperty("source").GetProperty("positions").GetInt64());
        var preview = await (await admin.Upload(fair, file, "fair.xlsx", "?dryRun=true")).ReadJson();
        Assert.Equal(first.GetProperty("id").GetGuid(), preview.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task GbkCsvOfTheSampleFairGivesTheSameResult()
    {
        var admin = api.Admin();
        var fair = await admin.CreateFair(182, 384, 1264);
        var response = await admin.Upload(fair, await File.ReadAllBytesAsync(Listings.DataFile("fair-2023-03-16.gbk.csv")), "fair.csv");
        var batch = await response.ReadJson();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("gb18030", batch.GetProperty("encoding").GetString());
        Assert.Equal(182, batch.Count("companiesCreated") + batch.Count("companiesMatched"));
        Assert.Equal(384, batch.Count("positionsCreated"));
        Assert.Equal(1264, batch.Count("openingsCreated"));
        Assert.True(batch.GetProperty("reconciliation").GetProperty("matches").GetBoolean());
    }

    [Fact]
    public async Task TheCsvAfterTheXlsxOfTheSameFairFindsEveryCompanyAndPositionUnchanged()
    {
        var admin = api.Admin();
        var fair = await admin.CreateFair(182, 384, 1264);
        await admin.Upload(fair, await File.ReadAllBytesAsync(Listings.DataFile("fair-2023-03-16.xlsx")), "fair.xlsx");
        var response = await admin.Upload(fair, await File.ReadAllBytesAsync(Listings.DataFile("fair-2023-03-16.gbk.csv")), "fair.csv");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var batch = await response.ReadJson();
        Assert.Equal((0, 182), (batch.Count("companiesCreated"), batch.Count("companiesMatched")));
        Assert.Equal((0, 0, 384), (batch.Count("positionsCreated"), batch.Count("positionsUpdated"), batch.Count("positionsUnchanged")));
        Assert.Equal(1264, batch.GetProperty("reconciliation").GetProperty("source").GetProperty("openings").GetInt64());
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
        var batch = await response.ReadJson();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, batch.Count("positionsCreated"));
        Assert.Equal(3, batch.Count("rowsRejected"));
        var errors = await admin.Errors(batch.GetProperty("id").GetGuid());
        var rejected = errors.Where(e => e.GetProperty("severity").GetString() == "rejected").ToList();
        Assert.Contains(rejected, e => e.GetProperty("rowNumber").GetInt32() == 4 && e.GetProperty("column").GetString() == "统一社会信用代码" && e.GetProperty("value").GetString() == "123");
        Assert.Contains(rejected, e => e.GetProperty("rowNumber").GetInt32() == 5 && e.GetProperty("column").GetString() == "招聘人数");
        Assert.Contains(rejected, e => e.GetProperty("rowNumber").GetInt32() == 6 && e.GetProperty("column").GetString() == "薪资待遇");
        // The gender requirement is flagged even on a rejected row, and nothing of a rejected row is written.
        Assert.Contains(errors, e => e.GetProperty("severity").GetString() == "warning" && e.GetProperty("column").GetString() == "性别要求");
        var openings = await admin.OpeningsOf(fair);
        Assert.Equal(["保安员"], openings.Select(o => o.GetProperty("title").GetString()));
        Assert.Equal(4000, openings[0].GetProperty("salaryMin").GetInt32());
        Assert.Equal("340403", openings[0].GetProperty("districtCode").GetString());
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
        var openings = (await admin.OpeningsOf(fair)).ToDictionary(o => o.GetProperty("title").GetString()!,
            o => (o.GetProperty("education").GetString(), o.GetProperty("educationLabel").GetString()));
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
        var preview = await response.ReadJson();
        Assert.Equal("preview", preview.GetProperty("status").GetString());
        Assert.Equal(1, preview.Count("positionsCreated"));
        Assert.Equal(3, preview.GetProperty("problems")[0].GetProperty("rowNumber").GetInt32());
        Assert.Empty(await admin.OpeningsOf(fair));
        await (await admin.GetAsync($"/api/imports/{preview.GetProperty("id").GetGuid()}")).AssertProblem(404);
        var companies = await (await admin.GetAsync($"/api/companies?q={Uri.EscapeDataString(company)}")).ReadJson();
        Assert.Equal(0, companies.GetProperty("total").GetInt64());
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
        var batch = await (await admin.Upload(fair, file, "dups.csv")).ReadJson();
        Assert.Equal(1, batch.Count("positionsCreated"));
        Assert.Equal(1, batch.Count("rowsDuplicate"));
        Assert.Equal(1, batch.Count("rowsRejected"));
        Assert.Equal(1, batch.Count("companiesCreated"));
        var errors = await admin.Errors(batch.GetProperty("id").GetGuid());
        Assert.Contains(errors, e => e.GetProperty("rowNumber").GetInt32() == 3 && e.GetProperty("severity").GetString() == "duplicate" && e.GetProperty("problem").GetString()!.Contains('2'));
        Assert.Contains(errors, e => e.GetProperty("rowNumber").GetInt32() == 4 && e.GetProperty("severity").GetString() == "rejected" && e.GetProperty("problem").GetString()!.Contains('2'));
    }

    [Fact]
    public async Task CorrectedFileUpdatesChangedRowsAndRevertRestoresTheEarlierValues()
    {
        var admin = api.Admin();
        var fair = await admin.CreateFair();
        var company = Unique("淮南更正") + "有限公司";
        var original = Listings.Csv(Header, $"{company},,保安员,3,高中,4000-5000元,寿县,", $"{company},,电工,2,高中,面议,寿县,");
        var corrected = Listings.Csv(Header, $"{company},,保安员,4,高中,4500-5500元,寿县,", $"{company},,电工,2,高中,面议,寿县,", $"{company},,司机,1,高中,面议,寿县,");
        var first = await (await admin.Upload(fair, original, "v1.csv")).ReadJson();
        var second = await (await admin.Upload(fair, corrected, "v2.csv")).ReadJson();
        Assert.Equal((1, 1, 1), (second.Count("positionsCreated"), second.Count("positionsUpdated"), second.Count("positionsUnchanged")));
        Assert.Equal(1, second.Count("companiesMatched"));
        var changes = await admin.Errors(second.GetProperty("id").GetGuid());
        var change = Assert.Single(changes, e => e.GetProperty("severity").GetString() == "updated");
        Assert.Equal(2, change.GetProperty("rowNumber").GetInt32());
        Assert.Equal("headcount, salary_max, salary_min, salary_text", change.GetProperty("column").GetString());

        // The first batch cannot go while the second builds on it; the second can, and the first values return.
        await (await admin.DeleteAsync($"/api/imports/{first.GetProperty("id").GetGuid()}")).AssertProblem(409);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/imports/{second.GetProperty("id").GetGuid()}")).StatusCode);
        var openings = await admin.OpeningsOf(fair);
        Assert.Equal(2, openings.Count);
        var guard = openings.Single(o => o.GetProperty("title").GetString() == "保安员");
        Assert.Equal((3, 4000, 5000), (guard.GetProperty("headcount").GetInt32(), guard.GetProperty("salaryMin").GetInt32(), guard.GetProperty("salaryMax").GetInt32()));
        Assert.Equal(first.GetProperty("id").GetGuid(), guard.GetProperty("importBatchId").GetGuid());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/imports/{first.GetProperty("id").GetGuid()}")).StatusCode);
        Assert.Empty(await admin.OpeningsOf(fair));
        Assert.Equal(0, (await (await admin.GetAsync($"/api/companies?q={Uri.EscapeDataString(company)}")).ReadJson()).GetProperty("total").GetInt64());
        var reverted = await (await admin.GetAsync($"/api/imports/{first.GetProperty("id").GetGuid()}")).ReadJson();
        Assert.Equal("reverted", reverted.GetProperty("status").GetString());

        // A reverted file can be imported again.
        var again = await admin.Upload(fair, original, "v1.csv");
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(2, (await again.ReadJson()).Count("positionsCreated"));
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
        var batch = await response.ReadJson();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("utf-8-bom", batch.GetProperty("encoding").GetString());
        var opening = Assert.Single(await admin.OpeningsOf(fair));
        Assert.Equal((2, 4000, 6000), (opening.GetProperty("headcount").GetInt32(), opening.GetProperty("salaryMin").GetInt32(), opening.GetProperty("salaryMax").GetInt32()));
    }

    [Fact]
    public async Task HeadcountUnknownIsImportedReportedAndNotCounted()
    {
        var admin = api.Admin();
        var fair = await admin.CreateFair();
        var company = Unique("淮南若干");
        var batch = await (await admin.Upload(fair, Listings.Csv(Header, $"{company}有限公司,,普工,若干,不限,面议,寿县,", $"{company}有限公司,,电工,2,不限,面议,寿县,"), "some.csv")).ReadJson();
        Assert.Equal((2, 2, 1), (batch.Count("positionsCreated"), batch.Count("openingsCreated"), batch.Count("headcountUnknown")));
        Assert.Contains(await admin.Errors(batch.GetProperty("id").GetGuid()), e => e.GetProperty("severity").GetString() == "warning" && e.GetProperty("value").GetString() == "若干");
    }

    [Fact]
    public async Task RecruiterImportRejectsRowsOfOtherCompaniesOnly()
    {
        var admin = api.Admin();
        var fair = await admin.CreateFair();
        var mine = Unique("淮南自有") + "有限公司";
        var company = await admin.CreateCompany(mine);
        await admin.LinkRecruiter(company, "importer-a");
        var recruiter = api.ClientFor(Roles.Recruiter, "importer-a");
        var file = Listings.Csv(Header, $"{mine},,保安员,2,不限,面议,寿县,", $"{Unique("淮南他人")}有限公司,,电工,2,不限,面议,寿县,");
        var batch = await (await recruiter.Upload(fair, file, "mine.csv")).ReadJson();
        Assert.Equal((1, 1, 0), (batch.Count("positionsCreated"), batch.Count("rowsRejected"), batch.Count("companiesCreated")));
        var errors = await recruiter.Errors(batch.GetProperty("id").GetGuid());
        Assert.Contains(errors, e => e.GetProperty("rowNumber").GetInt32() == 3 && e.GetProperty("severity").GetString() == "rejected");
        // Another recruiter neither sees the batch nor may revert it.
        var other = api.ClientFor(Roles.Recruiter, "importer-b");
        await (await other.GetAsync($"/api/imports/{batch.GetProperty("id").GetGuid()}")).AssertProblem(404);
        await (await other.DeleteAsync($"/api/imports/{batch.GetProperty("id").GetGuid()}")).AssertProblem(404);
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
