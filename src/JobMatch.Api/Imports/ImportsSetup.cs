namespace JobMatch.Api.Imports;

public static class ImportsSetup
{
    /// <summary>Import limits (validated at start-up) and the imports in progress.</summary>
    public static IServiceCollection AddImports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ImportOptions>().Bind(configuration.GetSection(ImportOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ImportsInFlight>();
        return services;
    }
}
