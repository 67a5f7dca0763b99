using System.Data.Common;
using Dapper;
using JobMatch.Api.Conventions;

namespace JobMatch.Api.Privacy;

public sealed record ConsentInput(
    [OneOf(typeof(ConsentInput), nameof(ConsentInput.Kinds))] string Kind, bool Granted,
    [OneOf(typeof(ConsentInput), nameof(ConsentInput.Versions))] string TextVersion)
{
    /// <summary>A profile's form sends each kind of <see cref="Consents.Texts"/> once at most: as many as there are kinds.</summary>
    public const int MostPerProfile = 4;

    internal static readonly string[] Kinds = [.. Consents.Texts.Select(text => text.Kind)];
    internal static readonly string[] Versions = [.. Consents.Texts.Select(text => text.Version).Distinct()];
}

public sealed record ConsentChange(bool Granted, [OneOf(typeof(ConsentInput), nameof(ConsentInput.Versions))] string TextVersion);

/// <summary>
/// One answer. Method: self (the veteran, in the service), signed_form (staff, from the signed registration form of
/// roster batch ImportBatchId), in_person (staff, as the veteran asked them) or statutory_duty (the bureau's basis for
/// the sensitive data of roster batch ImportBatchId, not a consent anyone gave); RecordedBy is then the staff subject.
/// Company names the company the answer was given to: only the phone consent given on applying names one.
/// </summary>
public sealed record ConsentState(
    string Kind, bool Granted, string TextVersion, DateTime At, string Method, string? RecordedBy, Guid? ImportBatchId, string? Company);

public sealed record ConsentText(string Kind, string Version, string Chinese, string English);

/// <summary>
/// The separate consents PIPL asks for (the three of the profile, and contact: being told of events by e-mail), the text
/// each version shows, and the history of answers.
/// </summary>
public static class Consents
{
    public const string ShareWithRecruiters = "share_with_recruiters";
    public const string AutomatedMatching = "automated_matching";
    public const string SensitiveData = "sensitive_data";
    public const string SharePhoneWithCompany = "share_phone_with_company";
    public const string Contact = "contact";

    public const string BySelf = "self";
    public const string FromSignedForm = "signed_form";
    public const string InPerson = "in_person";
    public const string StatutoryDuty = "statutory_duty";

    /// <summary>The texts in force. A new wording gets a new version; answers keep the version they agreed to.</summary>
    public static readonly IReadOnlyList<ConsentText> Texts =
    [
        new(ShareWithRecruiters, "2026-11",
            "我同意将我的求职档案（姓名、服役经历、学历、证书、技能、意向；手机号与身份证号始终脱敏）提供给我申请或被推荐的招聘单位。",
            "I agree that recruiters I apply to or am proposed to may see my profile (name, service, education, certificates, skills, preferences; phone and ID number always masked)."),
        new(AutomatedMatching, "2026-11",
            "我同意系统使用我的档案自动为我推荐岗位、为招聘单位推荐候选人，并可随时撤回；推荐会说明理由，性别和年龄不参与排序。",
            "I agree that the service uses my profile to rank openings for me and me for recruiters; I may withdraw at any time; rankings give reasons and never use gender or age."),
        new(SensitiveData, "2026-11",
            "我同意处理我的敏感个人信息（身份证号、服役信息），仅用于身份核验、去重和就业服务；撤回后这些信息立即删除。",
            "I agree to the processing of my sensitive data (ID number, service details) for identity checks, de-duplication and employment services only; withdrawing erases them at once."),
        new(Contact, "2026-12",
            "我同意在与我有关的事情发生时（收到邀请、申请进度变化、面试安排），就业服务通过我已确认的电子邮箱通知我；通知只说明这件事，可随时撤回，撤回后不再发送。",
            "I agree that the service tells me by my confirmed e-mail address when something concerning me happens (an invitation, a change in an application, an interview); a notice says only that, and I may withdraw at any time, after which nothing more is sent."),
    ];

    /// <summary>
    /// The consent asked on the apply button (applying, or accepting an invitation), naming that company and the phone: the
    /// one exception to "phone always masked" of the 2026-11 texts, which keep their promise for everything else. It is
    /// not a standing answer (not in <see cref="Texts"/>, no PUT): given per application, recorded with the company, and
    /// it ends with the application.
    /// </summary>
    public static readonly ConsentText PhoneForApplication = new(SharePhoneWithCompany, "2026-12",
        "我同意将我的手机号（{phone}）提供给我申请的招聘单位（{company}），仅供其就这次申请与我联系；申请结束（撤回、未录用、取消录用或退出）后，该单位不再看到我的手机号。",
        "I agree that the company I apply to ({company}) may see my mobile number ({phone}) to contact me about this application; once the application ends (withdrawn, rejected, cancelled or dropped) the company no longer sees it.");

    public static ConsentText? Current(string kind) => Texts.FirstOrDefault(text => text.Kind == kind);

    public static Task<IEnumerable<ConsentState>> CurrentAsync(DbConnection db, Guid veteranId, DbTransaction? tx = null) =>
        db.QueryAsync<ConsentState>("""
            SELECT kind, granted, text_version, at, method, recorded_by, import_batch_id, NULL::text AS company
            FROM current_consents WHERE veteran_id = @veteranId ORDER BY kind
            """, new { veteranId }, tx);

    public static Task<IEnumerable<ConsentState>> HistoryAsync(DbConnection db, Guid veteranId, DbTransaction? tx = null) =>
        db.QueryAsync<ConsentState>("""
            SELECT c.kind, c.granted, c.text_version, c.at, c.method, c.recorded_by, c.import_batch_id, co.name AS company
            FROM veteran_consents c LEFT JOIN companies co ON co.id = c.company_id WHERE c.veteran_id = @veteranId ORDER BY c.at, c.id
            """, new { veteranId }, tx);

    /// <summary>Whether the veteran agrees to this kind now: the latest answer decides, so a withdrawal counts at once.</summary>
    public static Task<bool> HasAsync(DbConnection db, Guid veteranId, string kind, DbTransaction? tx = null) =>
        db.ExecuteScalarAsync<bool>("""
            SELECT EXISTS (SELECT 1 FROM current_consents WHERE veteran_id = @veteranId AND kind = @kind AND granted)
            """, new { veteranId, kind }, tx);

    /// <param name="recordedBy">The staff subject when staff record the answer (method in_person); null for the veteran's own.</param>
    public static Task RecordAsync(DbConnection db, DbTransaction tx, Guid veteranId, string kind, bool granted, string textVersion,
        string method = BySelf, string? recordedBy = null) =>
        db.ExecuteAsync("""
            INSERT INTO veteran_consents (id, veteran_id, kind, granted, text_version, method, recorded_by)
            VALUES (@id, @veteranId, @kind, @granted, @textVersion, @method, @recordedBy)
            """, new { id = Guid.CreateVersion7(), veteranId, kind, granted, textVersion, method, recordedBy }, tx);

    /// <summary>The veteran's own consent, on applying, to show the phone to that company (<see cref="PhoneForApplication"/>).</summary>
    public static Task RecordPhoneForCompanyAsync(DbConnection db, DbTransaction tx, Guid veteranId, Guid companyId) =>
        db.ExecuteAsync("""
            INSERT INTO veteran_consents (id, veteran_id, kind, granted, text_version, method, company_id)
            VALUES (@id, @veteranId, @kind, true, @version, @method, @companyId)
            """, new { id = Guid.CreateVersion7(), veteranId, kind = SharePhoneWithCompany, version = PhoneForApplication.Version, method = BySelf,
                companyId }, tx);
}
