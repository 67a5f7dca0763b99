using System.CommandLine;
using JobMatch.Api.Accounts;
using JobMatch.Api.Auth;
using JobMatch.Api.Database;
using JobMatch.Api.Privacy;
using Microsoft.Extensions.Options;

namespace JobMatch.Api.Cli;

/// <summary>
/// <c>account create --role admin --name NAME</c>: the first admin account (or another, by whoever runs the server), made as
/// the staff's API makes one (<see cref="AccountCreation"/>), with its one-time set-password code printed once. Reaches the
/// embedded cluster of a running service without stopping it, or starts it (as backup does), or the configured server.
/// </summary>
public static class AccountCommand
{
    public static Command Create(Action<WebApplicationBuilder> addServices)
    {
        var role = new Option<string>("--role")
        {
            Description = "admin (recruiters and mentors are created in the console, with their company or mentor record)", Required = true,
        };
        role.AcceptOnlyFromAmong(Roles.Admin);
        var name = new Option<string>("--name") { Description = "The user name to sign in with", Required = true };
        var phone = new Option<string?>("--phone") { Description = "A mainland mobile number (also signs in)" };
        var email = new Option<string?>("--email") { Description = "An e-mail address (unconfirmed until its holder confirms it)" };
        var origin = new Option<string?>("--origin")
        {
            Description = "Where people open the service (https://jobs.example.gov.cn), for the link; default Accounts:PublicOrigin",
        };
        var create = new Command("create",
            "Create an account and print its one-time set-password link and code, whether or not the service is running.")
        {
            role, name, phone, email, origin,
        };
        create.TreatUnmatchedTokensAsErrors = false;
        create.SetAction((parsed, ct) => Commands.WithClearErrors(async () =>
        {
            if (Refusal(parsed.GetValue(name)!, parsed.GetValue(phone), parsed.GetValue(email), parsed.GetValue(origin)) is { } refusal)
            {
                await Console.Error.WriteLineAsync(refusal);
                return 2;
            }
            var builder = WebApplication.CreateBuilder([.. parsed.UnmatchedTokens]);
            var running = RunningEmbedded(builder.Configuration);
            if (running is not null)
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:JobMatch"] = running });
            }
            await using var embedded = await builder.AddJobMatchDatabaseAsync();
            addServices(builder);
            await using var app = builder.Build();
            if (running is null)
            {
                await app.Services.GetRequiredService<Migrator>().MigrateAsync(ct); // a first admin before the first start
            }
            await using var scope = app.Services.CreateAsyncScope();
            var (account, code, refused) = await scope.ServiceProvider.GetRequiredService<AccountCreation>().CreateAsync(
                new NewAccount(parsed.GetValue(role)!, parsed.GetValue(name)!, parsed.GetValue(phone), parsed.GetValue(email), null, null),
                new StaffActor($"cli:{Environment.UserName}", "system"));
            if (refused is not null)
            {
                await Console.Error.WriteLineAsync(refused.English);
                return 2;
            }
            var link = parsed.GetValue(origin)?.TrimEnd('/') ?? app.Services.GetRequiredService<IOptions<AccountOptions>>().Value.Origin;
            await Console.Out.WriteLineAsync(Printed(account!, code!, link));
            return 0;
        }));
        return new Command("account", "Built-in accounts: create the first admin.") { create };
    }

    static string? Refusal(string name, string? phone, string? email, string? origin) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100 ? "--name must be 1 to 100 characters."
        : phone is not null && !PhoneNumber.IsMobile(phone) ? "--phone must be a mainland mobile number: 11 digits starting with 13 to 19."
        : email is not null && (email.Length > 254 || email.IndexOf('@', StringComparison.Ordinal) < 1)
            ? "--email must be an e-mail address."
        : origin is not null && !new AccountOptions { PublicOrigin = origin }.IsValid()
            ? "--origin must be an http(s) origin without a path, such as https://jobs.example.gov.cn."
        : null;

    /// <summary>The running service's embedded cluster (no connection string configured), or null: then it is started here.</summary>
    static string? RunningEmbedded(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration.GetConnectionString("JobMatch"))
            ? EmbeddedPostgres.RunningSuperuserConnectionString(
                configuration.GetSection(EmbeddedOptions.Section).Get<EmbeddedOptions>() ?? new(), EmbeddedPostgres.AppDatabase)
            : null;

    static string Printed(Account account, IssuedCode code, string? origin)
    {
        var expires = $"It works once and expires at {code.ExpiresAt:yyyy-MM-dd HH:mm} UTC; it is not shown again.";
        return origin is not null
            ? $"""
              Account {account.UserName} ({account.Role}, id {account.Id}) created. Open this link to set its password:
              {AccountLinks.SetPassword(origin, code.Code)}
              Code: {code.Code}. {expires}
              """
            : $"""
              Account {account.UserName} ({account.Role}, id {account.Id}) created. Its one-time code: {code.Code}
              {expires}
              Open /#/set-password on the service (for example https://your-host/#/set-password) and enter the code; set
              Accounts:PublicOrigin or pass --origin to print the whole link.
              """;
    }
}
