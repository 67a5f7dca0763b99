using System.Net;
using System.Net.Http.Json;
using JobMatch.Api.Mentoring;
using JobMatch.Api.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JobMatch.Api.Tests.Mentoring;

public sealed class SessionTests(ClockedApiFactory api) : IClassFixture<ClockedApiFactory>
{
    static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    async Task<(HttpClient Mentor, Guid Enterprise)> AssignedEnterprise(string startDate)
    {
        var admin = api.Admin();
        var subject = "mentor-" + Guid.NewGuid().ToString("N")[..8];
        var mentor = await admin.CreateMentor(subject: subject);
        var enterprise = await admin.CreateEnterprise(needs: ["financing", "marketing"]);
        await admin.AssignOk(mentor, enterprise, startDate);
        return (api.Mentor(subject), enterprise);
    }

    static async Task<CaseloadItemAnswer> CaseloadItem(HttpClient mentor, Guid enterprise) =>
        (await (await mentor.GetAsync("/api/mentors/me/caseload")).Read<PageOf<CaseloadItemAnswer>>()).Items
            .Single(item => item.EnterpriseId == enterprise);

    [Fact]
    public async Task OverdueCountsShanghaiDaysFromTheStartThenFromTheLastSession()
    {
        api.Clock.Now = Utc(3, 1, 4);
        var (mentor, enterprise) = await AssignedEnterprise("2026-03-01");

        // 15:59 UTC on 31 March is 23:59 in Shanghai: 30 days, due today, not yet overdue.
        api.Clock.Now = Utc(3, 31, 15, 59);
        var due = await CaseloadItem(mentor, enterprise);
        Assert.Equal("2026-03-31", due.DueOn);
        Assert.False(due.Overdue);

        // A minute later it is 1 April in Shanghai (still 31 March in UTC): 31 days without a session.
        api.Clock.Now = Utc(3, 31, 16, 0);
        Assert.True((await CaseloadItem(mentor, enterprise)).Overdue);
        var overdueList = await (await api.Admin().GetAsync("/api/enterprises?overdue=true&limit=100")).Read<PageOf<EnterpriseAnswer>>();
        Assert.Contains(overdueList.Items, item => item.Id == enterprise);

        Assert.Equal(HttpStatusCode.Created, (await mentor.LogSession(enterprise, "2026-04-01", ["financing"])).StatusCode);
        var seen = await CaseloadItem(mentor, enterprise);
        Assert.False(seen.Overdue);
        Assert.Equal("2026-04-01", seen.LastSessionOn);
        Assert.Equal("2026-05-01", seen.DueOn);
        Assert.Equal(["marketing"], seen.OpenNeeds);

        api.Clock.Now = Utc(5, 1, 16, 0);
        Assert.True((await CaseloadItem(mentor, enterprise)).Overdue);
    }

    [Fact]
    public async Task SessionsOutsideTheAssignmentOrInTheFutureAreRefused()
    {
        api.Clock.Now = Utc(6, 10, 4);
        var (mentor, enterprise) = await AssignedEnterprise("2026-06-01");
        var future = await (await mentor.LogSession(enterprise, "2026-06-11")).AssertProblem(400);
        Assert.True(future.GetProperty("errors").TryGetProperty("date", out _));
        await (await mentor.LogSession(enterprise, "2026-05-31")).AssertProblem(400);
        // The limits declared on LogSession are checked before the handler's own rules, so each is seen alone.
        var badFormat = await mentor.PostAsJsonAsync($"/api/enterprises/{enterprise}/sessions", new { date = "2026-06-05", hours = 0, format = "telepathy" });
        Assert.True((await badFormat.AssertProblem(400)).GetProperty("errors").TryGetProperty("format", out _));
        var noHours = await mentor.PostAsJsonAsync(
            $"/api/enterprises/{enterprise}/sessions", new { date = "2026-06-05", hours = 0, format = "phone" });
        Assert.True((await noHours.AssertProblem(400)).GetProperty("errors").TryGetProperty("hours", out _));

        Assert.Equal(HttpStatusCode.Created, (await mentor.LogSession(enterprise, "2026-06-10")).StatusCode);
        var sessions = await (await mentor.GetAsync($"/api/enterprises/{enterprise}/sessions")).Read<PageOf<SessionAnswer>>();
        Assert.Equal(1, sessions.Total);
        Assert.Equal(1.5m, sessions.Items.Single().Hours);
    }
}

public sealed class OverdueConfigurationTests(WeeklyCheckInApiFactory api) : IClassFixture<WeeklyCheckInApiFactory>
{
    [Fact]
    public async Task OverdueDaysComeFromConfiguration()
    {
        api.Clock.Now = new DateTimeOffset(2026, 3, 1, 4, 0, 0, TimeSpan.Zero);
        var admin = api.Admin();
        var enterprise = await admin.CreateEnterprise();
        await admin.AssignOk(await admin.CreateMentor(), enterprise, "2026-03-01");

        api.Clock.Now = new DateTimeOffset(2026, 3, 8, 4, 0, 0, TimeSpan.Zero);
        Assert.False((await (await admin.GetAsync($"/api/enterprises/{enterprise}")).Read<EnterpriseAnswer>()).Overdue);
        api.Clock.Now = new DateTimeOffset(2026, 3, 9, 4, 0, 0, TimeSpan.Zero);
        Assert.True((await (await admin.GetAsync($"/api/enterprises/{enterprise}")).Read<EnterpriseAnswer>()).Overdue);
    }
}

public sealed class OverdueConfigurationValidationTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("366")]
    public void AnOverdueSettingOutsideOneToAYearIsRefusedWithAClearMessage(string days)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Mentoring:OverdueDays"] = days }).Build();
        using var services = new ServiceCollection().AddMentoring(configuration).BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<MentoringOptions>>().Value);
        Assert.Contains("Mentoring:OverdueDays", error.Message);
    }

    [Fact]
    public void OverdueDaysDefaultToThirtyAndTheSystemClockIsUsedUnlessAnotherIsRegistered()
    {
        using var services = new ServiceCollection().AddMentoring(new ConfigurationBuilder().Build()).BuildServiceProvider();
        Assert.Equal(30, services.GetRequiredService<IOptions<MentoringOptions>>().Value.OverdueDays);
        Assert.Same(TimeProvider.System, services.GetRequiredService<TimeProvider>());
        var clock = new ManualClock(DateTimeOffset.UnixEpoch);
        using var clocked = new ServiceCollection().AddSingleton<TimeProvider>(clock).AddMentoring(new ConfigurationBuilder().Build()).BuildServiceProvider();
        Assert.Same(clock, clocked.GetRequiredService<TimeProvider>());
    }
}
