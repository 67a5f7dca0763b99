using System.Net;
using System.Net.Http.Json;
using Dapper;
using JobMatch.Api.Notifications;
using JobMatch.Api.Tests.Infrastructure;
using JobMatch.Api.Tests.Infrastructure.Answers;
using MimeKit;

namespace JobMatch.Api.Tests.Notifications;

public sealed class PreferencesTests(NotificationsApiFactory api) : IClassFixture<NotificationsApiFactory>
{
    static bool Settled(List<(Guid Id, string Kind, string State, int Attempts)> messages, int count) =>
        messages.Count == count && messages.All(m => m.State != "pending");

    async Task<Guid> InviteAsync(HttpClient recruiter, Guid position, Guid veteranId)
    {
        var invited = await recruiter.PostAsJsonAsync($"/api/openings/{position}/invitations", new { veteranId });
        Assert.True(invited.IsSuccessStatusCode, await invited.Content.ReadAsStringAsync());
        return (await invited.Read<InvitationAnswer>()).Id;
    }

    static async Task<NotificationPreferenceAnswer> Preference(HttpClient client, string kind, string channel) =>
        (await (await client.GetAsync("/api/notifications/preferences")).Read<NotificationPreferencesAnswer>()).Preferences
            .Single(p => p.Kind == kind && p.Channel == channel);

    /// <summary>The unsubscribe link of a mail, as its List-Unsubscribe header gives it, relative to the service.</summary>
    static string LinkOf(MimeMessage mail)
    {
        var header = mail.Headers["List-Unsubscribe"] ?? "";
        Assert.StartsWith("<https://jobmatch.example.test/api/notifications/unsubscribe?token=", header);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        var link = new Uri(header.Trim('<', '>'));
        Assert.Contains(link.ToString(), mail.TextBody); // and in the text, for a reader whose mail program shows no button
        return link.PathAndQuery;
    }

    [Fact]
    public async Task EveryKindAndChannelIsOnByDefaultAndAKindTurnedOffByMailSendsNoMail()
    {
        var (company, position, _, _, recruiter) = await api.CompanyAsync();
        var veteran = await api.VeteranAsync();
        var mine = (await (await veteran.Client.GetAsync("/api/notifications/preferences")).Read<NotificationPreferencesAnswer>()).Preferences;
        Assert.Equal(Notices.Kinds.Count * Outbox.Channels.Count, mine.Count);
        Assert.All(mine, p => Assert.True(p.On && p.Default));

        await (await veteran.Client.PutAsJsonAsync("/api/notifications/preferences",
            new { preferences = new[] { new { kind = "invitation.sent", channel = Outbox.Email, on = false } } })).AssertProblem(400);
        await (await veteran.Client.PutAsJsonAsync("/api/notifications/preferences",
            new { preferences = new[] { new { kind = Notices.InvitationReceived, channel = "sms", on = false } } })).AssertProblem(400);
        var changed = await veteran.Client.PutAsJsonAsync("/api/notifications/preferences",
            new { preferences = new[] { new { kind = Notices.InvitationReceived, channel = Outbox.Email, on = false } } });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.False((await changed.Read<NotificationPreferencesAnswer>()).Preferences
            .Single(p => p.Kind == Notices.InvitationReceived && p.Channel == Outbox.Email).On);

        await InviteAsync(recruiter, position, veteran.Id);
        Assert.Equal(1, (await (await veteran.Client.GetAsync("/api/notifications/unread-count")).Read<UnreadCountAnswer>()).Unread);
        Assert.Empty(await api.MessagesOf(veteran.Subject)); // the inbox has it; no mail is written

        // Turned off while a mail waits (written before, due later): it is skipped when its time comes, with the reason.
        var waiting = Guid.CreateVersion7();
        await using (var db = api.Connection())
        {
            await db.ExecuteAsync("""
                INSERT INTO outbox (id, kind, recipient, channel, language, payload, next_attempt_at)
                VALUES (@waiting, @kind, @subject, 'email', 'zh', '{"route": "veteran/applications"}', now() + interval '5 minutes')
                """, new { waiting, kind = Notices.ApplicationMoved, subject = veteran.Subject });
        }
        (await veteran.Client.PutAsJsonAsync("/api/notifications/preferences",
            new { preferences = new[] { new { kind = Notices.ApplicationMoved, channel = Outbox.Email, on = false } } })).EnsureSuccessStatusCode();
        api.Clock.Advance(NotificationsApiFactory.RetryMax);
        var skipped = (await api.WaitFor(veteran.Subject, m => Settled(m, 1))).Single();
        Assert.Equal((waiting, "skipped"), (skipped.Id, skipped.State));
        Assert.Empty(api.Smtp.TakenFor(veteran.Email));
    }

    [Fact]
    public async Task AMailsUnsubscribeLinkAndOneClickPostStopThatKindByMailAndAreAudited()
    {
        var (company, position, _, _, recruiter) = await api.CompanyAsync();
        var veteran = await api.VeteranAsync();
        var invitation = await InviteAsync(recruiter, position, veteran.Id);
        await api.WaitFor(veteran.Subject, m => Settled(m, 1));
        var link = LinkOf(api.Smtp.TakenFor(veteran.Email).Single());

        var anonymous = api.CreateClient();
        var page = await anonymous.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<form method=\"post\">", await page.Content.ReadAsStringAsync());
        Assert.True((await Preference(veteran.Client, Notices.InvitationReceived, Outbox.Email)).On); // opening the link changes nothing
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync(link, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]))).StatusCode);
        Assert.False((await Preference(veteran.Client, Notices.InvitationReceived, Outbox.Email)).On);
        Assert.True((await Preference(veteran.Client, Notices.InvitationReceived, Outbox.Inbox)).On);

        await InviteAsync(recruiter, await api.PostJob(company, headcount: 1), veteran.Id);
        Assert.Single(await api.MessagesOf(veteran.Subject)); // the second invitation: inbox only

        // RFC 8058 one-click, as a mail program sends it, for another kind: application news.
        var accepted = await veteran.Client.PostAsync($"/api/veterans/me/invitations/{invitation}/accept", null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var application = (await (await veteran.Client.GetAsync("/api/veterans/me/applications")).Read<PageOf<ApplicationAnswer>>()).Items.Single();
        await recruiter.MoveOk(application.Id, "screening");
        await api.WaitFor(veteran.Subject, m => Settled(m, 2));
        var moved = api.Smtp.TakenFor(veteran.Email).Last();
        Assert.Contains("有新进展", moved.Subject);
        using var oneClick = new StringContent("List-Unsubscribe=One-Click", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync(LinkOf(moved), oneClick)).StatusCode);
        Assert.False((await Preference(veteran.Client, Notices.ApplicationMoved, Outbox.Email)).On);
        await recruiter.MoveOk(application.Id, "interview");
        Assert.Equal(2, (await api.MessagesOf(veteran.Subject)).Count);
        Assert.Equal(2, api.Smtp.TakenFor(veteran.Email).Count);

        await using var db = api.Connection();
        Assert.Equal(2, await db.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM audit.entries WHERE actor = @subject AND action = 'notifications.unsubscribed'", new { subject = veteran.Subject }));
    }

    [Fact]
    public async Task AForgedOrAlteredTokenIsRefusedAndChangesNothing()
    {
        var (_, position, _, _, recruiter) = await api.CompanyAsync();
        var veteran = await api.VeteranAsync();
        var other = await api.VeteranAsync();
        await InviteAsync(recruiter, position, veteran.Id);
        await api.WaitFor(veteran.Subject, m => Settled(m, 1));
        var token = LinkOf(api.Smtp.TakenFor(veteran.Email).Single()).Split("token=")[1];
        var (payload, mac) = (token.Split('.')[0], token.Split('.')[1]);
        string Encode(string text) => System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(text));
        string[] forged =
        [
            "", "x", payload, $"{payload}.", $"{payload}.{(mac[0] == 'A' ? 'B' : 'A')}{mac[1..]}", // cut, altered signature
            $"{Encode($"{other.Subject}\n{Notices.InvitationReceived}")}.{mac}", // another person with this signature
            $"{Encode($"{veteran.Subject}\n{Notices.ApplicationMoved}")}.{mac}", // another kind
            $"{Encode($"{other.Subject}\n{Notices.InvitationReceived}")}.{System.Buffers.Text.Base64Url.EncodeToString(new byte[32])}",
        ];
        var anonymous = api.CreateClient();
        foreach (var bad in forged)
        {
            await (await anonymous.GetAsync($"/api/notifications/unsubscribe?token={Uri.EscapeDataString(bad)}")).AssertProblem(400);
            await (await anonymous.PostAsync($"/api/notifications/unsubscribe?token={Uri.EscapeDataString(bad)}", null)).AssertProblem(400);
        }
        Assert.All((await (await other.Client.GetAsync("/api/notifications/preferences")).Read<NotificationPreferencesAnswer>()).Preferences,
            p => Assert.True(p.On));
        Assert.All((await (await veteran.Client.GetAsync("/api/notifications/preferences")).Read<NotificationPreferencesAnswer>()).Preferences,
            p => Assert.True(p.On));
    }
}
