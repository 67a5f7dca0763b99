using System.Net;
using Dapper;
using JobMatch.Api.Accounts;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Auth;
using JobMatch.Api.Tests.Infrastructure;
using JobMatch.Api.Tests.Infrastructure.Answers;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace JobMatch.Api.Tests.Accounts;

/// <summary>
/// Built-in accounts asked for beside an OpenID Connect issuer (Accounts:Enabled with Auth:Authority): the issuer's tokens,
/// the accounts' and the <c>token</c> command's are accepted, each checked by the scheme of its kind, and nothing else.
/// </summary>
public sealed class AccountsBesideOidcTests(AccountsBesideOidcTests.Factory api) : IClassFixture<AccountsBesideOidcTests.Factory>
{
    /// <summary><see cref="AccountsApiFactory"/> with an authority, played by a <see cref="StandInIssuer"/>.</summary>
    public sealed class Factory : AccountsApiFactory
    {
        public StandInIssuer Issuer { get; } = new("https://issuer.test/realms/jobmatch");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Auth:Authority", Issuer.Authority);
            builder.UseSetting("Accounts:Enabled", "true");
            builder.ConfigureTestServices(services => services.Configure<JwtBearerOptions>(AuthSetup.AuthorityScheme,
                jwt => jwt.BackchannelHttpHandler = Issuer));
        }
    }

    [Fact]
    public async Task TheIssuersTokensTheAccountsAndTheTokenCommandsAreAllAccepted()
    {
        var oidc = await (await api.Bearer(api.Issuer.Issue("oidc-mentor-1", Roles.Mentor)).GetAsync("/api/me")).Read<MeAnswer>();
        Assert.Equal(("oidc-mentor-1", Roles.Mentor), (oidc.Subject, oidc.Role));

        var account = await api.CreateAccountAsync(Roles.Recruiter);
        var client = api.Bearer((await (await api.SignInAsync(account.UserName)).Read<SignedInAnswer>()).AccessToken);
        var me = await (await client.GetAsync("/api/me")).Read<MeAnswer>();
        Assert.Equal((account.Id.ToString(), Roles.Recruiter), (me.Subject, me.Role));

        Assert.Equal("admin-from-the-command", (await (await api.Admin("admin-from-the-command").GetAsync("/api/me")).Read<MeAnswer>()).Subject);

        // The account's token is still checked against the account.
        await using (var db = api.Connection())
        {
            await db.ExecuteAsync("UPDATE accounts SET disabled_at = now() WHERE id = @Id", new { account.Id });
        }
        await (await client.GetAsync("/api/me")).AssertProblem(401);
    }

    [Fact]
    public async Task ATokenSignedByNeitherOrClaimingTheOtherKindsIssuerIsRefused()
    {
        var serviceKey = new SymmetricSecurityKey(ApiFactory.Auth.SigningKeyBytes());
        var otherKey = new AuthOptions { SigningKey = Convert.ToBase64String(new byte[32]) };
        var refused = new Dictionary<string, string>
        {
            ["HS256 with another key, naming this service"] = TokenIssuer.Issue(otherKey, Roles.Admin, "forger"),
            ["RS256 with another key, naming the authority"] = api.Issuer.Issue("forger", Roles.Admin, StandInIssuer.ForgedKey()),
            ["HS256 with the service's key, naming the authority"] = api.Issuer.Issue("forger", Roles.Admin, serviceKey),
            ["the authority's key, naming this service"] = api.Issuer.Issue("forger", Roles.Admin, issuer: ApiFactory.Auth.Issuer),
            ["the authority's token with an unknown role"] = api.Issuer.Issue("oidc-someone", "superuser"),
        };
        foreach (var (why, token) in refused)
        {
            var response = await api.Bearer(token).GetAsync("/api/me");
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{why}: {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("c2hvcnQ=", null)]
    [InlineData("key", "https://issuer.test/realms/jobmatch/")]
    public void BothAtOnceNeedTheSigningKeyAndAnIssuerOtherThanTheAuthorityToStart(string? key, string? issuer)
    {
        using var services = Services(key, issuer);
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AccountOptions>>().Value);
        Assert.Contains("Auth:SigningKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithTheKeyBothAtOnceStartAndTheKeysTokensAreAcceptedBesideTheAuthoritys()
    {
        using var services = Services("key", null);
        Assert.NotNull(services.GetRequiredService<IOptions<AccountOptions>>().Value);
        Assert.True(services.GetRequiredService<IOptions<AuthOptions>>().Value.SigningKeyBesideAuthority);
    }

    static ServiceProvider Services(string? key, string? issuer)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Auth:Authority"] = "https://issuer.test/realms/jobmatch",
            ["Auth:SigningKey"] = key == "key" ? ApiFactory.Auth.SigningKey : key,
            ["Accounts:Enabled"] = "true",
        };
        if (issuer is not null)
        {
            settings["Auth:Issuer"] = issuer;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddJobMatchAuth(configuration).AddAccounts(configuration);
        return services.BuildServiceProvider();
    }
}
