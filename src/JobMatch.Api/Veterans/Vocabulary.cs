namespace JobMatch.Api.Veterans;

/// <summary>
/// The closed lists of a profile. Each accepts its code or its Chinese name; the code is stored. Education and branches,
/// which other features read too, live in Taxonomy (EducationCodes, ServiceBranches).
/// </summary>
public static class Vocabulary
{
    public static readonly IReadOnlyDictionary<string, string> Seeking = Codes(("job", "就业"), ("training", "培训"), ("entrepreneurship", "创业"));

    public static readonly IReadOnlyDictionary<string, string> Statuses = Codes(
        ("seeking", "求职中"), ("employed", "已就业"), ("training", "培训中"), ("not_seeking", "暂不求职"));

    public static readonly IReadOnlySet<string> LicenceClasses = new HashSet<string> { "A1", "A2", "A3", "B1", "B2", "C1", "C2" };

    /// <summary>The stored code for a code or a Chinese name (or a short form the list holds), or null when unknown.</summary>
    public static string? Code(IReadOnlyDictionary<string, string> names, string? value)
    {
        var text = value?.Trim() ?? "";
        return names.TryGetValue(text, out var code) ? code : null;
    }

    static Dictionary<string, string> Codes(params (string Code, string Chinese)[] entries)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (code, chinese) in entries)
        {
            map[code] = code;
            map[chinese] = code;
        }
        return map;
    }
}
