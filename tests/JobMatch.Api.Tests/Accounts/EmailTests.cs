using System.Net;
using System.Net.Http.Json;
using JobMatch.Api.Accounts;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Accounts;

/// <summary>An address confirmed by its mailed link, and a forgotten password reset by mail, through a real SMTP server.</summary>
public sealed class EmailTests(MailApiFactory api) : IClassFixture<MailApiFactory>
{
    [Fact]
    public async Task AnAddressIsTheAccountsOnceItsMailedLinkComesBackAndThenAResetIsMailedToIt()
    {
        var account = await api.CreateAccountAsync(Roles.Recruiter);
        var client = await SignedInAsync(account.UserName);
        var email = $"{Guid.NewGuid():N}@example.test";
        Assert.Equal(HttpStatusCode.Accepted, (await client.PutAsJsonAsync("/api/account/email", new { email })).StatusCode);
        var confirmation = await api.MailToAsync(email);
        Assert.Contains("确认", confirmation.TextBody);
        Assert.Contains("confirm", confirmation.TextBody);
        Assert.Null((await (await client.GetAsync("/api/account")).Read<OwnAccountAnswer>()).Email);

        var code = MailApiFactory.LinkCode(confirmation, "confirm-email");
        Assert.Equal(HttpStatusCode.NoContent, (await Post("/api/auth/email-confirmation", new { code })).StatusCode);
        var own = await (await client.GetAsync("/api/account")).Read<OwnAccountAnswer>();
        Assert.Equal((email, true), (own.Email, own.EmailConfirmed));
        await (await Post("/api/auth/email-confirmation", new { code })).AssertProblem(404);

        Assert.Equal(HttpStatusCode.Accepted, (await Post("/api/auth/password-reset", new { account = account.UserName })).StatusCode);
        var reset = MailApiFactory.LinkCode(await api.MailToAsync(email), "set-password");
        var check = await (await Post("/api/auth/set-password/check", new { code = reset })).Read<CodeForAnswer>();
        Assert.Equal((account.UserName, CodePurposes.PasswordReset), (check.UserName, check.Purpose));
        Assert.Equal(HttpStatusCode.OK, (await Post("/api/auth/set-password", new { code = reset, password = "找回来的新密码-八公山" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.SignInAsync(account.UserName, "找回来的新密码-八公山")).StatusCode);
        var audit = (await api.AuditAsync(account.Id)).Select(entry => entry.Action).ToList();
        Assert.Equal(
            ["account.email_confirmation_sent", "account.email_confirmed", "account.password_reset_requested", "account.password_set"], audit.Where(action => action is not ("account.signed_in" or "account.sign_in_failed")));
    }

    [Fact]
    public async Task AnAddressAnotherAccountConfirmedMeanwhileIsRefused()
    {
        var email = $"{Guid.NewGuid():N}@example.test";
        var first = await SignedInAsync((await api.CreateAccountAsync(Roles.Veteran)).UserName);
        var second = await SignedInAsync((await api.CreateAccountAsync(Roles.Veteran)).UserName);
        Assert.Equal(HttpStatusCode.Accepted, (await first.PutAsJsonAsync("/api/account/email", new { email })).StatusCode);
        var firstCode = MailApiFactory.LinkCode(await api.MailToAsync(email), "confirm-email");
        Assert.Equal(HttpStatusCode.Accepted, (await second.PutAsJsonAsync("/api/account/email", new { email })).StatusCode);
        var secondCode = MailApiFactory.LinkCode(await api.MailToAsync(email), "confirm-email");
        Assert.Equal(HttpStatusCode.NoContent, (await Post("/api/auth/email-confirmation", new { code = firstCode })).StatusCode);
        await (await Post("/api/auth/email-confirmation", new { code = secondCode })).AssertProblem(409);
    }

    [Fact]
    public async Task AResetIsAnsweredAlikeWithOrWithoutAConfirmedAddress()
    {
        var account = await api.CreateAccountAsync(Roles.Mentor);
        var without = await Post("/api/auth/password-reset", new { account = account.UserName });
        var unknown = await Post("/api/auth/password-reset", new { account = "nobody-" + Guid.NewGuid().ToString("N") });
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (without.StatusCode, unknown.StatusCode));
        Assert.Equal((await unknown.Read<PasswordResetAnswer>()).Detail, (await without.Read<PasswordResetAnswer>()).Detail);
    }

    Task<HttpResponseMessage> Post(string path, object body) => api.CreateClient().PostAsJsonAsync(path, body);

    async Task<HttpClient> SignedInAsync(string userName) =>
        api.Bearer((await (await api.SignInAsync(userName)).Read<SignedInAnswer>()).AccessToken);
}
