using System.Globalization;
using JobMatch.Ranking.Taxonomy;

namespace JobMatch.Api.Privacy;

/// <summary>
/// Resident ID number (GB 11643-1999): 6-digit address code, birth date, 3-digit sequence (odd = male), check
/// character. Sensitive personal information: callers encrypt it at once and never log it.
/// </summary>
public sealed record ResidentId(string Number, string Gender, DateOnly BirthDate)
{
    static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const string CheckCharacters = "10X98765432";

    public static bool TryParse(string? text, out ResidentId id)
    {
        id = null!;
        var number = TermKey.HalfWidth(text ?? "").Trim().ToUpperInvariant();
        if (number.Length != 18 || !number[..17].All(char.IsAsciiDigit) || number[17] != CheckCharacter(number)
            || !DateOnly.TryParseExact(number[6..14], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900 || birth > DateOnly.FromDateTime(DateTime.UtcNow))
        {
            return false;
        }
        id = new ResidentId(number, (number[16] - '0') % 2 == 1 ? "male" : "female", birth);
        return true;
    }

    /// <summary>The check character of the first 17 digits.</summary>
    public static char CheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }
        return CheckCharacters[sum % 11];
    }

    /// <summary>Shown as 3404**********123X: the prefecture and the last four only.</summary>
    public static string Mask(string number) => number[..4] + new string('*', number.Length - 8) + number[^4..];

    public override string ToString() => Mask(Number);
}
