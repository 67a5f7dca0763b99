using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace JobMatch.Api.Database;

public static class DatabaseSetup
{
    /// <summary>
    /// Registers the data source. With no ConnectionStrings:JobMatch the service runs its own PostgreSQL (whatever the
    /// environment name) and returns it, so the caller stops it; with one, it starts nothing and returns null.
    /// </summary>
    public static async Task<EmbeddedPostgres?> AddJobMatchDatabaseAsync(this WebApplicationBuilder builder)
    {
        DapperConventions.Register();
        builder.Services.AddSingleton<Migrator>();
        builder.Services.AddSingleton<DatabaseState>();
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, DatabasePreparation>());
        EmbeddedPostgres? embedded = null;
        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("JobMatch")))
        {
            var options = builder.Configuration.GetSection(EmbeddedOptions.Section).Get<EmbeddedOptions>() ?? new();
            // Lives as long as the process: the cluster logs with it until it is stopped, after the host's own loggers.
            var loggers = LoggerFactory.Create(logging => logging
                .AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole(o => o.SingleLine = true));
            embedded = await EmbeddedPostgres.StartAsync(options, loggers.CreateLogger<EmbeddedPostgres>());
            try
            {
                var secrets = LocalSecrets.LoadOrCreate(embedded.DataDirectory);
                await embedded.EnsureAppDatabaseAsync(EmbeddedPostgres.AppDatabase, secrets.DatabasePassword);
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["ConnectionStrings:JobMatch"] = embedded.AppConnectionString(EmbeddedPostgres.AppDatabase, secrets.DatabasePassword),
                    ["ConnectionStrings:JobMatchAdmin"] = embedded.SuperuserConnectionString(EmbeddedPostgres.AppDatabase),
                    ["Auth:SigningKey"] = builder.Configuration["Auth:SigningKey"] ?? secrets.SigningKey,
                    ["Privacy:EncryptionKey"] = builder.Configuration["Privacy:EncryptionKey"] ?? secrets.PrivacyKey,
                    ["DemoData:Enabled"] = builder.Configuration["DemoData:Enabled"] ?? "true",
                });
            }
            catch
            {
                await embedded.StopAsync();
                throw;
            }
            builder.Services.AddSingleton(embedded);
            // Registered before every other hosted service, so it is stopped after all of them (SIGINT and SIGTERM included).
            builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, EmbeddedPostgresLifetime>());
            builder.Services.AddOptions<EmbeddedOptions>().BindConfiguration(EmbeddedOptions.Section)
                .Validate(o => o.LivenessOutage > TimeSpan.Zero, "Embedded:LivenessOutage must be a positive time span, such as 00:02:00.")
                .ValidateOnStart();
            builder.Services.TryAddSingleton(TimeProvider.System);
            builder.Services.AddSingleton<EmbeddedSupervisor>();
            builder.Services.AddHostedService(provider => provider.GetRequiredService<EmbeddedSupervisor>());
            builder.Services.AddHealthChecks().AddCheck<EmbeddedLivenessCheck>("embedded-database", tags: ["live"]);
        }
        builder.Services.AddNpgsqlDataSource(WithTimeouts(builder.Configuration.GetConnectionString("JobMatch")!));
        return embedded;
    }

    /// <summary>
    /// An outage must answer 503 in bounded time, not hang: 5 s to connect and 30 s per command unless the connection
    /// string says otherwise (Npgsql's own defaults are 15 s and 30 s).
    /// </summary>
    public static string WithTimeouts(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Timeout"))
        {
            builder.Timeout = 5;
        }
        if (!given.ContainsKey("Command Timeout") && !given.ContainsKey("CommandTimeout"))
        {
            builder.CommandTimeout = 30;
        }
        return builder.ConnectionString;
    }

}

/// <summary>
/// Migrations and first-start data, run as the host starts: after configuration is validated (bad settings fail
/// before the database is touched) and before the web server takes requests (registered ahead of it).
/// </summary>
sealed class DatabasePreparation(IServiceProvider services, Migrator migrator, DatabaseState state) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        await DemoData.DemoDataLoader.LoadOnFirstStartAsync(services);
        state.MarkReady();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

sealed class EmbeddedPostgresLifetime(EmbeddedPostgres postgres) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => postgres.StopAsync();
}

/// <summary>Whether start-up work (migrations, first-start data) has finished: the readiness probe reads it.</summary>
public sealed class DatabaseState
{
    volatile bool ready;

    public bool IsReady => ready;

    public void MarkReady() => ready = true;
}
