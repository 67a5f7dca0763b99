using System.Security.Claims;
using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using JobMatch.Api.Privacy;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace JobMatch.Api.Accounts;

/// <summary>A veteran's registration: the mobile number signs in, or the user name when one is given.</summary>
public sealed record Registration([Mobile] string? Phone, [Text(200)] string? Password, [Text(AccountNameValidator.MaxLength)] string? UserName);

/// <summary>The one answer to a registration, whether the phone was new or already had an account.</summary>
public sealed record Registered(string State, string Detail);

/// <summary>
/// Veterans register themselves with their phone number; until an SMS gateway confirms numbers, staff confirm it when the
/// veteran shows their ID or calls the veterans service centre (<see cref="AccountStates.AwaitingConfirmation"/>).
/// A phone that already has an account gets the same answer, so registering tells no one whose number is registered.
/// </summary>
public static class RegistrationApi
{
    public static IEndpointRouteBuilder MapRegistration(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/register", Register).WithTags("Identity").AllowAnonymous().AddEndpointFilter<SignInLimit>()
            .ProducesValidationProblem()
            .WithSummary("Register as a veteran with a mobile number and a password; staff confirm the number before the first sign-in")
            .WithDescription("Answers 202 awaiting_confirmation, the same whether or not the number already has an account.");
        app.MapPost("/api/accounts/{id:guid}/phone-confirmation", ConfirmPhone).WithTags("Accounts")
            .RequireAuthorization(Policies.Admin).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Confirm a registered veteran's phone (seen their ID, or called them back): the account can then sign in");
        return app;
    }

    static async Task<Results<Accepted<Registered>, ValidationProblem>> Register(
        Registration body, UserManager<Account> users, NpgsqlDataSource dataSource)
    {
        var phone = PhoneNumber.Normalize(body.Phone);
        if (phone is null || string.IsNullOrEmpty(body.Password))
        {
            return TypedResults.ValidationProblem(Missing(phone, body.Password));
        }
        await using var db = await dataSource.OpenConnectionAsync();
        var account = new Account { UserName = body.UserName?.Trim() is { Length: > 0 } name ? name : phone, Phone = phone, Role = Roles.Veteran };
        account.CreatedBy = account.Id.ToString();
        if (await RefusalsAsync(users, account, body.Password) is { Count: > 0 } refusals)
        {
            return TypedResults.ValidationProblem(refusals);
        }
        var created = await TakenByAsync(db, phone) is null ? await CreateAsync(users, account, body.Password) : null;
        if (created is { Succeeded: false })
        {
            return TypedResults.ValidationProblem(AccountErrors.ByField(created));
        }
        if (created is { Succeeded: true })
        {
            await AuditLog.WriteAsync(db, null, account.CreatedBy, Roles.Veteran, "account.registered", "account", account.Id);
            return Received();
        }
        // Taken before, or by another registration in between: audited on the account that holds the number, and the
        // password hashed all the same, so that the time taken tells no more than the answer.
        users.PasswordHasher.HashPassword(account, body.Password);
        await AuditLog.WriteAsync(db, null, AccountSessions.Anonymous, AccountSessions.Anonymous, "account.registration_duplicate",
            "account", await TakenByAsync(db, phone));
        return Received();
    }

    static Dictionary<string, string[]> Missing(string? phone, string? password)
    {
        var errors = new Dictionary<string, string[]>();
        if (phone is null)
        {
            errors["phone"] = [Say.Text("请填写您的手机号：11 位数字。", "Give your mobile number: 11 digits.")];
        }
        if (string.IsNullOrEmpty(password))
        {
            errors["password"] = [Say.Text("请设置密码：至少 10 个字符，一句好记的短语最方便。",
                "Choose a password: at least 10 characters; a phrase you remember works best.")];
        }
        return errors;
    }

    /// <summary>
    /// The password's and the name's refusals that do not depend on other accounts, checked before whether the number is taken:
    /// a taken number answers them as a new one would. Identity checks them again as it creates the account.
    /// </summary>
    static async Task<Dictionary<string, string[]>> RefusalsAsync(UserManager<Account> users, Account account, string password)
    {
        var checks = users.PasswordValidators.Select(validator => validator.ValidateAsync(users, account, password))
            .Concat(users.UserValidators.OfType<AccountNameValidator>().Select(validator => validator.ValidateAsync(users, account)));
        var results = await Task.WhenAll(checks);
        return AccountErrors.ByField(IdentityResult.Failed([.. results.SelectMany(result => result.Errors)]));
    }

    /// <summary>The account that the number already names, as its phone or as its user name.</summary>
    static Task<Guid?> TakenByAsync(NpgsqlConnection db, string phone) => db.QuerySingleOrDefaultAsync<Guid?>(
        "SELECT id FROM accounts WHERE phone = @phone OR normalized_user_name = @phone LIMIT 1", new { phone });

    /// <summary>Identity's answer, or null when another registration took the number between the check and the insert.</summary>
    static async Task<IdentityResult?> CreateAsync(UserManager<Account> users, Account account, string password)
    {
        try
        {
            return await users.CreateAsync(account, password);
        }
        catch (PostgresException e) when (e is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "accounts_phone_key" })
        {
            return null;
        }
    }

    static Accepted<Registered> Received() => TypedResults.Accepted((string?)null, new Registered(AccountStates.AwaitingConfirmation,
        Say.Text("注册已收到。请携带身份证到退役军人服务中心，或致电服务中心，由工作人员确认您的手机号；确认后即可用手机号和密码登录。"
            + "如果这个号码已有账号，请直接登录，忘记密码请联系服务中心。",
            "Registration received. Bring your ID card to the veterans service centre, or call it, so that staff confirm your "
            + "phone number; then sign in with the number and your password. If this number already has an account, sign in "
            + "with it, or ask the centre to reset a forgotten password.")));

    static async Task<Results<NoContent, NotFound, ProblemHttpResult>> ConfirmPhone(
        Guid id, ClaimsPrincipal user, UserManager<Account> users, NpgsqlDataSource dataSource)
    {
        if (await users.FindByIdAsync(id.ToString()) is not { } account)
        {
            return TypedResults.NotFound();
        }
        if (account.State != AccountStates.AwaitingConfirmation)
        {
            return Problems.Conflict("只有注册后等待确认手机号的退役军人账号才需要确认。",
                "Only a registered veteran's account awaiting confirmation of its phone takes this: there is nothing to confirm.");
        }
        account.PhoneConfirmed = true;
        if (!(await users.UpdateAsync(account)).Succeeded)
        {
            return Problems.Conflict("账号刚被他人修改，请刷新后重试。", "The account changed meanwhile: reload it and retry.");
        }
        await using var db = await dataSource.OpenConnectionAsync();
        await AuditLog.WriteAsync(db, null, user, "account.phone_confirmed", "account", account.Id);
        return TypedResults.NoContent();
    }

    /// <summary>The sign-in's answer to a veteran with the right password whose phone staff have not confirmed yet.</summary>
    internal static ProblemHttpResult AwaitingConfirmation() => TypedResults.Problem(statusCode: 403,
        title: Say.Text("手机号待确认", "Phone number awaiting confirmation"), detail: Say.Text(
            "您的密码正确，但手机号还未经工作人员确认。请携带身份证到退役军人服务中心，或致电服务中心确认手机号，确认后即可登录。",
            "Your password is right, but staff have not confirmed your phone number yet. Bring your ID card to the veterans "
            + "service centre, or call it, to have the number confirmed; then sign in."));
}
