using System.Globalization;
using System.Text.RegularExpressions;
using JobMatch.Api.Taxonomy;
using JobMatch.Ranking.Taxonomy;

namespace JobMatch.Api.Spreadsheets;

/// <summary>Monthly salary in CNY; null where the text does not say (面议, 5000元以上 has no maximum).</summary>
public sealed record Salary(int? Min, int? Max);

/// <summary>The free-text cells of bureau spreadsheets, read into values. Each returns false when it cannot read the text.</summary>
public static partial class CellParsers
{
    /// <summary>Full-width to half-width, spaces removed, lower case: the form every parser below reads.</summary>
    public static string Compact(string text)
    {
        // One pass without LINQ: this runs on several cells of every imported row.
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            var half = TermKey.HalfWidth(c);
            if (!char.IsWhiteSpace(half))
            {
                buffer[length++] = char.ToLowerInvariant(half);
            }
        }
        return length == text.Length && text.AsSpan().SequenceEqual(buffer) ? text : new string(buffer[..length]);
    }

    public static bool TrySalary(string? text, out Salary salary)
    {
        salary = new Salary(null, null);
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        var s = Compact(text).Replace("人民币", "", StringComparison.Ordinal).Replace("/月", "", StringComparison.Ordinal)
            .Replace("每月", "", StringComparison.Ordinal).Replace("月薪", "", StringComparison.Ordinal).Replace("底薪", "", StringComparison.Ordinal);
        if (s is "面议" or "薪资面议" or "待遇面议" or "工资面议" or "negotiable")
        {
            return true;
        }
        if (AnnualPattern().Match(s) is { Success: true } annual)
        {
            // 年薪8万 and 年薪80000 both occur; a 万 anywhere applies to every number.
            var unit = s.Contains('万', StringComparison.Ordinal) || s.Contains('w', StringComparison.Ordinal) ? "万" : "";
            var low = Amount(annual.Groups["low"].Value, unit, "");
            var high = annual.Groups["high"].Success ? Amount(annual.Groups["high"].Value, unit, "") : low;
            salary = new Salary(low is null ? null : (int)(low.Value / 12), high is null ? null : (int)(high.Value / 12));
            return Plausible(salary);
        }
        if (RangePattern().Match(s) is { Success: true } range)
        {
            // 4-6k: the unit written once applies to both ends.
            var unit = range.Groups["u2"].Value.Length > 0 ? range.Groups["u2"].Value : range.Groups["u1"].Value;
            var low = Amount(range.Groups["low"].Value, range.Groups["u1"].Value.Length > 0 ? range.Groups["u1"].Value : unit, "");
            var high = Amount(range.Groups["high"].Value, unit, "");
            salary = new Salary(ToInt(low), ToInt(high));
            return Plausible(salary);
        }
        if (OpenEndedPattern().Match(s) is { Success: true } open)
        {
            var amount = ToInt(Amount(open.Groups["n"].Value, open.Groups["u"].Value, ""));
            salary = open.Groups["dir"].Value is "以下" or "以内" ? new Salary(null, amount) : new Salary(amount, null);
            return Plausible(salary);
        }
        if (SinglePattern().Match(s) is { Success: true } single)
        {
            var amount = ToInt(Amount(single.Groups["n"].Value, single.Groups["u"].Value, ""));
            salary = new Salary(amount, amount);
            return Plausible(salary);
        }
        return false;
    }

    static decimal? Amount(string number, string unit, string defaultUnit)
    {
        if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }
        return (unit.Length > 0 ? unit : defaultUnit) switch
        {
            "k" or "千" => value * 1000,
            "w" or "万" => value * 10000,
            _ => value,
        };
    }

    static int? ToInt(decimal? value) => value is null ? null : (int)value.Value;

    static bool Plausible(Salary salary) =>
        salary.Min is null or (>= 100 and <= 1_000_000) && salary.Max is null or (>= 100 and <= 1_000_000)
        && (salary.Min is null || salary.Max is null || salary.Min <= salary.Max);

    [GeneratedRegex(@"^年薪(?<low>\d+(\.\d+)?)(万|w)?([-~至到—–](?<high>\d+(\.\d+)?))?(万|w)?元?(左右)?$")]
    private static partial Regex AnnualPattern();

    [GeneratedRegex(@"^(?<low>\d+(\.\d+)?)(?<u1>k|千|万|w)?元?[-~至到—–](?<high>\d+(\.\d+)?)(?<u2>k|千|万|w)?元?$")]
    private static partial Regex RangePattern();

    [GeneratedRegex(@"^(?<n>\d+(\.\d+)?)(?<u>k|千|万|w)?元?(?<dir>以上|起|\+.*|以下|以内)$")]
    private static partial Regex OpenEndedPattern();

    [GeneratedRegex(@"^(?<n>\d+(\.\d+)?)(?<u>k|千|万|w)?元?(左右)?$")]
    private static partial Regex SinglePattern();

    /// <summary>3, 3人, ３名: a count; 若干 or 不限: unknown (null), which is valid.</summary>
    public static bool TryHeadcount(string? text, out int? headcount, out bool unknown)
    {
        headcount = null;
        unknown = false;
        var s = text is null ? "" : Compact(text);
        if (s is "若干" or "若干人" or "若干名" or "不限" or "多名")
        {
            unknown = true;
            return true;
        }
        if (HeadcountPattern().Match(s) is { Success: true } match && int.TryParse(match.Groups["n"].Value, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 100_000)
        {
            headcount = n;
            return true;
        }
        return false;
    }

    [GeneratedRegex(@"^(?<n>\d+)(\.0+)?(人|名|个)?$")]
    private static partial Regex HeadcountPattern();

    /// <summary>The code of the minimum education the words name (as EducationCodes reads them); null for 不限 or an empty cell.</summary>
    public static bool TryEducation(string? text, out string? education)
    {
        education = EducationCodes.Read(text)?.Code();
        return education is not null || EducationCodes.NamesNoLevel(text);
    }

    /// <summary>18-45, 18-45岁, 45岁以下, 18周岁以上, 不限.</summary>
    public static bool TryAge(string? text, out short? min, out short? max)
    {
        min = max = null;
        var s = text is null ? "" : Compact(text).Replace("周岁", "", StringComparison.Ordinal).Replace("岁", "", StringComparison.Ordinal);
        if (s is "" or "不限")
        {
            return true;
        }
        if (AgePattern().Match(s) is not { Success: true } match)
        {
            return false;
        }
        var first = short.Parse(match.Groups["a"].Value, CultureInfo.InvariantCulture);
        if (match.Groups["b"].Success)
        {
            (min, max) = (first, short.Parse(match.Groups["b"].Value, CultureInfo.InvariantCulture));
        }
        else if (match.Groups["dir"].Value is "以下" or "以内")
        {
            max = first;
        }
        else
        {
            min = first;
        }
        return min is null or (>= 14 and <= 80) && max is null or (>= 14 and <= 80) && (min is null || max is null || min <= max);
    }

    [GeneratedRegex(@"^(?<a>\d{2})(([-~至到—–](?<b>\d{2}))|(?<dir>以下|以内|以上))$")]
    private static partial Regex AgePattern();

    /// <summary>2023-04-30, 2023/4/30, 2023年4月30日, or an Excel serial day number.</summary>
    public static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        var s = text is null ? "" : Compact(text).Replace("年", "-", StringComparison.Ordinal).Replace("月", "-", StringComparison.Ordinal)
            .Replace("日", "", StringComparison.Ordinal).Replace('/', '-').Replace('.', '-');
        if (s.Length == 0)
        {
            return true;
        }
        if (int.TryParse(s, CultureInfo.InvariantCulture, out var serial) && serial is > 20000 and < 80000)
        {
            date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
            return true;
        }
        if (DateOnly.TryParseExact(s, ["yyyy-M-d", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }
        return false;
    }

    /// <summary>是/否, yes/no, √; an empty cell is false.</summary>
    public static bool TryFlag(string? text, out bool flag)
    {
        var s = text is null ? "" : Compact(text);
        flag = s is "是" or "yes" or "y" or "true" or "1" or "√" or "优先";
        return flag || s is "" or "否" or "no" or "n" or "false" or "0" or "×";
    }

    /// <summary>Lists written with 、，,;；/ or spaces; 不限 and 无 mean none.</summary>
    public static string[] List(string? text) =>
        text is null ? [] : [.. text.Split(['、', '，', ',', ';', '；', '/', ' ', '\u3000', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(item => item is not ("不限" or "无" or "无要求")).Distinct()];

    /// <summary>A gender requirement worth flagging: anything but an empty cell or 不限.</summary>
    public static string? Gender(string? text) =>
        string.IsNullOrWhiteSpace(text) || Compact(text) is "不限" or "男女不限" or "无" or "any" ? null : text.Trim();
}
