using System.Net;
using Dapper;
using JobMatch.Api.Accounts;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;
using JobMatch.Api.Tests.Infrastructure.Answers;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace JobMatch.Api.Tests.Accounts;

/// <summary>A live access token is refused once its account is disabled, re-roled or given a new password.</summary>
public sealed class SecurityStampTests(AccountsApiFactory api) : IClassFixture<AccountsApiFactory>
{
    [Fact]
    public async Task ADisabledAccountsLiveAccessTokenIsRefusedAtItsNextRequestAndItCannotSignInOrRefresh()
    {
        var account = await api.CreateAccountAsync(Roles.Recruiter);
        var signedIn = await api.SignInAsync(account.UserName);
        var client = api.Bearer((await signedIn.Read<SignedInAnswer>()).AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);

        await using (var db = api.Connection())
        {
            await db.ExecuteAsync("UPDATE accounts SET disabled_at = now() WHERE id = @Id", new { account.Id });
        }
        await (await client.GetAsync("/api/me")).AssertProblem(401);
        await (await api.WithCookieAsync("/api/auth/refresh", AccountsApiFactory.RefreshCookie(signedIn))).AssertProblem(401);
        var refused = await (await api.SignInAsync(account.UserName)).AssertProblem(401);
        var unknown = await (await api.SignInAsync("nobody-" + Guid.NewGuid().ToString("N"))).AssertProblem(401);
        Assert.Equal(unknown.GetProperty("detail").GetString(), refused.GetProperty("detail").GetString());
        Assert.Contains(("account.sign_in_failed", "disabled"), await api.AuditAsync(account.Id));
    }

    [Fact]
    public async Task AChangedRoleRefusesTheTokenOfTheOldRole()
    {
        var account = await api.CreateAccountAsync(Roles.Recruiter);
        var client = api.Bearer((await (await api.SignInAsync(account.UserName)).Read<SignedInAnswer>()).AccessToken);
        using (var scope = api.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            var stored = await users.FindByIdAsync(account.Id.ToString());
            Assert.True((await users.AddToRoleAsync(stored!, Roles.Mentor)).Succeeded);
        }
        await (await client.GetAsync("/api/me")).AssertProblem(401);
    }

    [Fact]
    public async Task AChangedPasswordRefusesTheTokensOfTheOldOne()
    {
        var account = await api.CreateAccountAsync(Roles.Veteran);
        var client = api.Bearer((await (await api.SignInAsync(account.UserName)).Read<SignedInAnswer>()).AccessToken);
        using (var scope = api.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            var stored = await users.FindByIdAsync(account.Id.ToString());
            Assert.True((await users.ChangePasswordAsync(stored!, AccountsApiFactory.Password, "a new and longer passphrase")).Succeeded);
        }
        await (await client.GetAsync("/api/me")).AssertProblem(401);
        await (await api.SignInAsync(account.UserName)).AssertProblem(401);
        Assert.Equal(HttpStatusCode.OK, (await api.SignInAsync(account.UserName, "a new and longer passphrase")).StatusCode);
    }

    [Fact]
    public async Task TokensOfTheTokenCommandStillWorkWithoutAStampEvenForAnAccountsSubject()
    {
        var account = await api.CreateAccountAsync(Roles.Veteran);
        Assert.Equal(HttpStatusCode.OK, (await api.ClientFor(Roles.Admin, "admin-from-the-command").GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.ClientFor(Roles.Veteran, account.Id.ToString()).GetAsync("/api/me")).StatusCode);
    }
}
