using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace JobMatch.Api.Database;

/// <summary>
/// Watches the embedded PostgreSQL and starts it again when it stops unasked (killed, crashed, stopped by hand): after
/// 1 s, then 2, 4 … at most 30 s apart. Until it succeeds every request answers 503, so liveness reads how long the
/// database has been down: a service whose database cannot come back is better restarted by its orchestrator.
/// </summary>
sealed class EmbeddedSupervisor(EmbeddedPostgres postgres, NpgsqlDataSource dataSource, TimeProvider clock, ILogger<EmbeddedSupervisor> logger)
    : BackgroundService
{
    static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);
    long downSinceTicks; // 0 while it runs

    /// <summary>When the server was found stopped, or null while it runs.</summary>
    public DateTimeOffset? DownSince => Volatile.Read(ref downSinceTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Directory.Exists("/proc/self"))
        {
            // Without /proc (macOS) a running server cannot be told from a dead one: better unsupervised than restarted in a loop.
            logger.LogWarning("The embedded PostgreSQL is not supervised here (no /proc): if it stops, restart the service");
            return;
        }
        // Reading postmaster.pid and /proc once a second is cheap; the postmaster is no child of ours to wait for.
        using var timer = new PeriodicTimer(CheckEvery, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!postgres.IsRunning)
            {
                await RestartAsync(stoppingToken);
            }
        }
    }

    async Task RestartAsync(CancellationToken ct)
    {
        var since = clock.GetUtcNow();
        Volatile.Write(ref downSinceTicks, since.UtcTicks);
        logger.LogWarning("Embedded PostgreSQL is not running (killed, crashed or stopped by hand): restarting it");
        for (var attempt = 1; ; attempt++)
        {
            await Task.Delay(Wait(attempt), clock, ct);
            if (await postgres.RestartAsync(ct) is not { } failure)
            {
                Volatile.Write(ref downSinceTicks, 0);
                dataSource.Clear(); // every pooled connection died with the old server
                logger.LogInformation("Embedded PostgreSQL restarted after {Downtime:c} (attempt {Attempt})", clock.GetUtcNow() - since, attempt);
                return;
            }
            logger.LogWarning("Embedded PostgreSQL could not be restarted (attempt {Attempt}): {Failure}; next attempt in {Wait:c}",
                attempt, failure, Wait(attempt + 1));
        }
    }

    /// <summary>1, 2, 4, 8, 16, then 30 s.</summary>
    static TimeSpan Wait(int attempt) => TimeSpan.FromSeconds(Math.Min(30, 1 << Math.Min(attempt - 1, 5)));
}

/// <summary>Liveness in embedded mode: fails once the database has been down longer than Embedded:LivenessOutage.</summary>
sealed class EmbeddedLivenessCheck(EmbeddedSupervisor supervisor, TimeProvider clock, IOptions<EmbeddedOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(supervisor.DownSince is { } since && clock.GetUtcNow() - since >= options.Value.LivenessOutage
            ? HealthCheckResult.Unhealthy($"The embedded PostgreSQL has been down since {since:O} and could not be restarted.")
            : HealthCheckResult.Healthy());
}
