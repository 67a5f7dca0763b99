namespace JobMatch.Ranking.Taxonomy;

/// <summary>One term of free text: the canonical skill it names, or null when it is kept as free text.</summary>
public sealed record NormalizedSkill(string Text, Skill? Skill);

/// <summary>
/// Maps free text (Chinese or English, full or half width, traditional or simplified, lists separated by 、，,;/)
/// to canonical skills of the taxonomy; terms it does not know are kept as free text.
/// </summary>
public sealed class SkillNormalizer
{
    // Generic endings that name a job rather than a skill: "叉车司机" is the skill "叉车", "forklift driving" is "forklift".
    private static readonly string[] Endings =
    [
        "驾驶员", "操作员", "操作工", "技术员", "作业", "司机", "驾驶", "操作", "技术", "技能", "师傅", "证书", "证", "员", "工", "师",
        "driving", "driver", "operation", "operator", "operating", "skills", "skill", "technician", "worker", "work",
    ];

    private static readonly string[] Openings = ["熟练掌握", "熟练", "熟悉", "掌握", "擅长", "能"];

    private static readonly char[] Separators = ['、', ',', ';', '/', '|', '\n', '\r', '\t'];

    private readonly Dictionary<string, int> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _stems = new(StringComparer.Ordinal);
    private readonly List<(string Key, int Index)> _terms = [];

    public SkillNormalizer(SkillTaxonomy taxonomy, TraditionalSimplified table, IEnumerable<(string SkillId, string Alias)> aliases)
    {
        Taxonomy = taxonomy;
        Table = table;
        var extra = aliases.ToLookup(a => a.SkillId, a => a.Alias, StringComparer.Ordinal);
        if (extra.FirstOrDefault(group => taxonomy.Find(group.Key) is null) is { } unknown)
        {
            throw new InvalidDataException($"An alias names the unknown skill '{unknown.Key}'.");
        }

        // Canonical names first, so a term that is one skill's name and another's synonym goes to the former.
        for (var i = 0; i < taxonomy.Count; i++)
        {
            Add(taxonomy[i].NameZh, i);
            Add(taxonomy[i].NameEn, i);
        }

        for (var i = 0; i < taxonomy.Count; i++)
        {
            foreach (var term in taxonomy[i].Synonyms.Concat(extra[taxonomy[i].Id]))
            {
                Add(term, i);
            }
        }
    }

    public SkillTaxonomy Taxonomy { get; }

    public TraditionalSimplified Table { get; }

    /// <summary>Loads skills.csv, skill-aliases.csv and traditional-simplified.csv from data/taxonomy under a data folder.</summary>
    public static SkillNormalizer Load(string dataDirectory)
    {
        var folder = Path.Combine(dataDirectory, "taxonomy");
        using var aliases = new StreamReader(Path.Combine(folder, "skill-aliases.csv"), System.Text.Encoding.UTF8);
        return new SkillNormalizer(
            SkillTaxonomy.Load(Path.Combine(folder, "skills.csv")),
            TraditionalSimplified.Load(Path.Combine(folder, "traditional-simplified.csv")),
            CsvRows.Read(aliases, "skill_id", "alias").Select(row => (row["skill_id"], row["alias"])).ToList());
    }

    /// <summary>Every term of a list, in order, each once: known skills by their canonical entry, the rest as cleaned text.</summary>
    public IReadOnlyList<NormalizedSkill> Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var result = new List<NormalizedSkill>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in TermKey.HalfWidth(text).Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var skill = Match(part);
            var cleaned = TermKey.Clean(part, Table);
            if (cleaned.Length > 0 && seen.Add(skill?.Id ?? "text:" + TermKey.Of(cleaned, Table)))
            {
                result.Add(new NormalizedSkill(skill?.NameZh ?? cleaned, skill));
            }
        }

        return result;
    }

    /// <summary>The canonical skill one term names, or null.</summary>
    public Skill? Match(string term)
    {
        var key = TermKey.Of(term, Table);
        if (key.Length == 0)
        {
            return null;
        }

        if (Lookup(key) is { } found)
        {
            return found;
        }

        foreach (var opening in Openings)
        {
            if (key.Length > opening.Length + 1 && key.StartsWith(opening, StringComparison.Ordinal) && Lookup(key[opening.Length..]) is { } rest)
            {
                return rest;
            }
        }

        return null;
    }

    /// <summary>Skills for autocompletion: names or synonyms equal to the query first, then starting with it, then containing it.</summary>
    public IReadOnlyList<Skill> Suggest(string query, int limit)
    {
        var key = TermKey.Of(query, Table);
        if (key.Length == 0)
        {
            return [];
        }

        return _terms
            .Select(t => (t.Index, Rank: t.Key == key ? 0 : t.Key.StartsWith(key, StringComparison.Ordinal) ? 1 : t.Key.Contains(key, StringComparison.Ordinal) ? 2 : 3))
            .Where(t => t.Rank < 3)
            .GroupBy(t => t.Index)
            .Select(g => (Index: g.Key, Rank: g.Min(t => t.Rank)))
            .OrderBy(t => t.Rank).ThenBy(t => t.Index)
            .Take(limit)
            .Select(t => Taxonomy[t.Index])
            .ToList();
    }

    private Skill? Lookup(string key)
    {
        if (_exact.TryGetValue(key, out var index))
        {
            return Taxonomy[index];
        }

        var stem = Stem(key);
        return _exact.TryGetValue(stem, out index) || _stems.TryGetValue(stem, out index) ? Taxonomy[index] : null;
    }

    private void Add(string term, int index)
    {
        var key = TermKey.Of(term, Table);
        if (key.Length == 0)
        {
            return;
        }

        _exact.TryAdd(key, index);
        _stems.TryAdd(Stem(key), index);
        _terms.Add((key, index));
    }

    private static string Stem(string key)
    {
        foreach (var ending in Endings)
        {
            // Keep at least two characters of Chinese, or three letters of English, so "电工" never becomes "电".
            var keep = char.IsAscii(ending[0]) ? 3 : 2;
            if (key.Length >= ending.Length + keep && key.EndsWith(ending, StringComparison.Ordinal))
            {
                return key[..^ending.Length];
            }
        }

        return key;
    }
}
