using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Companies;
using JobMatch.Api.Conventions;
using JobMatch.Api.Mentoring;
using JobMatch.Api.Privacy;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace JobMatch.Api.Accounts;

/// <summary>A staff account to create; a recruiter names its company, a mentor its mentor record.</summary>
public sealed record NewAccount(string Role, string UserName, string? Phone, string? Email, Guid? CompanyId, Guid? MentorId);

/// <summary>Who acts, as the audit log records them: a token's subject and role, or <c>cli:USER</c> and <c>system</c>.</summary>
public sealed record StaffActor(string Subject, string Role);

/// <summary>Why a staff action was refused: on a field of the request (400), or as a whole (404, 409), in both languages.</summary>
public sealed record AccountRefusal(int Status, string Chinese, string English, string? Field = null)
{
    public string Text => Say.Text(Chinese, English);
}

/// <summary>
/// Creating a staff account (the staff's API and the <c>account create</c> command): the account through Identity's
/// UserManager without a password, its recruiter or mentor link and its invitation in one transaction, audited.
/// </summary>
public sealed class AccountCreation(UserManager<Account> users, AccountTransaction joined, NpgsqlDataSource dataSource, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> StaffRoles = [Roles.Admin, Roles.Recruiter, Roles.Mentor];

    const string UniqueViolation = "23505";

    /// <summary>The account and its invitation's code (shown once), or why not.</summary>
    public async Task<(Account? Account, IssuedCode? Invitation, AccountRefusal? Refusal)> CreateAsync(NewAccount request, StaffActor actor)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var account = new Account
        {
            UserName = request.UserName.Trim(), Phone = PhoneNumber.Normalize(request.Phone), Email = request.Email?.Trim(),
            Role = request.Role, CreatedBy = actor.Subject, CreatedAt = now,
        };
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        if ((await LinkAsync(db, tx, account, request.CompanyId, request.MentorId, actor) ?? await StoreAsync(account, tx)) is { } refusal)
        {
            return (null, null, refusal);
        }
        var invitation = await AccountCodes.IssueAsync(db, tx, account.Id, CodePurposes.Invitation, AccountCodes.InvitationLifetime,
            actor.Subject, now);
        await AuditLog.WriteAsync(db, tx, actor.Subject, actor.Role, "account.created", "account", account.Id,
            new { role = account.Role, companyId = request.CompanyId, mentorId = request.MentorId });
        await tx.CommitAsync();
        return (account, invitation, null);
    }

    async Task<AccountRefusal?> StoreAsync(Account account, NpgsqlTransaction tx)
    {
        joined.Current = tx;
        try
        {
            var created = await users.CreateAsync(account);
            return created.Succeeded ? null
                : created.Errors.Any(error => error.Code == nameof(IdentityErrorDescriber.DuplicateUserName))
                ? Taken("normalized_user_name")
                : new AccountRefusal(400, "请填写用户名（1–100 字）。", "Give a user name (1 to 100 characters).", "userName");
        }
        catch (PostgresException e) when (e.SqlState == UniqueViolation)
        {
            return Taken(e.ConstraintName);
        }
        finally
        {
            joined.Current = null;
        }
    }

    static AccountRefusal Taken(string? constraint) =>
        constraint?.Contains("phone", StringComparison.Ordinal) == true
            ? new(409, "该手机号已属于另一个账号：请换一个号码，或不填手机号。", "This mobile number belongs to another account: give another number, or none.")
        : constraint?.Contains("email", StringComparison.Ordinal) == true
            ? new(409, "该电子邮箱已属于另一个账号：请换一个邮箱，或不填。", "This e-mail address belongs to another account: give another address, or none.")
        : new(409, "该用户名已被使用：请换一个用户名。", "This user name is taken: choose another user name.");

    /// <summary>
    /// Links the account to what its role acts for: a recruiter to its company, a mentor to its mentor record (mentors.subject).
    /// A refusal names the request's field; the caller rolls the transaction back.
    /// </summary>
    internal static async Task<AccountRefusal?> LinkAsync(NpgsqlConnection db, NpgsqlTransaction tx, Account account, Guid? companyId,
        Guid? mentorId, StaffActor actor)
    {
        var subject = account.Id.ToString();
        if (account.Role == Roles.Recruiter)
        {
            return companyId is not { } company
                ? new(400, "招聘人员账号须选择所属单位。", "A recruiter's account needs its company: give companyId.", "companyId")
                : await RecruiterLinks.LinkAsync(db, tx, company, subject, actor.Subject) is null
                ? new(400, "没有该单位：请从单位列表中选择。", "There is no such company: pick one from the companies list.", "companyId")
                : null;
        }
        if (account.Role == Roles.Mentor)
        {
            return mentorId is not { } mentor
                ? new(400, "导师账号须选择导师档案。", "A mentor's account needs its mentor record: give mentorId.", "mentorId")
                : await MentorSubjects.LinkAsync(db, tx, mentor, subject) != MentorLinking.Linked
                ? new(400, "没有该导师档案：请从导师列表中选择。", "There is no such mentor record: pick one from the mentors list.", "mentorId")
                : null;
        }
        return null;
    }

    /// <summary>Removes the links of the account's present role (before its role changes).</summary>
    internal static async Task UnlinkAsync(NpgsqlConnection db, NpgsqlTransaction tx, Account account)
    {
        await RecruiterLinks.UnlinkAllAsync(db, tx, account.Id.ToString());
        await MentorSubjects.UnlinkAsync(db, tx, account.Id.ToString());
    }
}
