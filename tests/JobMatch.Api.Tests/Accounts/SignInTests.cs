using System.Net;
using Dapper;
using JobMatch.Api.Accounts;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace JobMatch.Api.Tests.Accounts;

public sealed class SignInTests(AccountsApiFactory api) : IClassFixture<AccountsApiFactory>
{
    sealed record SignedInAnswer(string AccessToken, DateTime ExpiresAt);

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
            var me = await (await api.Bearer(signedIn.AccessToken).GetAsync("/api/me")).ReadJson();
            Assert.Equal(account.Id.ToString(), me.GetProperty("subject").GetString());
            Assert.Equal(Roles.Recruiter, me.GetProperty("role").GetString());
            // An existing policy (recruiter) takes the account's token as it takes any other.
            Assert.Equal(HttpStatusCode.OK, (await api.Bearer(signedIn.AccessToken).GetAsync("/api/companies")).StatusCode);
        }
    }

    [Fact]
    public async Task TheRefreshTokenIsAnHttpOnlySecureStrictCookieThatOnlyTheAuthRoutesSee()
    {
        var account = await api.CreateAccountAsync(Roles.Veteran);
        var cookie = Assert.Single((await api.SignInAsync(account.UserName)).Headers.GetValues("Set-Cookie"));
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        Assert.StartsWith(RefreshTokens.Cookie + "=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", attributes);
        Assert.Contains("secure", attributes);
        Assert.Contains("samesite=strict", attributes);
        Assert.Contains("path=/api/auth", attributes);
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountForFifteenMinutesAndEveryAttemptIsAudited()
    {
        var account = await api.CreateAccountAsync(Roles.Mentor);
        for (var i = 0; i < 5; i++)
        {
            await (await api.SignInAsync(account.UserName, "not-the-password-" + i)).AssertProblem(401);
        }
        // Locked: the right password is refused too, with the same answer.
        await (await api.SignInAsync(account.UserName)).AssertProblem(401);

        await using var db = api.Connection();
        var lockoutEnd = await db.ExecuteScalarAsync<DateTime>("SELECT lockout_end FROM accounts WHERE id = @Id", new { account.Id });
        Assert.InRange(lockoutEnd, DateTime.UtcNow.AddMinutes(14), DateTime.UtcNow.AddMinutes(16));
        var entries = await Audit(account.Id);
        (string, string?) wrong = ("account.sign_in_failed", "wrong_password");
        Assert.Equal([wrong, wrong, wrong, wrong, wrong, ("account.locked_out", null), ("account.sign_in_failed", "locked_out")], entries);
    }

    [Fact]
    public async Task WrongPasswordsSentAtOnceAreAllCountedAndLockTheAccount()
    {
        var account = await api.CreateAccountAsync(Roles.Veteran);
        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => api.SignInAsync(account.UserName, "parallel-guess-" + i)));
        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode));
        await (await api.SignInAsync(account.UserName)).AssertProblem(401);
        Assert.Contains(("account.locked_out", null), await Audit(account.Id));
    }

    [Fact]
    public async Task ASuccessfulSignInIsAuditedAndClearsEarlierFailures()
    {
        var account = await api.CreateAccountAsync(Roles.Veteran);
        await (await api.SignInAsync(account.UserName, "a-wrong-password")).AssertProblem(401);
        Assert.Equal(HttpStatusCode.OK, (await api.SignInAsync(account.UserName)).StatusCode);
        Assert.Equal([("account.sign_in_failed", "wrong_password"), ("account.signed_in", null)], await Audit(account.Id));
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
    public async Task SignInsFromOneAddressAreLimitedPerMinuteWith429AndRetryAfterBeforeAnyHashWork()
    {
        api.Clock.Now = new DateTimeOffset(2026, 12, 7, 9, 30, 15, TimeSpan.Zero); // one minute throughout, whatever the test's pace
        try
        {
            var client = api.CreateClient();
            for (var i = 0; i < AccountsApiFactory.SignInsPerMinute; i++)
            {
                await (await api.SignInAsync("nobody", "a-wrong-password", client)).AssertProblem(401);
            }
            var before = api.Hasher.Verifications;
            var refused = await api.SignInAsync("nobody", "a-wrong-password", client);
            await refused.AssertProblem(429);
            Assert.Equal("45", refused.Headers.RetryAfter!.ToString());
            Assert.Equal(before, api.Hasher.Verifications);
            // The next minute has a budget of its own.
            api.Clock.Now = api.Clock.Now.Value.AddSeconds(45);
            await (await api.SignInAsync("nobody", "a-wrong-password", client)).AssertProblem(401);
        }
        finally
        {
            api.Clock.Now = null;
        }
    }

    [Fact]
    public async Task TheSignInBudgetIsCountedInPostgreSqlSoThatEveryInstanceSharesIt()
    {
        api.Clock.Now = new DateTimeOffset(2026, 12, 7, 10, 0, 20, TimeSpan.Zero);
        try
        {
            var address = AddressFromHeader.NewAddress();
            await using (var db = api.Connection())
            {
                // What another instance counted for this address in this minute.
                const string Counted = "INSERT INTO sign_in_windows (address, window_start, attempts) VALUES (@address, @window, @attempts)";
                await db.ExecuteAsync(Counted, new
                {
                    address = IPAddress.Parse(address).ToString(),
                    window = new DateTime(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc),
                    attempts = AccountsApiFactory.SignInsPerMinute,
                });
            }
            var client = api.CreateClient();
            client.DefaultRequestHeaders.Remove(AddressFromHeader.Header);
            client.DefaultRequestHeaders.Add(AddressFromHeader.Header, address);
            await (await api.SignInAsync("nobody", "a-wrong-password", client)).AssertProblem(429);
        }
        finally
        {
            api.Clock.Now = null;
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
    public async Task ARefreshTokenRotatesAndOneUsedTwiceEndsItsWholeFamily()
    {
        var account = await api.CreateAccountAsync(Roles.Veteran);
        var first = Refresh(await api.SignInAsync(account.UserName));
        var rotated = await api.WithCookieAsync("/api/auth/refresh", first);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var second = Refresh(rotated);
        Assert.NotEqual(first, second);
        var token = (await rotated.Read<SignedInAnswer>()).AccessToken;
        Assert.Equal(HttpStatusCode.OK, (await api.Bearer(token).GetAsync("/api/me")).StatusCode);

        // The first again: someone holds a copy. The family ends, the latest token with it.
        await (await api.WithCookieAsync("/api/auth/refresh", first)).AssertProblem(401);
        await (await api.WithCookieAsync("/api/auth/refresh", second)).AssertProblem(401);
        Assert.Contains(("account.refresh_reused", null), await Audit(account.Id));
    }

    [Fact]
    public async Task SignOutEndsThisSignInOnly()
    {
        var account = await api.CreateAccountAsync(Roles.Recruiter);
        var here = Refresh(await api.SignInAsync(account.UserName));
        var there = Refresh(await api.SignInAsync(account.UserName));
        Assert.Equal(HttpStatusCode.NoContent, (await api.WithCookieAsync("/api/auth/sign-out", here)).StatusCode);
        await (await api.WithCookieAsync("/api/auth/refresh", here)).AssertProblem(401);
        Assert.Equal(HttpStatusCode.OK, (await api.WithCookieAsync("/api/auth/refresh", there)).StatusCode);
        Assert.Contains(("account.signed_out", null), await Audit(account.Id));
    }

    [Fact]
    public async Task SignOutEverywhereRefusesEveryRefreshCookieAndTheLiveAccessTokensAtTheirNextRequest()
    {
        var account = await api.CreateAccountAsync(Roles.Veteran);
        var here = await api.SignInAsync(account.UserName);
        var there = Refresh(await api.SignInAsync(account.UserName));
        var client = api.Bearer((await here.Read<SignedInAnswer>()).AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/auth/sign-out-everywhere", null)).StatusCode);
        await (await client.GetAsync("/api/me")).AssertProblem(401);
        await (await api.WithCookieAsync("/api/auth/refresh", Refresh(here))).AssertProblem(401);
        await (await api.WithCookieAsync("/api/auth/refresh", there)).AssertProblem(401);
        Assert.Equal(HttpStatusCode.OK, (await api.SignInAsync(account.UserName)).StatusCode);
    }

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
        await (await api.WithCookieAsync("/api/auth/refresh", Refresh(signedIn))).AssertProblem(401);
        var refused = await (await api.SignInAsync(account.UserName)).AssertProblem(401);
        var unknown = await (await api.SignInAsync("nobody-" + Guid.NewGuid().ToString("N"))).AssertProblem(401);
        Assert.Equal(unknown.GetProperty("detail").GetString(), refused.GetProperty("detail").GetString());
        Assert.Contains(("account.sign_in_failed", "disabled"), await Audit(account.Id));
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
    public async Task AnAccountWithoutARoleIsNotCreated()
    {
        using var scope = api.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var account = new Account { UserName = AccountsApiFactory.NewName("roleless"), CreatedBy = "test" };
        var result = await users.CreateAsync(account, AccountsApiFactory.Password);
        Assert.Equal("AccountIncomplete", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task TokensOfTheTokenCommandStillWorkWithoutAStampEvenForAnAccountsSubject()
    {
        var account = await api.CreateAccountAsync(Roles.Veteran);
        Assert.Equal(HttpStatusCode.OK, (await api.ClientFor(Roles.Admin, "admin-from-the-command").GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.ClientFor(Roles.Veteran, account.Id.ToString()).GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task SignOutEverywhereAnswers404ForATokenThatNoAccountIssued()
    {
        var client = api.ClientFor(Roles.Veteran, "vet-from-the-command");
        await (await client.PostAsync("/api/auth/sign-out-everywhere", null)).AssertProblem(404);
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

    static string Refresh(HttpResponseMessage response)
    {
        var cookie = response.Headers.GetValues("Set-Cookie")
            .Single(c => c.StartsWith(RefreshTokens.Cookie + "=", StringComparison.Ordinal));
        return cookie[(RefreshTokens.Cookie.Length + 1)..cookie.IndexOf(';', StringComparison.Ordinal)];
    }

    /// <summary>The account's audit entries, oldest first: the action and the reason it gives, if any.</summary>
    async Task<List<(string Action, string? Reason)>> Audit(Guid account)
    {
        var page = await (await api.Admin().GetAsync($"/api/audit?objectId={account}&limit=100")).ReadJson();
        return [.. page.GetProperty("items").EnumerateArray().Reverse().Select(entry =>
            (entry.GetProperty("action").GetString()!, ReasonOf(entry.GetProperty("details"))))];
    }

    static string? ReasonOf(System.Text.Json.JsonElement details)
    {
        var parsed = details.ValueKind == System.Text.Json.JsonValueKind.String
            ? System.Text.Json.JsonDocument.Parse(details.GetString()!).RootElement : details;
        return parsed.TryGetProperty("reason", out var reason) ? reason.GetString() : null;
    }
}
