using JobMatch.Api.Database;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace JobMatch.Api.Notifications;

public static class NotificationsSetup
{
    /// <summary>The outbox's dispatcher (run on this instance unless Notifications:Dispatch is false) and its readiness details.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.Section))
            .Validate(options => options.IsValid(), "Notifications: PollInterval and RetryBase above zero, RetryMax at least RetryBase, "
                + "BatchSize 1–1000, MaxAttempts 1–100.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddHostedService<OutboxDispatch>();
        services.AddHealthChecks().AddCheck<OutboxHealthCheck>("outbox", tags: ["ready"]);
        return services;
    }
}

/// <summary>
/// The backlog and dead letters in /health/ready's details. Informational: a backlog or a dead letter does not make the
/// instance unready (the database check says whether it can serve).
/// </summary>
sealed class OutboxHealthCheck(NpgsqlDataSource dataSource, DatabaseState state, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!state.IsReady)
        {
            return HealthCheckResult.Healthy("The outbox is read once start-up work has finished.");
        }
        try
        {
            await using var db = await dataSource.OpenConnectionAsync(cancellationToken);
            var counts = await OutboxCounts.ReadAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken);
            return HealthCheckResult.Healthy(data: new Dictionary<string, object>
            {
                ["pending"] = counts.Pending, ["due"] = counts.Due, ["dead"] = counts.Dead,
                ["oldestPendingAt"] = counts.OldestPendingAt?.ToString("O") ?? "",
            });
        }
        catch (NpgsqlException)
        {
            return HealthCheckResult.Degraded("The outbox could not be read.");
        }
    }
}
