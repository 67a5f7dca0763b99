using JobMatch.Ranking.Profiles;
using JobMatch.Ranking.Taxonomy;

namespace JobMatch.Api.Taxonomy;

/// <summary>An education level as stored and answered: its code, its Chinese label and its English name.</summary>
public sealed record EducationEntry(string Code, string Label, string LabelEn);

/// <summary>
/// Education levels: the ranking library's <see cref="EducationLevel"/> (the order and the Chinese labels) with the code
/// that positions and veterans store and answers carry beside the label. The one reading of what a person writes, in a
/// filter, a posting, a profile, an import or a roster cell: the code, the label or the usual spellings (中专, 本科及以上).
/// </summary>
public static class EducationCodes
{
    static readonly (EducationLevel Level, string Code, string English)[] Levels =
    [
        (EducationLevel.MiddleSchoolOrBelow, "junior_high_or_below", "junior high or below"),
        (EducationLevel.HighSchool, "senior_high", "senior high / vocational"),
        (EducationLevel.Associate, "junior_college", "junior college"),
        (EducationLevel.Bachelor, "bachelor", "bachelor"),
        (EducationLevel.Master, "master", "master"),
        (EducationLevel.Doctorate, "doctorate", "doctorate"),
    ];

    /// <summary>English words the bureau's files use besides the codes.</summary>
    static readonly Dictionary<string, EducationLevel> EnglishWords = new(StringComparer.Ordinal)
    {
        ["highschool"] = EducationLevel.HighSchool, ["college"] = EducationLevel.Associate, ["phd"] = EducationLevel.Doctorate,
    };

    /// <summary>Words for no requirement (a posting's 不限); they name no level.</summary>
    static readonly string[] NoLevelWords = ["", "不限", "无", "无要求", "any"];

    /// <summary>Every level, lowest first: code, label, English name.</summary>
    public static IReadOnlyList<EducationEntry> All { get; } = [.. Levels.Select(l => new EducationEntry(l.Code, l.Level.ToChinese(), l.English))];

    /// <summary>The codes, labels and usual short forms <see cref="Read"/> takes (longer texts containing one are read too).</summary>
    public static IReadOnlyList<string> Spellings { get; } =
    [
        .. All.Select(l => l.Code), .. All.Select(l => l.Label),
        "初中", "小学", "高中", "中专", "技校", "职高", "中职", "专科", "高职", "学士", "研究生",
    ];

    /// <summary>The code stored for a level.</summary>
    public static string Code(this EducationLevel level) => Array.Find(Levels, l => l.Level == level).Code;

    /// <summary>The level of a stored code, or null (no code, or an unknown one).</summary>
    public static EducationLevel? Level(string? code) =>
        Array.FindIndex(Levels, l => l.Code == code) is var i and >= 0 ? Levels[i].Level : null;

    /// <summary>The Chinese label of a stored code, or null.</summary>
    public static string? Label(string? code) => Level(code)?.ToChinese();

    /// <summary>The level a text names ("bachelor", "本科", "全日制本科及以上", "中专"; width, case and spaces ignored), or null.</summary>
    public static EducationLevel? Read(string? text)
    {
        var compact = Compact(text);
        return Level(compact) ?? (EnglishWords.TryGetValue(compact, out var level) ? level : EducationLevels.Parse(compact));
    }

    /// <summary>Whether the text states no requirement (blank, 不限, 无): a posting's education may, a level may not.</summary>
    public static bool NamesNoLevel(string? text) => NoLevelWords.Contains(Compact(text).Replace("及以上", "", StringComparison.Ordinal)
        .Replace("以上", "", StringComparison.Ordinal).Replace("学历", "", StringComparison.Ordinal).Replace("全日制", "", StringComparison.Ordinal));

    /// <summary>The codes at or above <paramref name="minimum"/>, for SQL pre-filters.</summary>
    public static string[] CodesAtLeast(EducationLevel minimum) => [.. Levels.Where(l => l.Level >= minimum).Select(l => l.Code)];

    static string Compact(string? text) =>
        text is null ? "" : string.Concat(TermKey.HalfWidth(text).Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();
}
