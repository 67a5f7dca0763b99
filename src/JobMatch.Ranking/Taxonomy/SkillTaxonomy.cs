namespace JobMatch.Ranking.Taxonomy;

/// <summary>The skill taxonomy: ids, bilingual names and synonyms, with a dense index per skill for fast features.</summary>
public sealed class SkillTaxonomy
{
    private readonly Dictionary<string, int> _indexById;
    private readonly List<(string Term, int Index)> _terms;

    public SkillTaxonomy(IEnumerable<Skill> skills)
    {
        Skills = skills.ToArray();
        _indexById = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Skills.Count; i++)
        {
            if (!_indexById.TryAdd(Skills[i].Id, i))
            {
                throw new InvalidDataException($"The skill id '{Skills[i].Id}' appears twice.");
            }
        }

        // Longest terms first, so "高压电工" is found before the shorter "电工" it contains.
        _terms = Skills
            .SelectMany((s, i) => s.Synonyms.Prepend(s.NameZh).Select(t => (Term: t, Index: i)))
            .Where(t => t.Term.Length >= 2)
            .OrderByDescending(t => t.Term.Length)
            .ToList();
    }

    public IReadOnlyList<Skill> Skills { get; }

    public int Count => Skills.Count;

    public static SkillTaxonomy Load(string path)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        return Parse(reader);
    }

    public static SkillTaxonomy Parse(TextReader reader)
    {
        var rows = CsvRows.Read(reader, "id", "name_zh", "name_en", "category", "synonyms");
        return new SkillTaxonomy(rows.Select(r => new Skill(
            r["id"], r["name_zh"], r["name_en"], r["category"],
            r["synonyms"].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))));
    }

    public bool TryGetIndex(string skillId, out int index) => _indexById.TryGetValue(skillId, out index);

    public Skill this[int index] => Skills[index];

    public Skill? Find(string skillId) => _indexById.TryGetValue(skillId, out var i) ? Skills[i] : null;

    /// <summary>Skill ids whose Chinese name or a synonym occurs in free text (profiles and listings are free text).</summary>
    public IReadOnlyList<string> FindInText(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var found = new List<string>();
        foreach (var (term, index) in _terms)
        {
            if (text.Contains(term, StringComparison.OrdinalIgnoreCase) && !found.Contains(Skills[index].Id))
            {
                found.Add(Skills[index].Id);
            }
        }

        return found;
    }
}
