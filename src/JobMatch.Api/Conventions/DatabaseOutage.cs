using System.Net.Sockets;
using Npgsql;

namespace JobMatch.Api.Conventions;

/// <summary>
/// The database is down, restarting or refusing connections: worth a retry (503), unlike a missing database or table,
/// which no retry mends (500).
/// </summary>
static class DatabaseOutage
{
    public const string RetryAfterSeconds = "5";

    public static bool Is(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (IsOne(exception))
            {
                return true;
            }
        }
        return false;
    }

    static bool IsOne(Exception exception) => exception switch
    {
        // admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections, and the connection_exception class.
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
            or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections || postgres.SqlState.StartsWith("08", StringComparison.Ordinal),
        // Refused or broken connections and timeouts (SocketException, IOException, TimeoutException inside).
        NpgsqlException npgsql => npgsql.IsTransient,
        SocketException => true,
        _ => false,
    };
}

/// <summary>
/// What an outage writes to the log: a warning when the first request is refused, at most one summary a minute while it
/// lasts, and a line when the database answers again (probed every 2 s). A warning per refused request once wrote 1,082
/// lines in a minute.
/// </summary>
sealed class DatabaseOutageLog(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<DatabaseOutageLog> logger) : BackgroundService
{
    static readonly TimeSpan SummaryEvery = TimeSpan.FromMinutes(1);
    static readonly TimeSpan ProbeEvery = TimeSpan.FromSeconds(2);
    readonly Lock gate = new();
    DateTimeOffset? since;
    DateTimeOffset lastLine;
    long refused;

    /// <summary>A request answered 503 because the database is unavailable.</summary>
    public void Refused(HttpRequest request, Exception exception)
    {
        var now = clock.GetUtcNow();
        lock (gate)
        {
            refused++;
            if (since is not { } start)
            {
                since = lastLine = now;
                logger.LogWarning("Database unavailable: {Reason} (first refused: {Method} {Path}); requests are answered 503 until it answers again",
                    exception.GetBaseException().Message, request.Method, request.Path);
            }
            else if (now - lastLine >= SummaryEvery)
            {
                lastLine = now;
                logger.LogWarning("Database still unavailable after {Duration:c}: {Refused} requests refused so far", now - start, refused);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(ProbeEvery, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            lock (gate)
            {
                if (since is null)
                {
                    continue;
                }
            }
            if (!await AnswersAsync(stoppingToken))
            {
                continue;
            }
            // Pooled connections from before the outage may be broken: replace them rather than fail a request each.
            dataSource.Clear();
            lock (gate)
            {
                logger.LogInformation("Database available again after {Duration:c}: {Refused} requests were refused",
                    clock.GetUtcNow() - since.GetValueOrDefault(), refused);
                since = null;
                refused = 0;
            }
        }
    }

    async Task<bool> AnswersAsync(CancellationToken ct)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(ct);
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }
}
