using System.Net;
using JobMatch.Api.Auth;
using JobMatch.Api.Database;
using JobMatch.Api.DemoData;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Npgsql;

namespace JobMatch.Api.WebConsole;

/// <summary>
/// Whether the demo sign-in answers. It gives an admin token to whoever asks, so it is a local try-out only: the embedded
/// database with the service's own signing key, demo data enabled and loaded, every address the server listens on a
/// loopback one (read from the server once it listens, not from configuration), and a caller on loopback that no proxy
/// forwarded. <c>DemoData:SignIn=true</c> drops the address and caller checks (a warning at start); false shuts it.
/// </summary>
public sealed class DemoSignInGate(IServer server, IServiceProvider services, IConfiguration configuration, IOptions<AuthOptions> auth,
    ILogger<DemoSignInGate> logger) : IHostedLifecycleService
{
    /// <summary>Headers a reverse proxy adds: a request through one came from elsewhere, whatever its socket says.</summary>
    static readonly string[] ForwardingHeaders = ["Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Real-IP"];

    readonly TaskCompletionSource<bool> open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    bool? Override => configuration.GetValue<bool?>("DemoData:SignIn");

    /// <summary>Whether the routes are mapped at all; whether they answer is decided once the server listens.</summary>
    public bool Possible => services.GetService<EmbeddedPostgres>() is not null && string.IsNullOrWhiteSpace(auth.Value.Authority)
        && configuration.GetValue<bool>("DemoData:Enabled") && Override is not false;

    /// <summary>Whether this request may list demo users and sign in as one; false answers it 404, as an unmapped route.</summary>
    public async Task<bool> AdmitsAsync(HttpContext http)
    {
        if (!await open.Task.WaitAsync(http.RequestAborted))
        {
            return false;
        }
        if (Override is true)
        {
            return true;
        }
        var remote = http.Connection.RemoteIpAddress;
        return remote is not null && IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote)
            && !ForwardingHeaders.Any(http.Request.Headers.ContainsKey);
    }

    /// <summary>After every hosted service started: the server has bound all its addresses by now.</summary>
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        try
        {
            open.TrySetResult(Possible && await DecideAsync(cancellationToken));
        }
        catch (NpgsqlException e)
        {
            logger.LogWarning("Demo sign-in is off: could not read whether demo data was loaded ({Reason}).", e.Message);
        }
        finally
        {
            open.TrySetResult(false);
        }
    }

    async Task<bool> DecideAsync(CancellationToken ct)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        if (Override is true)
        {
            logger.LogWarning("DemoData:SignIn=true: the demo sign-in gives an admin token to anyone who reaches {Addresses}, " +
                "from any address and through any proxy. Remove the setting unless this is a closed demo.", string.Join(", ", addresses));
        }
        await using (var db = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(ct))
        {
            if (!await DemoDataLoader.WasLoadedAsync(db))
            {
                logger.LogInformation("Demo sign-in is off: no demo data was loaded.");
                return false;
            }
        }
        if (Override is not true && (addresses.Count == 0 || !addresses.All(IsLoopback)))
        {
            logger.LogInformation("Demo sign-in is off: the service listens on {Addresses}, not on loopback only. Sign in with a token " +
                "from the token command, or set DemoData:SignIn=true to offer demo users anyway.", string.Join(", ", addresses));
            return false;
        }
        return true;
    }

    /// <summary>127.0.0.0/8, ::1 or localhost; a wildcard (0.0.0.0, [::], *), another host or a socket file is not.</summary>
    public static bool IsLoopback(string address)
    {
        var binding = BindingAddress.Parse(address);
        if (binding.IsUnixPipe || binding.IsNamedPipe)
        {
            return false;
        }
        var host = binding.Host.Trim('[', ']');
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
