using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using JobMatch.Api.Tests.Infrastructure;
using JobMatch.ImportBench;

namespace JobMatch.Api.Tests.Applications;

public sealed class PlacementImportTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    Task<HttpResponseMessage> Upload(byte[] file, string query = "", HttpClient? client = null, string name = "历史安置.csv")
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".xlsx", StringComparison.Ordinal)
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        form.Add(content, "file", name);
        return (client ?? api.Admin()).PostAsync($"/api/placements/imports{query}", form);
    }

    [Fact]
    public async Task HistoricalPlacementsBecomeTrainingDataAndEveryOtherRowIsReported()
    {
        var idNumber = VeteranData.NewIdNumber(birth: "19850203");
        var veteran = api.Veteran("vet-history");
        var veteranId = (await veteran.CreateProfile(VeteranData.Profile(VeteranData.NewName(), idNumber, VeteranData.NewPhone()))).GetProperty("id").GetGuid();
        var stranger = VeteranData.NewIdNumber(birth: "19700101");
        var company = "淮南历史" + Guid.NewGuid().ToString("N")[..6] + "有限公司";
        var file = Listings.Csv(
            "淮南市退役军人历史安置情况表",
            "序号,姓名,身份证号,单位名称,岗位名称,日期,结果",
            $"1,某某,{idNumber},{company},叉车司机,2022-05-06,录用",
            $"2,某某,{idNumber},{company}（集团）,仓管员,2022年4月1日,面试",
            $"3,某某,{idNumber},{company},押运员,2022/03/01,未录用",
            $"4,某某,{stranger},{company},叉车司机,2022-05-06,录用",
            $"5,某某,{idNumber},{company},叉车司机,2022-05-06,考虑中",
            $"6,某某,12345,{company},叉车司机,2022-05-06,录用");

        var preview = await (await Upload(file, "?dryRun=true")).ReadJson();
        Assert.True(preview.GetProperty("dryRun").GetBoolean());
        Assert.Equal(3, preview.GetProperty("written").GetInt32());

        var response = await Upload(file);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var result = await response.ReadJson();
        Assert.Equal(6, result.GetProperty("rowsRead").GetInt32());
        Assert.Equal(3, result.GetProperty("written").GetInt32());
        Assert.Equal(3, result.GetProperty("rejected").GetInt32());
        var report = result.GetProperty("report").EnumerateArray().ToList();
        Assert.Equal([6, 7, 8], report.Where(line => line.GetProperty("severity").GetString() == "rejected")
            .Select(line => line.GetProperty("rowNumber").GetInt32()));
        Assert.DoesNotContain(stranger, result.GetRawText());

        var rows = (await (await api.Admin().GetAsync("/api/interactions/training-set?source=historical")).ReadJson()).EnumerateArray()
            .Where(row => row.GetProperty("veteranId").GetGuid() == veteranId).ToList();
        Assert.Equal([0, 3, 4], rows.Select(r => (int)r.GetProperty("label").GetInt16()).Order());
        Assert.All(rows, r => Assert.Equal("historical", r.GetProperty("source").GetString()));

        var placements = await (await api.Admin().GetAsync("/api/reports/placements?from=2022-05-01&to=2022-05-31")).ReadJson();
        Assert.Contains(placements.EnumerateArray(), row => row.GetProperty("historical").GetInt64() >= 1);

        var again = await (await Upload(file)).ReadJson();
        Assert.Equal(0, again.GetProperty("written").GetInt32());
        Assert.Equal(3, again.GetProperty("duplicates").GetInt32());
    }

    [Fact]
    public async Task AFileWithoutTheColumnsIsRefusedAndOnlyAdminImports()
    {
        await (await Upload(Listings.Csv("单位名称,岗位名称", "甲公司,司机"))).AssertProblem(422);
        var (_, recruiter) = await api.CompanyWithRecruiter();
        await (await Upload(Listings.Csv("身份证号,单位名称,日期,结果"), client: recruiter)).AssertProblem(403);
    }

    [Fact]
    public async Task AnXlsxWithATitleRowAndExcelDatesImportsToo()
    {
        var idNumber = VeteranData.NewIdNumber(birth: "19880808");
        var veteranId = (await api.Veteran("vet-history-xlsx").CreateProfile(VeteranData.Profile(VeteranData.NewName(), idNumber, VeteranData.NewPhone())))
            .GetProperty("id").GetGuid();
        object?[][] rows =
        [
            ["2021年退役军人就业安置台账", null, null, null, null],
            ["公民身份号码", "用人单位", "招聘岗位", "录用日期", "录用情况"],
            [idNumber, "淮南台账" + Guid.NewGuid().ToString("N")[..6] + "公司", "电工", 44450, "已入职"], // Excel day 44450 = 2021-09-11,
        ];
        var response = await Upload(XlsxWriter.Write(rows, ["A1:E1"]), name: "台账.xlsx");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, (await response.ReadJson()).GetProperty("written").GetInt32());
        var row = (await (await api.Admin().GetAsync("/api/interactions/training-set?source=historical")).ReadJson()).EnumerateArray()
            .Single(r => r.GetProperty("veteranId").GetGuid() == veteranId);
        Assert.Equal(4, row.GetProperty("label").GetInt16());
        Assert.Equal(new DateTime(2021, 9, 11, 4, 0, 0, DateTimeKind.Utc), row.GetProperty("lastAt").GetDateTime().ToUniversalTime());
    }

    async Task<Guid> VeteranWithProfile(string subject)
    {
        var idNumber = VeteranData.NewIdNumber(birth: "19860606");
        var profile = await api.Veteran(subject).CreateProfile(VeteranData.Profile(VeteranData.NewName(), idNumber, VeteranData.NewPhone()));
        placementIdNumbers[subject] = idNumber;
        return profile.GetProperty("id").GetGuid();
    }

    readonly Dictionary<string, string> placementIdNumbers = [];

    async Task<Guid> RegisterCompany(string name, string creditCode) =>
        (await (await api.Admin().PostAsJsonAsync("/api/companies", new { name, creditCode })).ReadJson()).GetProperty("id").GetGuid();

    async Task<List<JsonElement>> HistoryOf(Guid veteranId) =>
        [.. (await (await api.Admin().GetAsync("/api/interactions/training-set?source=historical")).ReadJson()).EnumerateArray()
            .Where(row => row.GetProperty("veteranId").GetGuid() == veteranId)];

    static List<JsonElement> Report(JsonElement result) => [.. result.GetProperty("report").EnumerateArray()];

    [Fact]
    public async Task APlacementRowWhoseCompanyNameMatchesTwoCompaniesIsRejectedNamingBoth()
    {
        var veteranId = await VeteranWithProfile("vet-history-namesakes");
        var name = "淮南同名" + Guid.NewGuid().ToString("N")[..6] + "有限公司";
        var (first, second) = (TestData.NewCreditCode(), TestData.NewCreditCode());
        await RegisterCompany(name, first);
        await RegisterCompany(name, second);
        var file = Listings.Csv("身份证号,单位名称,岗位名称,日期,结果", $"{placementIdNumbers["vet-history-namesakes"]},{name},保安员,2022-05-06,录用");

        var result = await (await Upload(file)).ReadJson();

        Assert.Equal((0, 1), (result.GetProperty("written").GetInt32(), result.GetProperty("rejected").GetInt32()));
        var line = Assert.Single(Report(result), l => l.GetProperty("severity").GetString() == "rejected");
        Assert.Equal((2, "单位名称"), (line.GetProperty("rowNumber").GetInt32(), line.GetProperty("column").GetString()));
        Assert.Contains(first, line.GetProperty("problem").GetString());
        Assert.Contains(second, line.GetProperty("problem").GetString());
        Assert.Empty(await HistoryOf(veteranId));
    }

    [Fact]
    public async Task ACreditCodeColumnPicksTheCompany()
    {
        var veteranId = await VeteranWithProfile("vet-history-code");
        var name = "淮南信用" + Guid.NewGuid().ToString("N")[..6] + "有限公司";
        var (first, second) = (TestData.NewCreditCode(), TestData.NewCreditCode());
        await RegisterCompany(name, first);
        var picked = await RegisterCompany(name, second);
        var file = Listings.Csv("身份证号,单位名称,统一社会信用代码,岗位名称,日期,结果",
            $"{placementIdNumbers["vet-history-code"]},{name},{second},仓管员,2022-05-06,约面");

        var result = await (await Upload(file)).ReadJson();

        Assert.Equal((1, 0, 0), (result.GetProperty("written").GetInt32(), result.GetProperty("rejected").GetInt32(),
            result.GetProperty("companiesCreated").GetInt32()));
        var positionId = Assert.Single(await HistoryOf(veteranId)).GetProperty("positionId").GetGuid();
        var position = await (await api.Admin().GetAsync($"/api/openings/{positionId}")).ReadJson();
        Assert.Equal(picked, position.GetProperty("companyId").GetGuid());
    }

    [Fact]
    public async Task PositionsCreatedForHistoryAreListedInTheReport()
    {
        await VeteranWithProfile("vet-history-created");
        var idNumber = placementIdNumbers["vet-history-created"];
        var company = "淮南新建" + Guid.NewGuid().ToString("N")[..6] + "有限公司";
        var file = Listings.Csv("身份证号,单位名称,岗位名称,日期,结果",
            $"{idNumber},{company},叉车司机,2022-05-06,已推荐", $"{idNumber},{company},押运员,2022-06-06,不合适", $"{idNumber},{company},叉车司机,2022-07-06,上岗");

        var result = await (await Upload(file)).ReadJson();

        Assert.Equal((3, 1, 2), (result.GetProperty("written").GetInt32(), result.GetProperty("companiesCreated").GetInt32(),
            result.GetProperty("positionsCreated").GetInt32()));
        var created = Report(result).Where(l => l.GetProperty("severity").GetString() == "warning").ToList();
        Assert.Equal([(2, "单位名称", company), (2, "岗位名称", "叉车司机"), (3, "岗位名称", "押运员")],
            created.Select(l => (l.GetProperty("rowNumber").GetInt32(), l.GetProperty("column").GetString(), l.GetProperty("value").GetString())));
        Assert.All(created.Skip(1), l => Assert.Contains("已关闭的历史岗位", l.GetProperty("problem").GetString()));
        Assert.Contains(company, created[1].GetProperty("problem").GetString());
    }

    [Fact]
    public async Task AnUnknownPlacementColumnIsReportedAsIgnored()
    {
        var veteranId = await VeteranWithProfile("vet-history-unknown-column");
        var company = "淮南列名" + Guid.NewGuid().ToString("N")[..6] + "有限公司";
        var file = Listings.Csv("序号,身份证号,单位名称,岗位名称,日期,结果,回访情况,",
            $"1,{placementIdNumbers["vet-history-unknown-column"]},{company},电工,2022-05-06,已入职,稳定,");

        var result = await (await Upload(file)).ReadJson();

        Assert.Equal(1, result.GetProperty("written").GetInt32());
        var ignored = Assert.Single(Report(result), l => l.GetProperty("rowNumber").GetInt32() == 1);
        Assert.Equal(("回访情况", "warning"), (ignored.GetProperty("column").GetString(), ignored.GetProperty("severity").GetString()));
        Assert.Contains("统一社会信用代码", ignored.GetProperty("problem").GetString());
        Assert.Single(await HistoryOf(veteranId));
    }
}
