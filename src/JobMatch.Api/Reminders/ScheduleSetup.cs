using JobMatch.Api.Database;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace JobMatch.Api.Reminders;

/// <summary>Configuration section "Notifications:Schedule": when the scheduled job runs and what it looks ahead to.</summary>
public sealed class ScheduleOptions
{
    public const string Section = "Notifications:Schedule";

    /// <summary>How often this instance runs the job, the first time one period after start; zero: never on this instance.</summary>
    public TimeSpan Every { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long before a pending invitation expires its veteran is reminded (once).</summary>
    public TimeSpan InvitationWarning { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How many days before an order class starts or ends its sponsors' recruiters are told (once per milestone).</summary>
    public int MilestoneLeadDays { get; set; } = 7;

    /// <summary>How many titles of new openings the daily digest names (the newest).</summary>
    public int DigestTitles { get; set; } = 3;

    public bool IsValid() => Every >= TimeSpan.Zero && InvitationWarning > TimeSpan.Zero && InvitationWarning <= TimeSpan.FromDays(30)
        && MilestoneLeadDays is >= 0 and <= 60 && DigestTitles is >= 1 and <= 10;
}

public static class ScheduleSetup
{
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ScheduleOptions>().Bind(configuration.GetSection(ScheduleOptions.Section))
            .Validate(options => options.IsValid(), "Notifications:Schedule: Every zero (off) or more, InvitationWarning above zero and at most 30 days, "
                + "MilestoneLeadDays 0–60, DigestTitles 1–10.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ScheduledNotices>();
        services.AddHostedService<ScheduleLoop>();
        return services;
    }
}

/// <summary>Runs <see cref="ScheduledNotices"/> every period by the clock; any number of instances may run it (keys make it once).</summary>
sealed class ScheduleLoop(ScheduledNotices job, DatabaseState state, IOptions<ScheduleOptions> options, TimeProvider clock,
    ILogger<ScheduleLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = options.Value.Every;
        if (every == TimeSpan.Zero)
        {
            return;
        }
        using var timer = new PeriodicTimer(every, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RunOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        if (!state.IsReady)
        {
            return;
        }
        try
        {
            var run = await job.RunAsync(clock.GetUtcNow().UtcDateTime, stoppingToken);
            logger.LogInformation("Scheduled notices written: {Run}", run);
        }
        catch (NpgsqlException error) when (!stoppingToken.IsCancellationRequested)
        {
            // The database may be away: the next period tries again, and nothing is half-written (one transaction per event).
            logger.LogWarning("Scheduled notices paused: {Error}", error.GetType().Name);
        }
    }
}
