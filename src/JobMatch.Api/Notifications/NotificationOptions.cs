namespace JobMatch.Api.Notifications;

/// <summary>Configuration section "Notifications": how this instance dispatches the outbox.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Whether this instance sends (false: it only writes messages; other instances send them).</summary>
    public bool Dispatch { get; set; } = true;

    /// <summary>How often an idle dispatcher looks for due messages; a full batch is followed by the next at once.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Messages claimed (locked) at once by one dispatcher.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>Attempts before a message is a dead letter.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure; it doubles after each next one, up to <see cref="RetryMax"/>, with jitter.</summary>
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryMax { get; set; } = TimeSpan.FromHours(1);

    public bool IsValid() => PollInterval > TimeSpan.Zero && BatchSize is >= 1 and <= 1000 && MaxAttempts is >= 1 and <= 100
        && RetryBase > TimeSpan.Zero && RetryMax >= RetryBase;

    /// <summary>
    /// The wait before the next attempt after <paramref name="failures"/> failures: base × 2^(failures−1), at most the maximum,
    /// of which a random half (equal jitter), so that messages that failed together do not come back together.
    /// </summary>
    public TimeSpan RetryAfter(int failures, double random)
    {
        var exponential = RetryBase.TotalMilliseconds * Math.Pow(2, Math.Clamp(failures - 1, 0, 30));
        var delay = Math.Min(exponential, RetryMax.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(delay / 2 + delay / 2 * random);
    }
}
