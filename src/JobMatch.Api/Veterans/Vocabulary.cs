namespace JobMatch.Api.Veterans;

/// <summary>The closed lists of a profile. Each accepts its code or its Chinese name; the code is stored. Education: Taxonomy/EducationCodes.</summary>
public static class Vocabulary
{
    public static readonly IReadOnlyDictionary<string, string> Branches = Codes(
        ("army", "陆军"), ("navy", "海军"), ("air_force", "空军"), ("rocket_force", "火箭军"), ("armed_police", "武警部队"),
        ("joint_logistics", "联勤保障部队"), ("strategic_support", "战略支援部队"))
        .With(("武警", "armed_police"), ("联勤", "joint_logistics"));

    public static readonly IReadOnlyDictionary<string, string> Seeking = Codes(("job", "就业"), ("training", "培训"), ("entrepreneurship", "创业"));

    public static readonly IReadOnlyDictionary<string, string> Statuses = Codes(
        ("seeking", "求职中"), ("employed", "已就业"), ("training", "培训中"), ("not_seeking", "暂不求职"));

    public static readonly IReadOnlySet<string> LicenceClasses = new HashSet<string> { "A1", "A2", "A3", "B1", "B2", "C1", "C2" };

    /// <summary>The stored code for a code or a Chinese name (aliases such as 武警 included), or null when unknown.</summary>
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

    /// <summary>Short forms common on rosters and discharge papers (武警, 联勤).</summary>
    static Dictionary<string, string> With(this Dictionary<string, string> map, params (string Alias, string Code)[] aliases)
    {
        foreach (var (alias, code) in aliases)
        {
            map[alias] = code;
        }
        return map;
    }
}
