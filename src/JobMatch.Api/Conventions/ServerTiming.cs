using System.Diagnostics;
using System.Globalization;

namespace JobMatch.Api.Conventions;

/// <summary>
/// Where a request's time went, as a W3C Server-Timing header (`sql;dur=12.3, score;dur=4.1`): browser developer tools
/// draw it, and the load tests read it. Stage names only: never a value from the request.
/// </summary>
public sealed class ServerTiming(HttpResponse response)
{
    readonly List<string> _stages = [];
    long _last = Stopwatch.GetTimestamp();

    /// <summary>Closes the stage that ran since the previous mark (or since this timer was made).</summary>
    public void Mark(string stage)
    {
        var now = Stopwatch.GetTimestamp();
        _stages.Add(string.Create(CultureInfo.InvariantCulture, $"{stage};dur={Stopwatch.GetElapsedTime(_last, now).TotalMilliseconds:0.0}"));
        _last = now;
        response.Headers["Server-Timing"] = string.Join(", ", _stages);
    }
}
