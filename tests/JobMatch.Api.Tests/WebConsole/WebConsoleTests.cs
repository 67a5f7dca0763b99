using System.Net;
using System.Text.RegularExpressions;
using JobMatch.Api.Conventions;
using JobMatch.Api.Tests.Infrastructure;
using JobMatch.Api.WebConsole;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace JobMatch.Api.Tests.WebConsole;

/// <summary>The console's files and settings, and the demo sign-in's absence when a connection string is configured.</summary>
public sealed partial class WebConsoleTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [GeneratedRegex("<script(?![^>]*\\bsrc=)", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [Fact]
    public async Task TheConsoleIsServedWithoutATokenWithTheSecurityHeadersAndNoInlineScript()
    {
        var page = await api.CreateClient().GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.True(page.Headers.Contains("Content-Security-Policy"));
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<script type=\"module\" src=\"/js/app.js\"></script>", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(InlineScript(), html);
    }

    [Theory]
    [InlineData("/js/app.js", "text/javascript")]
    [InlineData("/js/pages/veteran-matches.js", "text/javascript")]
    [InlineData("/js/i18n/en.js", "text/javascript")]
    [InlineData("/css/app.css", "text/css")]
    public async Task EveryConsoleFileIsServedAnonymously(string path, string mediaType)
    {
        var response = await api.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnUnknownApiRouteStillAnswers404AndTheApiStillNeedsAToken()
    {
        var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/no-such-thing")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task TheDemoSignInDoesNotExistWhenAConnectionStringIsConfigured()
    {
        var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/demo/users")).StatusCode);
        var signIn = await client.PostAsync("/api/demo/sign-in",
            new StringContent("""{"role":"admin","subject":"demo-admin"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, signIn.StatusCode);
        var settings = await (await client.GetAsync("/api/console/settings")).Read<ConsoleSettingsAnswer>();
        Assert.False(settings.DemoSignIn);
        Assert.Null(settings.Oidc); // required by the record: there, and null
        Assert.True(settings.Accounts); // built-in accounts are on without an authority
    }

    [Fact]
    public async Task ConsoleSettingsNameTheOidcClientWhenAnAuthorityIsConfigured()
    {
        using var withAuthority = api.WithWebHostBuilder(builder => builder
            .UseSetting("Auth:Authority", "https://id.example.org/realms/jobmatch/")
            .UseSetting("Console:OidcClientId", "console-test"));
        var settings = await (await withAuthority.CreateClient().GetAsync("/api/console/settings")).Read<ConsoleSettingsAnswer>();
        var oidc = Assert.IsType<OidcClientAnswer>(settings.Oidc);
        Assert.Equal("https://id.example.org/realms/jobmatch", oidc.Authority);
        Assert.Equal("console-test", oidc.ClientId);
        Assert.Equal("openid profile", oidc.Scope);
        Assert.False(settings.Accounts); // off beside an authority unless asked for
    }

    [Fact]
    public void TheDemoSignInEndpointsFollowTheHouseConventions()
    {
        // Mapped on their own: the shared ApiFactory has a connection string, so its service never maps them.
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddSingleton(NpgsqlDataSource.Create("Host=127.0.0.1;Database=unused"));
        builder.Services.AddSingleton(TimeProvider.System);
        var app = builder.Build();
        app.MapDemoSignIn();
        var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>().ToList();
        Assert.Equal(["/api/demo/users", "/api/demo/sign-in"], endpoints.Select(e => e.RoutePattern.RawText));
        Assert.All(endpoints, endpoint =>
        {
            Assert.NotNull(endpoint.Metadata.GetMetadata<IAllowAnonymous>());
            Assert.False(string.IsNullOrWhiteSpace(endpoint.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary));
        });
        var post = endpoints.Single(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("POST") == true);
        Assert.NotNull(post.Metadata.GetMetadata<IdempotentAttribute>());
    }
}
