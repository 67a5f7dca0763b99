using JobMatch.Api.Database;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace JobMatch.Api.Tests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL per test run, started by the service's own launcher in the system temporary directory
/// on a free port. A template database is migrated once; each test class clones it. If PostgreSQL cannot start,
/// every test that needs it fails with the launcher's message (never skips).
/// </summary>
public sealed class TestCluster
{
    const string Template = "jobmatch_template";
    static readonly Lazy<Task<TestCluster>> Instance = new(StartAsync);

    readonly EmbeddedPostgres postgres;
    readonly string root;

    TestCluster(EmbeddedPostgres postgres, string root, string password)
    {
        this.postgres = postgres;
        this.root = root;
        Password = password;
    }

    public string Password { get; }
    public string DataDirectory => postgres.DataDirectory;

    public static Task<TestCluster> GetAsync() => Instance.Value;

    static async Task<TestCluster> StartAsync()
    {
        TempRoot.RemoveStale();
        var root = TempRoot.Create("jobmatch-tests-");
        var postgres = await EmbeddedPostgres.StartAsync(
            new EmbeddedOptions { DataDirectory = Path.Combine(root, "pgdata"), NoSync = true }, NullLogger.Instance);
        var cluster = new TestCluster(postgres, root, "testpassword");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
        await postgres.EnsureAppDatabaseAsync(Template, cluster.Password);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:JobMatch"] = cluster.AppConnectionString(Template),
            ["ConnectionStrings:JobMatchAdmin"] = cluster.SuperuserConnectionString(Template),
        }).Build();
        await new Migrator(configuration, NullLogger<Migrator>.Instance).MigrateAsync();
        NpgsqlConnection.ClearAllPools();
        return cluster;
    }

    public string AppConnectionString(string database) => postgres.AppConnectionString(database, Password);

    public string SuperuserConnectionString(string database) => postgres.SuperuserConnectionString(database);

    /// <summary>A freshly migrated database of its own, cloned from the template.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "test_" + Guid.NewGuid().ToString("N");
        await using var db = new NpgsqlConnection(SuperuserConnectionString("postgres"));
        await db.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {Template} OWNER {EmbeddedPostgres.AppRole}", db);
        await command.ExecuteNonQueryAsync();
        return name;
    }

    /// <summary>Drops a test class's database when the class is done: a run makes about a hundred.</summary>
    public async Task DropDatabaseAsync(string name)
    {
        await using var db = new NpgsqlConnection(SuperuserConnectionString("postgres"));
        await db.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", db);
        await command.ExecuteNonQueryAsync();
    }

    void Stop()
    {
        postgres.StopAsync().GetAwaiter().GetResult();
        Directory.Delete(root, recursive: true);
    }
}
