using System.Security.Claims;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;

namespace JobMatch.Api.Accounts;

/// <summary>The caller's own account. Phone and e-mail are shown whole: they are the owner's.</summary>
public sealed record OwnAccount(Guid Id, string UserName, string Role, string State, string? Phone, string? Email, bool EmailConfirmed,
    bool TwoFactorEnabled);

/// <summary>A change of one's own password: the current one proves it is the owner.</summary>
public sealed record PasswordChange([Text(200)] string CurrentPassword, [Text(200)] string NewPassword);

/// <summary>What a signed-in account reads and changes of itself.</summary>
public static class OwnAccountApi
{
    public static IEndpointRouteBuilder MapOwnAccount(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/account").WithTags("Identity").RequireAuthorization(Policies.AnyRole);
        group.MapGet("/", Get).ProducesProblem(404)
            .WithSummary("Your own account: name, role, state, phone and e-mail, second factor");
        group.MapPost("/password", ChangePassword).ProducesValidationProblem().ProducesProblem(404)
            .WithSummary("Change your password: every other sign-in ends, and this one goes on with a new token and refresh cookie");
        return app;
    }

    static async Task<Results<Ok<OwnAccount>, ProblemHttpResult>> Get(ClaimsPrincipal user, AccountStore store) =>
        await store.FindByIdAsync(user.Subject(), default) is { } account
            ? TypedResults.Ok(new OwnAccount(account.Id, account.UserName, account.Role, account.State, account.Phone, account.Email,
                account.EmailConfirmed, account.TwoFactorEnabled))
            : NoAccount();

    static async Task<Results<Ok<SignedIn>, ValidationProblem, ProblemHttpResult>> ChangePassword(
        PasswordChange body, ClaimsPrincipal user, PasswordChanges passwords, HttpResponse response) =>
        await passwords.ChangeAsync(user.Subject(), body.CurrentPassword ?? "", body.NewPassword ?? "") switch
        {
            null => NoAccount(),
            { Finished: { } finished } => SignInApi.Started(finished, response),
            var refused => TypedResults.ValidationProblem(refused.Errors!),
        };

    /// <summary>A token from the token command or an identity provider: valid, but no account of this service issued it.</summary>
    internal static ProblemHttpResult NoAccount() => TypedResults.Problem(statusCode: 404, title: "Not a built-in account",
        detail: Say.Text(
        "您的令牌不是由本服务的账号登录签发的（来自 token 命令或外部身份提供方），这里没有您的账号。",
        "Your token was not issued by signing in to an account of this service (the token command or an identity provider): "
        + "there is no account of yours here."));
}
