using System.Text;

namespace JobMatch.Api.Companies;

/// <summary>The same company is written with and without 有限公司 or 股份有限公司, in full- or half-width: one key for all.</summary>
public static class CompanyName
{
    static readonly string[] LegalSuffixes = ["股份有限公司", "有限责任公司", "有限公司", "集团公司", "公司"];

    public static string Normalize(string name)
    {
        var text = new string(ToHalfWidth(name).Where(c => !char.IsWhiteSpace(c) && c is not ('(' or ')' or '（' or '）')).ToArray());
        foreach (var suffix in LegalSuffixes)
        {
            if (text.Length > suffix.Length && text.EndsWith(suffix, StringComparison.Ordinal))
            {
                return text[..^suffix.Length].ToLowerInvariant();
            }
        }
        return text.ToLowerInvariant();
    }

    /// <summary>Full-width forms (U+FF01–U+FF5E, ideographic space) to their ASCII counterparts: ４０００ → 4000.</summary>
    public static string ToHalfWidth(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\u3000' => ' ',
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                _ => c,
            });
        }
        return builder.ToString();
    }
}
