using System.Net;
using Dapper;
using JobMatch.Api.Accounts;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;
using JobMatch.Api.Tests.Infrastructure.Answers;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace JobMatch.Api.Tests.Accounts;

/// <summary>Signing in by name or phone, its audit, the one answer and the one hash for every refusal, and the password policy.</summary>
public sealed class SignInTests(AccountsApiFactory api) : IClassFixture<AccountsApiFactory>
{
    [Fact]
    public async Task AnAccountSignsInByNameOrPhoneAndCallsTheApiAsItsOwnSubject()
    {
        var phone = VeteranData.NewPhone();
        var account = await api.CreateAccountAsync(Roles.Recruiter, phone);
        foreach (var name in new[] { account.UserName, account.UserName.ToUpperInvariant(), phone })
        {
            var response = await api.SignInAsync(name);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var signedIn = await response.Read<SignedInAnswer>();
            Assert.InRange(signedIn.ExpiresAt, DateTime.UtcNow.AddMinutes(14), DateTime.UtcNow.AddMinutes(16));
            var me = await (await api.Bearer(signedIn.AccessToken).GetAsync("/api/me")).Read<MeAnswer>();
            Assert.Equal(account.Id.ToString(), me.Subject);
            Assert.Equal(Roles.Recruiter, me.Role);
            // An existing policy (recruiter) takes the account's token as it takes any other.
            Assert.Equal(HttpStatusCode.OK, (await api.Bearer(signedIn.AccessToken).GetAsync("/api/companies")).StatusCode);
        }
    }

    [Fact]
    public async Task ASuccessfulSignInIsAuditedAndClearsEarlierFailures()
    {
        var account = await api.CreateAccountAsync(Roles.Veteran);
        await (await api.SignInAsync(account.UserName, "a-wrong-password")).AssertProblem(401);
        Assert.Equal(HttpStatusCode.OK, (await api.SignInAsync(account.UserName)).StatusCode);
        Assert.Equal([("account.sign_in_failed", "wrong_password"), ("account.signed_in", null)], await api.AuditAsync(account.Id));
        await using var db = api.Connection();
        Assert.Equal(0, await db.ExecuteScalarAsync<int>("SELECT failed_count FROM accounts WHERE id = @Id", new { account.Id }));
    }

    [Fact]
    public async Task AnUnknownAccountAndAWrongPasswordGetTheSameAnswerAndBothRunThePasswordHash()
    {
        var account = await api.CreateAccountAsync(Roles.Admin);
        var before = api.Hasher.Verifications;
        var wrong = await (await api.SignInAsync(account.UserName, "a-wrong-password")).AssertProblem(401);
        var afterWrong = api.Hasher.Verifications;
        var unknown = await (await api.SignInAsync("nobody-" + Guid.NewGuid().ToString("N"), "a-wrong-password")).AssertProblem(401);
        var afterUnknown = api.Hasher.Verifications;
        Assert.Equal(1, afterWrong - before);
        Assert.Equal(1, afterUnknown - afterWrong);
        foreach (var field in new[] { "status", "title", "detail", "type" })
        {
            Assert.Equal(wrong.GetProperty(field).ToString(), unknown.GetProperty(field).ToString());
        }
    }

    [Fact]
    public async Task AnAccountWithoutAPasswordYetRunsTheSameHashAndGetsTheSameAnswer()
    {
        using (var scope = api.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            var invitation = new Account { UserName = AccountsApiFactory.NewName("invited"), Role = Roles.Mentor, CreatedBy = "test" };
            Assert.True((await users.CreateAsync(invitation)).Succeeded);
        }
        await using var db = api.Connection();
        var invited = await db.QuerySingleAsync<string>(
            "SELECT user_name FROM accounts WHERE user_name LIKE 'invited-%' AND password_hash IS NULL LIMIT 1");
        var before = api.Hasher.Verifications;
        var refused = await (await api.SignInAsync(invited, "any-password-at-all")).AssertProblem(401);
        Assert.Equal(1, api.Hasher.Verifications - before);
        var unknown = await (await api.SignInAsync("nobody-" + Guid.NewGuid().ToString("N"))).AssertProblem(401);
        Assert.Equal(unknown.GetProperty("detail").GetString(), refused.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnAccountWithoutARoleIsNotCreated()
    {
        using var scope = api.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var account = new Account { UserName = AccountsApiFactory.NewName("roleless"), CreatedBy = "test" };
        var result = await users.CreateAsync(account, AccountsApiFactory.Password);
        Assert.Equal("AccountIncomplete", Assert.Single(result.Errors).Code);
    }

    [Theory]
    [InlineData("short-one")]
    [InlineData("1234567890")]
    [InlineData("aaaaaaaaaaaa")]
    public async Task AShortCommonOrRepetitivePasswordIsRefused(string password)
    {
        using var scope = api.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var account = new Account { UserName = AccountsApiFactory.NewName("weak"), Role = Roles.Veteran, CreatedBy = "test" };
        var result = await users.CreateAsync(account, password);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task ALongPassphraseNeedsNoDigitsCapitalsOrSymbols()
    {
        var account = await api.CreateAccountAsync(Roles.Veteran, password: "correct horse battery staple");
        Assert.Equal(HttpStatusCode.OK, (await api.SignInAsync(account.UserName, "correct horse battery staple")).StatusCode);
    }
}
