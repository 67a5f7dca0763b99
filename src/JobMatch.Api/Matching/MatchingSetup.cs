namespace JobMatch.Api.Matching;

public static class MatchingSetup
{
    /// <summary>The matching engine, the impression writer, model training and the promoted-model watcher.</summary>
    public static IServiceCollection AddMatching(this IServiceCollection services)
    {
        services.AddOptions<MatchingOptions>().BindConfiguration(MatchingOptions.Section)
            .Validate(o => o.IsValid(), "Matching options are out of range (see MatchingOptions).").ValidateOnStart();
        services.AddSingleton<MatchingEngine>();
        services.AddSingleton<MatchFinder>();
        services.AddSingleton<CandidateFinder>();
        services.AddSingleton<ImpressionWriter>();
        services.AddHostedService(provider => provider.GetRequiredService<ImpressionWriter>());
        services.AddSingleton<ModelTraining>();
        services.AddSingleton<TrainingQueue>();
        services.AddHostedService(provider => provider.GetRequiredService<TrainingQueue>());
        services.AddSingleton<ModelWatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<ModelWatcher>());
        services.AddHealthChecks().AddCheck<RankingReadyCheck>("ranking", tags: ["ready"]);
        return services;
    }

    public static void MapMatching(this IEndpointRouteBuilder app)
    {
        app.MapMatches();
        app.MapCandidates();
        app.MapInvitations();
        app.MapModels();
    }
}
