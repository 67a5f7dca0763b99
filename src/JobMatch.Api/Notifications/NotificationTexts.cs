using System.Text.RegularExpressions;

namespace JobMatch.Api.Notifications;

/// <summary>A message's subject and text, in one language.</summary>
public sealed record NotificationText(string Subject, string Body);

/// <summary>
/// The text of each event in Chinese and English, with a fixed set of placeholders filled from the message's payload:
/// {position} {company} (the position the event is about), {state} (in the message's language), {interviewAt} {expiresOn}
/// {file} {rowsRead} {rowsRejected} {positionsCreated} {positionsUpdated}, {enterprise} {dueOn} (a mentor's overdue check-in),
/// {count} {overdue} {titles} (the weekly caseload, the daily digest of matches), {program} {milestone} {date} (an order
/// class's milestone), and {link} (the console page, by
/// Accounts:PublicOrigin). A placeholder without a value is left out.
/// </summary>
public static partial class NotificationTexts
{
    public const string Chinese = "zh";
    public const string English = "en";

    static readonly (string Kind, string Language, string Subject, string Body)[] Texts =
    [
        (Notices.InvitationReceived, Chinese, "JobMatch：{company} 邀请您申请「{position}」",
            "您好：\n\n{company} 邀请您申请岗位「{position}」。邀请在 {expiresOn} 前有效，请登录查看并答复：\n\n{link}\n"),
        (Notices.InvitationReceived, English, "JobMatch: {company} invites you to apply for {position}",
            "Hello,\n\n{company} invites you to apply for the position {position}. The invitation is open until {expiresOn}; sign in to read and answer it:\n\n{link}\n"),
        (Notices.ApplicationMoved, Chinese, "JobMatch：您申请的「{position}」有新进展",
            "您好：\n\n您向 {company} 申请的「{position}」进展为：{state}。\n{interview}请登录查看：\n\n{link}\n"),
        (Notices.ApplicationMoved, English, "JobMatch: news about your application for {position}",
            "Hello,\n\nYour application to {company} for {position} moved to: {state}.\n{interview}Sign in to see it:\n\n{link}\n"),
        (Notices.ApplicationWithdrawn, Chinese, "JobMatch：「{position}」的一位申请人{state}",
            "您好：\n\n{company} 的岗位「{position}」有一位申请人{state}。请登录查看：\n\n{link}\n"),
        (Notices.ApplicationWithdrawn, English, "JobMatch: an applicant for {position} {state}",
            "Hello,\n\nAn applicant for {position} at {company}: {state}. Sign in to see it:\n\n{link}\n"),
        (Notices.NewApplicant, Chinese, "JobMatch：「{position}」收到新的申请",
            "您好：\n\n{company} 的岗位「{position}」收到一份新的申请。请登录查看：\n\n{link}\n"),
        (Notices.NewApplicant, English, "JobMatch: a new application for {position}",
            "Hello,\n\n{company}'s position {position} has a new application. Sign in to see it:\n\n{link}\n"),
        (Notices.ImportFinished, Chinese, "JobMatch：「{file}」导入完成",
            "您好：\n\n「{file}」已导入：读取 {rowsRead} 行，拒收 {rowsRejected} 行，新增岗位 {positionsCreated} 个，更新 {positionsUpdated} 个。导入报告：\n\n{link}\n"),
        (Notices.ImportFinished, English, "JobMatch: {file} imported",
            "Hello,\n\n{file} was imported: {rowsRead} rows read, {rowsRejected} rejected, {positionsCreated} positions created, {positionsUpdated} updated. The report:\n\n{link}\n"),
        (Notices.InvitationExpiring, Chinese, "JobMatch：「{position}」的邀请将于 {expiresOn} 过期",
            "您好：\n\n{company} 邀请您申请岗位「{position}」，邀请在 {expiresOn} 过期，您还没有答复。请登录查看并答复：\n\n{link}\n"),
        (Notices.InvitationExpiring, English, "JobMatch: your invitation to {position} expires on {expiresOn}",
            "Hello,\n\n{company} invited you to apply for {position}. The invitation expires on {expiresOn} and is not answered yet; sign in to answer it:\n\n{link}\n"),
        (Notices.CheckInOverdue, Chinese, "JobMatch：「{enterprise}」的回访已逾期",
            "您好：\n\n您辅导的企业「{enterprise}」应在 {dueOn} 前回访，至今没有记录。请安排回访并登记：\n\n{link}\n"),
        (Notices.CheckInOverdue, English, "JobMatch: the check-in with {enterprise} is overdue",
            "Hello,\n\nThe enterprise {enterprise} you mentor was due a check-in by {dueOn} and none is recorded. Please see them and record the session:\n\n{link}\n"),
        (Notices.CaseloadWeekly, Chinese, "JobMatch：本周辅导概况",
            "您好：\n\n您正在辅导 {count} 家企业，其中 {overdue} 家回访已逾期。请登录查看：\n\n{link}\n"),
        (Notices.CaseloadWeekly, English, "JobMatch: your caseload this week",
            "Hello,\n\nYou mentor {count} enterprises; {overdue} of them are overdue for a check-in. Sign in to see them:\n\n{link}\n"),
        (Notices.MatchesDigest, Chinese, "JobMatch：有 {count} 个新岗位适合您",
            "您好：\n\n昨天新导入的岗位中有 {count} 个适合您，例如：{titles}。请登录查看为您推荐的岗位：\n\n{link}\n"),
        (Notices.MatchesDigest, English, "JobMatch: {count} new openings for you",
            "Hello,\n\n{count} of the openings imported yesterday fit you, such as: {titles}. Sign in to see the openings matched to you:\n\n{link}\n"),
        (Notices.ProgramMilestone, Chinese, "JobMatch：订单班「{program}」将于 {date} {milestone}",
            "您好：\n\n贵单位赞助的订单班「{program}」将于 {date} {milestone}。请登录登记学员的进展：\n\n{link}\n"),
        (Notices.ProgramMilestone, English, "JobMatch: the order class {program} {milestone} on {date}",
            "Hello,\n\nThe order class {program} your company sponsors {milestone} on {date}. Sign in to record the trainees' progress:\n\n{link}\n"),
    ];

    /// <summary>What each kind of event is, in a few words (the unsubscribe page names what it stops).</summary>
    static readonly Dictionary<string, (string Chinese, string English)> Names = new()
    {
        [Notices.InvitationReceived] = ("岗位邀请", "invitations to apply"),
        [Notices.ApplicationMoved] = ("申请进展", "news about my applications"),
        [Notices.ApplicationWithdrawn] = ("申请人撤回申请", "applicants withdrawing"),
        [Notices.NewApplicant] = ("新的申请", "new applications"),
        [Notices.ImportFinished] = ("导入完成", "imports finished"),
        [Notices.InvitationExpiring] = ("邀请即将过期", "invitations about to expire"),
        [Notices.CheckInOverdue] = ("回访逾期", "overdue check-ins"),
        [Notices.CaseloadWeekly] = ("每周辅导概况", "the weekly caseload summary"),
        [Notices.MatchesDigest] = ("新岗位日报", "the daily digest of new openings"),
        [Notices.ProgramMilestone] = ("订单班节点", "order-class milestones"),
    };

    /// <summary>The few words that name events of <paramref name="kind"/> in <paramref name="language"/>.</summary>
    public static string Name(string kind, string language) =>
        Names.TryGetValue(kind, out var name) ? (language == English ? name.English : name.Chinese) : kind;

    static readonly Dictionary<string, string> Interview = new()
    {
        [Chinese] = "面试时间：{interviewAt}（北京时间）。\n", [English] = "Interview: {interviewAt} (Beijing time).\n",
    };

    static readonly Dictionary<string, string> Footer = new()
    {
        [Chinese] = "\n----\n此邮件由 JobMatch 就业服务自动发送，请勿回复。",
        [English] = "\n----\nSent automatically by the JobMatch employment service; please do not reply.",
    };

    /// <summary>What a veteran reads under each notice: why they get it, and how to stop it.</summary>
    static readonly Dictionary<string, string> ConsentNote = new()
    {
        [Chinese] = "您收到此邮件，是因为您同意接收就业服务通知；在“我的档案”中撤回“接收通知”的同意后，不再发送。",
        [English] = "You get this mail because you agreed to be told of events; withdraw the \"contact\" consent in My profile and nothing more is sent.",
    };

    static readonly Dictionary<string, string> StopNote = new()
    {
        [Chinese] = "不想再收到此类邮件？打开此链接即可退订：", [English] = "To stop mails of this kind, open this link: ",
    };

    static readonly string[] ToVeterans = [Notices.InvitationReceived, Notices.ApplicationMoved, Notices.InvitationExpiring,
        Notices.MatchesDigest];

    /// <summary>
    /// The text of a message of <paramref name="kind"/>, for a mail (with the footer saying who sent it and why) or the
    /// in-app inbox (the link relative to the console); null for a kind this version has no text for. A mail ends with its
    /// <paramref name="unsubscribe"/> link when given (<see cref="UnsubscribeTokens"/>).
    /// </summary>
    public static NotificationText? Render(string kind, string language, IReadOnlyDictionary<string, string> payload, string origin,
        bool mail = true, string? unsubscribe = null)
    {
        var lang = language == English ? English : Chinese;
        if (Texts.Where(text => text.Kind == kind && text.Language == lang).Select(text => new NotificationText(text.Subject, text.Body))
            .FirstOrDefault() is not { } text)
        {
            return null;
        }
        var values = new Dictionary<string, string>(payload) { ["link"] = $"{origin.TrimEnd('/')}/#/{payload.GetValueOrDefault("route", "")}" };
        // The interview line is part of the template when the move gave a time; values are filled once, so a value (a file
        // name) that looks like a placeholder stays as it is.
        var body = text.Body.Replace("{interview}", payload.ContainsKey("interviewAt") ? Interview[lang] : "", StringComparison.Ordinal);
        var footer = !mail ? "" : Footer[lang] + (ToVeterans.Contains(kind) ? "\n" + ConsentNote[lang] : "")
            + (unsubscribe is null ? "" : "\n" + StopNote[lang] + unsubscribe);
        return new(Fill(text.Subject, values, lang), Fill(body, values, lang) + footer);
    }

    static string Fill(string template, Dictionary<string, string> values, string lang) =>
        Placeholder().Replace(template, match =>
            values.TryGetValue($"{match.Groups[1].Value}.{lang}", out var localised) ? localised
            : values.TryGetValue(match.Groups[1].Value, out var value) ? value : "");

    [GeneratedRegex(@"\{([a-zA-Z]+)\}")]
    private static partial Regex Placeholder();
}
