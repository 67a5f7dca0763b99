using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace JobMatch.Api.Matching;

/// <summary>
/// Ready once the open positions are prepared and the promoted model (or the heuristic, when none is) is loaded, so a
/// load balancer sends no request to an instance that would first spend seconds warming up.
/// </summary>
sealed class RankingReadyCheck(MatchingEngine engine) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(engine.Ready
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("Ranking is warming up: preparing the open positions and loading the promoted model."));
}
