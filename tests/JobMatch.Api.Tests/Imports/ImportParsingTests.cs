using System.Text;
using JobMatch.Api.Imports;
using JobMatch.Api.Taxonomy;
using JobMatch.Api.Spreadsheets;
using JobMatch.ImportBench;

namespace JobMatch.Api.Tests.Imports;

/// <summary>The cell and file formats of real bureau spreadsheets, read without a database.</summary>
public sealed class ImportParsingTests
{
    static ImportParsingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData("4000-6000元/月", 4000, 6000)]
    [InlineData("4k-6k", 4000, 6000)]
    [InlineData("4.5K-6K", 4500, 6000)]
    [InlineData("4-6k", 4000, 6000)]
    [InlineData("5000元以上", 5000, null)]
    [InlineData("面议", null, null)]
    [InlineData("年薪8万", 6666, 6666)]
    [InlineData("年薪6-8万", 5000, 6666)]
    [InlineData("3500+提成", 3500, null)]
    [InlineData("底薪3500+提成", 3500, null)]
    [InlineData("４０００－６０００元", 4000, 6000)]
    [InlineData("４０００-６０００元/月", 4000, 6000)]
    [InlineData("5000", 5000, 5000)]
    [InlineData("", null, null)]
    public void SalaryTextBecomesMonthlyMinAndMax(string text, int? min, int? max)
    {
        Assert.True(CellParsers.TrySalary(text, out var salary), text);
        Assert.Equal(new Salary(min, max), salary);
    }

    [Theory]
    [InlineData("很高")]
    [InlineData("6000-4000")]
    [InlineData("50元/小时")]
    public void UnreadableSalaryIsRefused(string text) => Assert.False(CellParsers.TrySalary(text, out _));

    [Theory]
    [InlineData("3", 3, false)]
    [InlineData("3人", 3, false)]
    [InlineData("３名", 3, false)]
    [InlineData("若干", null, true)]
    public void HeadcountsAreCountsOrUnknown(string text, int? expected, bool unknown)
    {
        Assert.True(CellParsers.TryHeadcount(text, out var headcount, out var isUnknown));
        Assert.Equal(expected, headcount);
        Assert.Equal(unknown, isUnknown);
        Assert.False(CellParsers.TryHeadcount("三个", out _, out _));
    }

    [Theory]
    [InlineData("大专及以上", "junior_college")]
    [InlineData("高中/中专及以上", "senior_high")]
    [InlineData("全日制本科", "bachelor")]
    [InlineData("初中", "junior_high_or_below")]
    [InlineData("研究生", "master")]
    [InlineData("junior_college", "junior_college")]
    [InlineData("本科", "bachelor")]
    [InlineData("不限", null)]
    public void EducationWordsNameALevel(string text, string? level)
    {
        Assert.True(CellParsers.TryEducation(text, out var education));
        Assert.Equal(level, education);
    }

    [Theory]
    [InlineData("淮南市田家庵区洞山路", "340403")]
    [InlineData("凤台县城关镇", "340421")]
    [InlineData("毛集", "340407")]
    [InlineData("经开区", "340401")]
    [InlineData("高新区山南新区", "340471")]
    [InlineData("合肥市", null)]
    public void DistrictTextMatchesTheDistrictsFile(string text, string? code) => Assert.Equal(code, Districts.InAddress(text));

    [Theory]
    [InlineData("单位名称", ImportField.CompanyName)]
    [InlineData("企业名称", ImportField.CompanyName)]
    [InlineData("招聘岗位", ImportField.Title)]
    [InlineData("职位名称", ImportField.Title)]
    [InlineData("需求人数（人）", ImportField.Headcount)]
    [InlineData("月薪", ImportField.Salary)]
    [InlineData("Job Title", ImportField.Title)]
    [InlineData("Company Name", ImportField.CompanyName)]
    public void HeaderVariantsAreRecognised(string header, ImportField field) => Assert.Equal(field, Headers.Recognise(header));

    [Fact]
    public void CsvEncodingsAreDetected()
    {
        const string text = "单位名称,岗位名称\r\n淮南测试有限公司,保安员\r\n";
        Assert.Equal((text, "utf-8"), SheetReader.Decode(Encoding.UTF8.GetBytes(text)));
        Assert.Equal((text, "utf-8-bom"), SheetReader.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]));
        Assert.Equal((text, "gb18030"), SheetReader.Decode(Encoding.GetEncoding("GBK").GetBytes(text)));
    }

    [Fact]
    public void XlsxTitleRowsAreSkippedAndMergedCellsFilledDown()
    {
        object?[][] rows =
        [
            ["淮南市退役军人专场招聘会岗位信息表", null, null],
            ["单位名称", "岗位名称", "招聘人数"],
            ["淮南甲有限公司", "保安员", 3],
            [null, "电工", new FormulaCell("1+1", "2")],
            [null, "司机", 4],
        ];
        var file = XlsxWriter.Write(rows, ["A1:C1", "A3:A5"]);
        var sheet = SheetReader.Read(file, new ImportOptions());
        var map = Headers.Find(sheet.Rows, null)!;
        Assert.Equal(2, sheet.Rows[map.HeaderIndex].Number);
        var (parsed, problems, read) = RowReader.Read(sheet.Rows, map);
        Assert.Empty(problems);
        Assert.Equal(3, read);
        Assert.All(parsed, row => Assert.Equal("淮南甲有限公司", row.Company.Name));
        Assert.Equal([3, 4, 5], parsed.Select(row => row.RowNumber));
        Assert.Equal(2, parsed[1].Position.Headcount); // the formula's cached value, never evaluated
    }

    [Fact]
    public void ZipBombIsRefused()
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", System.IO.Compression.CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++)
            {
                entry.Write(zeros);
            }
        }
        var error = Assert.Throws<UnreadableFileException>(() => SheetReader.Read(buffer.ToArray(), new ImportOptions { MaxXlsxUncompressedBytes = 32 * 1024 * 1024 }));
        Assert.Contains("XLSX", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportInFlightShowsItsProgressToItsUploaderOnly()
    {
        var inFlight = new ImportsInFlight();
        var id = Guid.CreateVersion7();
        var (fair, program) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        inFlight.Report(id, "uploader", "big.xlsx", new ImportSource(fair, null), 3000, 100_000);
        var running = inFlight.Find(id, "uploader")!;
        Assert.Equal(("running", 3000, 100_000), (running.Status, running.Progress.RowsProcessed, running.Progress.RowsTotal));
        // It says where the positions are going (GET /api/imports/running showed a null fair and program).
        Assert.Equal((fair, null), (running.FairId, running.ProgramId));
        var other = Guid.CreateVersion7();
        inFlight.Report(other, "uploader", "seats.csv", new ImportSource(null, program), 0, 10);
        var seats = inFlight.All("uploader").Single(batch => batch.Id == other);
        Assert.Equal((null, program), (seats.FairId, seats.ProgramId));
        Assert.Null(inFlight.Find(id, "someone-else"));
        inFlight.Finish(id);
        Assert.Null(inFlight.Find(id, null));
    }
}
