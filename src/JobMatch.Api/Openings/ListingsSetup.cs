using JobMatch.Api.Imports;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JobMatch.Api.Openings;

public static class ListingsSetup
{
    /// <summary>Job fairs, programs, openings and imports: import limits (validated at start-up), progress, the closing sweep.</summary>
    public static IServiceCollection AddListings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ImportOptions>().Bind(configuration.GetSection(ImportOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ImportsInFlight>();
        services.AddSingleton<OpeningReadCache>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<ClosingSweep>();
        return services;
    }
}
