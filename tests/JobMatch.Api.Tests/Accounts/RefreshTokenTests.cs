using System.Net;
using JobMatch.Api.Accounts;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;
using JobMatch.Api.Tests.Infrastructure.Answers;

namespace JobMatch.Api.Tests.Accounts;

/// <summary>The refresh cookie: its attributes, its rotation, a reused one ending its family, sign-out here and everywhere.</summary>
public sealed class RefreshTokenTests(AccountsApiFactory api) : IClassFixture<AccountsApiFactory>
{
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
    public async Task ARefreshTokenRotatesAndOneUsedTwiceEndsItsWholeFamily()
    {
        var account = await api.CreateAccountAsync(Roles.Veteran);
        var first = AccountsApiFactory.RefreshCookie(await api.SignInAsync(account.UserName));
        var rotated = await api.WithCookieAsync("/api/auth/refresh", first);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var second = AccountsApiFactory.RefreshCookie(rotated);
        Assert.NotEqual(first, second);
        var token = (await rotated.Read<SignedInAnswer>()).AccessToken;
        Assert.Equal(HttpStatusCode.OK, (await api.Bearer(token).GetAsync("/api/me")).StatusCode);

        // The first again: someone holds a copy. The family ends, the latest token with it.
        await (await api.WithCookieAsync("/api/auth/refresh", first)).AssertProblem(401);
        await (await api.WithCookieAsync("/api/auth/refresh", second)).AssertProblem(401);
        Assert.Contains(("account.refresh_reused", null), await api.AuditAsync(account.Id));
    }

    [Fact]
    public async Task SignOutEndsThisSignInOnly()
    {
        var account = await api.CreateAccountAsync(Roles.Recruiter);
        var here = AccountsApiFactory.RefreshCookie(await api.SignInAsync(account.UserName));
        var there = AccountsApiFactory.RefreshCookie(await api.SignInAsync(account.UserName));
        Assert.Equal(HttpStatusCode.NoContent, (await api.WithCookieAsync("/api/auth/sign-out", here)).StatusCode);
        await (await api.WithCookieAsync("/api/auth/refresh", here)).AssertProblem(401);
        Assert.Equal(HttpStatusCode.OK, (await api.WithCookieAsync("/api/auth/refresh", there)).StatusCode);
        Assert.Contains(("account.signed_out", null), await api.AuditAsync(account.Id));
    }

    [Fact]
    public async Task SignOutEverywhereRefusesEveryRefreshCookieAndTheLiveAccessTokensAtTheirNextRequest()
    {
        var account = await api.CreateAccountAsync(Roles.Veteran);
        var here = await api.SignInAsync(account.UserName);
        var there = AccountsApiFactory.RefreshCookie(await api.SignInAsync(account.UserName));
        var client = api.Bearer((await here.Read<SignedInAnswer>()).AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/auth/sign-out-everywhere", null)).StatusCode);
        await (await client.GetAsync("/api/me")).AssertProblem(401);
        await (await api.WithCookieAsync("/api/auth/refresh", AccountsApiFactory.RefreshCookie(here))).AssertProblem(401);
        await (await api.WithCookieAsync("/api/auth/refresh", there)).AssertProblem(401);
        Assert.Equal(HttpStatusCode.OK, (await api.SignInAsync(account.UserName)).StatusCode);
    }

    [Fact]
    public async Task SignOutEverywhereAnswers404ForATokenThatNoAccountIssued()
    {
        var client = api.ClientFor(Roles.Veteran, "vet-from-the-command");
        await (await client.PostAsync("/api/auth/sign-out-everywhere", null)).AssertProblem(404);
    }
}
