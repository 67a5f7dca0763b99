using System.Security.Cryptography;
using System.Text;

namespace JobMatch.Api.Privacy;

/// <summary>
/// Codes a person reads out or types (a roster claim code, an account's invitation): capitals and digits without look-alikes
/// (no 0 O 1 I L), accepted with spaces, hyphens and either case, and kept as their SHA-256 only.
/// </summary>
public static class TypedCodes
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /// <summary>A new random code of the length, in clear: handed out once, never stored.</summary>
    public static string New(int length) => RandomNumberGenerator.GetString(Alphabet, length);

    /// <summary>The code without spaces and hyphens, in capitals; null when it cannot be a code of that length.</summary>
    public static string? Normalize(string? typed, int length, int maxTyped)
    {
        if (typed is null || typed.Trim().Length > maxTyped)
        {
            return null;
        }
        var code = string.Concat(typed.Where(c => c is not (' ' or '-'))).ToUpperInvariant();
        return code.Length == length && code.All(Alphabet.Contains) ? code : null;
    }

    public static byte[] Hash(string code) => SHA256.HashData(Encoding.ASCII.GetBytes(code));
}
