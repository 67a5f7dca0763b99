using System.CommandLine;
using JobMatch.Api.Database;

namespace JobMatch.Api.Cli;

/// <summary><c>migrate</c>: applies the database migrations and exits (the service also applies them at start-up).</summary>
public static class MigrateCommand
{
    public static Command Create(Action<WebApplicationBuilder> addServices)
    {
        var command = new Command("migrate", "Apply database migrations to ConnectionStrings:JobMatch (or the embedded database) and exit.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction((parsed, _) => Commands.WithClearErrors(async () =>
        {
            var builder = WebApplication.CreateBuilder([.. parsed.UnmatchedTokens]);
            await using var embedded = await builder.AddJobMatchDatabaseAsync();
            addServices(builder);
            await using var app = builder.Build();
            await app.Services.GetRequiredService<Migrator>().MigrateAsync();
            await Console.Out.WriteLineAsync("Database migrated.");
            return 0;
        }));
        return command;
    }
}
