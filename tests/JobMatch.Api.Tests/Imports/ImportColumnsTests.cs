using System.Net;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Imports;

/// <summary>Every column of a listing file is read or reported.</summary>
public sealed class ImportColumnsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AnUnknownListingColumnIsReportedAsIgnored()
    {
        var admin = api.Admin();
        var fair = await admin.CreateFair();
        var company = "淮南列名" + Guid.NewGuid().ToString("N")[..6] + "有限公司";
        var file = Listings.Csv("岗位信息表", "序号,单位名称,岗位名称,招聘人数,福利待遇,,联系电话,手机", $"1,{company},保安员,3,五险一金,,0554-1234567,13912345678");

        var response = await admin.Upload(fair, file, "columns.csv");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var batch = await response.Read<ImportAnswer>();
        Assert.Equal(1, batch.Counts.PositionsCreated);
        var ignored = (await admin.ReportLines(batch.Id)).Where(e => e.RowNumber == 2).ToList();
        Assert.Equal(["福利待遇", "手机"], ignored.Select(e => e.Column));
        Assert.All(ignored, e => Assert.Equal("warning", e.Severity));
        Assert.Contains("薪资待遇", ignored[0].Problem);
        Assert.Contains("mapping", ignored[0].Problem);
        Assert.Contains("同一字段", ignored[1].Problem);
    }
}
