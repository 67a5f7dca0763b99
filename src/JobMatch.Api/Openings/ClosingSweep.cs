using Dapper;
using JobMatch.Api.Conventions;
using Npgsql;

namespace JobMatch.Api.Openings;

/// <summary>
/// Positions past their closing date (in Asia/Shanghai) close themselves. Reads already treat them as closed; this sweep
/// writes it down every few minutes so that the stored status agrees.
/// </summary>
sealed class ClosingSweep(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<ClosingSweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(10), clock);
        do
        {
            try
            {
                await using var db = await dataSource.OpenConnectionAsync(stoppingToken);
                var closed = await db.ExecuteAsync($"""
                    UPDATE positions p SET status = 'closed', updated_at = now() WHERE p.status = 'open' AND {OpeningSql.PastClosingDate}
                    """, new { today = ShanghaiTime.Today(clock) });
                if (closed > 0)
                {
                    logger.LogInformation("Closed {Count} positions past their closing date", closed);
                }
            }
            catch (NpgsqlException error) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be briefly away; the next tick tries again.
                logger.LogWarning(error, "Could not close expired positions");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
