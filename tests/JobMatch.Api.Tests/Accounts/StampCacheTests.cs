using System.Net;
using Dapper;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;
using JobMatch.Api.Tests.Infrastructure.Answers;
using Microsoft.AspNetCore.Hosting;

namespace JobMatch.Api.Tests.Accounts;

/// <summary>
/// The stamp check's cache as deployed (a window of seconds), by the service's clock: what another instance changed takes
/// effect once the window has passed; what this instance changed, at once.
/// </summary>
public sealed class StampCacheTests(StampCacheTests.Factory api) : IClassFixture<StampCacheTests.Factory>
{
    public const int WindowSeconds = 5;

    /// <summary><see cref="AccountsApiFactory"/> with the stamp cache on.</summary>
    public sealed class Factory : AccountsApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Accounts:StampCacheSeconds", $"{WindowSeconds}");
        }
    }

    [Fact]
    public async Task AnotherInstancesChangeTakesEffectOnceTheWindowHasPassedAndThisInstancesAtOnce()
    {
        var start = DateTimeOffset.UtcNow;
        api.Clock.Now = start;
        try
        {
            var disabled = await SignedInAsync();
            await using (var db = api.Connection())
            {
                // Another instance disables the account: this one has read it and keeps what it read for the window.
                await db.ExecuteAsync("UPDATE accounts SET disabled_at = now() WHERE id = @id", new { id = disabled.Id });
            }
            api.Clock.Now = start.AddSeconds(WindowSeconds - 1);
            Assert.Equal(HttpStatusCode.OK, (await disabled.Client.GetAsync("/api/me")).StatusCode);
            api.Clock.Now = start.AddSeconds(WindowSeconds);
            await (await disabled.Client.GetAsync("/api/me")).AssertProblem(401);

            var signedOut = await SignedInAsync();
            Assert.Equal(HttpStatusCode.NoContent, (await signedOut.Client.PostAsync("/api/auth/sign-out-everywhere", null)).StatusCode);
            await (await signedOut.Client.GetAsync("/api/me")).AssertProblem(401);
        }
        finally
        {
            api.Clock.Now = null;
        }
    }

    /// <summary>An account's client whose token has been checked once (so its account was read and is kept).</summary>
    async Task<(Guid Id, HttpClient Client)> SignedInAsync()
    {
        var account = await api.CreateAccountAsync(Roles.Recruiter);
        var client = api.Bearer((await (await api.SignInAsync(account.UserName)).Read<SignedInAnswer>()).AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
        return (account.Id, client);
    }
}
