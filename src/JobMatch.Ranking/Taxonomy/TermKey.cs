using System.Text;

namespace JobMatch.Ranking.Taxonomy;

/// <summary>
/// The comparison key of a term: half width, simplified, lower case, letters and digits only, so that
/// "Fork-Lift", "ｆｏｒｋｌｉｆｔ" and "fork lift" meet, and so do "叉車" and "叉车".
/// </summary>
public static class TermKey
{
    /// <summary>Full-width forms (U+FF01–U+FF5E, ideographic space) to their ASCII counterparts: ４０００ → 4000.</summary>
    public static string HalfWidth(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = HalfWidth(source[i]);
            }
        });

    /// <summary>One character of <see cref="HalfWidth(string)"/>, for callers that build their own buffer.</summary>
    public static char HalfWidth(char c) => c switch
    {
        '\u3000' => ' ',
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        _ => c,
    };

    public static string Of(string text, TraditionalSimplified table)
    {
        var simplified = table.ToSimplified(HalfWidth(text));
        var key = new StringBuilder(simplified.Length);
        foreach (var c in simplified)
        {
            if (char.IsLetterOrDigit(c) || c is '+' or '#')
            {
                key.Append(char.ToLowerInvariant(c));
            }
        }

        return key.ToString();
    }

    /// <summary>A readable form of a term kept as free text: half width, simplified, single spaces.</summary>
    public static string Clean(string text, TraditionalSimplified table) =>
        string.Join(' ', table.ToSimplified(HalfWidth(text)).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
