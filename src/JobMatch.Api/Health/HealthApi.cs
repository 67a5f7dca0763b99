using JobMatch.Api.Database;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace JobMatch.Api.Health;

public static class HealthApi
{
    public static IServiceCollection AddJobMatchHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// Live: the process answers and, in embedded mode, its PostgreSQL has not been down longer than Embedded:LivenessOutage
    /// (the "live" checks). Ready: the database is reachable, migrated and first-start data is loaded, and ranking is warm.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") })
            .AllowAnonymous().WithTags("Health")
            .WithSummary("Liveness: the process answers, and in embedded mode its database has not been down past Embedded:LivenessOutage");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = WriteDetails })
            .AllowAnonymous().WithTags("Health")
            .WithSummary("Readiness: database reachable, migrated, demo data loaded, ranking warm; details per check (the outbox's backlog and dead letters)");
        return app;
    }

    /// <summary>The overall status and each check's status, description and figures, as JSON (counts only, nothing personal).</summary>
    static Task WriteDetails(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(entry => entry.Key, entry => new
            {
                status = entry.Value.Status.ToString(), description = entry.Value.Description, data = entry.Value.Data,
            }),
        });
    }
}

sealed class DatabaseReadyCheck(NpgsqlDataSource dataSource, DatabaseState state) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!state.IsReady)
        {
            return HealthCheckResult.Unhealthy("Start-up work (migrations, first-start data) has not finished.");
        }
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (NpgsqlException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.");
        }
    }
}
