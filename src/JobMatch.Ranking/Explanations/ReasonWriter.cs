using System.Globalization;
using JobMatch.Ranking.Features;
using JobMatch.Ranking.Policy;
using JobMatch.Ranking.Profiles;
using JobMatch.Ranking.Taxonomy;

namespace JobMatch.Ranking.Explanations;

/// <summary>Turns the features that pushed a result up into short bilingual reasons that name the actual skills, places and numbers.</summary>
public static class ReasonWriter
{
    private static readonly int[] SkillFeatures =
        [FeatureSchema.SkillCoverage, FeatureSchema.SkillMatchCount, FeatureSchema.SkillDirectShare, FeatureSchema.CrosswalkMostShare, FeatureSchema.CrosswalkSomeShare];

    public static IReadOnlyList<Reason> Write(
        FeatureBuilder builder, PreparedVeteran veteran, PreparedOpening opening, ReadOnlySpan<float> features, ReadOnlySpan<float> contributions, int max = 3)
    {
        var c = contributions.ToArray();
        var order = Enumerable.Range(0, c.Length).Where(i => c[i] > 0).ToList();
        order.Sort((a, b) => c[b].CompareTo(c[a]));

        var reasons = new List<Reason>();
        foreach (var index in order)
        {
            // Related features say the same thing (five say "skills match"); each reason appears once.
            var key = index switch
            {
                _ when SkillFeatures.Contains(index) => FeatureSchema.SkillCoverage,
                FeatureSchema.DistanceKm when features[FeatureSchema.SameDistrict] > 0 => FeatureSchema.SameDistrict,
                FeatureSchema.NearestKm when features[FeatureSchema.PreferredDistrict] >= 1 => FeatureSchema.PreferredDistrict,
                FeatureSchema.NearestKm => FeatureSchema.DistanceKm,
                FeatureSchema.EducationGap => FeatureSchema.EducationMeets,
                FeatureSchema.CertificatesMissing => FeatureSchema.CertificatesHeldShare,
                FeatureSchema.SalaryKnown => FeatureSchema.SalaryFit,
                FeatureSchema.TitleSimilarity => FeatureSchema.TextSimilarity,
                _ => index,
            };
            if (reasons.Any(r => r.Feature == FeatureSchema.Names[key]))
            {
                continue;
            }

            if (Describe(builder, veteran, opening, key, features) is { } text)
            {
                reasons.Add(new Reason(FeatureSchema.Names[key], text.Zh, text.En, c[index]));
            }

            if (reasons.Count == max)
            {
                break;
            }
        }

        return reasons;
    }

    /// <summary>
    /// The rules passed that come before any other reason: a licence or a certificate the law requires is the first thing a
    /// veteran and a clerk need to see, checked or to be checked.
    /// </summary>
    public static IEnumerable<Reason> FromRules(Opening opening, IEnumerable<RuleOutcome> outcomes) =>
        outcomes.Where(o => o.Passed && ((o.Rule == "licence_class" && opening.RequiredLicenceClass is not null)
                || (o.Rule == "required_certificate" && CertificateNames.RequiresAny(opening.RequiredCertificates))))
            .Select(o => new Reason(o.Rule, o.ReasonZh, o.ReasonEn, 0));

    private static (string Zh, string En)? Describe(FeatureBuilder builder, PreparedVeteran veteran, PreparedOpening prepared, int index, ReadOnlySpan<float> f)
    {
        var o = prepared.Opening;
        var inv = CultureInfo.InvariantCulture;
        switch (index)
        {
            case FeatureSchema.SkillCoverage:
                var skills = builder.MatchedSkills(veteran, prepared).Take(4).ToArray();
                return skills.Length == 0 ? null
                    : ($"技能匹配：{string.Join('、', skills.Select(s => s.Skill.NameZh))}", $"skills match: {string.Join(", ", skills.Select(s => s.Skill.NameEn))}");
            case FeatureSchema.SameDistrict when f[index] > 0:
                return ("同区县", "same district");
            case FeatureSchema.PreferredDistrict when f[index] >= 1:
                return ("在意向区县", "in a preferred district");
            case FeatureSchema.SpecialtyTitleSimilarity when f[index] > 0:
                return ($"服役专业相近：{string.Join('、', veteran.Profile.Specialties.Take(2))}", $"military specialty resembles the title: {string.Join(", ", veteran.Profile.Specialties.Take(2))}");
            case FeatureSchema.DistanceKm or FeatureSchema.NearestKm when f[index] >= 0:
                var km = f[index].ToString("0", inv);
                return ($"距离约{km}公里", $"about {km} km away");
            case FeatureSchema.EducationMeets or FeatureSchema.EducationGap when f[FeatureSchema.EducationMeets] >= 1:
                return o.MinEducation is null ? ("学历不限", "no education requirement") : ("学历符合", "education meets the requirement");
            case FeatureSchema.MajorMatch when f[index] > 0:
                return ("专业对口", "major matches");
            case FeatureSchema.CertificatesHeldShare or FeatureSchema.CertificatesMissing when o.RequiredCertificates.Count > 0 && f[FeatureSchema.CertificatesMissing] == 0:
                return ($"持有所需证书：{string.Join('、', o.RequiredCertificates)}", $"holds the required certificates: {string.Join(", ", o.RequiredCertificates)}");
            case FeatureSchema.SalaryFit or FeatureSchema.SalaryKnown when f[FeatureSchema.SalaryKnown] > 0 && f[FeatureSchema.SalaryFit] >= 0:
                return ("薪资达到期望", "pay meets the expected minimum");
            case FeatureSchema.IndustryPreferred when f[index] >= 1:
                return ($"意向行业：{o.Industry}", $"preferred industry: {o.Industry}");
            case FeatureSchema.KindPreferred when f[index] >= 1:
                return o.Kind == OpeningKind.Training ? ("意向：培训", "wants training") : ("意向：就业", "wants a job");
            case FeatureSchema.TextSimilarity or FeatureSchema.TitleSimilarity:
                return ("经历与岗位描述相近", "experience resembles the position description");
            case FeatureSchema.RemainingHeadcountLog when o.RemainingHeadcount > 0:
                return ($"仍招{o.RemainingHeadcount}人", $"{o.RemainingHeadcount} places left");
            case FeatureSchema.DaysSincePosted when f[index] <= 14:
                return ("新近发布", "recently posted");
            default:
                return null;
        }
    }
}
