using JobMatch.Api.Privacy;

namespace JobMatch.Api.Veterans.Roster;

/// <summary>
/// Why the service holds a roster veteran's sensitive data before the veteran has said anything: the bureau's own
/// statutory duty (PIPL art. 13(3)). It is recorded as the sensitive_data answer with this text version; sharing with
/// recruiters and automated matching are never implied by a roster and stay the veteran's own choice.
/// </summary>
public static class RosterBasis
{
    public const string Version = "roster-2026";

    public static readonly ConsentText Text = new(Consents.SensitiveData, Version,
        "退役军人事务局依其法定职责（《个人信息保护法》第十三条第一款第三项）处理花名册所载的身份证号与服役信息，用于退役军人就业服务。",
        "The veterans affairs bureau processes the ID number and service details of its roster under its own statutory duty (PIPL art. 13(1)(3)) for employment services to veterans.");
}
