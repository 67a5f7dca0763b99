using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Security;

/// <summary>
/// The limits declared on request records (Conventions/FieldLimits) are checked by .NET validation before the handler
/// runs: CreateProgram's handler no longer measures the name, and the nested SponsorSeats is validated item by item.
/// </summary>
public sealed class FieldLimitsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static object Program(string name, int? seats = null) => new
    {
        name, college = "淮南职业技术学院", degreeLevel = "大专", startsOn = "2026-09-01", durationMonths = 24,
        sponsors = seats is { } count ? new[] { new { companyId = Guid.NewGuid(), seats = count } } : [],
    };

    [Fact]
    public async Task AnOverLongMemberOfARecordAnswers400NamingItInChineseOrEnglish()
    {
        var chinese = await (await api.Admin().PostAsJsonAsync("/api/programs", Program(new string('班', 201)))).AssertProblem(400);
        Assert.True(chinese.GetProperty("errors").TryGetProperty("name", out var name), chinese.ToString());
        Assert.Contains("最多 200 个字", name[0].GetString());

        var client = api.Admin();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        var english = await (await client.PostAsJsonAsync("/api/programs", Program(new string('班', 201)))).AssertProblem(400);
        Assert.Contains("At most 200 characters", english.GetProperty("errors").GetProperty("name")[0].GetString());
    }

    [Fact]
    public async Task AnItemOfANestedListIsValidatedUnderItsPosition()
    {
        var problem = await (await api.Admin().PostAsJsonAsync("/api/programs", Program("订单班", seats: 0))).AssertProblem(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty("sponsors[0].seats", out _), problem.ToString());
    }

    [Fact]
    public async Task LengthsCountCharactersOnceTrimmed()
    {
        var response = await api.Admin().PostAsJsonAsync("/api/programs", Program("  " + new string('班', 200) + "  "));
        Assert.NotEqual(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
