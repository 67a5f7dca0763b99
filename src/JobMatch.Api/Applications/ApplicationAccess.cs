using System.Data.Common;
using System.Security.Claims;
using Dapper;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using JobMatch.Api.Privacy;

namespace JobMatch.Api.Applications;

/// <summary>Who reaches an application: the applicant, the recruiters linked to the position's company, admin. Anyone else gets 404.</summary>
static class ApplicationAccess
{
    public sealed record Current(Guid Id, string Kind, string State, Guid VeteranId, Guid PositionId, Guid CompanyId, string VeteranSubject);

    /// <summary>The application if the caller may reach it, else null; locked for a change when asked.</summary>
    public static async Task<Current?> Find(DbConnection db, DbTransaction? tx, ClaimsPrincipal user, Guid id, bool forUpdate = false)
    {
        var current = await db.QuerySingleOrDefaultAsync<Current>($"""
            SELECT a.id, a.kind, a.state, a.veteran_id, a.position_id, p.company_id, v.subject AS veteran_subject
            FROM applications a JOIN positions p ON p.id = a.position_id JOIN veterans v ON v.id = a.veteran_id
            WHERE a.id = @id {(forUpdate ? "FOR UPDATE OF a" : "")}
            """, new { id }, tx);
        if (current is null)
        {
            return null;
        }
        var reachable = (user.IsInRole(Roles.Veteran) && current.VeteranSubject == user.Subject())
            || await CompanyAccess.CanActFor(db, user, current.CompanyId, tx);
        return reachable ? current : null;
    }

    /// <summary>
    /// SQL, true when the company may read the veteran (name and masked profile): one of its positions has a live
    /// application from them (an accepted invitation is one). Applying is consent for that company alone; the access ends
    /// with the application (<see cref="ApplicationStates.Ended"/>) or when the veteran's latest share_with_recruiters
    /// answer, given after applying, is a withdrawal. Whoever acts for the company now reads through it, a recruiter
    /// linked later too; one unlinked reads nothing. The one definition: profiles, application lists, candidates.
    /// </summary>
    /// <param name="veteranId">SQL for the veteran's id, such as <c>a.veteran_id</c> or <c>@veteranId</c>.</param>
    /// <param name="companyId">SQL for the company's id.</param>
    public static string CompanyReadsVeteran(string veteranId, string companyId) => $"""
        EXISTS (SELECT 1 FROM applications live JOIN positions live_p ON live_p.id = live.position_id
                WHERE live.veteran_id = {veteranId} AND live_p.company_id = {companyId} AND {Live("live")})
        """;

    /// <summary>
    /// SQL, true when the company sees the applicant's phone on this application (alias <paramref name="application"/>): the
    /// veteran consented on applying (<see cref="Consents.PhoneForApplication"/>, V20) and the application is live as in
    /// <see cref="CompanyReadsVeteran"/>. Applications made before that consent existed never share it.
    /// </summary>
    public static string SharesPhone(string application) => $"({application}.shares_phone AND {Live(application)})";

    /// <summary>How the reader of an application reads its applicant's phone (<see cref="PhoneAccess"/>): the company, or masked.</summary>
    public static PhoneReader PhoneReaderOf(ClaimsPrincipal user) => user.IsInRole(Roles.Recruiter) ? PhoneReader.Company : PhoneReader.Other;

    // Not ended, and no withdrawal of share_with_recruiters given after applying.
    static string Live(string application) => $"""
        {application}.state NOT IN ({string.Join(", ", ApplicationStates.Ended.Select(state => $"'{state}'"))})
                  AND NOT EXISTS (SELECT 1 FROM current_consents withdrawn
                                  WHERE withdrawn.veteran_id = {application}.veteran_id AND withdrawn.kind = '{Consents.ShareWithRecruiters}'
                                    AND NOT withdrawn.granted AND withdrawn.at >= {application}.created_at)
        """;

    /// <summary>Whether the recruiter reads the veteran: a company linked to them reads the veteran now.</summary>
    public static async Task<bool> RecruiterReadsVeteran(DbConnection db, ClaimsPrincipal user, Guid veteranId) =>
        user.IsInRole(Roles.Recruiter) && await db.ExecuteScalarAsync<bool>($"""
            SELECT EXISTS (SELECT 1 FROM ({CompanyAccess.LinkedCompanies}) l WHERE {CompanyReadsVeteran("@veteranId", "l.company_id")})
            """, CompanyAccess.Parameters(user, new { veteranId }));

    /// <summary>The company (its recruiters) and admin move the stages; the applicant withdraws or drops out.</summary>
    public static bool MayMove(ClaimsPrincipal user, Current current, string target)
    {
        var company = user.IsAdmin() || user.IsInRole(Roles.Recruiter);
        var applicant = user.IsInRole(Roles.Veteran);
        return ApplicationStates.MovedBy(target) == Mover.Company
            ? company
            : applicant || (company && ApplicationStates.CompanyMayAlso(target));
    }

    public static ProblemHttpResult NotYourMove(string target) => TypedResults.Problem(statusCode: 403, title: "Forbidden",
        detail: ApplicationStates.MovedBy(target) == Mover.Veteran && !ApplicationStates.CompanyMayAlso(target)
            ? Say.Text($"只有申请人本人可以将申请变为「{ApplicationStates.Label(target)}」。", $"Only the applicant may move an application to {ApplicationStates.Label(target)}.")
            : Say.Text($"只有招聘单位或管理员可以将申请变为「{ApplicationStates.Label(target)}」。", $"Only the company or an admin may move an application to {ApplicationStates.Label(target)}."));
}
