using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JobMatch.Api.Tests.Auth;

/// <summary>
/// An OpenID Connect issuer as the service meets it: its discovery document and published keys (JWKS), answered to the
/// service's back-channel (give it as the authority scheme's BackchannelHttpHandler), and RS256 tokens signed with its key.
/// </summary>
public sealed class StandInIssuer(string authority) : HttpMessageHandler
{
    readonly RsaSecurityKey key = new(RSA.Create(2048)) { KeyId = "stand-in-1" };

    public string Authority { get; } = authority.TrimEnd('/');

    /// <summary>A token of this issuer for the API (audience jobmatch-api), or signed with <paramref name="signingKey"/> instead.</summary>
    public string Issue(string subject, string role, SecurityKey? signingKey = null, string? issuer = null)
    {
        var signingAlgorithm = signingKey is SymmetricSecurityKey ? SecurityAlgorithms.HmacSha256 : SecurityAlgorithms.RsaSha256;
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Authority,
            Audience = "jobmatch-api",
            Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("role", role)]),
            NotBefore = now,
            IssuedAt = now,
            Expires = now.AddMinutes(10),
            SigningCredentials = new SigningCredentials(signingKey ?? key, signingAlgorithm),
        });
    }

    /// <summary>Another RSA key with this issuer's key id: a token signed with it claims to be this issuer's and is not.</summary>
    public static RsaSecurityKey ForgedKey() => new(RSA.Create(2048)) { KeyId = "stand-in-1" };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri?.GetLeftPart(UriPartial.Path).TrimEnd('/');
        object? document = url == Authority + "/.well-known/openid-configuration"
            ? new { issuer = Authority, jwks_uri = Authority + "/keys" }
            : url == Authority + "/keys" ? new { keys = new[] { Jwk() } }
            : null;
        return Task.FromResult(document is null ? new HttpResponseMessage(HttpStatusCode.NotFound)
            : new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(JsonSerializer.Serialize(document), Encoding.UTF8, "application/json"),
            });
    }

    object Jwk()
    {
        var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
        return new
        {
            kty = "RSA",
            use = "sig",
            alg = "RS256",
            kid = key.KeyId,
            n = Base64UrlEncoder.Encode(parameters.Modulus),
            e = Base64UrlEncoder.Encode(parameters.Exponent),
        };
    }
}
