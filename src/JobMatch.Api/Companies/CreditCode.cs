using JobMatch.Ranking.Taxonomy;

namespace JobMatch.Api.Companies;

/// <summary>Unified social credit code (GB 32100-2015): 18 characters, the last a check character.</summary>
public static class CreditCode
{
    const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static bool IsValid(string? code)
    {
        if (code is not { Length: 18 })
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(code[i], StringComparison.Ordinal);
            if (value < 0)
            {
                return false;
            }
            sum += value * Weights[i];
        }
        var check = (31 - sum % 31) % 31;
        return code[17] == Alphabet[check];
    }

    /// <summary>Upper-cased, trimmed, full-width letters and digits made half-width.</summary>
    public static string Normalize(string code) => TermKey.HalfWidth(code).Trim().ToUpperInvariant();
}
