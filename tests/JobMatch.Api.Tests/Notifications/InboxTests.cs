using System.Net;
using System.Net.Http.Json;
using JobMatch.Api.Notifications;
using JobMatch.Api.Tests.Infrastructure;
using JobMatch.Api.Tests.Infrastructure.Answers;

namespace JobMatch.Api.Tests.Notifications;

public sealed class InboxTests(NotificationsApiFactory api) : IClassFixture<NotificationsApiFactory>
{
    [Fact]
    public async Task EveryoneConcernedFindsTheEventInTheirInboxInTheirLanguageAndMarksItRead()
    {
        var (_, position, _, _, recruiter) = await api.CompanyAsync();
        var veteran = await api.VeteranAsync(contact: false); // no mail without the consent; the inbox is their own page
        var invited = await recruiter.PostAsJsonAsync($"/api/openings/{position}/invitations", new { veteranId = veteran.Id });
        var title = (await invited.Read<InvitationAnswer>()).Title;

        Assert.Equal(1, (await (await veteran.Client.GetAsync("/api/notifications/unread-count")).Read<UnreadCountAnswer>()).Unread);
        var item = (await (await veteran.Client.GetAsync("/api/notifications?unread=true")).Read<PageOf<InboxItemAnswer>>()).Items.Single();
        Assert.Equal(Notices.InvitationReceived, item.Kind);
        Assert.Contains($"「{title}」", item.Subject);
        Assert.Contains("/#/veteran/invitations", item.Body);
        Assert.Equal("veteran/invitations", item.Route); // the console page it is about, for the inbox's link
        Assert.Empty(await api.MessagesOf(veteran.Subject)); // and no e-mail

        using var english = new HttpRequestMessage(HttpMethod.Get, "/api/notifications");
        english.Headers.AcceptLanguage.ParseAdd("en");
        Assert.StartsWith("JobMatch: ", (await (await veteran.Client.SendAsync(english)).Read<PageOf<InboxItemAnswer>>()).Items.Single().Subject);

        Assert.Equal(HttpStatusCode.NotFound, (await recruiter.PostAsync($"/api/notifications/{item.Id}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await veteran.Client.PostAsync($"/api/notifications/{item.Id}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await veteran.Client.PostAsync($"/api/notifications/{item.Id}/read", null)).StatusCode);

        Assert.Equal(0, (await (await veteran.Client.GetAsync("/api/notifications/unread-count")).Read<UnreadCountAnswer>()).Unread);
        Assert.Empty((await (await veteran.Client.GetAsync("/api/notifications?unread=true")).Read<PageOf<InboxItemAnswer>>()).Items);
        Assert.NotNull((await (await veteran.Client.GetAsync("/api/notifications")).Read<PageOf<InboxItemAnswer>>()).Items.Single().ReadAt);
    }

    [Fact]
    public async Task MarkAllReadMarksOnlyMyUnreadNoticesAndSaysHowManyItWere()
    {
        var (_, position, _, _, recruiter) = await api.CompanyAsync();
        var (_, other, _, _, otherRecruiter) = await api.CompanyAsync();
        var veteran = await api.VeteranAsync(contact: false);
        var neighbour = await api.VeteranAsync(contact: false);
        foreach (var (opening, who) in new[] { (position, veteran), (other, veteran), (position, neighbour) })
        {
            var invited = await (opening == position ? recruiter : otherRecruiter).PostAsJsonAsync($"/api/openings/{opening}/invitations", new { veteranId = who.Id });
            Assert.True(invited.IsSuccessStatusCode, await invited.Content.ReadAsStringAsync());
        }

        Assert.Equal(2, (await (await veteran.Client.PostAsync("/api/notifications/read-all", null)).Read<UnreadCountAnswer>()).Unread);
        Assert.Equal(0, (await (await veteran.Client.PostAsync("/api/notifications/read-all", null)).Read<UnreadCountAnswer>()).Unread);
        Assert.Equal(0, (await (await veteran.Client.GetAsync("/api/notifications/unread-count")).Read<UnreadCountAnswer>()).Unread);
        Assert.All((await (await veteran.Client.GetAsync("/api/notifications")).Read<PageOf<InboxItemAnswer>>()).Items, item => Assert.NotNull(item.ReadAt));
        Assert.Equal(1, (await (await neighbour.Client.GetAsync("/api/notifications/unread-count")).Read<UnreadCountAnswer>()).Unread);
    }
}
