using System.Globalization;
using JobMatch.Api.Conventions;

namespace JobMatch.Api.Notifications;

/// <summary>
/// The events that tell people something, each with the values of its text's placeholders (<see cref="NotificationTexts"/>).
/// A change that causes one writes it with <see cref="Outbox.AddAsync"/> in its own transaction. Values name what the event
/// is about (a position, a state, a date, a file's counts), never the other party.
/// </summary>
public static class Notices
{
    public const string InvitationReceived = "invitation.received";
    public const string ApplicationMoved = "application.moved";
    public const string ApplicationWithdrawn = "application.withdrawn";
    public const string NewApplicant = "application.created";
    public const string ImportFinished = "import.finished";

    // Events that come from time, written by the scheduled job (Reminders/ScheduledNotices) once per event and period.
    public const string InvitationExpiring = "invitation.expiring";
    public const string CheckInOverdue = "checkin.overdue";
    public const string CaseloadWeekly = "caseload.weekly";
    public const string MatchesDigest = "matches.digest";
    public const string ProgramMilestone = "program.milestone";

    /// <summary>Every kind of event, the list people's preferences choose from (<see cref="Preferences"/>).</summary>
    public static readonly IReadOnlyList<string> Kinds = [
        InvitationReceived, ApplicationMoved, ApplicationWithdrawn, NewApplicant, ImportFinished,
        InvitationExpiring, CheckInOverdue, CaseloadWeekly, MatchesDigest, ProgramMilestone,
    ];

    /// <summary>A recruiter invited the veteran to a position; the invitation is open until <paramref name="expiresAt"/>.</summary>
    public static Notice Invitation(Guid veteranId, Guid positionId, DateTime expiresAt) =>
        new(InvitationReceived, Recipients.Veteran(veteranId), positionId,
            new Dictionary<string, string> { ["expiresOn"] = Day(expiresAt) }, "veteran/invitations");

    /// <summary>
    /// The company or the bureau moved the veteran's application (the state in both languages, as the API names it); the
    /// interview time when the move gives one. A move the veteran made themselves (withdrawn, dropped) tells the company.
    /// </summary>
    public static Notice Moved(Guid veteranId, Guid positionId, bool byVeteran, (string Chinese, string English) state,
        DateTime? interviewAt = null)
    {
        var values = new Dictionary<string, string> { ["state.zh"] = state.Chinese, ["state.en"] = state.English };
        if (interviewAt is { } at)
        {
            values["interviewAt"] = ShanghaiTime.Minute(at.ToUniversalTime());
        }
        return byVeteran
            ? new(ApplicationWithdrawn, Recipients.RecruitersOfPosition(positionId), positionId, values, "recruiter/positions")
            : new(ApplicationMoved, Recipients.Veteran(veteranId), positionId, values, "veteran/applications");
    }

    /// <summary>Someone applied to a position: its company's recruiters are told (not who: they read it in the console).</summary>
    public static Notice Applicant(Guid positionId) =>
        new(NewApplicant, Recipients.RecruitersOfPosition(positionId), positionId, new Dictionary<string, string>(), "recruiter/positions");

    /// <summary>An import committed: its uploader gets the report's counts, in the language they uploaded in.</summary>
    public static Notice Import(string uploader, string fileName, int rowsRead, int rowsRejected, int positionsCreated, int positionsUpdated,
        string route, string language) =>
        new(ImportFinished, Recipients.Person(uploader), null, new Dictionary<string, string>
        {
            ["file"] = fileName, ["rowsRead"] = Count(rowsRead), ["rowsRejected"] = Count(rowsRejected),
            ["positionsCreated"] = Count(positionsCreated), ["positionsUpdated"] = Count(positionsUpdated),
        }, route, language);

    /// <summary>The veteran's invitation to a position closes on <paramref name="expiresAt"/>, unanswered so far.</summary>
    public static Notice Expiring(Guid veteranId, Guid positionId, DateTime expiresAt) =>
        new(InvitationExpiring, Recipients.Veteran(veteranId), positionId,
            new Dictionary<string, string> { ["expiresOn"] = Day(expiresAt) }, "veteran/invitations");

    /// <summary>An enterprise of the mentor's caseload had no session since its check-in was due.</summary>
    public static Notice Overdue(Guid mentorId, string enterprise, DateOnly dueOn) =>
        new(CheckInOverdue, Recipients.Mentor(mentorId), null,
            new Dictionary<string, string> { ["enterprise"] = enterprise, ["dueOn"] = Date(dueOn) }, "mentor/caseload");

    /// <summary>The mentor's week: how many enterprises they mentor, and how many of them are overdue.</summary>
    public static Notice Caseload(Guid mentorId, int enterprises, int overdue) =>
        new(CaseloadWeekly, Recipients.Mentor(mentorId), null,
            new Dictionary<string, string> { ["count"] = Count(enterprises), ["overdue"] = Count(overdue) }, "mentor/caseload");

    /// <summary>Yesterday's imports brought openings for the veteran: how many, and the titles of the newest few.</summary>
    public static Notice Digest(Guid veteranId, int matches, IEnumerable<string> titles) =>
        new(MatchesDigest, Recipients.Veteran(veteranId), null,
            new Dictionary<string, string> { ["count"] = Count(matches), ["titles.zh"] = string.Join("、", titles),
                ["titles.en"] = string.Join("; ", titles) }, "veteran/matches");

    /// <summary>
    /// An order class starts or ends (its graduation) on <paramref name="on"/>: its sponsors' recruiters are told, to record
    /// enrolments or graduations.
    /// </summary>
    public static Notice Milestone(Guid programId, string program, bool start, DateOnly on) =>
        new(ProgramMilestone, Recipients.SponsorsOfProgram(programId), null, new Dictionary<string, string>
        {
            ["program"] = program, ["date"] = Date(on),
            ["milestone.zh"] = start ? "开班" : "结业", ["milestone.en"] = start ? "starts" : "ends (graduation)",
        }, "recruiter/positions");

    static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static string Day(DateTime at) => ShanghaiTime.DateOf(at.ToUniversalTime()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
