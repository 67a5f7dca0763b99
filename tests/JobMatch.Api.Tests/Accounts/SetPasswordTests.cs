using System.Net;
using System.Net.Http.Json;
using Dapper;
using JobMatch.Api.Accounts;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace JobMatch.Api.Tests.Accounts;

/// <summary>A first password from an invitation's code, a new one from a reset's: refused when weak, the code used once.</summary>
public sealed class SetPasswordTests(AccountsApiFactory api) : IClassFixture<AccountsApiFactory>
{
    const string NewPassword = "黄山脚下的清晨-2027";

    [Fact]
    public async Task AnInvitationsCodeSetsTheFirstPasswordAndSignsTheAccountIn()
    {
        var account = await InvitedAsync(api, Roles.Mentor);
        var code = await IssueAsync(api, account.Id, CodePurposes.Invitation);
        var check = await (await Post("/api/auth/set-password/check", new { code })).Read<CodeForAnswer>();
        Assert.Equal((account.UserName, Roles.Mentor, CodePurposes.Invitation), (check.UserName, check.Role, check.Purpose));

        var set = await Post("/api/auth/set-password", new { code = code.ToLowerInvariant().Replace('-', ' '), password = NewPassword });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.NotEmpty(AccountsApiFactory.RefreshCookie(set));
        var signedIn = api.Bearer((await set.Read<SignedInAnswer>()).AccessToken);
        var own = await (await signedIn.GetAsync("/api/account")).Read<OwnAccountAnswer>();
        Assert.Equal((account.Id, AccountStates.Active), (own.Id, own.State));
        Assert.Equal(HttpStatusCode.OK, (await api.SignInAsync(account.UserName, NewPassword)).StatusCode);
        Assert.Contains(("account.password_set", null), await api.AuditAsync(account.Id));

        // Used once: the check and the set both refuse it now.
        await (await Post("/api/auth/set-password/check", new { code })).AssertProblem(404);
        await (await Post("/api/auth/set-password", new { code, password = "another long passphrase" })).AssertProblem(404);
    }

    [Theory]
    [InlineData("too-short")]
    [InlineData("1234567890")]
    public async Task AWeakOrCommonPasswordIsRefusedWithWhatToDoAndTheCodeStillWorks(string weak)
    {
        var account = await InvitedAsync(api, Roles.Recruiter);
        var code = await IssueAsync(api, account.Id, CodePurposes.Invitation);
        var refused = await (await Post("/api/auth/set-password", new { code, password = weak })).AssertProblem(400);
        Assert.NotEmpty(refused.GetProperty("errors").GetProperty("password")[0].GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await Post("/api/auth/set-password/check", new { code })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Post("/api/auth/set-password", new { code, password = NewPassword })).StatusCode);
    }

    [Fact]
    public async Task AResetsCodeReplacesThePasswordEndsEverySessionAndClearsALockout()
    {
        var account = await api.CreateAccountAsync(Roles.Veteran);
        var before = await api.SignInAsync(account.UserName);
        var (token, refresh) = ((await before.Read<SignedInAnswer>()).AccessToken, AccountsApiFactory.RefreshCookie(before));
        using (var scope = api.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            var stored = (await users.FindByIdAsync(account.Id.ToString()))!;
            Assert.True((await users.SetLockoutEndDateAsync(stored, DateTimeOffset.UtcNow.AddMinutes(15))).Succeeded);
        }
        var code = await IssueAsync(api, account.Id, CodePurposes.PasswordReset);
        var check = await (await Post("/api/auth/set-password/check", new { code })).Read<CodeForAnswer>();
        Assert.Equal(CodePurposes.PasswordReset, check.Purpose);

        Assert.Equal(HttpStatusCode.OK, (await Post("/api/auth/set-password", new { code, password = NewPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Bearer(token).GetAsync("/api/account")).StatusCode);
        await (await api.WithCookieAsync("/api/auth/refresh", refresh)).AssertProblem(401);
        await (await api.SignInAsync(account.UserName)).AssertProblem(401);
        Assert.Equal(HttpStatusCode.OK, (await api.SignInAsync(account.UserName, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task ADisabledAccountsCodeAndAnExpiredOneGetTheAnswerOfAnUnknownOne()
    {
        var account = await InvitedAsync(api, Roles.Admin);
        var code = await IssueAsync(api, account.Id, CodePurposes.Invitation);
        await using (var db = api.Connection())
        {
            await db.ExecuteAsync("UPDATE accounts SET disabled_at = now() WHERE id = @Id", new { account.Id });
        }
        var disabled = await (await Post("/api/auth/set-password", new { code, password = NewPassword })).AssertProblem(404);
        var unknown = await (await Post("/api/auth/set-password/check", new { code = "AAAA-BBBB-CCCC-DDDD" })).AssertProblem(404);
        Assert.Equal(unknown.GetProperty("detail").GetString(), disabled.GetProperty("detail").GetString());
        await (await Post("/api/auth/set-password/check", new { code })).AssertProblem(404);

        var invited = await InvitedAsync(api, Roles.Recruiter);
        var expired = await IssueAsync(api, invited.Id, CodePurposes.Invitation, issuedAt: DateTime.UtcNow - AccountCodes.InvitationLifetime);
        var late = await (await Post("/api/auth/set-password", new { code = expired, password = NewPassword })).AssertProblem(404);
        Assert.Equal(unknown.GetProperty("detail").GetString(), late.GetProperty("detail").GetString());
    }

    Task<HttpResponseMessage> Post(string path, object body) => api.CreateClient().PostAsJsonAsync(path, body);

    /// <summary>An account as staff create it: no password yet.</summary>
    internal static async Task<Account> InvitedAsync(AccountsApiFactory api, string role)
    {
        using var scope = api.Services.CreateScope();
        var account = new Account { UserName = AccountsApiFactory.NewName("invited"), Role = role, CreatedBy = "test" };
        Assert.True((await scope.ServiceProvider.GetRequiredService<UserManager<Account>>().CreateAsync(account)).Succeeded);
        return account;
    }

    /// <summary>A live code, as the staff's invitation or reset hands it out.</summary>
    internal static async Task<string> IssueAsync(AccountsApiFactory api, Guid accountId, string purpose, DateTime? issuedAt = null)
    {
        await using var db = api.Connection();
        await db.OpenAsync();
        return (await AccountCodes.IssueAsync(db, null, accountId, purpose, AccountCodes.ResetLifetime, "test",
            issuedAt ?? DateTime.UtcNow)).Code;
    }
}
