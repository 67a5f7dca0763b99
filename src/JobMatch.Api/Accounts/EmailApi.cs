using System.Security.Claims;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;

namespace JobMatch.Api.Accounts;

/// <summary>An address to add to one's account; it is the account's once the mailed link comes back.</summary>
public sealed record EmailChange([Email] string Email);

/// <summary>The code of a mailed confirmation link.</summary>
public sealed record EmailCode([Text(AccountCodes.MaxTyped)] string Code);

/// <summary>A forgotten password: the account's user name or mobile number.</summary>
public sealed record PasswordResetRequest([Text(200)] string Account);

/// <summary>The one answer to a reset request, whatever the account: what happens next.</summary>
public sealed record PasswordResetRequested(string Detail);

/// <summary>
/// An account's e-mail address, confirmed by a mailed link, and the password reset it makes possible (<see cref="AccountEmails"/>).
/// </summary>
public static class EmailApi
{
    public static IEndpointRouteBuilder MapAccountEmail(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/account/email", Change).WithTags("Identity").RequireAuthorization(Policies.AnyRole)
            .AddEndpointFilter<SignInLimit>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(503)
            .WithSummary("Add or change your e-mail address: a confirmation link is mailed to it, and it is yours once the link is opened");
        var group = app.MapGroup("/api/auth").WithTags("Identity").AllowAnonymous().AddEndpointFilter<SignInLimit>();
        group.MapPost("/email-confirmation", Confirm).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Confirm an e-mail address with the code of its mailed link");
        group.MapPost("/password-reset", Reset)
            .WithSummary("Forgot the password: a link to set a new one is mailed when the account has a confirmed e-mail address");
        return app;
    }

    static async Task<Results<Accepted, ValidationProblem, ProblemHttpResult>> Change(
        EmailChange body, ClaimsPrincipal user, AccountEmails emails)
    {
        if (body.Email?.Trim() is not { Length: > 0 } email)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["email"] = [Say.Text("请填写电子邮箱地址。", "Give an e-mail address.")],
            });
        }
        return await emails.RequestConfirmationAsync(user.Subject(), email) switch
        {
            EmailRequest.Sent => TypedResults.Accepted((string?)null),
            EmailRequest.NoAccount => OwnAccountApi.NoAccount(),
            EmailRequest.MailOff => MailOff(),
            _ => TypedResults.Problem(statusCode: 503, title: "Mail not sent", detail: Say.Text(
                "邮件暂时无法发送，请稍后再试；仍不行请联系工作人员。", "The mail could not be sent just now: try again later, and ask staff if it goes on.")),
        };
    }

    static async Task<Results<NoContent, ProblemHttpResult>> Confirm(EmailCode body, AccountEmails emails) =>
        await emails.ConfirmAsync(body.Code ?? "") switch
        {
            EmailConfirmation.Confirmed => TypedResults.NoContent(),
            EmailConfirmation.TakenByAnother => Problems.Conflict("此邮箱已被另一个账号确认使用：请换一个邮箱。",
                "Another account has confirmed this address meanwhile: use another one."),
            _ => SetPasswordApi.CodeDoesNotWork(),
        };

    static async Task<Accepted<PasswordResetRequested>> Reset(PasswordResetRequest body, AccountEmails emails, HttpResponse response)
    {
        if (await emails.RequestResetAsync(body.Account ?? "") is { } send)
        {
            response.OnCompleted(send);
        }
        return TypedResults.Accepted((string?)null, new PasswordResetRequested(Say.Text(
            $"如果该账号已确认电子邮箱，重设密码的链接已发往该邮箱，{(int)AccountCodes.ResetLifetime.TotalHours} 小时内有效。"
            + "没有确认邮箱的账号，请到退役军人服务中心重设密码。",
            $"If the account has a confirmed e-mail address, a link to set a new password was mailed to it; it works for "
            + $"{(int)AccountCodes.ResetLifetime.TotalHours} hours. Without a confirmed address, the veterans service centre resets it.")));
    }

    static ProblemHttpResult MailOff() => Problems.Conflict("本服务尚未配置电子邮件，请联系工作人员。",
        "E-mail is not set up on this service: ask staff.");
}
