using System.CommandLine;
using JobMatch.Api.Database;
using JobMatch.Api.Reminders;

namespace JobMatch.Api.Cli;

/// <summary>
/// <c>remind</c>: runs the scheduled notifications job once now (what every instance does each Notifications:Schedule:Every)
/// and exits; safe beside running instances, since each event is written once per period whoever runs it.
/// </summary>
public static class RemindCommand
{
    public static Command Create(Action<WebApplicationBuilder> addServices)
    {
        var command = new Command("remind", "Write the notifications that come from time (expiring invitations, overdue check-ins, "
            + "weekly caseloads, the daily digest, order-class milestones) once now, and exit.")
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
            var clock = app.Services.GetRequiredService<TimeProvider>();
            var run = await app.Services.GetRequiredService<ScheduledNotices>().RunAsync(clock.GetUtcNow().UtcDateTime, ct);
            await Console.Out.WriteLineAsync($"Notifications written: {run.Expiring} expiring invitations, {run.Overdue} overdue check-ins, "
                + $"{run.Caseloads} weekly caseloads, {run.Digests} digests, {run.Milestones} order-class milestones.");
            return 0;
        }));
        return command;
    }
}
