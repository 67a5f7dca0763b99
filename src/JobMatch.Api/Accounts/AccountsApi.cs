using System.Security.Claims;
using Dapper;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using JobMatch.Api.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Npgsql;

namespace JobMatch.Api.Accounts;

/// <summary>A staff account to create (admin, recruiter or mentor); it is handed an invitation, not a password.</summary>
public sealed record CreateAccount(
    [OneOf(typeof(AccountCreation), nameof(AccountCreation.StaffRoles))] string Role, [Text(100)] string UserName, [Mobile] string? Phone,
    [Email] string? Email, Guid? CompanyId, Guid? MentorId);

/// <summary>Another staff role; a recruiter names its company, a mentor its mentor record.</summary>
public sealed record ChangeRole([OneOf(typeof(AccountCreation), nameof(AccountCreation.StaffRoles))] string Role, Guid? CompanyId,
    Guid? MentorId);

/// <summary>A created account and its invitation, shown once.</summary>
public sealed record CreatedAccount(AccountView Account, AccountInvitation Invitation);

/// <summary>Staff (admin) list, create, invite, disable, enable and re-role built-in accounts.</summary>
public static class AccountsApi
{
    internal static IEndpointRouteBuilder MapStaffAccounts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/accounts").WithTags("Accounts").RequireAuthorization(Policies.Admin);
        group.MapGet("/", List).WithSummary("Accounts by role, state and user name, newest first; phone and e-mail masked (admin)");
        group.MapGet("/{id:guid}", GetById).ProducesProblem(404).WithSummary("One account, phone and e-mail masked (admin)");
        group.MapPost("/", Create).ProducesProblem(400).ProducesProblem(409)
            .WithSummary("Create an admin, recruiter (with its company) or mentor (with its mentor record) account: "
                + "its invitation, shown once (admin)");
        group.MapPost("/{id:guid}/invitation", Invite).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Invite again, or reset an account that has a password (its sessions end): a new code, shown once (admin)");
        group.MapPost("/{id:guid}/disable", Disable).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Disable an account: its tokens are refused from the next request, its codes voided (admin)");
        group.MapPost("/{id:guid}/enable", Enable).ProducesProblem(404).WithSummary("Enable a disabled account (admin)");
        group.MapPut("/{id:guid}/role", PutRole).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Give a staff account another role and its links; its tokens are refused from the next request (admin)");
        return app;
    }

    static async Task<Results<Ok<Page<AccountView>>, ValidationProblem>> List(NpgsqlDataSource dataSource, UserManager<Account> users,
        [OneOf(typeof(Roles), nameof(Roles.All))] string? role, [OneOf(typeof(AccountStates), nameof(AccountStates.All))] string? state,
        [Text(100)] string? q, string? cursor, int? limit)
    {
        if (!Paging.TryDecode(cursor, out var after))
        {
            return Paging.InvalidCursor();
        }
        var take = Paging.Clamp(limit);
        var filter = new { role, state, q = string.IsNullOrWhiteSpace(q) ? null : users.NormalizeName(q.Trim()), after, take = take + 1 };
        var where = $"""
            WHERE (@role::text IS NULL OR a.role = @role) AND (@state::text IS NULL OR {AccountStates.Sql} = @state)
              AND (@q::text IS NULL OR strpos(a.normalized_user_name, @q) > 0)
            """;
        await using var db = await dataSource.OpenConnectionAsync();
        var rows = (await db.QueryAsync<Account>($"""
            SELECT {AccountStore.Columns} FROM accounts a {where} AND (@after::uuid IS NULL OR a.id < @after) ORDER BY a.id DESC LIMIT @take
            """, filter)).ToList();
        var total = await db.ExecuteScalarAsync<long>($"SELECT count(*) FROM accounts a {where}", filter);
        return TypedResults.Ok(Paging.ToPage(await AccountViews.OfAsync(db, null, rows), take, total, view => view.Id));
    }

    static async Task<Results<Ok<AccountView>, ProblemHttpResult>> GetById(Guid id, AccountStore store, NpgsqlDataSource dataSource) =>
        await store.FindByIdAsync(id.ToString(), default) is { } account
            ? TypedResults.Ok(await ViewAsync(dataSource, account))
            : TypedResults.Problem(statusCode: 404, detail: Say.Text("没有该账号。", "There is no such account."));

    static async Task<Results<Created<CreatedAccount>, ProblemHttpResult>> Create(CreateAccount body, ClaimsPrincipal user,
        AccountCreation creation, HttpRequest request, IOptions<AccountOptions> options, NpgsqlDataSource dataSource)
    {
        if (body.Role is null)
        {
            return Refused(RoleMissing);
        }
        var (account, invitation, refusal) = await creation.CreateAsync(
            new NewAccount(body.Role, body.UserName ?? "", body.Phone, body.Email, body.CompanyId, body.MentorId), Actor(user));
        if (refusal is not null)
        {
            return Refused(refusal);
        }
        var created = new CreatedAccount(await ViewAsync(dataSource, account!),
            AccountInvitation.Of(invitation!, Origin(request, options.Value)));
        return TypedResults.Created($"/api/accounts/{account!.Id}", created);
    }

    static async Task<Results<Ok<AccountInvitation>, ProblemHttpResult>> Invite(Guid id, ClaimsPrincipal user, AccountChanges changes,
        HttpRequest request, IOptions<AccountOptions> options)
    {
        var (_, code, refusal) = await changes.InviteAsync(id, Actor(user));
        return code is not null ? TypedResults.Ok(AccountInvitation.Of(code, Origin(request, options.Value))) : Refused(refusal!);
    }

    static async Task<Results<Ok<AccountView>, ProblemHttpResult>> Disable(Guid id, ClaimsPrincipal user, AccountChanges changes,
        NpgsqlDataSource dataSource) => await Answer(await changes.DisableAsync(id, Actor(user)), dataSource);

    static async Task<Results<Ok<AccountView>, ProblemHttpResult>> Enable(Guid id, ClaimsPrincipal user, AccountChanges changes,
        NpgsqlDataSource dataSource) => await Answer(await changes.EnableAsync(id, Actor(user)), dataSource);

    static async Task<Results<Ok<AccountView>, ProblemHttpResult>> PutRole(Guid id, ChangeRole body, ClaimsPrincipal user,
        AccountChanges changes, NpgsqlDataSource dataSource) => body.Role is null
        ? Refused(RoleMissing)
        : await Answer(await changes.ChangeRoleAsync(id, body.Role, body.CompanyId, body.MentorId, Actor(user)), dataSource);

    static readonly AccountRefusal RoleMissing =
        new(400, "请选择角色：admin、recruiter 或 mentor。", "Give the role: admin, recruiter or mentor.", "role");

    static async Task<Results<Ok<AccountView>, ProblemHttpResult>> Answer((Account? Account, AccountRefusal? Refusal) outcome,
        NpgsqlDataSource dataSource) =>
        outcome.Account is { } account ? TypedResults.Ok(await ViewAsync(dataSource, account)) : Refused(outcome.Refusal!);

    static async Task<AccountView> ViewAsync(NpgsqlDataSource dataSource, Account account)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        return await AccountViews.OfAsync(db, null, account);
    }

    static StaffActor Actor(ClaimsPrincipal user) => new(user.Subject(), user.Role());

    /// <summary>Where the links point: Accounts:PublicOrigin, else the origin this request came to.</summary>
    static string Origin(HttpRequest request, AccountOptions options) => options.Origin ?? $"{request.Scheme}://{request.Host}";

    static ProblemHttpResult Refused(AccountRefusal refusal) => refusal.Field is { } field
        ? TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [refusal.Text] })
        {
            Status = 400, Title = "One or more validation errors occurred.",
        })
        : TypedResults.Problem(statusCode: refusal.Status, title: refusal.Status == 404 ? "Not found" : "Conflict", detail: refusal.Text);
}
