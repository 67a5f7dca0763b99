using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using JobMatch.Api.Conventions;
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

    const string Mobile = "^1[3-9][0-9]{9}";

    /// <summary>A mobile number as the document and the database's CHECK write it.</summary>
    public const string MobilePattern = Mobile + "$";

    // [0-9] and \z, as the database's CHECK reads it: \d takes any Unicode digit and $ a trailing newline.
    [GeneratedRegex(Mobile + @"\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>Whether the text is a mobile number exactly as written: no spaces, prefix or full-width digits.</summary>
    public static bool IsMobile(string text) => Pattern().IsMatch(text);

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

/// <summary>A mainland mobile number, exactly (<see cref="PhoneNumber.IsMobile"/>); the document states its pattern.</summary>
public sealed class MobileAttribute : PatternAttribute
{
    public MobileAttribute() : base(PhoneNumber.MobilePattern) => MaxLength = 11;

    protected override bool Accepts(object? value, ValidationContext context) => value is string text && PhoneNumber.IsMobile(text);

    protected override string Message(ValidationContext context) =>
        Say.Text("手机号应为 11 位数字，以 13–19 开头。", "A mobile number has 11 digits and starts with 13–19.");
}
