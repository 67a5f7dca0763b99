using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JobMatch.Api.Openings;

public static class OpeningsSetup
{
    /// <summary>Openings' read cache and the sweep that closes positions past their closing date.</summary>
    public static IServiceCollection AddOpenings(this IServiceCollection services)
    {
        services.AddSingleton<OpeningReadCache>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<ClosingSweep>();
        return services;
    }
}
