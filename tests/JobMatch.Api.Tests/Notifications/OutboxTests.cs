using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using JobMatch.Api.Auth;
using JobMatch.Api.Notifications;
using JobMatch.Api.Tests.Infrastructure;
using JobMatch.Api.Tests.Infrastructure.Answers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Npgsql;

namespace JobMatch.Api.Tests.Notifications;

public sealed class OutboxTests(NotificationsApiFactory api) : IClassFixture<NotificationsApiFactory>
{
    static bool AllSent(List<(Guid Id, string Kind, string State, int Attempts)> messages, int count) =>
        messages.Count == count && messages.All(m => m.State == "sent");

    /// <summary>The Message-ID a mail carries is its outbox message's id (before the @).</summary>
    static Guid IdOf(MimeMessage mail) => Guid.Parse(mail.MessageId!.Split('@')[0]);

    [Fact]
    public async Task EachEventArrivesOnceByMailWithItsOutboxIdAsMessageId()
    {
        var (_, position, recruiterSubject, recruiterEmail, recruiter) = await api.CompanyAsync();
        var veteran = await api.VeteranAsync();

        var invited = await recruiter.PostAsJsonAsync($"/api/openings/{position}/invitations", new { veteranId = veteran.Id });
        var invitation = await invited.Read<InvitationAnswer>();
        var accepted = await veteran.Client.PostAsync($"/api/veterans/me/invitations/{invitation.Id}/accept", null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var application = (await (await veteran.Client.GetAsync("/api/veterans/me/applications")).Read<PageOf<ApplicationAnswer>>()).Items.Single();
        var past = await recruiter.PatchAsJsonAsync($"/api/applications/{application.Id}", new { state = "interview", interviewAt = DateTime.UtcNow.AddHours(-1) });
        await past.AssertProblem(400);
        var interviewAt = new DateTime(2031, 5, 6, 1, 30, 0, DateTimeKind.Utc); // 09:30 in Beijing
        var moved = await recruiter.PatchAsJsonAsync($"/api/applications/{application.Id}", new { state = "interview", interviewAt });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        await veteran.Client.MoveOk(application.Id, "withdrawn");

        var toVeteran = await api.WaitFor(veteran.Subject, m => AllSent(m, 2));
        Assert.Equal([Notices.InvitationReceived, Notices.ApplicationMoved], toVeteran.Select(m => m.Kind));
        var toRecruiter = await api.WaitFor(recruiterSubject, m => AllSent(m, 2));
        Assert.Equal([Notices.NewApplicant, Notices.ApplicationWithdrawn], toRecruiter.Select(m => m.Kind));
        await Task.Delay(200); // a few more polls: nothing is sent twice

        var veteranMails = api.Smtp.TakenFor(veteran.Email);
        Assert.Equal(toVeteran.Select(m => m.Id), veteranMails.Select(IdOf));
        Assert.Contains(invitation.Title, veteranMails[0].Subject);
        Assert.Contains("https://jobmatch.example.test/#/veteran/invitations", veteranMails[0].TextBody);
        Assert.Contains("进展为：面试。\n面试时间：2031-05-06 09:30（北京时间）", veteranMails[1].TextBody);
        var recruiterMails = api.Smtp.TakenFor(recruiterEmail);
        Assert.Equal(toRecruiter.Select(m => m.Id), recruiterMails.Select(IdOf));
        Assert.Contains("已撤回", recruiterMails[1].Subject);
        Assert.All(recruiterMails, mail => Assert.DoesNotContain(veteran.Email, mail.TextBody));
    }

    [Fact]
    public async Task AnImportTellsItsUploaderTheReportCountsInTheLanguageTheyUploadedIn()
    {
        var (subject, email, admin) = await api.PersonAsync(Roles.Admin);
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var fair = await admin.CreateFair();
        var csv = Listings.Csv("单位名称,岗位名称,招聘人数,工作地点", "淮南通知测试物流有限公司,仓库管理员,2,田家庵区", "淮南通知测试物流有限公司,叉车司机,1,田家庵区");
        var uploaded = await admin.Upload(fair, csv, "notify.csv");
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);

        var messages = await api.WaitFor(subject, m => AllSent(m, 1));
        Assert.Equal(Notices.ImportFinished, Assert.Single(messages).Kind);
        var mail = Assert.Single(api.Smtp.TakenFor(email));
        Assert.Equal("JobMatch: notify.csv imported", mail.Subject);
        Assert.Contains("2 rows read, 0 rejected, 2 positions created, 0 updated", mail.TextBody);
        Assert.Contains($"/#/admin/imports/{(await uploaded.Read<JsonElement>()).GetProperty("id").GetGuid()}", mail.TextBody); // its report
    }

    [Fact]
    public async Task AServerRefusingThreeTimesGetsTheMessageExactlyOnceMoreWithTheSameMessageIdAfterBackingOff()
    {
        var (_, position, _, _, recruiter) = await api.CompanyAsync();
        var veteran = await api.VeteranAsync();
        api.Smtp.Refuse(veteran.Email, 3);

        await recruiter.PostAsJsonAsync($"/api/openings/{position}/invitations", new { veteranId = veteran.Id });
        for (var failures = 1; failures <= 3; failures++)
        {
            var waiting = await api.WaitFor(veteran.Subject, m => m.Single().Attempts == failures);
            Assert.Equal(("pending", failures), (waiting.Single().State, waiting.Single().Attempts));
            if (failures == 1)
            {
                await Task.Delay(250); // five polls: backing off, the dispatcher leaves it alone until its time comes
                Assert.Equal(1, (await api.MessagesOf(veteran.Subject)).Single().Attempts);
            }
            api.Clock.Advance(NotificationsApiFactory.RetryMax);
        }

        var sent = (await api.WaitFor(veteran.Subject, m => AllSent(m, 1))).Single();
        Assert.Equal(4, sent.Attempts);
        Assert.Equal([sent.Id, sent.Id, sent.Id], api.Smtp.RefusedFor(veteran.Email).Select(IdOf));
        Assert.Equal([sent.Id], api.Smtp.TakenFor(veteran.Email).Select(IdOf));
    }

    [Fact]
    public async Task ARefusingServerEndsInADeadLetterThatTheAdminSeesAndReplays()
    {
        var (_, position, _, _, recruiter) = await api.CompanyAsync();
        var veteran = await api.VeteranAsync();
        api.Smtp.Refuse(veteran.Email, int.MaxValue);
        await recruiter.PostAsJsonAsync($"/api/openings/{position}/invitations", new { veteranId = veteran.Id });
        for (var failures = 1; failures < NotificationsApiFactory.MaxAttempts; failures++)
        {
            await api.WaitFor(veteran.Subject, m => m.Single().Attempts == failures);
            api.Clock.Advance(NotificationsApiFactory.RetryMax);
        }
        var dead = (await api.WaitFor(veteran.Subject, m => m.Single().State == "dead")).Single();
        Assert.Equal(NotificationsApiFactory.MaxAttempts, dead.Attempts);

        var outbox = await (await api.Admin().GetAsync("/api/notifications/outbox")).Read<OutboxSummaryAnswer>();
        var letter = Assert.Single(outbox.DeadLetters.Items, l => l.Id == dead.Id);
        Assert.Equal((veteran.Subject, "SmtpCommandException 550"), (letter.Recipient, letter.LastError));
        var ready = await (await api.CreateClient().GetAsync("/health/ready")).ReadJson();
        Assert.True(ready.GetProperty("checks").GetProperty("outbox").GetProperty("data").GetProperty("dead").GetInt64() >= 1);

        api.Smtp.Refuse(veteran.Email, 0);
        var replayed = await api.Admin().PostAsync($"/api/notifications/outbox/{dead.Id}/replay", null);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        await (await api.Admin().PostAsync($"/api/notifications/outbox/{dead.Id}/replay", null)).AssertProblem(409);

        Assert.Equal(1, (await api.WaitFor(veteran.Subject, m => AllSent(m, 1))).Single().Attempts);
        Assert.Equal([dead.Id], api.Smtp.TakenFor(veteran.Email).Select(IdOf));
    }

    [Fact]
    public async Task DispatchersRunningTogetherNeverSendOneMessageTwice()
    {
        const int count = 60;
        var (subject, email, _) = await api.PersonAsync(Roles.Admin);
        using var stop = new CancellationTokenSource();
        // Two more dispatchers beside the service's own, as two more instances would be, all claiming in batches of five.
        var others = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var dispatcher = NewDispatcher(api.Clock);
            while (!stop.IsCancellationRequested)
            {
                if (await dispatcher.DispatchOnceAsync(CancellationToken.None) == 0)
                {
                    await Task.Delay(10);
                }
            }
        })).ToList();

        await using (var db = api.Connection())
        {
            await db.OpenAsync();
            await using var tx = await db.BeginTransactionAsync();
            for (var i = 0; i < count; i++)
            {
                await Outbox.AddAsync(db, tx, Notices.Import(subject, $"file-{i}.csv", i, 0, 0, 0, "admin/imports", "zh"));
            }
            await tx.CommitAsync();
        }
        var messages = await api.WaitFor(subject, m => AllSent(m, count));
        await stop.CancelAsync();
        await Task.WhenAll(others);

        Assert.True(AllSent(messages, count));
        var mails = api.Smtp.TakenFor(email);
        Assert.Equal(count, mails.Count);
        Assert.Equal(messages.Select(m => m.Id).Order(), mails.Select(IdOf).Order());
    }

    [Fact]
    public async Task ADispatcherStoppedBetweenSendingAndMarkingLeavesOneRepeatWithTheSameMessageId()
    {
        var (subject, email, _) = await api.PersonAsync(Roles.Admin);
        await using (var db = api.Connection())
        {
            await db.OpenAsync();
            await using var tx = await db.BeginTransactionAsync();
            await Outbox.AddAsync(db, tx, Notices.Import(subject, "crash.csv", 1, 0, 1, 0, "admin/imports", "zh"));
            // Due in half an hour by the service's clock: only the dispatcher below, whose clock is an hour ahead, sees it now.
            await db.ExecuteAsync("UPDATE outbox SET next_attempt_at = @at WHERE recipient = @subject",
                new { at = api.Clock.GetUtcNow().UtcDateTime.AddMinutes(30), subject }, tx);
            await tx.CommitAsync();
        }
        using var crash = new CancellationTokenSource();
        api.Smtp.OnTaken(email, crash.Cancel);
        var ahead = new ShiftedClock();
        ahead.Advance(api.Clock.GetUtcNow() - TimeProvider.System.GetUtcNow() + TimeSpan.FromHours(1));

        // The server took the mail; the dispatcher stops before its transaction commits, as a killed process would.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => NewDispatcher(ahead).DispatchOnceAsync(crash.Token));
        Assert.Equal(("pending", 0), (await api.MessagesOf(subject)).Select(m => (m.State, m.Attempts)).Single());
        api.Smtp.OnTaken(email, () => { });
        api.Clock.Advance(TimeSpan.FromHours(1));

        var sent = (await api.WaitFor(subject, m => AllSent(m, 1))).Single();
        Assert.Equal([sent.Id, sent.Id], api.Smtp.TakenFor(email).Select(IdOf));
    }

    [Fact]
    public async Task AVeteranWithoutTheContactConsentIsSentNothing()
    {
        var (_, position, _, _, recruiter) = await api.CompanyAsync();
        var silent = await api.VeteranAsync(contact: false);
        var withdrawn = await api.VeteranAsync();
        var withdrawal = await withdrawn.Client.PutAsJsonAsync("/api/veterans/me/consents/contact", new { granted = false, textVersion = "2026-12" });
        Assert.True(withdrawal.IsSuccessStatusCode);

        await recruiter.PostAsJsonAsync($"/api/openings/{position}/invitations", new { veteranId = silent.Id });
        await recruiter.PostAsJsonAsync($"/api/openings/{position}/invitations", new { veteranId = withdrawn.Id });
        await Task.Delay(200);

        Assert.Empty(await api.MessagesOf(silent.Subject));
        Assert.Empty(await api.MessagesOf(withdrawn.Subject));
        Assert.Empty(api.Smtp.TakenFor(silent.Email));
        Assert.Empty(api.Smtp.TakenFor(withdrawn.Email));
    }

    [Fact]
    public async Task AConsentWithdrawnBeforeTheMessageLeavesStopsIt()
    {
        var veteran = await api.VeteranAsync();
        await using var db = api.Connection();
        await db.OpenAsync();
        await using (var tx = await db.BeginTransactionAsync())
        {
            await Outbox.AddAsync(db, tx, Notices.Moved(veteran.Id, (await api.CompanyAsync()).Position, byVeteran: false, ("面试", "interview")));
            // Withdrawn in the same transaction, before the dispatcher can see the message: it is checked again when sent.
            await db.ExecuteAsync("""
                INSERT INTO veteran_consents (id, veteran_id, kind, granted, text_version, method) VALUES (@id, @veteran, 'contact', false, '2026-12', 'self')
                """, new { id = Guid.CreateVersion7(), veteran = veteran.Id }, tx);
            await tx.CommitAsync();
        }

        var skipped = (await api.WaitFor(veteran.Subject, m => m.Single().State != "pending")).Single();
        Assert.Equal("skipped", skipped.State);
        Assert.Empty(api.Smtp.TakenFor(veteran.Email));
    }

    [Fact]
    public async Task ADeletedProfileTakesItsMessagesWithIt()
    {
        var (_, position, _, _, recruiter) = await api.CompanyAsync();
        var veteran = await api.VeteranAsync();
        await recruiter.PostAsJsonAsync($"/api/openings/{position}/invitations", new { veteranId = veteran.Id });
        await api.WaitFor(veteran.Subject, m => AllSent(m, 1));

        Assert.Equal(HttpStatusCode.NoContent, (await veteran.Client.DeleteAsync("/api/veterans/me")).StatusCode);

        Assert.Empty(await api.MessagesOf(veteran.Subject));
    }

    [Fact]
    public void BackOffDoublesFromTheBaseUpToTheMaximumWithJitterOfHalf()
    {
        var options = new NotificationOptions { RetryBase = TimeSpan.FromSeconds(30), RetryMax = TimeSpan.FromMinutes(5) };
        Assert.Equal(TimeSpan.FromSeconds(15), options.RetryAfter(1, 0));
        Assert.Equal(TimeSpan.FromSeconds(30), options.RetryAfter(1, 1));
        Assert.Equal(TimeSpan.FromSeconds(90), options.RetryAfter(3, 0.5));
        Assert.Equal(TimeSpan.FromMinutes(5), options.RetryAfter(20, 1));
    }

    OutboxDispatcher NewDispatcher(TimeProvider clock) => new(api.Services.GetRequiredService<NpgsqlDataSource>(), api.Services.GetRequiredService<JobMatch.Api.Mail.MailSender>(),
        api.Services.GetRequiredService<IOptions<NotificationOptions>>(), api.Services.GetRequiredService<IOptions<JobMatch.Api.Accounts.AccountOptions>>(),
        api.Services.GetRequiredService<UnsubscribeTokens>(), clock, api.Services.GetRequiredService<ILogger<OutboxDispatcher>>());
}
