using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JobMatch.Api.Openings;

public static class ListingsSetup
{
    /// <summary>Job fairs, programs and openings: the read cache and the closing sweep (imports: <c>AddImports</c>).</summary>
    public static IServiceCollection AddListings(this IServiceCollection services)
    {
        services.AddSingleton<OpeningReadCache>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<ClosingSweep>();
        return services;
    }
}
