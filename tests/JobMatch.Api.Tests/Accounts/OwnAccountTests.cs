using System.Net;
using System.Net.Http.Json;
using Dapper;
using JobMatch.Api.Accounts;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Accounts;

/// <summary>The caller's own account, a change of its password, and the e-mail routes of a service without mail.</summary>
public sealed class OwnAccountTests(AccountsApiFactory api) : IClassFixture<AccountsApiFactory>
{
    const string NewPassword = "淮河岸边的老槐树-2027";

    [Fact]
    public async Task TheOwnerReadsTheirAccountWithTheirPhoneWhileAMintedTokenHasNone()
    {
        var phone = VeteranData.NewPhone();
        var account = await api.CreateAccountAsync(Roles.Recruiter, phone);
        var own = await (await (await SignedInAsync(account.UserName)).GetAsync("/api/account")).Read<OwnAccountAnswer>();
        Assert.Equal((account.Id, account.UserName, Roles.Recruiter, phone, false),
            (own.Id, own.UserName, own.Role, own.Phone, own.EmailConfirmed));
        await (await api.Admin().GetAsync("/api/account")).AssertProblem(404);
    }

    [Fact]
    public async Task ChangingThePasswordEndsEveryOtherSessionAndGoesOnWithANewToken()
    {
        var account = await api.CreateAccountAsync(Roles.Veteran);
        var other = await api.SignInAsync(account.UserName);
        var (otherToken, otherRefresh) = ((await other.Read<SignedInAnswer>()).AccessToken, AccountsApiFactory.RefreshCookie(other));
        var changed = await (await SignedInAsync(account.UserName)).PostAsJsonAsync("/api/account/password",
            new { currentPassword = AccountsApiFactory.Password, newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEmpty(AccountsApiFactory.RefreshCookie(changed));

        var renewed = api.Bearer((await changed.Read<SignedInAnswer>()).AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await renewed.GetAsync("/api/account")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Bearer(otherToken).GetAsync("/api/account")).StatusCode);
        await (await api.WithCookieAsync("/api/auth/refresh", otherRefresh)).AssertProblem(401);
        Assert.Equal(HttpStatusCode.OK, (await api.SignInAsync(account.UserName, NewPassword)).StatusCode);
        Assert.Contains(("account.password_changed", null), await api.AuditAsync(account.Id));
    }

    [Fact]
    public async Task AWrongCurrentPasswordIsRefusedAndCountedAndAWeakNewOneIsRefused()
    {
        var account = await api.CreateAccountAsync(Roles.Mentor);
        var client = await SignedInAsync(account.UserName);
        var wrong = await (await client.PostAsJsonAsync("/api/account/password",
            new { currentPassword = "not-the-password", newPassword = NewPassword })).AssertProblem(400);
        Assert.True(wrong.GetProperty("errors").TryGetProperty("currentPassword", out _));
        await using (var db = api.Connection())
        {
            Assert.Equal(1, await db.ExecuteScalarAsync<int>("SELECT failed_count FROM accounts WHERE id = @Id", new { account.Id }));
        }
        var weak = await (await client.PostAsJsonAsync("/api/account/password",
            new { currentPassword = AccountsApiFactory.Password, newPassword = "password12" })).AssertProblem(400);
        Assert.True(weak.GetProperty("errors").TryGetProperty("newPassword", out _));
        Assert.Equal(HttpStatusCode.OK, (await api.SignInAsync(account.UserName)).StatusCode);
    }

    [Fact]
    public async Task WithoutMailAnAddressCannotBeAddedAndAResetIsAnsweredAlikeForAnyAccount()
    {
        var account = await api.CreateAccountAsync(Roles.Veteran);
        var refused = await (await (await SignedInAsync(account.UserName)).PutAsJsonAsync("/api/account/email",
            new { email = "someone@example.test" })).AssertProblem(409);
        Assert.Contains("尚未配置电子邮件", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var known = await api.CreateClient().PostAsJsonAsync("/api/auth/password-reset", new { account = account.UserName });
        var unknown = await api.CreateClient().PostAsJsonAsync("/api/auth/password-reset",
            new { account = "nobody-" + Guid.NewGuid().ToString("N") });
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (known.StatusCode, unknown.StatusCode));
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await known.Content.ReadAsStringAsync());
        Assert.Contains(("account.password_reset_requested", null), await api.AuditAsync(account.Id));
    }

    [Fact]
    public async Task AnAddressWithASpaceInItIsRefusedSayingWhatAnAddressLooksLike()
    {
        var account = await api.CreateAccountAsync(Roles.Veteran);
        var refused = await (await (await SignedInAsync(account.UserName)).PutAsJsonAsync("/api/account/email",
            new { email = "wang li@example.cn" })).AssertProblem(400);
        Assert.Contains("name@example.com", refused.GetProperty("errors").GetProperty("email")[0].GetString());
    }

    async Task<HttpClient> SignedInAsync(string userName) =>
        api.Bearer((await (await api.SignInAsync(userName)).Read<SignedInAnswer>()).AccessToken);
}
