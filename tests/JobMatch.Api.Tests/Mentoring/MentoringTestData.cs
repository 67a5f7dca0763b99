using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace JobMatch.Api.Tests.Mentoring;

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>The service with a clock the test controls (2026-03-01 12:00 in Shanghai at first).</summary>
public class ClockedApiFactory : ApiFactory
{
    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 4, 0, 0, TimeSpan.Zero));

    /// <summary>Mentoring:OverdueDays, or null to leave the default.</summary>
    protected virtual int? OverdueDays => null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (OverdueDays is { } days)
        {
            builder.UseSetting("Mentoring:OverdueDays", days.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class WeeklyCheckInApiFactory : ClockedApiFactory
{
    protected override int? OverdueDays => 7;
}

public static class MentoringTestData
{
    public static async Task<Guid> CreateMentor(this HttpClient admin, int capacity = 5, string? subject = null,
        string district = "340403", string[]? expertise = null, string[]? industries = null, string? phone = "13912345678")
    {
        var response = await admin.PostAsJsonAsync("/api/mentors", new
        {
            name = "测试导师" + Guid.NewGuid().ToString("N")[..4], expertise = expertise ?? ["financing", "marketing"],
            industries = industries ?? ["餐饮"], district, capacity, phone, subject,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Read<Created>()).Id;
    }

    public static async Task<Guid> CreateEnterprise(this HttpClient admin, string district = "340403", string[]? needs = null,
        string founderPhone = "13812345678", string industry = "餐饮")
    {
        var response = await admin.PostAsJsonAsync("/api/enterprises", new
        {
            name = "测试军创企业" + Guid.NewGuid().ToString("N")[..6], creditCode = TestData.NewCreditCode(), founderName = "王建国",
            founderPhone, industry, stage = "started", district, employees = 6, needs = needs ?? ["financing", "marketing"],
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Read<Created>()).Id;
    }

    public static Task<HttpResponseMessage> Assign(this HttpClient admin, Guid mentorId, Guid enterpriseId,
        string? startDate = null, bool coMentoring = false, string? overrideReason = null) =>
        admin.PostAsJsonAsync("/api/assignments", new { mentorId, enterpriseId, startDate, reason = "专长匹配", coMentoring, overrideReason });

    public static async Task<Guid> AssignOk(this HttpClient admin, Guid mentorId, Guid enterpriseId, string? startDate = null)
    {
        var response = await admin.Assign(mentorId, enterpriseId, startDate);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Read<Created>()).Id;
    }

    public static HttpClient Mentor(this ApiFactory api, string subject) => api.ClientFor(Roles.Mentor, subject);

    public static async Task<long> ActiveLoad(this HttpClient admin, Guid mentorId) =>
        (await (await admin.GetAsync($"/api/mentors/{mentorId}")).Read<MentorAnswer>()).Load;

    public static Task<HttpResponseMessage> LogSession(this HttpClient mentor, Guid enterpriseId, string date, string[]? needsAddressed = null) =>
        mentor.PostAsJsonAsync($"/api/enterprises/{enterpriseId}/sessions", new
        {
            date, hours = 1.5m, format = "in_person", topics = new[] { "融资渠道" }, needsAddressed = needsAddressed ?? [], nextSteps = "准备贷款材料",
        });

    public static IEnumerable<JsonElement> Items(this JsonElement page) => page.GetProperty("items").EnumerateArray();
}
