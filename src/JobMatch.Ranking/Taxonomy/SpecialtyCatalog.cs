namespace JobMatch.Ranking.Taxonomy;

/// <summary>A military specialty with a stable code (data/taxonomy/specialties.csv); its skills are in the crosswalk.</summary>
public sealed record Specialty(string Code, string NameZh, string NameEn, IReadOnlyList<string> Aliases);

/// <summary>Specialties by code, by name or alias as written on discharge papers, and their crosswalk entries.</summary>
public sealed class SpecialtyCatalog
{
    private readonly Dictionary<string, Specialty> _byCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Specialty> _byKey = new(StringComparer.Ordinal);
    private readonly List<(string Key, Specialty Specialty)> _keys = [];
    private readonly Dictionary<string, int> _order = new(StringComparer.Ordinal);

    public SpecialtyCatalog(IEnumerable<Specialty> specialties, SpecialtyCrosswalk crosswalk, TraditionalSimplified table)
    {
        Specialties = specialties.ToArray();
        Crosswalk = crosswalk;
        Table = table;
        foreach (var specialty in Specialties)
        {
            if (!_byCode.TryAdd(specialty.Code, specialty))
            {
                throw new InvalidDataException($"The specialty code '{specialty.Code}' appears twice.");
            }

            _order[specialty.Code] = _order.Count;

            foreach (var key in specialty.Aliases.Prepend(specialty.NameZh).Append(specialty.NameEn).Select(term => TermKey.Of(term, table)))
            {
                if (key.Length > 0 && _byKey.TryAdd(key, specialty))
                {
                    _keys.Add((key, specialty));
                }
            }
        }

        if (crosswalk.Specialties.FirstOrDefault(name => !Specialties.Any(s => s.NameZh == name)) is { } missing)
        {
            throw new InvalidDataException($"The crosswalk names the specialty '{missing}', which specialties.csv lacks.");
        }

        // Longest first, so "坦克装甲车辆修理工" is found in a longer text before "装甲车驾驶员"'s shorter aliases.
        _keys.Sort((a, b) => b.Key.Length.CompareTo(a.Key.Length));
    }

    public IReadOnlyList<Specialty> Specialties { get; }

    public SpecialtyCrosswalk Crosswalk { get; }

    public TraditionalSimplified Table { get; }

    /// <summary>Loads specialties.csv and specialty-crosswalk.csv from data/taxonomy under a data folder.</summary>
    public static SpecialtyCatalog Load(string dataDirectory, SkillTaxonomy skills, TraditionalSimplified table)
    {
        var folder = Path.Combine(dataDirectory, "taxonomy");
        using var reader = new StreamReader(Path.Combine(folder, "specialties.csv"), System.Text.Encoding.UTF8);
        var specialties = CsvRows.Read(reader, "code", "name_zh", "name_en", "aliases").Select(row => new Specialty(
            row["code"], row["name_zh"], row["name_en"],
            row["aliases"].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))).ToList();
        return new SpecialtyCatalog(specialties, SpecialtyCrosswalk.Load(Path.Combine(folder, "specialty-crosswalk.csv"), skills), table);
    }

    public Specialty? Find(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>
    /// The specialty a discharge paper means: its name or an alias, in any script or width; papers add grades
    /// ("汽车驾驶员（四级军士长）"), so the longest known name contained in the text also counts.
    /// </summary>
    public Specialty? Match(string written)
    {
        var key = TermKey.Of(written, Table);
        if (key.Length == 0)
        {
            return null;
        }

        return _byKey.TryGetValue(key, out var exact) ? exact
            : _keys.FirstOrDefault(k => k.Key.Length >= 2 && key.Contains(k.Key, StringComparison.Ordinal)).Specialty;
    }

    /// <summary>Specialties whose code, name or alias equals, starts with or contains the query, in that order.</summary>
    public IReadOnlyList<Specialty> Search(string? query, int limit)
    {
        var key = query is null ? "" : TermKey.Of(query, Table);
        if (key.Length == 0)
        {
            return Specialties.Take(limit).ToList();
        }

        return _keys.Concat(Specialties.Select(s => (Key: TermKey.Of(s.Code, Table), Specialty: s)))
            .Select(k => (k.Specialty, Rank: k.Key == key ? 0 : k.Key.StartsWith(key, StringComparison.Ordinal) ? 1 : k.Key.Contains(key, StringComparison.Ordinal) ? 2 : 3))
            .Where(k => k.Rank < 3)
            .GroupBy(k => k.Specialty)
            .Select(g => (Specialty: g.Key, Rank: g.Min(k => k.Rank)))
            .OrderBy(k => k.Rank).ThenBy(k => _order[k.Specialty.Code])
            .Take(limit)
            .Select(k => k.Specialty)
            .ToList();
    }

    /// <summary>The civilian skills a specialty maps to, "most duties" first.</summary>
    public IReadOnlyList<CrosswalkEntry> SkillsOf(Specialty specialty) =>
        Crosswalk.For(specialty.NameZh).OrderBy(e => e.Match).ToList();
}
