using JobMatch.Api.Taxonomy;
using JobMatch.Ranking.Profiles;
using JobMatch.Ranking.Taxonomy;

namespace JobMatch.Api.Matching;

/// <summary>A position as candidate generation reads it: enough to build the ranker's <see cref="Opening"/>.</summary>
public sealed record PositionRow(Guid Id, Guid CompanyId, string CompanyName, string? Industry, string Kind, string Title, int? Headcount,
    int Filled, string? Duties, string? Requirements, string[] Skills, string? Education, string[] Majors, short? AgeMin, short? AgeMax,
    string? DistrictCode, int? SalaryMin, int? SalaryMax, string[] Certificates, Guid? FairId, Guid? ProgramId, DateTime CreatedAt,
    DateTime UpdatedAt);

/// <summary>
/// A veteran as the ranker reads them: no name, ID number, phone or gender; birth date only for the age rule.
/// CertificatesRecorded: someone stated the certificates (empty lists then mean none held, not unknown).
/// </summary>
public sealed record VeteranInputRow(Guid Id, string? HomeDistrict, string[] PreferredDistricts, string? EducationLevel, string? Major,
    string[] Specialties, string[] LicenceClasses, string[] SpecialOperations, string[] SpecialEquipment, string[] OtherCertificates,
    int? MinMonthlySalary, string[] PreferredIndustries, string[] Seeking, string? BirthDate, string[] SkillIds, string[] InferredSkillIds, string[] SkillLabels,
    bool CertificatesRecorded);

/// <summary>Turns database rows into the ranking library's records.</summary>
public static class RankingInputs
{
    public const string PositionColumns = """
        p.id, p.company_id, c.name AS company_name, c.industry, p.kind, p.title, p.headcount, p.filled, p.duties, p.requirements,
        p.skills, p.education, p.majors, p.age_min, p.age_max, p.district_code, p.salary_min, p.salary_max, p.certificates,
        p.fair_id, p.program_id, p.created_at, p.updated_at
        """;

    public const string VeteranColumns = """
        v.id, v.home_district, v.preferred_districts, v.education_level, v.major, v.specialties, v.licence_classes,
        v.special_operations, v.special_equipment, v.other_certificates, v.min_monthly_salary, v.preferred_industries, v.seeking,
        v.birth_date::text AS birth_date, v.stated_skill_ids AS skill_ids, v.inferred_skill_ids, v.skill_labels, v.certificates_recorded
        """;

    public static Opening ToOpening(PositionRow p, ReferenceData data)
    {
        var skillIds = p.Skills.SelectMany(label => data.Skills.Normalize(label)).Where(s => s.Skill is not null).Select(s => s.Skill!.Id)
            .Concat(data.Skills.Taxonomy.FindInText(p.Title)).Distinct(StringComparer.Ordinal).ToArray();
        // A driving licence in the certificates column is the licence rule's business, not a certificate to hold by name.
        var licence = p.Certificates.SelectMany(CertificateNames.LicenceClasses).FirstOrDefault();
        var certificates = p.Certificates.Where(c => CertificateNames.LicenceClasses(c).Length == 0).ToArray();
        var text = string.Join(' ', new[] { p.Title, p.Duties, p.Requirements, string.Join(' ', p.Skills) }.Where(t => !string.IsNullOrEmpty(t)));
        return new Opening(p.Id.ToString(), p.Title, p.Industry ?? "", p.Kind == "training" ? OpeningKind.Training : OpeningKind.Job,
            p.DistrictCode, EducationCodes.Level(p.Education), p.Majors, skillIds, certificates, licence, p.SalaryMin, p.SalaryMax,
            p.Headcount ?? p.Filled + 1, p.Filled, DateTime.SpecifyKind(p.CreatedAt, DateTimeKind.Utc), text, p.AgeMin, p.AgeMax);
    }

    public static VeteranProfile ToProfile(VeteranInputRow v, DateTime asOf)
    {
        int? age = DateOnly.TryParse(v.BirthDate, System.Globalization.CultureInfo.InvariantCulture, out var born)
            ? asOf.Year - born.Year - (asOf.DayOfYear < born.DayOfYear ? 1 : 0) : null;
        var kinds = v.Seeking.Select(s => s switch { "job" => (OpeningKind?)OpeningKind.Job, "training" => OpeningKind.Training, _ => null })
            .Where(k => k is not null).Select(k => k!.Value).ToArray();
        var text = string.Join(' ', v.SkillLabels.Concat(v.Specialties).Append(v.Major ?? ""));
        return new VeteranProfile(v.Id.ToString(), v.HomeDistrict,
            EducationCodes.Level(v.EducationLevel), v.Major,
            v.SkillIds, v.Specialties, [.. v.LicenceClasses, .. v.SpecialOperations, .. v.SpecialEquipment, .. v.OtherCertificates],
            v.MinMonthlySalary, v.PreferredIndustries, kinds, text, age, v.PreferredDistricts, v.CertificatesRecorded);
    }

    /// <summary>Every spelling of the veteran's skills (names and synonyms), so `skills &amp;&amp; @terms` meets listings written either way.</summary>
    public static string[] SkillTerms(VeteranInputRow v, ReferenceData data)
    {
        var terms = new HashSet<string>(v.SkillLabels, StringComparer.Ordinal);
        foreach (var id in v.SkillIds.Concat(v.InferredSkillIds))
        {
            if (data.Skills.Taxonomy.Find(id) is { } skill)
            {
                terms.Add(skill.NameZh);
                terms.UnionWith(skill.Synonyms);
            }
        }
        return [.. terms];
    }
}
