using JobMatch.Api.Privacy;
using JobMatch.Api.Taxonomy;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace JobMatch.Api.Veterans;

public static class VeteranServices
{
    /// <summary>The ID-number vault (key checked at start-up), the taxonomy files, the profile store and the clock.</summary>
    public static IServiceCollection AddVeterans(this IServiceCollection services)
    {
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section)
            .Validate(options => options.IsValid(), IdNumberVault.Invalid)
            .ValidateOnStart();
        services.AddSingleton(provider => new IdNumberVault(provider.GetRequiredService<IOptions<PrivacyOptions>>().Value));
        services.AddSingleton(_ => ReferenceData.Default);
        services.AddSingleton<VeteranStore>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
