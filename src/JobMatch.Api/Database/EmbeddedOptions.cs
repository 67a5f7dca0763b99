namespace JobMatch.Api.Database;

/// <summary>Configuration section "Embedded": the PostgreSQL the service runs itself when no connection string is set.</summary>
public sealed class EmbeddedOptions
{
    public const string Section = "Embedded";

    /// <summary>Where the cluster lives; relative paths are under the working directory.</summary>
    public string DataDirectory { get; set; } = Path.Combine(".jobmatch", "pgdata");

    /// <summary>The folder with initdb, pg_ctl and postgres; found on PATH, by pg_config or under /usr/lib/postgresql when unset.</summary>
    public string? BinDirectory { get; set; }

    /// <summary>Skip fsync and keep little WAL (throwaway test clusters only: a crash may lose data).</summary>
    public bool NoSync { get; set; }

    /// <summary>
    /// How long the cluster may stay down (its restarts failing) before /health/live fails, so that an orchestrator
    /// restarts the service. Only in embedded mode: a configured server's failover must not restart every instance.
    /// </summary>
    public TimeSpan LivenessOutage { get; set; } = TimeSpan.FromMinutes(2);

    public string FullDataDirectory => Path.GetFullPath(DataDirectory);
}
