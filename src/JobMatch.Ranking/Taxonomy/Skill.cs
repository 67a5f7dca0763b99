namespace JobMatch.Ranking.Taxonomy;

/// <summary>One civilian skill of the taxonomy (data/taxonomy/skills.csv).</summary>
public sealed record Skill(string Id, string NameZh, string NameEn, string Category, IReadOnlyList<string> Synonyms);
