using JobMatch.Ranking.Taxonomy;

namespace JobMatch.Api.Taxonomy;

/// <summary>
/// Huainan's districts (data/districts.csv, read once by <see cref="ReferenceData"/>): the one reading of a district a
/// person writes, the name of a code, and the distance between two (the Ranking library's great circle).
/// </summary>
public static class Districts
{
    static readonly Lazy<(string Alias, string Code)[]> Aliases = new(BuildAliases);

    static DistrictMap Map => ReferenceData.Default.Districts;

    public static IReadOnlyList<District> All => Map.Districts;

    /// <summary>Every spelling <see cref="Code"/> takes: codes, names, short names (田家庵) and the zones' short forms (经开区).</summary>
    public static IEnumerable<string> Spellings => All.Select(district => district.Code).Concat(Aliases.Value.Select(alias => alias.Alias));

    /// <summary>The code for "340403", "田家庵区" or "田家庵" (spaces ignored), or null when the text names no district.</summary>
    public static string? Code(string? text)
    {
        var compact = Compact(text);
        return Map.Find(compact)?.Code ?? Array.Find(Aliases.Value, alias => alias.Alias == compact).Code;
    }

    /// <summary>The district an address names ("淮南市田家庵区洞山路", "经开区"): the longest name or short form in it wins.</summary>
    public static string? InAddress(string? text)
    {
        var compact = Compact(text);
        return compact.Length == 0
            ? null
            : Code(compact) ?? Array.Find(Aliases.Value, alias => compact.Contains(alias.Alias, StringComparison.Ordinal)).Code;
    }

    /// <summary>The Chinese name of a code, or null when unknown.</summary>
    public static string? Name(string? code) => Map.Find(code)?.Name;

    /// <summary>Kilometres between two districts' centres, or null when either is unknown.</summary>
    public static double? DistanceKm(string? fromCode, string? toCode) => Map.DistanceKm(fromCode, toCode);

    static string Compact(string? text) =>
        text is null ? "" : text.Replace(" ", "", StringComparison.Ordinal).Replace("\u3000", "", StringComparison.Ordinal).Trim();

    static (string, string)[] BuildAliases()
    {
        var aliases = new List<(string, string)>();
        foreach (var district in All)
        {
            aliases.Add((district.Name, district.Code));
            var shortName = district.Name.TrimEnd('区', '县');
            if (shortName.Length >= 2 && shortName != district.Name)
            {
                aliases.Add((shortName, district.Code));
            }
        }
        // Common short forms of the zones.
        Add("毛集", "实验区");
        Add("经开区", "经济技术开发区");
        Add("经济开发区", "经济技术开发区");
        Add("高新区", "高新技术产业开发区");
        return [.. aliases.OrderByDescending(alias => alias.Item1.Length)];

        void Add(string alias, string nameFragment)
        {
            if (All.FirstOrDefault(district => district.Name.Contains(nameFragment, StringComparison.Ordinal)) is { } district)
            {
                aliases.Add((alias, district.Code));
            }
        }
    }
}
