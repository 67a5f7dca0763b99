using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JobMatch.Api.Auth;

/// <summary>
/// Signs the bearer tokens printed by the <c>token</c> command (local use, scripts and tests) and those of built-in accounts'
/// sign-ins (Accounts), which also carry the account's security stamp.
/// </summary>
public static class TokenIssuer
{
    /// <summary>The claim of a built-in account's security stamp: a token that carries it is checked against the account.</summary>
    public const string SecurityStampClaim = "security_stamp";

    /// <summary>A token valid from now by <paramref name="clock"/> (the system's by default: the command and tests).</summary>
    public static string Issue(AuthOptions options, string role, string subject, TimeSpan? lifetime = null, TimeProvider? clock = null,
        string? securityStamp = null)
    {
        if (!Roles.All.Contains(role))
        {
            throw new ArgumentException($"Unknown role '{role}'.", nameof(role));
        }
        if (!Subjects.IsValid(subject))
        {
            throw new ArgumentException($"A subject is {Subjects.Rule}.", nameof(subject));
        }
        var now = (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("role", role),
                .. securityStamp is null ? Array.Empty<Claim>() : [new Claim(SecurityStampClaim, securityStamp)]]),
            NotBefore = now,
            IssuedAt = now,
            Expires = now + (lifetime ?? TimeSpan.FromHours(options.TokenLifetimeHours)),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(options.SigningKeyBytes()), SecurityAlgorithms.HmacSha256),
        });
    }
}
