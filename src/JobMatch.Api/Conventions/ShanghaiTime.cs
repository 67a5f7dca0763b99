namespace JobMatch.Api.Conventions;

/// <summary>Times are stored as timestamptz in UTC; business days (overdue check-ins, closing dates) are counted in Asia/Shanghai.</summary>
public static class ShanghaiTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateOnly DateOf(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone));

    /// <summary>An instant as a Shanghai reader writes it, to the minute (rounded up, so "after" it is never too early).</summary>
    public static string Minute(DateTime utc)
    {
        var ticks = DateTime.SpecifyKind(utc, DateTimeKind.Utc).Ticks;
        var up = new DateTime((ticks + TimeSpan.TicksPerMinute - 1) / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, DateTimeKind.Utc);
        return TimeZoneInfo.ConvertTimeFromUtc(up, Zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow().UtcDateTime);

    /// <summary>The instant a Shanghai calendar day begins (its midnight), in UTC.</summary>
    public static DateTime StartUtc(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), Zone);

    /// <summary>Whole calendar days in Shanghai from one instant to another (a 23:30 → 00:30 step is one day).</summary>
    public static int DaysBetween(DateTime fromUtc, DateTime toUtc) => DateOf(toUtc).DayNumber - DateOf(fromUtc).DayNumber;
}
