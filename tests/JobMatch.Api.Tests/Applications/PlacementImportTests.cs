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
        var veteranId = (await veteran.CreateProfile(VeteranData.Profile(VeteranData.NewName(), idNumber, VeteranData.NewPhone())))
            .As<Created>().Id;
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

        var preview = await (await Upload(file, "?dryRun=true")).Read<PlacementImportAnswer>();
        Assert.True(preview.DryRun);
        Assert.Equal(3, preview.Written);

        var response = await Upload(file);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.ReadJson();
        var result = json.As<PlacementImportAnswer>();
        Assert.Equal(6, result.RowsRead);
        Assert.Equal(3, result.Written);
        Assert.Equal(3, result.Rejected);
        Assert.Equal([6, 7, 8], result.Report.Where(line => line.Severity == "rejected").Select(line => line.RowNumber));
        Assert.DoesNotContain(stranger, json.GetRawText());

        var rows = (await (await api.Admin().GetAsync("/api/interactions/training-set?source=historical"))
                .Read<IReadOnlyList<TrainingRowAnswer>>())
            .Where(row => row.VeteranId == veteranId).ToList();
        Assert.Equal([0, 3, 4], rows.Select(r => (int)r.Label).Order());
        Assert.All(rows, r => Assert.Equal("historical", r.Source));

        var placements = await (await api.Admin().GetAsync("/api/reports/placements?from=2022-05-01&to=2022-05-31"))
            .Read<IReadOnlyList<PlacementCountAnswer>>();
        Assert.Contains(placements, row => row.Historical >= 1);

        var again = await (await Upload(file)).Read<PlacementImportAnswer>();
        Assert.Equal(0, again.Written);
        Assert.Equal(3, again.Duplicates);
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
            .As<Created>().Id;
        object?[][] rows =
        [
            ["2021年退役军人就业安置台账", null, null, null, null],
            ["公民身份号码", "用人单位", "招聘岗位", "录用日期", "录用情况"],
            [idNumber, "淮南台账" + Guid.NewGuid().ToString("N")[..6] + "公司", "电工", 44450, "已入职"], // Excel day 44450 = 2021-09-11,
        ];
        var response = await Upload(XlsxWriter.Write(rows, ["A1:E1"]), name: "台账.xlsx");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, (await response.Read<PlacementImportAnswer>()).Written);
        var row = (await (await api.Admin().GetAsync("/api/interactions/training-set?source=historical"))
                .Read<IReadOnlyList<TrainingRowAnswer>>())
            .Single(r => r.VeteranId == veteranId);
        Assert.Equal(4, row.Label);
        Assert.Equal(new DateTime(2021, 9, 11, 4, 0, 0, DateTimeKind.Utc), row.LastAt.ToUniversalTime());
    }

    async Task<Guid> VeteranWithProfile(string subject)
    {
        var idNumber = VeteranData.NewIdNumber(birth: "19860606");
        var profile = await api.Veteran(subject).CreateProfile(VeteranData.Profile(VeteranData.NewName(), idNumber, VeteranData.NewPhone()));
        placementIdNumbers[subject] = idNumber;
        return profile.As<Created>().Id;
    }

    readonly Dictionary<string, string> placementIdNumbers = [];

    async Task<Guid> RegisterCompany(string name, string creditCode) =>
        (await (await api.Admin().PostAsJsonAsync("/api/companies", new { name, creditCode })).Read<Created>()).Id;

    async Task<List<TrainingRowAnswer>> HistoryOf(Guid veteranId) =>
        [.. (await (await api.Admin().GetAsync("/api/interactions/training-set?source=historical"))
                .Read<IReadOnlyList<TrainingRowAnswer>>())
            .Where(row => row.VeteranId == veteranId)];

    static IReadOnlyList<ReportLineAnswer> Report(PlacementImportAnswer result) => result.Report;

    [Fact]
    public async Task APlacementRowWhoseCompanyNameMatchesTwoCompaniesIsRejectedNamingBoth()
    {
        var veteranId = await VeteranWithProfile("vet-history-namesakes");
        var name = "淮南同名" + Guid.NewGuid().ToString("N")[..6] + "有限公司";
        var (first, second) = (TestData.NewCreditCode(), TestData.NewCreditCode());
        await RegisterCompany(name, first);
        await RegisterCompany(name, second);
        var file = Listings.Csv("身份证号,单位名称,岗位名称,日期,结果", $"{placementIdNumbers["vet-history-namesakes"]},{name},保安员,2022-05-06,录用");

        var result = await (await Upload(file)).Read<PlacementImportAnswer>();

        Assert.Equal((0, 1), (result.Written, result.Rejected));
        var line = Assert.Single(Report(result), l => l.Severity == "rejected");
        Assert.Equal((2, "单位名称"), (line.RowNumber, line.Column));
        Assert.Contains(first, line.Problem);
        Assert.Contains(second, line.Problem);
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

        var result = await (await Upload(file)).Read<PlacementImportAnswer>();

        Assert.Equal((1, 0, 0), (result.Written, result.Rejected, result.CompaniesCreated));
        var positionId = Assert.Single(await HistoryOf(veteranId)).PositionId;
        var position = await (await api.Admin().GetAsync($"/api/openings/{positionId}")).Read<OpeningAnswer>();
        Assert.Equal(picked, position.CompanyId);
    }

    [Fact]
    public async Task PositionsCreatedForHistoryAreListedInTheReport()
    {
        await VeteranWithProfile("vet-history-created");
        var idNumber = placementIdNumbers["vet-history-created"];
        var company = "淮南新建" + Guid.NewGuid().ToString("N")[..6] + "有限公司";
        var file = Listings.Csv("身份证号,单位名称,岗位名称,日期,结果",
            $"{idNumber},{company},叉车司机,2022-05-06,已推荐", $"{idNumber},{company},押运员,2022-06-06,不合适", $"{idNumber},{company},叉车司机,2022-07-06,上岗");

        var result = await (await Upload(file)).Read<PlacementImportAnswer>();

        Assert.Equal((3, 1, 2), (result.Written, result.CompaniesCreated, result.PositionsCreated));
        var created = Report(result).Where(l => l.Severity == "warning").ToList();
        Assert.Equal([(2, "单位名称", company), (2, "岗位名称", "叉车司机"), (3, "岗位名称", "押运员")],
            created.Select(l => (l.RowNumber, l.Column, l.Value)));
        Assert.All(created.Skip(1), l => Assert.Contains("已关闭的历史岗位", l.Problem));
        Assert.Contains(company, created[1].Problem);
    }

    [Fact]
    public async Task AnUnknownPlacementColumnIsReportedAsIgnored()
    {
        var veteranId = await VeteranWithProfile("vet-history-unknown-column");
        var company = "淮南列名" + Guid.NewGuid().ToString("N")[..6] + "有限公司";
        var file = Listings.Csv("序号,身份证号,单位名称,岗位名称,日期,结果,回访情况,",
            $"1,{placementIdNumbers["vet-history-unknown-column"]},{company},电工,2022-05-06,已入职,稳定,");

        var result = await (await Upload(file)).Read<PlacementImportAnswer>();

        Assert.Equal(1, result.Written);
        var ignored = Assert.Single(Report(result), l => l.RowNumber == 1);
        Assert.Equal(("回访情况", "warning"), (ignored.Column, ignored.Severity));
        Assert.Contains("统一社会信用代码", ignored.Problem);
        Assert.Single(await HistoryOf(veteranId));
    }
}
