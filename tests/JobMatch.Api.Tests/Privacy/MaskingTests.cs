using System.Net.Http.Headers;
using System.Net.Http.Json;
using JobMatch.Api.Privacy;
using JobMatch.Api.Tests.Infrastructure;
using Npgsql;
using NpgsqlTypes;

namespace JobMatch.Api.Tests.Privacy;

/// <summary>A phone or an ID number is shown masked the same way wherever it appears: reports, routes and SQL alike.</summary>
public sealed class MaskingTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AShortPhoneIsMaskedAlikeInARosterReportAndOnTheCompaniesRoute()
    {
        const string phone = "12345";
        var admin = api.Admin();
        var company = await (await admin.PostAsJsonAsync("/api/companies",
            new { name = "淮南掩码" + Guid.NewGuid().ToString("N")[..6], contactPhone = phone })).ReadJson();
        var file = Rosters.GbkCsv(Rosters.Title, Rosters.Header, Rosters.Line(1, VeteranData.NewName(), VeteranData.NewIdNumber(), phone));
        var batch = await (await admin.UploadRoster(file, "phones.csv")).ReadJson();
        var reported = (await admin.Errors(batch.GetProperty("id").GetGuid())).Single(e => e.GetProperty("column").GetString() == "联系电话");

        Assert.Equal(company.GetProperty("contactPhone").GetString(), reported.GetProperty("value").GetString());
    }

    [Fact]
    public async Task AShortWrongIdNumberIsMaskedAlikeInRosterAndPlacementReportsAndNeverShownWhole()
    {
        const string idNumber = "34040219";
        var admin = api.Admin();
        var roster = Rosters.GbkCsv(Rosters.Title, Rosters.Header,
            Rosters.Line(1, VeteranData.NewName(), idNumber, VeteranData.NewPhone()));
        var batch = await (await admin.UploadRoster(roster, "ids.csv")).ReadJson();
        var inRoster = (await admin.Errors(batch.GetProperty("id").GetGuid())).Single(e => e.GetProperty("column").GetString() == "公民身份号码");
        var placements = Listings.Csv("序号,姓名,身份证号,单位名称,岗位名称,日期,结果", $"1,某某,{idNumber},淮南掩码有限公司,叉车司机,2022-05-06,录用");
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(placements);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "file", "历史安置.csv");
        var result = await (await admin.PostAsync("/api/placements/imports", form)).ReadJson();
        var inPlacements = result.GetProperty("report").EnumerateArray().Single(line => line.GetProperty("column").GetString() == "身份证号");

        Assert.Equal(inRoster.GetProperty("value").GetString(), inPlacements.GetProperty("value").GetString());
        Assert.DoesNotContain(idNumber, inPlacements.GetRawText());
    }

    [Fact]
    public async Task TheSqlPhoneMaskAnswersAsTheCSharpOneForEveryLength()
    {
        await using var db = new NpgsqlConnection(api.Cluster.AppConnectionString(api.Database));
        await db.OpenAsync();
        foreach (var phone in new[] { null, "", "110", "12345", "123456", "1234567", "0554-1234567", "13812345678", "+86 138 1234 5678" })
        {
            await using var command = new NpgsqlCommand("SELECT mask_phone(@phone)", db);
            command.Parameters.Add(new NpgsqlParameter("phone", NpgsqlDbType.Text) { Value = (object?)phone ?? DBNull.Value });
            var masked = await command.ExecuteScalarAsync();
            Assert.Equal(Masking.Phone(phone), masked is DBNull ? null : (string?)masked);
        }
    }
}
