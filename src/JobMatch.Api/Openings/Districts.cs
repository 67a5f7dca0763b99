using System.Globalization;

namespace JobMatch.Api.Openings;

/// <summary>A Huainan division (official code) or a pseudo-code for the 毛集 zone and the development zones.</summary>
public sealed record District(string Code, string Name, string Kind, double Lat, double Lon);

/// <summary>
/// Matches free district or address text to data/districts.csv (embedded). Spreadsheets write 田家庵区, 田家庵,
/// 淮南市田家庵区洞山路 or 经开区: the longest name or alias found in the text wins.
/// </summary>
public static class Districts
{
    public static readonly IReadOnlyList<District> All = Load();

    static readonly (string Alias, string Code)[] Aliases = BuildAliases();

    public static bool IsKnown(string code) => All.Any(district => district.Code == code);

    public static string? Match(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var compact = text.Replace(" ", "", StringComparison.Ordinal).Replace("\u3000", "", StringComparison.Ordinal);
        if (compact.Length == 6 && IsKnown(compact))
        {
            return compact;
        }
        foreach (var (alias, code) in Aliases)
        {
            if (compact.Contains(alias, StringComparison.Ordinal))
            {
                return code;
            }
        }
        return null;
    }

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

    static List<District> Load()
    {
        using var stream = typeof(Districts).Assembly.GetManifestResourceStream("districts.csv")
            ?? throw new InvalidOperationException("districts.csv is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var districts = new List<District>();
        reader.ReadLine(); // header: code,name,kind,lat,lon
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var cells = line.Split(',');
            districts.Add(new District(cells[0], cells[1], cells[2],
                double.Parse(cells[3], CultureInfo.InvariantCulture), double.Parse(cells[4], CultureInfo.InvariantCulture)));
        }
        return districts;
    }
}
