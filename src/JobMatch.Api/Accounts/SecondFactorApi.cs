using System.Security.Claims;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;

namespace JobMatch.Api.Accounts;

/// <summary>A sign-in's second-factor challenge (enrolment: a key for it).</summary>
public sealed record SecondFactorChallenge([Text(SecondFactorChallenges.MaxLength)] string Challenge);

/// <summary>A sign-in's challenge answered with the code the authenticator app shows.</summary>
public sealed record SecondFactorCode([Text(SecondFactorChallenges.MaxLength)] string Challenge, [Text(20)] string Code);

/// <summary>A code of the new key, to turn the second factor on.</summary>
public sealed record AuthenticatorCode([Text(20)] string Code);

/// <summary>
/// The second factor (<see cref="SecondFactors"/>): the sign-in's step after the password (/api/auth/second-factor), and the
/// signed-in account's own authenticator (/api/account/second-factor).
/// </summary>
public static class SecondFactorApi
{
    public static IEndpointRouteBuilder MapSecondFactor(this IEndpointRouteBuilder app)
    {
        var signIn = app.MapGroup("/api/auth/second-factor").WithTags("Identity").AllowAnonymous().AddEndpointFilter<SignInLimit>();
        signIn.MapPost("/enrolment", Enrolment).ProducesProblem(401)
            .WithSummary("A new authenticator key for a sign-in that must enrol a second factor: the key, an otpauth:// link, a QR code");
        signIn.MapPost("", Answer).ProducesValidationProblem().ProducesProblem(401)
            .WithSummary("Finish a sign-in with the authenticator app's code: a bearer token and a refresh cookie (enrolling turns it on)");

        var own = app.MapGroup("/api/account/second-factor").WithTags("Identity").RequireAuthorization(Policies.AnyRole);
        own.MapPost("", NewKey).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("A new authenticator key for your account, on once a code of it is confirmed");
        own.MapPost("/confirm", Confirm).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Turn the second factor on with a code of the new key: from then on a sign-in needs a code");
        own.MapDelete("", Remove).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Turn the second factor off (refused for a role that requires it)");
        return app;
    }

    static async Task<Results<Ok<AuthenticatorSetup>, ProblemHttpResult>> Enrolment(SecondFactorChallenge body, SecondFactors factors) =>
        await factors.EnrolAsync(body.Challenge) is { } setup ? TypedResults.Ok(setup) : SignInAgain();

    static async Task<Results<Ok<SignedIn>, ValidationProblem, ProblemHttpResult>> Answer(
        SecondFactorCode body, SecondFactors factors, HttpResponse response)
    {
        var answer = await factors.AnswerAsync(body.Challenge, body.Code);
        return answer.Session is { } session ? SignInApi.Started(session, response)
            : answer.ChallengeLive ? WrongCode()
            : SignInAgain();
    }

    static async Task<Results<Ok<AuthenticatorSetup>, ProblemHttpResult>> NewKey(ClaimsPrincipal user, SecondFactors factors) =>
        await factors.OwnAccountAsync(user.Subject()) is not { } account ? NotAnAccount()
            : account.TwoFactorEnabled ? TypedResults.Problem(statusCode: 409, title: "Second factor already on", detail: Say.Text(
                "您的账号已开启两步验证。要换一部手机，请先关闭再重新开启（必须使用两步验证的角色请联系管理员）。",
                "Your account has a second factor already. To move it to another phone turn it off, then on again (a role that "
                + "requires it asks the service's administrators)."))
            : TypedResults.Ok(await factors.NewKeyAsync(account));

    static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Confirm(
        AuthenticatorCode body, ClaimsPrincipal user, SecondFactors factors)
    {
        if (await factors.OwnAccountAsync(user.Subject()) is not { } account)
        {
            return NotAnAccount();
        }
        if (account.AuthenticatorKey is null)
        {
            return TypedResults.Problem(statusCode: 409, title: "No authenticator key yet", detail: Say.Text(
                "请先获取新的验证器密钥并添加到验证器应用，再输入其显示的验证码。",
                "Ask for a new authenticator key first (POST /api/account/second-factor), add it to your app, then send its code."));
        }
        return await factors.ConfirmAsync(account, body.Code) ? TypedResults.NoContent() : WrongCode();
    }

    static async Task<Results<NoContent, ProblemHttpResult>> Remove(ClaimsPrincipal user, SecondFactors factors)
    {
        if (await factors.OwnAccountAsync(user.Subject()) is not { } account)
        {
            return NotAnAccount();
        }
        if (factors.IsRequired(account))
        {
            return TypedResults.Problem(statusCode: 409, title: "Second factor required", detail: Say.Text(
                "您的角色必须使用两步验证，无法关闭。更换手机时请联系管理员。",
                "Your role must sign in with a second factor: it cannot be turned off. To move it to another phone ask the "
                + "service's administrators."));
        }
        await factors.RemoveAsync(account);
        return TypedResults.NoContent();
    }

    static ProblemHttpResult SignInAgain() => TypedResults.Problem(statusCode: 401, title: "Sign in again", detail: Say.Text(
        $"此登录步骤已结束（超过 {SecondFactorChallenges.Lifetime.TotalMinutes:0} 分钟、验证码错误 {SecondFactorChallenges.MaxFailures} 次、"
        + "已使用或账号已锁定），请重新输入账号和密码。",
        $"This sign-in step has ended (after {SecondFactorChallenges.Lifetime.TotalMinutes:0} minutes, {SecondFactorChallenges.MaxFailures} "
        + "wrong codes, once used, or the account is locked): sign in again with your account and password."));

    static ValidationProblem WrongCode() => TypedResults.ValidationProblem(new Dictionary<string, string[]>
    {
        ["code"] = [Say.Text(
            "验证码不正确或已使用过：请输入验证器应用当前显示的 6 位数字（手机时间需准确）。连续错误 5 次账号将被锁定。",
            "The code is wrong or was used already: enter the 6 digits your authenticator app shows now (the phone's clock must be "
            + "right). Five failures in a row lock the account.")],
    });

    static ProblemHttpResult NotAnAccount() => TypedResults.Problem(statusCode: 404, title: "Not a built-in account", detail: Say.Text(
        "您的令牌不是由本服务的账号登录签发的（来自 token 命令或外部身份提供方），没有可设置两步验证的账号。",
        "Your token was not issued by signing in to an account of this service (the token command or an identity provider): "
        + "there is no account here to set a second factor for."));
}
