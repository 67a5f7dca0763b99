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

    /// <summary>Every kind of event, the list people's preferences choose from (<see cref="Preferences"/>).</summary>
    public static readonly IReadOnlyList<string> Kinds = [InvitationReceived, ApplicationMoved, ApplicationWithdrawn, NewApplicant, ImportFinished];

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

    static string Day(DateTime at) => ShanghaiTime.DateOf(at.ToUniversalTime()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
