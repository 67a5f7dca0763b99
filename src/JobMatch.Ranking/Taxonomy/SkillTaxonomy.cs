namespace JobMatch.Ranking.Taxonomy;

/// <summary>The skill taxonomy: ids, bilingual names and synonyms, with a dense index per skill for fast features.</summary>
public sealed class SkillTaxonomy
{
    private readonly Dictionary<string, int> _indexById;
    private readonly List<(string Term, int Index)> _terms;

    // Term ordinals (into _terms, ascending) by their first character, upper-cased as OrdinalIgnoreCase compares.
    private readonly Dictionary<char, int[]> _termsByFirstChar;

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
        _termsByFirstChar = _terms
            .Select((t, ordinal) => (First: char.ToUpperInvariant(t.Term[0]), Ordinal: ordinal))
            .GroupBy(t => t.First)
            .ToDictionary(g => g.Key, g => g.Select(t => t.Ordinal).ToArray());
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

    /// <summary>
    /// Skill ids whose Chinese name or a synonym occurs in free text (profiles and listings are free text), in the
    /// order of the terms (longest first). Each position of the text is tried only against the terms that start with
    /// its character, so a profile costs about a microsecond, not one comparison per term of the taxonomy.
    /// </summary>
    public IReadOnlyList<string> FindInText(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        List<int>? hits = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (!_termsByFirstChar.TryGetValue(char.ToUpperInvariant(text[i]), out var ordinals))
            {
                continue;
            }

            var rest = text.AsSpan(i);
            foreach (var ordinal in ordinals)
            {
                if (rest.StartsWith(_terms[ordinal].Term, StringComparison.OrdinalIgnoreCase))
                {
                    (hits ??= []).Add(ordinal);
                }
            }
        }

        if (hits is null)
        {
            return [];
        }

        hits.Sort();
        var found = new List<string>();
        foreach (var ordinal in hits)
        {
            var id = Skills[_terms[ordinal].Index].Id;
            if (!found.Contains(id))
            {
                found.Add(id);
            }
        }

        return found;
    }
}
