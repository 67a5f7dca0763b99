namespace JobMatch.Ranking.Taxonomy;

/// <summary>The three reference files the features need, loaded together.</summary>
public sealed record RankingTaxonomy(SkillTaxonomy Skills, SpecialtyCrosswalk Crosswalk, DistrictMap Districts)
{
    /// <summary>Loads data/taxonomy/skills.csv, data/taxonomy/specialty-crosswalk.csv and data/districts.csv under a data folder.</summary>
    public static RankingTaxonomy Load(string dataDirectory)
    {
        var skills = SkillTaxonomy.Load(Path.Combine(dataDirectory, "taxonomy", "skills.csv"));
        return new RankingTaxonomy(
            skills,
            SpecialtyCrosswalk.Load(Path.Combine(dataDirectory, "taxonomy", "specialty-crosswalk.csv"), skills),
            DistrictMap.Load(Path.Combine(dataDirectory, "districts.csv")));
    }
}
