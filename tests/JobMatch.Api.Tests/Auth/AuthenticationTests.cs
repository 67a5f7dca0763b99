using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JobMatch.Api.Tests.Auth;

public sealed class AuthenticationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task ProtectedEndpointWithoutTokenAnswers401Problem()
    {
        var response = await api.CreateClient().GetAsync("/api/me");
        var problem = await response.AssertProblem(401);
        Assert.Contains("Bearer", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task IssuedTokenIsAcceptedAndTellsWhoYouAre()
    {
        var me = await (await api.ClientFor(Roles.Veteran, "vet-42").GetAsync("/api/me")).Read<MeAnswer>();
        Assert.Equal("vet-42", me.Subject);
        Assert.Equal("veteran", me.Role);
    }

    public static TheoryData<string, string> BadTokens() => new()
    {
        { "expired", Sign(ApiFactory.Auth.SigningKeyBytes(), expires: DateTime.UtcNow.AddHours(-2)) },
        { "wrong key", Sign(new byte[32]) },
        { "wrong issuer", Sign(ApiFactory.Auth.SigningKeyBytes(), issuer: "someone-else") },
        { "wrong audience", Sign(ApiFactory.Auth.SigningKeyBytes(), audience: "another-api") },
        { "two roles", Sign(ApiFactory.Auth.SigningKeyBytes(), roles: ["admin", "veteran"]) },
        { "unknown role", Sign(ApiFactory.Auth.SigningKeyBytes(), roles: ["superuser"]) },
        { "alg none", UnsignedToken() },
        { "alg none, capitalised", UnsignedToken("None") },
        { "tampered role", Tampered(TokenIssuer.Issue(ApiFactory.Auth, Roles.Veteran, "someone"), "\"veteran\"", "\"admin\"") },
        { "tampered subject", Tampered(TokenIssuer.Issue(ApiFactory.Auth, Roles.Veteran, "vet-a"), "\"vet-a\"", "\"vet-b\"") },
        { "signature cut off", string.Join('.', TokenIssuer.Issue(ApiFactory.Auth, Roles.Admin, "someone").Split('.')[..2]) + "." },
        { "HS512 with the right key", Sign(ApiFactory.Auth.SigningKeyBytes(), algorithm: SecurityAlgorithms.HmacSha512, keyBytes: 64) },
        { "not valid yet", Sign(ApiFactory.Auth.SigningKeyBytes(), expires: DateTime.UtcNow.AddHours(5), notBefore: DateTime.UtcNow.AddHours(2)) },
        { "no subject", Sign(ApiFactory.Auth.SigningKeyBytes(), subject: NoSubject) },
        { "empty subject", Sign(ApiFactory.Auth.SigningKeyBytes(), subject: "") },
        { "blank subject", Sign(ApiFactory.Auth.SigningKeyBytes(), subject: "   ") },
        { "numeric subject (a JSON number)", Sign(ApiFactory.Auth.SigningKeyBytes(), subject: 42) },
        { "two subjects", Sign(ApiFactory.Auth.SigningKeyBytes(), subject: new[] { "vet-a", "vet-b" }) },
        { "subject over 200 characters", Sign(ApiFactory.Auth.SigningKeyBytes(), subject: new string('s', 201)) },
        { "subject with a control character", Sign(ApiFactory.Auth.SigningKeyBytes(), subject: "admin\n") },
        { "not a token", "hello" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task BadTokensAnswer401(string why, string token)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        // An admin-only route too: a forged admin token must not get as far as 200 or 403.
        foreach (var path in new[] { "/api/me", "/api/audit" })
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{why} on {path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task ASubjectOfDigitsIsAcceptedAsAStringAsOpenIdConnectIssuersSendThem()
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", Sign(ApiFactory.Auth.SigningKeyBytes(), subject: "107691503500061507151"));
        Assert.Equal("107691503500061507151", (await (await client.GetAsync("/api/me")).Read<MeAnswer>()).Subject);
    }

    [Fact]
    public async Task RoleNotAllowedOnRouteAnswers403Problem()
    {
        var response = await api.ClientFor(Roles.Veteran, "vet-1").GetAsync("/api/audit");
        await response.AssertProblem(403);
    }

    /// <summary>Signs a token without a sub claim (a null subject means the default one).</summary>
    static readonly object NoSubject = new();

    static string Sign(byte[] key, DateTime? expires = null, string issuer = "jobmatch", string audience = "jobmatch-api", string[]? roles = null,
        string algorithm = SecurityAlgorithms.HmacSha256, int? keyBytes = null, DateTime? notBefore = null, object? subject = null)
    {
        subject ??= "someone";
        var claims = (roles ?? ["admin"]).Select(role => new Claim("role", role)).ToList();
        var until = expires ?? DateTime.UtcNow.AddHours(1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            // As written into the payload: a string, a number or an array (no sub at all for the "no subject" case).
            Claims = ReferenceEquals(subject, NoSubject) ? null : new Dictionary<string, object> { ["sub"] = subject },
            NotBefore = notBefore ?? until.AddHours(-3),
            IssuedAt = notBefore ?? until.AddHours(-3),
            Expires = until,
            // HS512 needs a 64-byte key: the service's key repeated, so only the algorithm differs from what it accepts.
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(keyBytes is { } n ? [.. Enumerable.Repeat(key, n / key.Length).SelectMany(k => k)] : key), algorithm),
        });
    }

    /// <summary>A genuine token whose payload was edited after signing (the signature is left as it was).</summary>
    static string Tampered(string token, string from, string to)
    {
        var parts = token.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]);
        Assert.Contains(from, payload, StringComparison.Ordinal);
        return parts[0] + "." + Base64UrlEncoder.Encode(payload.Replace(from, to, StringComparison.Ordinal)) + "." + parts[2];
    }

    static string UnsignedToken(string alg = "none")
    {
        static string Part(string json) => Base64UrlEncoder.Encode(json);
        var exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        return Part($$"""{"alg":"{{alg}}","typ":"JWT"}""") + "." +
               Part($$"""{"sub":"x","role":"admin","iss":"jobmatch","aud":"jobmatch-api","exp":{{exp}}}""") + ".";
    }
}
