using JobMatch.Ranking.Taxonomy;

namespace JobMatch.Api.Taxonomy;

/// <summary>
/// The taxonomy files of data/ (copied beside the service): skills with their normaliser, military specialties with
/// the crosswalk, and the districts of Huainan. Loaded once; a broken file stops the start with its line number.
/// </summary>
public sealed class ReferenceData
{
    ReferenceData(SkillNormalizer skills, SpecialtyCatalog specialties, DistrictMap districts)
    {
        Skills = skills;
        Specialties = specialties;
        Districts = districts;
    }

    public SkillNormalizer Skills { get; }
    public SpecialtyCatalog Specialties { get; }
    public DistrictMap Districts { get; }

    public static ReferenceData Load(string dataDirectory)
    {
        var skills = SkillNormalizer.Load(dataDirectory);
        return new ReferenceData(skills,
            SpecialtyCatalog.Load(dataDirectory, skills.Taxonomy, skills.Table),
            DistrictMap.Load(Path.Combine(dataDirectory, "districts.csv")));
    }

    static readonly Lazy<ReferenceData> Shipped = new(() => Load(Path.Combine(AppContext.BaseDirectory, "data")));

    /// <summary>The files shipped with the service (data/ beside the binaries).</summary>
    public static ReferenceData Default => Shipped.Value;

    /// <summary>A district code for a code or a name ("340403" or "田家庵区"), or null when unknown.</summary>
    public string? DistrictCode(string? value)
    {
        var text = value?.Trim() ?? "";
        return Districts.Find(text)?.Code ?? Districts.Districts.FirstOrDefault(d => d.Name == text)?.Code;
    }
}
