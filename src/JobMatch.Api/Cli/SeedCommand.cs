using System.CommandLine;
using JobMatch.Api.Database;
using JobMatch.Api.DemoData;
using Spectre.Console;

namespace JobMatch.Api.Cli;

/// <summary><c>seed</c>: loads the demo data (marked synthetic) into a migrated database, with a progress bar.</summary>
public static class SeedCommand
{
    public static Command Create(Action<WebApplicationBuilder> addServices)
    {
        var command = new Command("seed", "Load the synthetic demo data (companies, fairs, programs, veterans, mentors) once, with progress.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction((parsed, ct) => Commands.WithClearErrors(async () =>
        {
            var builder = WebApplication.CreateBuilder([.. parsed.UnmatchedTokens]);
            await using var embedded = await builder.AddJobMatchDatabaseAsync();
            addServices(builder);
            await using var app = builder.Build();
            await app.Services.GetRequiredService<Migrator>().MigrateAsync(ct);
            var loaded = false;
            await AnsiConsole.Progress().AutoClear(false).StartAsync(async progress =>
            {
                var bars = new Dictionary<string, ProgressTask>();
                var reporter = new Progress<SeedProgress>(step =>
                {
                    if (!bars.TryGetValue(step.Seeder, out var bar))
                    {
                        bars[step.Seeder] = bar = progress.AddTask(step.Seeder, maxValue: 1);
                    }
                    bar.Value = step.Fraction;
                });
                loaded = await DemoDataLoader.LoadAsync(app.Services, reporter, ct);
            });
            AnsiConsole.WriteLine(loaded ? "Demo data loaded." : "Demo data was already loaded; nothing changed.");
            return 0;
        }));
        return command;
    }
}
