using System.Security.Claims;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JobMatch.Api.Auth;

/// <summary>
/// A token's subject (<c>sub</c>) is the user everywhere: recruiter links, profiles, mentors, the audit log. It is a JSON
/// string (RFC 7519 StringOrURI; a number is refused, else 42 and "42" would be one user) of 1 to 200 characters, the bound
/// of every subject column, without control characters or surrounding spaces. A string of digits is accepted: OpenID
/// Connect issuers use them (Google's subjects are decimal numbers in a string), and the service only compares subjects.
/// </summary>
public static class Subjects
{
    public const int MaxLength = 200;

    /// <summary>The rule in words, for the messages that refuse a subject.</summary>
    public const string Rule = "a string of 1 to 200 characters without control characters or surrounding spaces";

    public static bool IsValid(string? subject) =>
        !string.IsNullOrWhiteSpace(subject) && subject.Length <= MaxLength && subject.Trim() == subject && !subject.Any(char.IsControl);

    /// <summary>
    /// Exactly one <c>sub</c> claim, a valid one, written in the token as a JSON string: the token handler reads a number
    /// into a string claim too, so the payload itself is looked at.
    /// </summary>
    public static bool IsValid(ClaimsPrincipal? user, SecurityToken? token) =>
        user?.FindAll("sub").ToList() is [var sub] && IsValid(sub.Value)
            && (token is not JsonWebToken jwt || WrittenAsString(jwt, sub.Value));

    static bool WrittenAsString(JsonWebToken token, string subject)
    {
        using var payload = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(token.EncodedPayload));
        return payload.RootElement.TryGetProperty("sub", out var sub)
            && sub.ValueKind == JsonValueKind.String && sub.GetString() == subject;
    }
}
