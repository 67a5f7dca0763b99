using JobMatch.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace JobMatch.Api.Tests.Matching;

/// <summary>The system clock, until a test sets <see cref="Now"/> (and back to null when it is done).</summary>
public sealed class SettableClock : TimeProvider
{
    public DateTimeOffset? Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now ?? System.GetUtcNow();
}

/// <summary>
/// The service as <see cref="ApiFactory"/> starts it, with a clock a test may move: the matching tests prove that moving the
/// clock moves matching on the host they already start, instead of starting one more.
/// </summary>
public sealed class MatchingApiFactory : ApiFactory
{
    public SettableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
