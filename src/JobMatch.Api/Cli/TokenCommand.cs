using System.CommandLine;
using JobMatch.Api.Auth;
using JobMatch.Api.Database;

namespace JobMatch.Api.Cli;

/// <summary>
/// <c>token --role R --subject S</c>: prints a bearer token the service accepts. In embedded mode the signing key
/// is the one kept beside the data directory, so the command and the service agree without configuration.
/// </summary>
public static class TokenCommand
{
    public static Command Create()
    {
        var role = new Option<string>("--role") { Description = "admin, recruiter, veteran or mentor", Required = true };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var subject = new Option<string>("--subject") { Description = "The user's opaque id (the token's sub claim)", Required = true };
        subject.Validators.Add(result =>
        {
            if (!Subjects.IsValid(result.GetValueOrDefault<string>()))
            {
                result.AddError($"--subject must be {Subjects.Rule}: the service refuses any other.");
            }
        });
        var hours = new Option<double?>("--hours") { Description = "Lifetime in hours (default Auth:TokenLifetimeHours, 8)" };
        var command = new Command("token", "Print a signed bearer token for local use, scripts and tests.")
        {
            role, subject, hours,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parsed, _) => Commands.WithClearErrors(async () =>
        {
            var configuration = WebApplication.CreateBuilder([.. parsed.UnmatchedTokens]).Configuration;
            var options = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new();
            if (string.IsNullOrWhiteSpace(configuration.GetConnectionString("JobMatch")) && string.IsNullOrWhiteSpace(options.SigningKey))
            {
                var embedded = configuration.GetSection(EmbeddedOptions.Section).Get<EmbeddedOptions>() ?? new();
                options.SigningKey = LocalSecrets.LoadOrCreate(embedded.FullDataDirectory).SigningKey;
            }
            if (string.IsNullOrWhiteSpace(options.SigningKey))
            {
                await Console.Error.WriteLineAsync("Set Auth:SigningKey (the key the service checks tokens with) to issue tokens for a configured database.");
                return 2;
            }
            var lifetime = parsed.GetValue(hours) is { } h ? TimeSpan.FromHours(h) : (TimeSpan?)null;
            await Console.Out.WriteLineAsync(TokenIssuer.Issue(options, parsed.GetValue(role)!, parsed.GetValue(subject)!, lifetime));
            return 0;
        }));
        return command;
    }
}
