namespace JobMatch.Api.Taxonomy;

/// <summary>
/// The industry filter of openings and matches. A company's industry is free text (a spreadsheet writes 物流运输 or
/// 道路货物运输业; there is no industry list), so a filter term matches the companies whose industry contains it.
/// </summary>
public static class Industries
{
    /// <summary>The term to filter on, trimmed; null (no filter) when blank.</summary>
    public static string? Term(string? industry) => string.IsNullOrWhiteSpace(industry) ? null : industry.Trim();

    /// <summary>SQL: company <c>c</c> is in the industry <c>@industry</c> (a <see cref="Term"/>, not null).</summary>
    public const string Contains = "strpos(c.industry, @industry) > 0";
}
