using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JobMatch.Api.Auth;

/// <summary>Signs the bearer tokens printed by the <c>token</c> command (local use, scripts and tests).</summary>
public static class TokenIssuer
{
    /// <summary>A token valid from now by <paramref name="clock"/> (the system's by default: the command and tests).</summary>
    public static string Issue(AuthOptions options, string role, string subject, TimeSpan? lifetime = null, TimeProvider? clock = null)
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
            Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("role", role)]),
            NotBefore = now,
            IssuedAt = now,
            Expires = now + (lifetime ?? TimeSpan.FromHours(options.TokenLifetimeHours)),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(options.SigningKeyBytes()), SecurityAlgorithms.HmacSha256),
        });
    }
}
