using JobMatch.Ranking.Taxonomy;

namespace JobMatch.Api.Companies;

/// <summary>The same company is written with and without 有限公司 or 股份有限公司, in full- or half-width: one key for all.</summary>
public static class CompanyName
{
    static readonly string[] LegalSuffixes = ["股份有限公司", "有限责任公司", "有限公司", "集团公司", "公司"];

    public static string Normalize(string name)
    {
        var text = new string(TermKey.HalfWidth(name).Where(c => !char.IsWhiteSpace(c) && c is not ('(' or ')' or '（' or '）')).ToArray());
        foreach (var suffix in LegalSuffixes)
        {
            if (text.Length > suffix.Length && text.EndsWith(suffix, StringComparison.Ordinal))
            {
                return text[..^suffix.Length].ToLowerInvariant();
            }
        }
        return text.ToLowerInvariant();
    }
}
