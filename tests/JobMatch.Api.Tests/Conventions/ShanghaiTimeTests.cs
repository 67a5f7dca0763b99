using JobMatch.Api.Conventions;

namespace JobMatch.Api.Tests.Conventions;

public sealed class ShanghaiTimeTests
{
    [Fact]
    public void DaysAreCountedOnShanghaiCalendar()
    {
        // 15:30 UTC is 23:30 in Shanghai; 16:30 UTC is already the next day there.
        var evening = new DateTime(2026, 3, 16, 15, 30, 0, DateTimeKind.Utc);
        Assert.Equal(new DateOnly(2026, 3, 16), ShanghaiTime.DateOf(evening));
        Assert.Equal(1, ShanghaiTime.DaysBetween(evening, evening.AddHours(1)));
        Assert.Equal(0, ShanghaiTime.DaysBetween(evening.AddHours(1), evening.AddHours(20)));
    }
}
