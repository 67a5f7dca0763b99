using System.Net.Sockets;
using JobMatch.Api.Conventions;
using JobMatch.Api.Database;
using Npgsql;

namespace JobMatch.Api.Tests;

public sealed class DatabaseOutageTests
{
    [Fact]
    public void ConnectAndCommandTimeoutsAreBoundedUnlessTheConnectionStringSetsThem()
    {
        var defaults = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithTimeouts("Host=db;Username=u;Password=p"));
        Assert.Equal((5, 30), (defaults.Timeout, defaults.CommandTimeout));
        var given = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithTimeouts("Host=db;timeout=9;Command Timeout=120"));
        Assert.Equal((9, 120), (given.Timeout, given.CommandTimeout));
    }

    [Fact]
    public void RefusedConnectionsAndServerShutdownsAreOutagesMissingObjectsAreNot()
    {
        Assert.True(DatabaseOutage.Is(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.True(DatabaseOutage.Is(new InvalidOperationException("wrapped", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.True(DatabaseOutage.Is(new PostgresException("terminating connection", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown)));
        Assert.True(DatabaseOutage.Is(new PostgresException("starting up", "FATAL", "FATAL", PostgresErrorCodes.CannotConnectNow)));
        Assert.False(DatabaseOutage.Is(new PostgresException("no such database", "FATAL", "FATAL", PostgresErrorCodes.InvalidCatalogName)));
        Assert.False(DatabaseOutage.Is(new PostgresException("no such table", "ERROR", "ERROR", PostgresErrorCodes.UndefinedTable)));
        Assert.False(DatabaseOutage.Is(new InvalidOperationException("a bug")));
    }
}
