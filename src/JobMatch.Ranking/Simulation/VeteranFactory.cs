using JobMatch.Ranking.Profiles;
using JobMatch.Ranking.Taxonomy;

namespace JobMatch.Ranking.Simulation;

/// <summary>Draws one synthetic veteran: true skills from the crosswalk and a later civilian job, a profile that declares only part of them.</summary>
internal static class VeteranFactory
{
    // Certificates a veteran with the skill holds with probability 0.6 (special-operations and trade certificates).
    private static readonly Dictionary<string, string> CertificateOf = new(StringComparer.Ordinal)
    {
        ["forklift"] = "叉车",
        ["electrician_low"] = "电工",
        ["electrician_high"] = "电工",
        ["mine_electrical"] = "电工",
        ["welding_arc"] = "焊工",
        ["security_patrol"] = "保安员",
        ["cooking_chinese"] = "健康证",
        ["heavy_machinery"] = "挖掘机",
        ["fire_safety"] = "消防设施操作员",
        ["gas_monitoring"] = "特种作业",
        ["work_at_height"] = "高处作业",
        ["building_safety"] = "安全员",
        ["accounting"] = "会计",
    };

    public static HiddenVeteran Make(int i, Random rng, RankingTaxonomy taxonomy, string[] specialties, IReadOnlyList<District> districts, string[] branches, string[] majors)
    {
        var specialty = specialties[rng.Next(specialties.Length)];
        var trueSkills = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in taxonomy.Crosswalk.For(specialty))
        {
            if (rng.NextDouble() < (entry.Match == CrosswalkMatch.Most ? 0.85 : 0.45))
            {
                trueSkills.Add(entry.SkillId);
            }
        }

        // Most veterans worked a civilian job after service; it taught them that job's skills.
        OpeningTemplate? civilian = rng.NextDouble() < 0.6 ? OpeningTemplates.All[rng.Next(OpeningTemplates.All.Length)] : null;
        foreach (var skill in civilian?.Skills ?? [])
        {
            if (rng.NextDouble() < 0.6)
            {
                trueSkills.Add(skill);
            }
        }

        var ordered = trueSkills.Order(StringComparer.Ordinal).ToArray();
        var declared = ordered.Where(_ => rng.NextDouble() < 0.45).ToArray();
        var mentioned = ordered.Where(_ => rng.NextDouble() < 0.25).Select(id => taxonomy.Skills.Find(id)!.NameZh).ToArray();

        var education = rng.NextDouble() switch
        {
            < 0.1 => EducationLevel.MiddleSchoolOrBelow,
            < 0.6 => EducationLevel.HighSchool,
            < 0.9 => EducationLevel.Associate,
            _ => EducationLevel.Bachelor,
        };
        var major = education >= EducationLevel.Associate ? majors[rng.Next(majors.Length)] : null;

        var certificates = new List<string>();
        var driver = specialty.Contains("驾驶", StringComparison.Ordinal);
        if (driver || rng.NextDouble() < 0.5)
        {
            certificates.Add(driver ? (rng.NextDouble() < 0.5 ? "A2" : "B2") : "C1");
        }

        foreach (var skill in ordered)
        {
            if (CertificateOf.TryGetValue(skill, out var cert) && !certificates.Contains(cert) && rng.NextDouble() < 0.6)
            {
                certificates.Add(cert);
            }
        }

        var district = districts[Math.Min(districts.Count - 1, (int)(districts.Count * Math.Pow(rng.NextDouble(), 1.5)))];
        var industries = new List<string>();
        if (rng.NextDouble() < 0.7)
        {
            // Preferences lean towards what the veteran can do, as they do in life.
            var fitting = OpeningTemplates.All.Where(t => t.Skills.Any(trueSkills.Contains)).Select(t => t.Industry).Distinct().ToArray();
            var pool = fitting.Length > 0 && rng.NextDouble() < 0.7 ? fitting : OpeningTemplates.Industries;
            industries.Add(pool[rng.Next(pool.Length)]);
            if (rng.NextDouble() < 0.4)
            {
                industries.Add(OpeningTemplates.Industries[rng.Next(OpeningTemplates.Industries.Length)]);
            }
        }

        List<OpeningKind> kinds = rng.NextDouble() switch
        {
            < 0.6 => [OpeningKind.Job],
            < 0.75 => [OpeningKind.Training],
            _ => [],
        };

        var branch = branches[rng.Next(branches.Length)];
        var text = $"{branch}退役，服役期间任{specialty}。"
            + (civilian is null ? "" : $"退役后从事过{civilian.Title}工作。")
            + (mentioned.Length == 0 ? "" : $"熟悉{string.Join('、', mentioned)}。")
            + (industries.Count == 0 ? "" : $"希望在{district.Name}附近从事{string.Join('、', industries)}相关工作。");
        var profile = new VeteranProfile(
            $"V{i:D6}", district.Code, education, major, declared, [specialty], certificates,
            3000 + (500 * rng.Next(9)), industries, kinds, text, 22 + rng.Next(24));
        return new HiddenVeteran(profile, trueSkills);
    }
}
