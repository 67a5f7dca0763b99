using JobMatch.Api.Conventions;

namespace JobMatch.Api.Accounts;

/// <summary>A one-time code from an invitation or a reset link, as typed or taken from the link.</summary>
public sealed record CodeCheck([Text(AccountCodes.MaxTyped)] string Code);

/// <summary>Whose password a live code sets, what for (invitation, password_reset) and until when, for the console to show.</summary>
public sealed record CodeFor(string UserName, string Role, string Purpose, DateTime ExpiresAt);

/// <summary>A first password from an invitation, or a new one from a reset.</summary>
public sealed record SetPassword([Text(AccountCodes.MaxTyped)] string Code, [Text(200)] string Password);

/// <summary>The invitation's first password, and a reset's new one (<see cref="PasswordChanges"/>): then signed in as at sign-in.</summary>
public static class SetPasswordApi
{
    public static IEndpointRouteBuilder MapSetPassword(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Identity").AllowAnonymous().AddEndpointFilter<SignInLimit>();
        group.MapPost("/set-password/check", Check).ProducesProblem(404)
            .WithSummary("Whose password a one-time code (invitation or reset) sets, and until when; the code stays unused");
        group.MapPost("/set-password", Set).ProducesValidationProblem().ProducesProblem(404)
            .WithSummary("Set the password with a one-time code: other sign-ins end, and you are signed in (token and refresh cookie)");
        return app;
    }

    static async Task<Results<Ok<CodeFor>, ProblemHttpResult>> Check(CodeCheck body, PasswordChanges passwords) =>
        await passwords.PeekAsync(body.Code ?? "") is var (account, code)
            ? TypedResults.Ok(new CodeFor(account.UserName, account.Role, code.Purpose, code.ExpiresAt))
            : CodeDoesNotWork();

    static async Task<Results<Ok<SignedIn>, ValidationProblem, ProblemHttpResult>> Set(
        SetPassword body, PasswordChanges passwords, HttpResponse response) =>
        await passwords.SetWithCodeAsync(body.Code ?? "", body.Password ?? "") switch
        {
            null => CodeDoesNotWork(),
            { Finished: { } finished } => SignInApi.Started(finished, response),
            var refused => TypedResults.ValidationProblem(refused.Errors!),
        };

    /// <summary>One answer for an unknown, used, voided or expired code and for a disabled account's.</summary>
    internal static ProblemHttpResult CodeDoesNotWork() => TypedResults.Problem(statusCode: 404, title: "The link does not work",
        detail: Say.Text("此链接已过期或已使用：请向退役军人服务中心索取新的链接。",
            "This link has expired or was used: ask the veterans service centre for a new one."));
}
