using System.Net;
using System.Net.Http.Json;
using Dapper;
using JobMatch.Api.Accounts;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;
using JobMatch.Api.Tests.Infrastructure.Answers;
using Microsoft.Extensions.Configuration;
using OtpNet;
using OtpTotp = OtpNet.Totp;

namespace JobMatch.Api.Tests.Accounts;

/// <summary>
/// The second factor: staff cannot get a token with the password alone (they enrol at sign-in), a wrong or reused code is
/// refused and counted, and others turn it on and off themselves. Codes are computed here with Otp.NET as an app would;
/// each account's codes are of later and later time steps (a step once accepted is never accepted again).
/// </summary>
public sealed class SecondFactorTests(AccountsApiFactory api) : IClassFixture<AccountsApiFactory>
{
    [Fact]
    public async Task AnAdminEnrolsAtTheFirstSignInThenSignsInWithPasswordAndCodeAndCannotTurnItOff()
    {
        var admin = await api.CreateAccountAsync(Roles.Admin);
        var step = await PasswordAsync(admin);
        Assert.True(step.Enrol);
        Assert.InRange(step.ExpiresAt, DateTime.UtcNow.AddMinutes(4), DateTime.UtcNow.AddMinutes(6));
        // No token without a code, and no key without an enrolment challenge.
        await (await AnswerAsync(step.Challenge, "123456")).AssertProblem(400);
        var setup = await (await Post("/api/auth/second-factor/enrolment", new { challenge = step.Challenge })).Read<AuthenticatorSetupAnswer>();
        Assert.Equal($"otpauth://totp/JobMatch:{admin.UserName}?secret={setup.Key}&issuer=JobMatch&digits=6", setup.Uri);
        Assert.Contains("<svg", setup.QrSvg, StringComparison.Ordinal);
        var enrolled = await AnswerAsync(step.Challenge, Code(setup.Key));
        var token = (await enrolled.Read<SignedInAnswer>()).AccessToken;
        Assert.False(string.IsNullOrEmpty(AccountsApiFactory.RefreshCookie(enrolled)));
        Assert.Equal(admin.Id.ToString(), (await (await api.Bearer(token).GetAsync("/api/me")).Read<MeAnswer>()).Subject);

        var next = await PasswordAsync(admin);
        Assert.False(next.Enrol);
        await (await Post("/api/auth/second-factor/enrolment", new { challenge = next.Challenge })).AssertProblem(401);
        Assert.Equal(HttpStatusCode.OK, (await AnswerAsync(next.Challenge, Code(setup.Key, 1))).StatusCode);
        // The challenge is used: it cannot sign in twice either.
        await (await AnswerAsync(next.Challenge, Code(setup.Key, 2))).AssertProblem(401);

        await (await api.Bearer(token).DeleteAsync("/api/account/second-factor")).AssertProblem(409);
        Assert.Contains(("account.second_factor_enrolled", null), await api.AuditAsync(admin.Id));
    }

    [Fact]
    public async Task AWrongCodeAndAReusedCodeAreRefusedAndCountTowardsTheLockout()
    {
        var admin = await api.CreateAccountAsync(Roles.Admin);
        var enrolment = await PasswordAsync(admin);
        var key = (await (await Post("/api/auth/second-factor/enrolment", new { challenge = enrolment.Challenge }))
            .Read<AuthenticatorSetupAnswer>()).Key;
        var used = Code(key);
        Assert.Equal(HttpStatusCode.OK, (await AnswerAsync(enrolment.Challenge, used)).StatusCode);

        var step = await PasswordAsync(admin);
        var refused = await (await AnswerAsync(step.Challenge, Code(key, 20))).AssertProblem(400);
        Assert.True(refused.GetProperty("errors").TryGetProperty("code", out _));
        await (await AnswerAsync(step.Challenge, used)).AssertProblem(400);
        await using var db = api.Connection();
        Assert.Equal(2, await db.ExecuteScalarAsync<int>("SELECT failed_count FROM accounts WHERE id = @Id", new { admin.Id }));
        Assert.Equal(HttpStatusCode.OK, (await AnswerAsync(step.Challenge, Code(key, 1))).StatusCode);
        Assert.Equal(0, await db.ExecuteScalarAsync<int>("SELECT failed_count FROM accounts WHERE id = @Id", new { admin.Id }));
        var audit = await api.AuditAsync(admin.Id);
        Assert.Equal([("account.second_factor_failed", "wrong_code"), ("account.second_factor_failed", "reused_code")],
            audit.Where(entry => entry.Action == "account.second_factor_failed"));
    }

    [Fact]
    public async Task FiveWrongCodesEndTheChallengeAndLockTheAccount()
    {
        var admin = await api.CreateAccountAsync(Roles.Admin);
        var step = await PasswordAsync(admin);
        for (var attempt = 1; attempt < 5; attempt++)
        {
            await (await AnswerAsync(step.Challenge, "000000")).AssertProblem(400);
        }
        await (await AnswerAsync(step.Challenge, "000000")).AssertProblem(401);
        Assert.Contains(("account.locked_out", null), await api.AuditAsync(admin.Id));
        await (await api.SignInAsync(admin.UserName)).AssertProblem(401);
    }

    [Fact]
    public async Task ARecruiterSignsInWithThePasswordAloneUntilTurningItOnAndMayTurnItOff()
    {
        var recruiter = await api.CreateAccountAsync(Roles.Recruiter);
        var token = (await (await api.SignInAsync(recruiter.UserName)).Read<SignedInAnswer>()).AccessToken;
        var own = api.Bearer(token);
        var setup = await (await own.PostAsync("/api/account/second-factor", null)).Read<AuthenticatorSetupAnswer>();
        // Not on until a code of the key confirms it.
        Assert.Null((await (await api.SignInAsync(recruiter.UserName)).Read<SignInStepAnswer>()).SecondFactor);
        await (await own.PostAsJsonAsync("/api/account/second-factor/confirm", new { code = Code(setup.Key, 20) })).AssertProblem(400);
        Assert.Equal(HttpStatusCode.NoContent,
            (await own.PostAsJsonAsync("/api/account/second-factor/confirm", new { code = Code(setup.Key) })).StatusCode);
        // Turning it on does not sign the caller out.
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync("/api/me")).StatusCode);

        var step = await PasswordAsync(recruiter);
        Assert.False(step.Enrol);
        Assert.Equal(HttpStatusCode.OK, (await AnswerAsync(step.Challenge, Code(setup.Key, 1))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await own.DeleteAsync("/api/account/second-factor")).StatusCode);
        Assert.NotNull((await (await api.SignInAsync(recruiter.UserName)).Read<SignInStepAnswer>()).AccessToken);
        var actions = (await api.AuditAsync(recruiter.Id)).Select(entry => entry.Action).ToList();
        Assert.Equal(["account.second_factor_enrolled", "account.second_factor_removed"],
            actions.Where(action => action is "account.second_factor_enrolled" or "account.second_factor_removed"));
    }

    [Fact]
    public void TheRolesThatRequireItAreAdminUnlessConfiguredAndAnEmptyListRequiresItOfNone()
    {
        Assert.Equal([Roles.Admin], Bind([]).RolesRequiringSecondFactor);
        Assert.Empty(Bind(new() { ["Accounts:SecondFactorRequiredFor"] = "" }).RolesRequiringSecondFactor);
        var two = Bind(new() { ["Accounts:SecondFactorRequiredFor:0"] = "admin", ["Accounts:SecondFactorRequiredFor:1"] = "mentor" });
        Assert.Equal([Roles.Admin, Roles.Mentor], two.RolesRequiringSecondFactor);
        Assert.False(Bind(new() { ["Accounts:SecondFactorRequiredFor:0"] = "staff" }).IsValid());
    }

    static AccountOptions Bind(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(AccountOptions.Section).Get<AccountOptions>()
        ?? new AccountOptions();

    /// <summary>The password is right; the answer is the second factor's step, without a token or a cookie.</summary>
    async Task<SecondFactorStepAnswer> PasswordAsync(Account account)
    {
        var response = await api.SignInAsync(account.UserName);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        var answer = await response.Read<SignInStepAnswer>();
        Assert.Null(answer.AccessToken);
        Assert.Null(answer.ExpiresAt);
        return Assert.IsType<SecondFactorStepAnswer>(answer.SecondFactor);
    }

    /// <summary>The app's code of the time step so many steps from now.</summary>
    static string Code(string key, int steps = 0) =>
        new OtpTotp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * steps));

    Task<HttpResponseMessage> AnswerAsync(string challenge, string code) => Post("/api/auth/second-factor", new { challenge, code });

    // Each request from an address of its own: the sign-in limit of the test factory is a few per minute.
    Task<HttpResponseMessage> Post(string path, object body) => api.CreateClient().PostAsJsonAsync(path, body);
}
