using System.Globalization;
using JobMatch.Api.Privacy;
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

    /// <summary>A well-formed number whose birth date lies between 1900 and today (by <paramref name="clock"/>, in UTC).</summary>
    public static bool TryParse(string? text, TimeProvider clock, out ResidentId id)
    {
        id = null!;
        var number = TermKey.HalfWidth(text ?? "").Trim().ToUpperInvariant();
        if (number.Length != 18 || !number[..17].All(char.IsAsciiDigit) || number[17] != CheckCharacter(number)
            || !DateOnly.TryParseExact(number[6..14], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900 || birth > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
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

    public override string ToString() => Masking.IdNumber(Number);
}
