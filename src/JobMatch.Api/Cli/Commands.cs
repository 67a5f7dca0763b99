using System.CommandLine;
using JobMatch.Api.Database;
using Microsoft.Extensions.Options;

namespace JobMatch.Api.Cli;

/// <summary>
/// The command line: serving is the default; subcommands do one job and exit. Tokens the parser does not know
/// (--urls, --Embedded:DataDirectory=...) go on to the host's configuration as usual.
/// </summary>
public static class Commands
{
    public static RootCommand Create(Func<string[], Task<int>> serve, Action<IServiceCollection> addSeeders)
    {
        var root = new RootCommand("JobMatch: employment and training matching for veterans. With no command, serves the API.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.SetAction((parsed, _) => WithClearErrors(() => serve([.. parsed.UnmatchedTokens])));
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(TokenCommand.Create());
        root.Subcommands.Add(SeedCommand.Create(addSeeders));
        root.Subcommands.Add(LtrEvalCommand.Create());
        root.Subcommands.Add(JobMatch.Api.Matching.TrainCommand.Create());
        root.Subcommands.Add(JobMatch.Api.Backup.BackupCommand.Create());
        root.Subcommands.Add(JobMatch.Api.Backup.RestoreCommand.Create());
        return root;
    }

    /// <summary>Problems the user can fix are one sentence on stderr and a non-zero exit, never a stack trace.</summary>
    public static async Task<int> WithClearErrors(Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (EmbeddedDatabaseException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
        catch (AggregateException e) when (e.InnerExceptions.All(inner => inner is OptionsValidationException))
        {
            // Start-up validation reports every bad section at once (a missing signing key and privacy key, say).
            await Console.Error.WriteLineAsync("Configuration error: " + string.Join(" ",
                e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(inner => inner.Failures)));
            return 2;
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync("Configuration error: " + string.Join(" ", e.Failures));
            return 2;
        }
        catch (Npgsql.NpgsqlException e)
        {
            await Console.Error.WriteLineAsync($"Could not use the database ({e.Message}): check ConnectionStrings:JobMatch and that the server is running.");
            return 2;
        }
    }
}
