using System.Data.Common;
using System.Text.Json;
using Dapper;

namespace JobMatch.Api.Notifications;

/// <summary>Who an event is for, as a query of subjects (account ids); who of them can be reached is <see cref="Reach"/>'s.</summary>
public sealed class Recipients
{
    Recipients(string sql, object key) => (Sql, Key) = (sql, key);

    internal string Sql { get; }
    internal object Key { get; }

    /// <summary>The veteran of the profile: none while a roster profile is unclaimed (no subject).</summary>
    public static Recipients Veteran(Guid veteranId) =>
        new("SELECT subject FROM veterans WHERE id = @key AND subject IS NOT NULL", veteranId);

    /// <summary>The recruiters linked to the company that posted the position.</summary>
    public static Recipients RecruitersOfPosition(Guid positionId) =>
        new("SELECT r.subject FROM recruiter_links r JOIN positions p ON p.company_id = r.company_id WHERE p.id = @key", positionId);

    /// <summary>The mentor's linked subject: none while no account acts as the mentor.</summary>
    public static Recipients Mentor(Guid mentorId) =>
        new("SELECT subject FROM mentors WHERE id = @key AND subject IS NOT NULL", mentorId);

    /// <summary>The recruiters linked to the sponsors of an order-class program.</summary>
    public static Recipients SponsorsOfProgram(Guid programId) =>
        new("SELECT r.subject FROM recruiter_links r JOIN program_sponsors s ON s.company_id = r.company_id WHERE s.program_id = @key", programId);

    /// <summary>One person by subject (the uploader of an import).</summary>
    public static Recipients Person(string subject) => new("SELECT @key::text", subject);
}

/// <summary>
/// An event to tell people of: its kind (a text of <see cref="NotificationTexts"/>), who, the position it is about (its
/// title and company become the {position} and {company} placeholders), the other placeholders' values, the console page
/// the mail links to, and the language when the recipient's is known (else Chinese).
/// </summary>
public sealed record Notice(string Kind, Recipients To, Guid? PositionId, IReadOnlyDictionary<string, string> Values, string Route,
    string Language = NotificationTexts.Chinese);

/// <summary>
/// The transactional outbox: <see cref="AddAsync"/> writes an event's messages in the caller's transaction, so they exist
/// exactly when the change that causes them commits: one in each recipient's in-app inbox, and an e-mail for those who
/// can be reached now (<see cref="Reach"/>), which <see cref="OutboxDispatcher"/> sends after (checking again).
/// </summary>
public static class Outbox
{
    public const string Email = "email";

    public const string Inbox = "inbox";

    /// <summary>Every channel a message goes by, the list people's preferences choose from (<see cref="Preferences"/>).</summary>
    public static readonly IReadOnlyList<string> Channels = [Inbox, Email];

    public static async Task AddAsync(DbConnection db, DbTransaction tx, Notice notice)
    {
        // Everyone concerned gets it in their in-app inbox; by e-mail only those who can be reached that way. A channel the
        // person turned off for this kind gets nothing.
        var recipients = (await db.QueryAsync<(string Subject, bool ByMail, bool InInbox)>($"""
            WITH wanted (subject) AS ({notice.To.Sql})
            SELECT DISTINCT w.subject, a.id IS NOT NULL AND {Reach.Wants("w.subject", "@kind", Email)} AS by_mail,
                   {Reach.Wants("w.subject", "@kind", Inbox)} AS in_inbox
            FROM wanted w {Reach.Join("w.subject", left: true)}
            """, new { key = notice.To.Key, kind = notice.Kind }, tx)).ToList();
        var messages = recipients.Where(r => r.InInbox).Select(r => (r.Subject, Channel: Inbox))
            .Concat(recipients.Where(r => r.ByMail).Select(r => (r.Subject, Channel: Email))).ToList();
        if (messages.Count == 0)
        {
            return;
        }
        var values = new Dictionary<string, string>(notice.Values) { ["route"] = notice.Route };
        await db.ExecuteAsync("""
            INSERT INTO outbox (id, kind, recipient, channel, language, payload, state, sent_at)
            SELECT m.id, @Kind, m.recipient, m.channel, @Language,
                   @values::jsonb || coalesce((SELECT jsonb_build_object('position', p.title, 'company', c.name)
                                               FROM positions p JOIN companies c ON c.id = p.company_id WHERE p.id = @PositionId), '{}'),
                   CASE WHEN m.channel = 'inbox' THEN 'sent' ELSE 'pending' END, CASE WHEN m.channel = 'inbox' THEN now() END
            FROM unnest(@ids, @subjects, @channels) AS m (id, recipient, channel)
            """, new { notice.Kind, notice.Language, values = JsonSerializer.Serialize(values), notice.PositionId,
                ids = messages.Select(_ => Guid.CreateVersion7()).ToArray(), subjects = messages.Select(m => m.Subject).ToArray(),
                channels = messages.Select(m => m.Channel).ToArray() }, tx);
    }

    /// <summary>A person's messages, whatever their state, when the person is erased (a veteran deleting their profile).</summary>
    public static Task ForgetAsync(DbConnection db, DbTransaction tx, string subject) =>
        db.ExecuteAsync("""
            DELETE FROM outbox WHERE recipient = @subject;
            DELETE FROM notification_preferences WHERE subject = @subject;
            """, new { subject }, tx);
}

/// <summary>
/// Who can be reached by e-mail, the one home of the quiet rules: an account (the subject is its id) that is not disabled,
/// with a confirmed address, and, for a veteran, the current contact consent. A subject with no account (OIDC, a roster
/// profile never claimed) is never reached. And on any channel, only with what the person did not turn off
/// (<see cref="Preferences"/>, an e-mail's unsubscribe link).
/// </summary>
static class Reach
{
    /// <summary>
    /// A condition true unless the person of <paramref name="subject"/> turned off messages of <paramref name="kind"/> (SQL
    /// expressions) on <paramref name="channel"/> (one of <see cref="Outbox.Channels"/>); no choice is the default, on.
    /// </summary>
    public static string Wants(string subject, string kind, string channel) => $"""
        NOT EXISTS (SELECT 1 FROM notification_preferences np WHERE np.subject = {subject} AND np.kind = {kind}
                    AND np.channel = '{(Outbox.Channels.Contains(channel) ? channel : throw new ArgumentException(channel))}' AND NOT np.enabled)
        """;

    /// <summary>
    /// A join keeping the rows whose <paramref name="subject"/> column can be reached, bringing the account as <c>a</c>;
    /// <paramref name="left"/>: keeping every row, <c>a</c> null for those who cannot. Its own aliases are prefixed reach_, so
    /// a caller's alias (a veterans <c>v</c>) is never shadowed inside it.
    /// </summary>
    public static string Join(string subject, bool left = false) => $$"""
        {{(left ? "LEFT JOIN" : "JOIN")}} accounts a ON a.id = (CASE WHEN {{subject}} ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN {{subject}}::uuid END)
            AND a.disabled_at IS NULL AND a.email_confirmed AND a.email IS NOT NULL
            AND (a.role <> 'veteran' OR EXISTS (SELECT 1 FROM veterans reach_v JOIN current_consents reach_c ON reach_c.veteran_id = reach_v.id
                                                WHERE reach_v.subject = {{subject}} AND reach_c.kind = 'contact' AND reach_c.granted))
        """;
}
