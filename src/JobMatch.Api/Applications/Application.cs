using System.Data.Common;
using System.Security.Claims;
using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using JobMatch.Api.Interactions;
using JobMatch.Api.Notifications;
using JobMatch.Api.Privacy;

namespace JobMatch.Api.Applications;

/// <summary>
/// An application as listed. <c>ProfileSharedWith</c> names the company that may read the applicant's masked profile
/// because of a live application; null once none is (then the company sees the name masked, 张**). <c>PhoneShared</c>:
/// the veteran agreed on applying that this company sees their phone, and the application is live; then its recruiters
/// read <c>ApplicantPhone</c> in clear (each reveal audited), otherwise masked (null for a company that no longer reads them).
/// </summary>
public sealed record Application(Guid Id, Guid VeteranId, string VeteranName, Guid PositionId, string PositionTitle, string Kind,
    Guid CompanyId, string CompanyName, string State, DateTime CreatedAt, DateTime UpdatedAt, string? ProfileSharedWith,
    string? ApplicantPhone, bool PhoneShared);

/// <summary>
/// The optional body of applying and of accepting an invitation: <c>sharePhone</c> true with the current
/// <see cref="Consents.PhoneForApplication"/> version lets the company see the phone on this application while it is live.
/// </summary>
public sealed record ApplyInput(bool SharePhone, [Text(20)] string? TextVersion)
{
    /// <summary>400 naming the version to accept when sharing is asked under another text; null when the body is fine.</summary>
    public ValidationProblem? Refusal() =>
        SharePhone && TextVersion != Consents.PhoneForApplication.Version
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["textVersion"] = [Say.Text(
                    $"同意文本版本应为 {Consents.PhoneForApplication.Version}：请阅读并同意当前文本后再申请。",
                    $"The consent text version must be {Consents.PhoneForApplication.Version}: read and accept the current text, then apply.")],
            })
            : null;
}

/// <summary>
/// One change: when, who, the day it happened, an optional note, and for a move to interview the interview's time if given. Who: the opaque subject for staff; for the applicant
/// and the company, the role that acted (veteran, recruiter, bureau), never the other party's subject.
/// </summary>
public sealed record ApplicationEvent(Guid Id, string? FromState, string ToState, DateTime At, string OccurredOn, string Actor,
    string ActorRole, string? Note, DateTime? InterviewAt);

/// <summary>An application with the states it may move to next and its history, oldest first.</summary>
public sealed record ApplicationDetail(Application Application, IReadOnlyList<string> NextStates, IReadOnlyList<ApplicationEvent> History);

/// <summary>
/// PATCH body: the state to move to, an optional note, the day it happened (default today, Asia/Shanghai), and with a move
/// to interview the interview's time (the veteran is told it).
/// </summary>
public sealed record ApplicationChange(
    [OneOf(typeof(ApplicationChange), nameof(ApplicationChange.States))] string State, [Text(1000)] string? Note, DateOnly? On,
    DateTime? InterviewAt = null)
{
    /// <summary>400 for a day after today, or an interview time with another state or not in the future; null when fine.</summary>
    public ValidationProblem? Refusal(DateOnly today, DateTime now) =>
        On is { } on && (on > today || on.Year < 2000) ? Invalid("on", "日期不能晚于今天。", "The date cannot be after today.")
        : InterviewAt is { } at && (State != "interview" || at.ToUniversalTime() <= now)
            ? Invalid("interviewAt", "面试时间只能随“转为面试”填写，且须晚于现在。", "An interview time goes with a move to interview and must be in the future.")
        : null;

    static ValidationProblem Invalid(string field, string chinese, string english) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [Say.Text(chinese, english)] });

    internal static readonly string[] States =
        [.. ApplicationStates.States(ApplicationStates.Job).Concat(ApplicationStates.States(ApplicationStates.Training)).Distinct()];
}

static class ApplicationSql
{
    public static readonly string Select = $"""
        SELECT a.id, a.veteran_id, v.name AS veteran_name, a.position_id, p.title AS position_title, a.kind,
               p.company_id, c.name AS company_name, a.state, a.created_at, a.updated_at,
               CASE WHEN {ApplicationAccess.CompanyReadsVeteran("a.veteran_id", "p.company_id")} THEN c.name END AS profile_shared_with,
               v.phone AS applicant_phone, {ApplicationAccess.SharesPhone("a")} AS phone_shared
        FROM applications a JOIN veterans v ON v.id = a.veteran_id
             JOIN positions p ON p.id = a.position_id JOIN companies c ON c.id = p.company_id
        """;

    /// <summary>The application with its history, as the caller may see it (<see cref="SeenBy(Application, ClaimsPrincipal)"/>).</summary>
    public static async Task<ApplicationDetail> Detail(DbConnection db, DbTransaction? tx, Guid id, ClaimsPrincipal reader)
    {
        var application = await db.QuerySingleAsync<Application>($"{Select} WHERE a.id = @id", new { id }, tx);
        var history = await db.QueryAsync<ApplicationEvent>("""
            SELECT id, from_state, to_state, at, occurred_on::text AS occurred_on, actor, actor_role, note, interview_at
            FROM application_events WHERE application_id = @id ORDER BY at, id
            """, new { id }, tx);
        return new ApplicationDetail((await ShownTo(db, tx, [application], reader))[0], ApplicationStates.Next(application.Kind, application.State),
            [.. history.Select(e => reader.IsAdmin() ? e : e with { Actor = ActorAsRole(e.ActorRole) })]);
    }

    /// <summary>
    /// The applications as the reader may see them (<see cref="SeenBy"/>), with an audit entry application.phone_revealed
    /// for each one whose phone a recruiter reads in clear (never the phone itself in the entry).
    /// </summary>
    public static async Task<List<Application>> ShownTo(DbConnection db, DbTransaction? tx, IEnumerable<Application> applications,
        ClaimsPrincipal reader)
    {
        var shown = applications.Select(application => SeenBy(application, reader)).ToList();
        var phoneReader = ApplicationAccess.PhoneReaderOf(reader);
        foreach (var revealed in shown.Where(application => PhoneAccess.Reveals(phoneReader, application.PhoneShared)))
        {
            await AuditLog.WriteAsync(db, tx, reader, "application.phone_revealed", "application", revealed.Id, new { company = revealed.CompanyId });
        }
        return shown;
    }

    /// <summary>
    /// Staff and the applicant see the name; the company only while it reads the veteran, masked (张**) after. The phone as
    /// <see cref="PhoneAccess"/> decides: the company reads it in clear only while the application shares it, masked while it
    /// reads the veteran, not at all after.
    /// </summary>
    static Application SeenBy(Application application, ClaimsPrincipal reader)
    {
        var phoneReader = ApplicationAccess.PhoneReaderOf(reader);
        var phone = PhoneAccess.Shown(application.ApplicantPhone, phoneReader, application.PhoneShared);
        return phoneReader == PhoneReader.Company && application.ProfileSharedWith is null
            ? application with { VeteranName = Masking.Name(application.VeteranName), ApplicantPhone = null }
            : application with { ApplicantPhone = phone };
    }

    /// <summary>Staff act for the bureau; the applicant and the company learn no one's subject but their role.</summary>
    static string ActorAsRole(string role) => role == Roles.Admin ? "bureau" : role;

    /// <summary>
    /// Creates the veteran's application to the position unless one exists (applying directly, or accepting an
    /// invitation), with its first event, the interaction the ranker learns from and an audit entry. Null when one existed.
    /// </summary>
    public static async Task<Guid?> Create(DbConnection db, DbTransaction tx, Guid veteranId, Guid positionId, string kind, DateOnly today,
        ClaimsPrincipal user, string via)
    {
        var state = ApplicationStates.Initial(kind);
        // Two simultaneous first applications: the unique key lets one insert; the caller answers the other with it.
        var created = await db.QuerySingleOrDefaultAsync<Guid?>("""
            INSERT INTO applications (id, veteran_id, position_id, kind, state) VALUES (@id, @veteranId, @positionId, @kind, @state)
            ON CONFLICT (veteran_id, position_id) DO NOTHING RETURNING id
            """, new { id = Guid.CreateVersion7(), veteranId, positionId, kind, state }, tx);
        if (created is not { } applicationId)
        {
            return null;
        }
        await RecordEvent(db, tx, applicationId, null, state, today, user.Subject(), user.Role(), null);
        await InteractionLog.RecordAsync(db, tx, veteranId, positionId, "application");
        await AuditLog.WriteAsync(db, tx, user, "application.created", "application", applicationId, new { position = positionId, via });
        await Outbox.AddAsync(db, tx, Notices.Applicant(positionId));
        return applicationId;
    }

    /// <summary>
    /// The veteran agreed on applying (or accepting an invitation) that the company sees their phone on this application:
    /// marks the application and records the consent naming the company. Nothing when it shares already or has ended.
    /// </summary>
    public static async Task SharePhoneAsync(DbConnection db, DbTransaction tx, Guid applicationId, Guid veteranId, ClaimsPrincipal user)
    {
        var company = await db.QuerySingleOrDefaultAsync<Guid?>($"""
            UPDATE applications a SET shares_phone = true FROM positions p
            WHERE a.id = @applicationId AND p.id = a.position_id AND NOT a.shares_phone
              AND a.state NOT IN ({string.Join(", ", ApplicationStates.Ended.Select(state => $"'{state}'"))})
            RETURNING p.company_id
            """, new { applicationId }, tx);
        if (company is { } companyId)
        {
            await Consents.RecordPhoneForCompanyAsync(db, tx, veteranId, companyId);
            await AuditLog.WriteAsync(db, tx, user, "application.phone_shared", "application", applicationId, new { company = companyId });
        }
    }

    /// <summary>The veteran's application to the position, if there is one (there is at most one).</summary>
    public static Task<Guid?> IdOf(DbConnection db, DbTransaction? tx, Guid veteranId, Guid positionId) =>
        db.QuerySingleOrDefaultAsync<Guid?>(
            "SELECT id FROM applications WHERE veteran_id = @veteranId AND position_id = @positionId", new { veteranId, positionId }, tx);

    /// <summary>
    /// Moves an application (locked by the caller, the move checked) to <paramref name="target"/>: takes or gives back an
    /// opening, records the event, the interaction the ranker learns from and an audit entry. False when the move takes an
    /// opening and none remains; then nothing is written.
    /// </summary>
    public static async Task<bool> MoveAsync(DbConnection db, DbTransaction tx, ApplicationAccess.Current current, string target,
        DateOnly on, string? note, ClaimsPrincipal user, DateTime? interviewAt = null)
    {
        if (ApplicationStates.TakesOpening(target) && !await Headcount.TakeAsync(db, tx, current.PositionId))
        {
            return false;
        }
        if (ApplicationStates.GivesBack(current.State, target))
        {
            await Headcount.GiveBackAsync(db, tx, current.PositionId);
        }
        await db.ExecuteAsync("UPDATE applications SET state = @target, updated_at = now() WHERE id = @Id", new { target, current.Id }, tx);
        await RecordEvent(db, tx, current.Id, current.State, target, on, user.Subject(), user.Role(), note, interviewAt?.ToUniversalTime());
        await InteractionLog.RecordAsync(db, tx, current.VeteranId, current.PositionId, target);
        await AuditLog.WriteAsync(db, tx, user, "application.moved", "application", current.Id, new { from = current.State, to = target });
        await Outbox.AddAsync(db, tx, Notices.Moved(current.VeteranId, current.PositionId, user.Role() == Roles.Veteran, ApplicationStates.InWords(target), interviewAt));
        return true;
    }

    public static Task RecordEvent(DbConnection db, DbTransaction tx, Guid applicationId, string? from, string to, DateOnly on,
        string actor, string actorRole, string? note, DateTime? interviewAt = null) =>
        db.ExecuteAsync("""
            INSERT INTO application_events (id, application_id, from_state, to_state, occurred_on, actor, actor_role, note, interview_at)
            VALUES (@id, @applicationId, @from, @to, @on, @actor, @actorRole, @note, @interviewAt)
            """, new { id = Guid.CreateVersion7(), applicationId, from, to, on, actor, actorRole, note, interviewAt }, tx);
}
