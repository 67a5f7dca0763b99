using System.Security.Claims;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;

namespace JobMatch.Api.Accounts;

/// <summary>A sign-in: the account is its user name or its mobile number.</summary>
public sealed record SignIn([Text(200)] string Account, [Text(200)] string Password);

/// <summary>
/// A short-lived bearer token; the refresh token travels in an httpOnly cookie beside it. Or, when a code is needed after
/// the password, no token yet but the second factor's step (answered at /api/auth/second-factor).
/// </summary>
public sealed record SignedIn(string? AccessToken, DateTime? ExpiresAt, SecondFactorStep? SecondFactor = null);

/// <summary>
/// Sign-in of built-in accounts (<see cref="AccountSessions"/>): a bearer token of the kind the API already checks, and a
/// rotating refresh token in an httpOnly, Secure, SameSite=Strict cookie that only /api/auth sees.
/// </summary>
public static class SignInApi
{
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        if (!AccountsSetup.AreOn(app.ServiceProvider))
        {
            return app;
        }
        var group = app.MapGroup("/api/auth").WithTags("Identity");
        group.MapPost("/sign-in", SignIn).AllowAnonymous().AddEndpointFilter<SignInLimit>().ProducesProblem(401).ProducesProblem(403)
            .WithSummary("Sign in with an account (user name or mobile number) and password: a bearer token, and a refresh cookie");
        group.MapPost("/refresh", Refresh).AllowAnonymous().ProducesProblem(401)
            .WithSummary("A new bearer token for the refresh cookie, which is replaced; a cookie used twice ends its sign-in");
        group.MapPost("/sign-out", SignOut).AllowAnonymous()
            .WithSummary("End this sign-in: its refresh cookie no longer works (bearer tokens already handed out run out)");
        group.MapPost("/sign-out-everywhere", SignOutEverywhere).RequireAuthorization(Policies.AnyRole).ProducesProblem(404)
            .WithSummary("End every sign-in of your account: refresh cookies and bearer tokens are refused from the next request");
        app.MapRegistration();
        app.MapSecondFactor();
        app.MapSetPassword().MapOwnAccount().MapAccountEmail();
        app.MapStaffAccounts();
        return app;
    }

    static async Task<Results<Ok<SignedIn>, ProblemHttpResult>> SignIn(SignIn body, AccountSessions sessions, HttpResponse response) =>
        await sessions.SignInAsync(body.Account ?? "", body.Password ?? "") switch
        {
            ({ } finished, _) => Started(finished, response),
            (_, AwaitingConfirmation: true) => RegistrationApi.AwaitingConfirmation(),
            _ => TypedResults.Problem(statusCode: 401, title: "Sign-in failed", detail: Say.Text(
                $"账号或密码不正确。连续失败 5 次后账号将锁定 {AccountsSetup.LockoutMinutes} 分钟；账号被停用时请联系退役军人服务中心。",
                $"The account or the password is wrong. After 5 failures in a row the account is locked for {AccountsSetup.LockoutMinutes} "
                + "minutes; a disabled account is restored by the veterans service centre.")),
        };

    static async Task<Results<Ok<SignedIn>, ProblemHttpResult>> Refresh(
        HttpRequest request, AccountSessions sessions, HttpResponse response) =>
        request.Cookies[RefreshTokens.Cookie] is { Length: > 0 } refresh && await sessions.RefreshAsync(refresh) is { } session
            ? Started(session, response)
            : Ended(response);

    static async Task<NoContent> SignOut(HttpRequest request, AccountSessions sessions, HttpResponse response)
    {
        if (request.Cookies[RefreshTokens.Cookie] is { Length: > 0 } refresh)
        {
            await sessions.SignOutAsync(refresh);
        }
        response.Cookies.Delete(RefreshTokens.Cookie, CookieOptions(null));
        return TypedResults.NoContent();
    }

    static async Task<Results<NoContent, ProblemHttpResult>> SignOutEverywhere(
        ClaimsPrincipal user, AccountSessions sessions, HttpResponse response)
    {
        if (!await sessions.SignOutEverywhereAsync(user.Subject()))
        {
            return TypedResults.Problem(statusCode: 404, title: "Not a built-in account", detail: Say.Text(
                "您的令牌不是由本服务的账号登录签发的（来自 token 命令或外部身份提供方），无法在此注销。",
                "Your token was not issued by signing in to an account of this service (the token command or an identity provider): "
                + "there is nothing to sign out of here."));
        }
        response.Cookies.Delete(RefreshTokens.Cookie, CookieOptions(null));
        return TypedResults.NoContent();
    }

    /// <summary>A session's token and cookie, or the second factor's step (no cookie before the code).</summary>
    internal static Ok<SignedIn> Started(Finished finished, HttpResponse response) => finished.Session is { } session
        ? Started(session, response)
        : TypedResults.Ok(new SignedIn(null, null, finished.SecondFactor));

    internal static Ok<SignedIn> Started(Session session, HttpResponse response)
    {
        response.Cookies.Append(RefreshTokens.Cookie, session.RefreshToken, CookieOptions(session.RefreshExpiresAt));
        return TypedResults.Ok(new SignedIn(session.AccessToken, session.ExpiresAt));
    }

    static ProblemHttpResult Ended(HttpResponse response)
    {
        response.Cookies.Delete(RefreshTokens.Cookie, CookieOptions(null));
        return TypedResults.Problem(statusCode: 401, title: "Sign in again", detail: Say.Text(
            "登录已结束或已过期，请重新登录。", "Your sign-in has ended or expired: sign in again."));
    }

    static CookieOptions CookieOptions(DateTime? expires) => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Strict,
        Path = RefreshTokens.CookiePath,
        Expires = expires,
        IsEssential = true,
    };
}
