using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace JobMatch.Api.Tests.Infrastructure;

/// <summary>
/// Everything one service instance logs (at the levels its configuration lets through), kept so the test run can
/// check that no personal data was ever written to a log.
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    readonly ConcurrentQueue<string> lines = new();

    public IEnumerable<string> Lines => lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

    public void Dispose()
    {
    }

    sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // The message, every structured value and the whole exception: what any log sink could store.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(pair => $"{pair.Key}={pair.Value}")) : "";
            var line = $"{logLevel} {category}: {formatter(state, exception)} {values} {exception}";
            lines.Enqueue(line);
            // Fail the code that logged it, so the test that drove it fails where the leak happened.
            if (PersonalData.FindIn([line]) is var (value, _))
            {
                throw new InvalidOperationException("The service logged personal data: " + line.Replace(value, "«personal data»", StringComparison.Ordinal));
            }
        }
    }
}

/// <summary>Personal data the tests made up (names, ID numbers, phones): none of it may ever appear in a log.</summary>
public static class PersonalData
{
    static readonly ConcurrentDictionary<string, byte> Values = new();

    public static string Remember(string value)
    {
        Values.TryAdd(value, 0);
        return value;
    }

    /// <summary>The first remembered value found in the lines, with the line, or null.</summary>
    public static (string Value, string Line)? FindIn(IEnumerable<string> lines)
    {
        var values = Values.Keys.ToList();
        foreach (var line in lines)
        {
            foreach (var value in values.Where(value => line.Contains(value, StringComparison.Ordinal)))
            {
                return (value, line);
            }
        }
        return null;
    }
}
