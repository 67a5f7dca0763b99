using JobMatch.Api.Accounts;
using JobMatch.Api.Auth;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace JobMatch.Api.WebConsole;

/// <summary>Configuration section "Console": the OpenID Connect client the browser console uses when Auth:Authority is set.</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Console";

    public string OidcClientId { get; set; } = "jobmatch-console";
    public string OidcScope { get; set; } = "openid profile";
}

/// <summary>
/// How the console signs in: the OIDC client when an authority is configured, whether the demo sign-in answers this caller,
/// and whether built-in accounts sign in (/api/auth/sign-in).
/// </summary>
public sealed record ConsoleSettings(bool DemoSignIn, OidcClient? Oidc, bool Accounts);

public sealed record OidcClient(string Authority, string ClientId, string Scope);

public static class WebConsoleSetup
{
    public static IServiceCollection AddWebConsole(this IServiceCollection services)
    {
        services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.Section);
        services.AddSingleton<DemoSignInGate>();
        services.AddHostedService(provider => provider.GetRequiredService<DemoSignInGate>());
        return services;
    }

    /// <summary>
    /// Serves wwwroot (the console) before routing and authentication: the fallback policy closes endpoints, not files.
    /// Files come from the build output, so the built dll serves them whatever the working directory.
    /// </summary>
    public static WebApplication UseWebConsole(this WebApplication app)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        var files = Directory.Exists(root) ? new PhysicalFileProvider(root) : app.Environment.WebRootFileProvider;
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            // Revalidate every time (ETag): a new release is never hidden behind a cached module.
            OnPrepareResponse = context => context.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache",
        });
        // Before routing, so a closed demo sign-in answers 404 as an unmapped route would, whatever the request carries.
        var gate = app.Services.GetRequiredService<DemoSignInGate>();
        app.Use(async (http, next) =>
        {
            if (http.Request.Path.StartsWithSegments(DemoSignInApi.Prefix) && !await gate.AdmitsAsync(http))
            {
                await TypedResults.NotFound().ExecuteAsync(http);
                return;
            }
            await next(http);
        });
        return app;
    }

    public static IEndpointRouteBuilder MapWebConsole(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/console/settings", async (HttpContext http, DemoSignInGate gate, IOptions<AuthOptions> auth,
                IOptions<ConsoleOptions> console) =>
            {
                var authority = auth.Value.Authority;
                var oidc = string.IsNullOrWhiteSpace(authority) ? null
                    : new OidcClient(authority.TrimEnd('/'), console.Value.OidcClientId, console.Value.OidcScope);
                return TypedResults.Ok(new ConsoleSettings(await gate.AdmitsAsync(http), oidc, AccountsSetup.AreOn(http.RequestServices)));
            })
            .AllowAnonymous().WithTags("Console")
            .WithSummary("How the web console signs in: OIDC client settings, built-in accounts, or whether the demo sign-in exists");
        if (app.ServiceProvider.GetRequiredService<DemoSignInGate>().Possible)
        {
            app.MapDemoSignIn();
        }
        return app;
    }
}
