namespace JobMatch.Ranking.Profiles;

/// <summary>Chinese education levels in ascending order; the numeric value is the rank used by features and rules.</summary>
public enum EducationLevel
{
    /// <summary>初中及以下</summary>
    MiddleSchoolOrBelow = 0,

    /// <summary>高中/中专/技校</summary>
    HighSchool = 1,

    /// <summary>大专</summary>
    Associate = 2,

    /// <summary>本科</summary>
    Bachelor = 3,

    /// <summary>硕士</summary>
    Master = 4,

    /// <summary>博士</summary>
    Doctorate = 5,
}

public static class EducationLevels
{
    /// <summary>Reads the usual Chinese spellings; null when the text names no level (e.g. 不限).</summary>
    public static EducationLevel? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // Check the highest levels first: "本科及以上" must not read as 大专.
        return text switch
        {
            _ when text.Contains("博士", StringComparison.Ordinal) => EducationLevel.Doctorate,
            _ when text.Contains("硕士", StringComparison.Ordinal) || text.Contains("研究生", StringComparison.Ordinal) => EducationLevel.Master,
            _ when text.Contains("本科", StringComparison.Ordinal) || text.Contains("学士", StringComparison.Ordinal) => EducationLevel.Bachelor,
            _ when text.Contains("大专", StringComparison.Ordinal) || text.Contains("专科", StringComparison.Ordinal)
                || text.Contains("高职", StringComparison.Ordinal) => EducationLevel.Associate,
            _ when text.Contains("高中", StringComparison.Ordinal) || text.Contains("中专", StringComparison.Ordinal)
                || text.Contains("技校", StringComparison.Ordinal) || text.Contains("职高", StringComparison.Ordinal)
                || text.Contains("中职", StringComparison.Ordinal) => EducationLevel.HighSchool,
            _ when text.Contains("初中", StringComparison.Ordinal) || text.Contains("小学", StringComparison.Ordinal) => EducationLevel.MiddleSchoolOrBelow,
            _ => null,
        };
    }

    public static string ToChinese(this EducationLevel level) => level switch
    {
        EducationLevel.MiddleSchoolOrBelow => "初中及以下",
        EducationLevel.HighSchool => "高中/中专/技校",
        EducationLevel.Associate => "大专",
        EducationLevel.Bachelor => "本科",
        EducationLevel.Master => "硕士",
        _ => "博士",
    };
}
