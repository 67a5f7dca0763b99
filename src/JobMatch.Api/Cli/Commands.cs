using System.CommandLine;
using JobMatch.Api.Database;
using Microsoft.Extensions.Options;

namespace JobMatch.Api.Cli;

/// <summary>
/// The command line: serving is the default; subcommands do one job and exit. Tokens the parser does not know
/// (--urls, --Embedded:DataDirectory=...) go on to the host's configuration as usual; any other is an error, so a
/// mistyped command never starts a server.
/// </summary>
public static class Commands
{
    /// <param name="serve">The server.</param>
    /// <param name="addServices">Every feature's services, as the server adds them after the database: each command that
    /// builds a host calls it, so a command runs on the same registrations as the server.</param>
    public static RootCommand Create(Func<string[], Task<int>> serve, Action<WebApplicationBuilder> addServices)
    {
        var root = new RootCommand("JobMatch: employment and training matching for veterans. With no command, serves the API.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.SetAction((parsed, _) => FirstStray(parsed.UnmatchedTokens) is { } stray
            ? NotACommand(parsed, root, stray)
            : WithClearErrors(() => serve([.. parsed.UnmatchedTokens])));
        root.Subcommands.Add(MigrateCommand.Create(addServices));
        root.Subcommands.Add(TokenCommand.Create());
        root.Subcommands.Add(SeedCommand.Create(addServices));
        root.Subcommands.Add(LtrEvalCommand.Create());
        root.Subcommands.Add(TrainCommand.Create(addServices));
        root.Subcommands.Add(BackupCommand.Create());
        root.Subcommands.Add(RestoreCommand.Create(addServices));
        root.Subcommands.Add(AccountCommand.Create(addServices));
        root.Subcommands.Add(RemindCommand.Create(addServices));
        return root;
    }

    /// <summary>
    /// The first token the host's configuration would drop without a word: neither <c>--key value</c>, <c>--key=value</c>,
    /// <c>/key value</c> nor <c>key=value</c>. A mistyped command (<c>acount create</c>) is one.
    /// </summary>
    static string? FirstStray(IReadOnlyList<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.StartsWith('-') || token.StartsWith('/'))
            {
                i += token.Contains('=') ? 0 : 1; // the next token is its value
            }
            else if (!token.Contains('='))
            {
                return token;
            }
        }
        return null;
    }

    static async Task<int> NotACommand(ParseResult parsed, RootCommand root, string stray)
    {
        var commands = string.Join(", ", root.Subcommands.Select(command => command.Name));
        await parsed.InvocationConfiguration.Error.WriteLineAsync(
            $"'{stray}' is not a command. Commands: {commands}; with none, the service starts (options such as --urls URL and " +
            "--Section:Key=value). See --help.");
        return 1;
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
