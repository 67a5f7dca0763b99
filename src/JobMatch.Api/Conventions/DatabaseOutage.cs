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
