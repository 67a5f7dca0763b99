namespace JobMatch.Ranking.Taxonomy;

/// <summary>How much of a civilian skill a military specialty covers, after O*NET's military crosswalk match types.</summary>
public enum CrosswalkMatch
{
    /// <summary>The specialty performs most of the duties of the skill.</summary>
    Most,

    /// <summary>The specialty performs some of the duties of the skill.</summary>
    Some,
}

public sealed record CrosswalkEntry(string Specialty, string SkillId, CrosswalkMatch Match);

/// <summary>Military specialty as written on discharge papers → civilian skills (data/taxonomy/specialty-crosswalk.csv).</summary>
public sealed class SpecialtyCrosswalk
{
    private readonly Dictionary<string, CrosswalkEntry[]> _bySpecialty;

    public SpecialtyCrosswalk(IEnumerable<CrosswalkEntry> entries)
    {
        Entries = entries.ToArray();
        _bySpecialty = Entries.GroupBy(e => e.Specialty, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public IReadOnlyList<CrosswalkEntry> Entries { get; }

    public IEnumerable<string> Specialties => _bySpecialty.Keys;

    public static SpecialtyCrosswalk Load(string path, SkillTaxonomy taxonomy)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        return Parse(reader, taxonomy);
    }

    public static SpecialtyCrosswalk Parse(TextReader reader, SkillTaxonomy taxonomy)
    {
        var entries = new List<CrosswalkEntry>();
        foreach (var row in CsvRows.Read(reader, "specialty", "skill_id", "match_type"))
        {
            var match = row["match_type"] switch
            {
                "most" => CrosswalkMatch.Most,
                "some" => CrosswalkMatch.Some,
                var other => throw new InvalidDataException($"Unknown match type '{other}' for {row["specialty"]}."),
            };
            if (taxonomy.Find(row["skill_id"]) is null)
            {
                throw new InvalidDataException($"The crosswalk names the unknown skill '{row["skill_id"]}'.");
            }

            entries.Add(new CrosswalkEntry(row["specialty"], row["skill_id"], match));
        }

        return new SpecialtyCrosswalk(entries);
    }

    /// <summary>
    /// Entries for a specialty as written on discharge papers. Papers add grades and branches
    /// ("汽车驾驶员（四级军士长）"), so a known specialty contained in the text also counts.
    /// </summary>
    public IReadOnlyList<CrosswalkEntry> For(string specialty)
    {
        var text = specialty.Trim();
        if (_bySpecialty.TryGetValue(text, out var exact))
        {
            return exact;
        }

        return _bySpecialty
            .Where(pair => text.Contains(pair.Key, StringComparison.Ordinal))
            .SelectMany(pair => pair.Value)
            .ToArray();
    }
}
