using System.Net;
using Dapper;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Accounts;

/// <summary>Wrong passwords lock an account, and sign-ins are limited per address and minute across instances.</summary>
public sealed class LockoutTests(AccountsApiFactory api) : IClassFixture<AccountsApiFactory>
{
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
        var entries = await api.AuditAsync(account.Id);
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
        Assert.Contains(("account.locked_out", null), await api.AuditAsync(account.Id));
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
                const string Counted =
                    "INSERT INTO sign_in_windows (address, window_start, attempts) VALUES (@address, @window, @attempts)";
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
}
