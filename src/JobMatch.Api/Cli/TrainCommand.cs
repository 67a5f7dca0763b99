using System.CommandLine;
using JobMatch.Api.Database;
using JobMatch.Api.Matching;
using Spectre.Console;

namespace JobMatch.Api.Cli;

/// <summary><c>train</c>: what <c>POST /api/models/train</c> does, in the foreground, with a progress bar.</summary>
public static class TrainCommand
{
    public static Command Create(Action<WebApplicationBuilder> addServices)
    {
        var command = new Command("train", "Train a ranking model from the bureau's outcomes and the interaction log (the synthetic world while they are too few), "
            + "store it, and promote it only if it beats the ranker in production and every baseline by the margin on held-out veterans.")
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
            var training = app.Services.GetRequiredService<ModelTraining>();
            var id = await training.CreateAsync("cli:" + Environment.UserName, ct);
            await AnsiConsole.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn())
                .StartAsync(async progress =>
                {
                    var bar = progress.AddTask($"model {id}", maxValue: 1);
                    await training.RunAsync(id, ct, new Progress<(double Fraction, string Stage)>(step =>
                    {
                        bar.Value = step.Fraction;
                        bar.Description = Markup.Escape(step.Stage);
                    }));
                    bar.Value = 1;
                });
            var (status, reason) = await training.OutcomeAsync(id, ct);
            AnsiConsole.WriteLine($"Model {id}: {status}. {reason}");
            AnsiConsole.WriteLine("Running instances switch to a promoted model at their next poll (Matching:ModelPollSeconds).");
            return 0;
        }));
        return command;
    }
}
