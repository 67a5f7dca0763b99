namespace JobMatch.Ranking.Taxonomy;

/// <summary>
/// Traditional → simplified characters, one to one (data/taxonomy/traditional-simplified.csv). No converter library
/// is available, and a table covering the taxonomy's characters is all the normaliser needs.
/// </summary>
public sealed class TraditionalSimplified
{
    private readonly Dictionary<char, char> _map;

    public TraditionalSimplified(IEnumerable<(char Traditional, char Simplified)> pairs)
    {
        _map = new Dictionary<char, char>();
        foreach (var (traditional, simplified) in pairs)
        {
            if (!_map.TryAdd(traditional, simplified))
            {
                throw new InvalidDataException($"The traditional character '{traditional}' appears twice.");
            }
        }
    }

    public int Count => _map.Count;

    public static TraditionalSimplified Load(string path)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        return Parse(reader);
    }

    public static TraditionalSimplified Parse(TextReader reader) =>
        new(CsvRows.Read(reader, "traditional", "simplified").Select(row =>
            row["traditional"].Length == 1 && row["simplified"].Length == 1
                ? (row["traditional"][0], row["simplified"][0])
                : throw new InvalidDataException($"'{row["traditional"]}' → '{row["simplified"]}' is not one character to one.")));

    public string ToSimplified(string text) =>
        string.Create(text.Length, (text, _map), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                var c = state.text[i];
                span[i] = state._map.TryGetValue(c, out var simplified) ? simplified : c;
            }
        });
}
