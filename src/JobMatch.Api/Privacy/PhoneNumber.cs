using System.Text.RegularExpressions;
using JobMatch.Ranking.Taxonomy;

namespace JobMatch.Api.Privacy;

/// <summary>
/// Mainland mobile numbers: 11 digits, 1[3-9]xxxxxxxxx; and a company's contact phone, looser (a landline, an extension).
/// Both are shown through <see cref="Masking.Phone"/>.
/// </summary>
public static partial class PhoneNumber
{
    /// <summary>A company's contact phone once trimmed: 3 to 30 of digits, +, -, parentheses and spaces, as companies.contact_phone's
    /// CHECK (V2) reads it.</summary>
    public const string ContactPattern = @"^[0-9+\-() ]{3,30}$";

    [GeneratedRegex(ContactPattern, RegexOptions.CultureInvariant)]
    private static partial Regex Contact();

    /// <summary>Whether a trimmed text is a company contact phone.</summary>
    public static bool IsContact(string text) => Contact().IsMatch(text);

    // [0-9] and \z, as the database's CHECK reads it: \d takes any Unicode digit and $ a trailing newline.
    [GeneratedRegex(@"^1[3-9][0-9]{9}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>Half width, without spaces, dashes and a +86 prefix; null when it is not a mobile number.</summary>
    public static string? Normalize(string? text)
    {
        var digits = new string(TermKey.HalfWidth(text ?? "").Where(c => c is not (' ' or '-')).ToArray());
        if (digits.StartsWith("+86", StringComparison.Ordinal))
        {
            digits = digits[3..];
        }
        return Pattern().IsMatch(digits) ? digits : null;
    }
}
