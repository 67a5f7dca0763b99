using System.Net;
using System.Net.Http.Json;
using Dapper;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using JobMatch.Api.Notifications;
using JobMatch.Api.Reminders;
using JobMatch.Api.Tests.Infrastructure;
using JobMatch.Api.Tests.Mentoring;
using JobMatch.Api.Tests.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace JobMatch.Api.Tests.Reminders;

/// <summary>
/// The scheduled job against the real database and the SMTP server in the test process. The job is run at chosen times
/// (what the clock would say days later), so nothing waits; each test reads only its own people's messages.
/// </summary>
public sealed class ScheduledNoticesTests(NotificationsApiFactory api) : IClassFixture<NotificationsApiFactory>
{
    ScheduledNotices Job => api.Services.GetRequiredService<ScheduledNotices>();

    static DateTime Later(double days) => DateTime.UtcNow.AddDays(days);

    /// <summary>Waits until the recipient's mails of the kind are all sent and there are <paramref name="count"/>; their number.</summary>
    async Task<int> SentOf(string subject, string kind, int count = 1)
    {
        var messages = await api.WaitFor(subject, m => m.Count(x => x.Kind == kind && x.State == "sent") >= count);
        return messages.Count(m => m.Kind == kind);
    }

    /// <summary>An import of two open positions in 田家庵区 (where the test veterans live), committed now.</summary>
    async Task ImportAsync(string company)
    {
        var admin = api.Admin();
        var fair = await admin.CreateFair();
        var csv = Listings.Csv("单位名称,岗位名称,招聘人数,工作地点", $"{company},仓库管理员,2,田家庵区", $"{company},叉车司机,1,田家庵区");
        Assert.Equal(HttpStatusCode.Created, (await admin.Upload(fair, csv, $"{Guid.NewGuid():N}.csv")).StatusCode);
    }

    [Fact]
    public async Task EachScheduledEventArrivesOnceEvenWhenTheJobRunsAgain()
    {
        // An invitation about to expire (14 days after it was sent, reminded 2 days before).
        var (company, position, recruiterSubject, recruiterEmail, recruiter) = await api.CompanyAsync();
        var veteran = await api.VeteranAsync();
        var invited = await recruiter.PostAsJsonAsync($"/api/openings/{position}/invitations", new { veteranId = veteran.Id });
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        // A mentor with an enterprise assigned today: overdue once 30 days pass without a session.
        var (mentorSubject, mentorEmail, _) = await api.PersonAsync(Roles.Mentor);
        var mentor = await api.Admin().CreateMentor(subject: mentorSubject);
        await api.Admin().AssignOk(mentor, await api.Admin().CreateEnterprise());
        // An order class the company sponsors, starting in three days.
        var starts = ShanghaiTime.DateOf(DateTime.UtcNow).AddDays(3);
        var program = await api.Admin().PostAsJsonAsync("/api/programs", new
        {
            name = $"定时通知订单班{Guid.NewGuid():N}"[..16], college = "淮南职业技术学院", degreeLevel = "大专", startsOn = starts,
            durationMonths = 6, sponsors = new[] { new { companyId = company, seats = 2 } },
        });
        Assert.Equal(HttpStatusCode.Created, program.StatusCode);
        // Openings imported today: tomorrow's digest.
        await ImportAsync("淮南定时通知物流有限公司");

        var runs = new[] { DateTime.UtcNow, Later(1), Later(12.5), Later(40) };
        var weeks = runs.Select(at => System.Globalization.ISOWeek.GetWeekOfYear(ShanghaiTime.DateOf(at).ToDateTime(TimeOnly.MinValue))).Distinct().Count();
        foreach (var at in runs)
        {
            await Job.RunAsync(at);
            await Job.RunAsync(at);
        }

        Assert.Equal(1, await SentOf(veteran.Subject, Notices.InvitationExpiring));
        Assert.Equal(1, await SentOf(veteran.Subject, Notices.MatchesDigest));
        Assert.Equal(1, await SentOf(mentorSubject, Notices.CheckInOverdue));
        Assert.Equal(weeks, await SentOf(mentorSubject, Notices.CaseloadWeekly, weeks)); // once a week
        Assert.Equal(1, await SentOf(recruiterSubject, Notices.ProgramMilestone));
        await Task.Delay(200); // a few more polls: nothing is sent twice

        var veteranMails = api.Smtp.TakenFor(veteran.Email);
        Assert.Single(veteranMails, m => m.Subject!.Contains("过期"));
        var digest = Assert.Single(veteranMails, m => m.Subject!.EndsWith("个新岗位适合您")); // with other tests' imports of today
        // Each title once (the two imports' rows share one commit time, so either may come first).
        Assert.Matches("例如：(叉车司机、仓库管理员|仓库管理员、叉车司机)。", digest.TextBody ?? "");
        Assert.Contains("https://jobmatch.example.test/#/veteran/matches", digest.TextBody);
        var mentorMails = api.Smtp.TakenFor(mentorEmail);
        Assert.Single(mentorMails, m => m.Subject!.Contains("回访已逾期"));
        var summaries = mentorMails.Where(m => m.Subject == "JobMatch：本周辅导概况").Select(m => m.TextBody ?? "").ToList();
        Assert.Equal(weeks, summaries.Count);
        Assert.Contains(summaries, body => body.Contains("您正在辅导 1 家企业，其中 0 家回访已逾期"));
        Assert.Contains(summaries, body => body.Contains("您正在辅导 1 家企业，其中 1 家回访已逾期"));
        var milestone = Assert.Single(api.Smtp.TakenFor(recruiterEmail), m => m.Subject!.Contains("订单班"));
        Assert.Contains($"将于 {starts:yyyy-MM-dd} 开班", milestone.Subject);
    }

    [Fact]
    public async Task TheJobRunTwiceAndTwiceAtOnceSendsEachDigestOnce()
    {
        var veteran = await api.VeteranAsync();
        await ImportAsync("淮南定时并发物流有限公司");
        var tomorrow = Later(1);

        await Task.WhenAll(Job.RunAsync(tomorrow), Job.RunAsync(tomorrow), Job.RunAsync(tomorrow));
        await Job.RunAsync(tomorrow.AddHours(1));

        Assert.Equal(1, await SentOf(veteran.Subject, Notices.MatchesDigest));
        await Task.Delay(200);
        Assert.Single(api.Smtp.TakenFor(veteran.Email), m => m.Subject!.Contains("新岗位"));
        await using var db = api.Connection();
        Assert.Equal(1, await db.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM outbox WHERE recipient = @Subject AND kind = @kind AND channel = 'inbox'",
            new { veteran.Subject, kind = Notices.MatchesDigest }));
    }

    [Fact]
    public async Task NothingIsSentToAVeteranWithoutTheContactConsent()
    {
        var (_, position, _, _, recruiter) = await api.CompanyAsync();
        var quiet = await api.VeteranAsync(contact: false);
        var invited = await recruiter.PostAsJsonAsync($"/api/openings/{position}/invitations", new { veteranId = quiet.Id });
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        await ImportAsync("淮南定时安静物流有限公司");

        await Job.RunAsync(Later(1));
        await Job.RunAsync(Later(12.5));

        await using var db = api.Connection();
        var kinds = (await db.QueryAsync<(string Kind, string Channel)>("SELECT kind, channel FROM outbox WHERE recipient = @Subject",
            new { quiet.Subject })).ToList();
        Assert.DoesNotContain(kinds, m => m.Channel == Outbox.Email);
        Assert.DoesNotContain(kinds, m => m.Kind == Notices.MatchesDigest); // no digest at all: it is only for those who can be reached
        Assert.Contains((Notices.InvitationExpiring, Outbox.Inbox), kinds); // the reminder waits in the in-app inbox
        Assert.Empty(api.Smtp.TakenFor(quiet.Email));
    }
}
