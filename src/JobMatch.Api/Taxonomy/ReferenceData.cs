using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using JobMatch.Ranking.Taxonomy;

namespace JobMatch.Api.Taxonomy;

/// <summary>A group of the national occupation classification: code (4-02), Chinese name, level (中类).</summary>
public sealed record Occupation(string Code, string Name, string Level);

/// <summary>
/// The taxonomy files of data/ (copied beside the service): skills with their normaliser, military specialties with
/// the crosswalk, and the districts of Huainan. Loaded once; a broken file stops the start with its line number.
/// </summary>
public sealed class ReferenceData
{
    ReferenceData(SkillNormalizer skills, SpecialtyCatalog specialties, DistrictMap districts, IReadOnlyDictionary<string, Occupation> occupations)
    {
        Skills = skills;
        Specialties = specialties;
        Districts = districts;
        Occupations = occupations;
    }

    public SkillNormalizer Skills { get; }
    public SpecialtyCatalog Specialties { get; }
    public DistrictMap Districts { get; }

    /// <summary>Each skill's group of the national occupation classification (职业分类大典), where one is known.</summary>
    public IReadOnlyDictionary<string, Occupation> Occupations { get; }

    public static ReferenceData Load(string dataDirectory)
    {
        var skills = SkillNormalizer.Load(dataDirectory);
        return new ReferenceData(skills,
            SpecialtyCatalog.Load(dataDirectory, skills.Taxonomy, skills.Table),
            DistrictMap.Load(Path.Combine(dataDirectory, "districts.csv")),
            LoadOccupations(Path.Combine(dataDirectory, "taxonomy", "skill-occupations.csv"), skills.Taxonomy));
    }

    static Dictionary<string, Occupation> LoadOccupations(string path, SkillTaxonomy skills)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = args => args.Header.Replace("_", "", StringComparison.Ordinal).ToUpperInvariant(),
        });
        var occupations = new Dictionary<string, Occupation>(StringComparer.Ordinal);
        foreach (var row in csv.GetRecords<OccupationRow>())
        {
            if (skills.Find(row.SkillId) is null || !occupations.TryAdd(row.SkillId, new Occupation(row.OccupationCode, row.OccupationName, row.Level)))
            {
                throw new InvalidDataException($"{path}: the skill '{row.SkillId}' is unknown or listed twice.");
            }
        }
        return occupations;
    }

    sealed record OccupationRow(string SkillId, string OccupationCode, string OccupationName, string Level);

    static readonly Lazy<ReferenceData> Shipped = new(() => Load(Path.Combine(AppContext.BaseDirectory, "data")));

    /// <summary>The files shipped with the service (data/ beside the binaries).</summary>
    public static ReferenceData Default => Shipped.Value;
}
