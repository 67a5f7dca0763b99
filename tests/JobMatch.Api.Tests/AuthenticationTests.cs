using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JobMatch.Api.Tests;

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
        var me = await (await api.ClientFor(Roles.Veteran, "vet-42").GetAsync("/api/me")).ReadJson();
        Assert.Equal("vet-42", me.GetProperty("subject").GetString());
        Assert.Equal("veteran", me.GetProperty("role").GetString());
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
        { "not a token", "hello" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task BadTokensAnswer401(string why, string token)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.GetAsync("/api/me");
        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, why);
    }

    [Fact]
    public async Task RoleNotAllowedOnRouteAnswers403Problem()
    {
        var response = await api.ClientFor(Roles.Veteran, "vet-1").GetAsync("/api/audit");
        await response.AssertProblem(403);
    }

    static string Sign(byte[] key, DateTime? expires = null, string issuer = "jobmatch", string audience = "jobmatch-api", string[]? roles = null)
    {
        var claims = new List<Claim> { new("sub", "someone") };
        claims.AddRange((roles ?? ["admin"]).Select(role => new Claim("role", role)));
        var until = expires ?? DateTime.UtcNow.AddHours(1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = until.AddHours(-3),
            IssuedAt = until.AddHours(-3),
            Expires = until,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        });
    }

    static string UnsignedToken()
    {
        static string Part(string json) => Base64UrlEncoder.Encode(json);
        var exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        return Part("""{"alg":"none","typ":"JWT"}""") + "." +
               Part($$"""{"sub":"x","role":"admin","iss":"jobmatch","aud":"jobmatch-api","exp":{{exp}}}""") + ".";
    }
}
