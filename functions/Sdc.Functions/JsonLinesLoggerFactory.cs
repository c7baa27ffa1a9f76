using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Sdc.Functions;

/// <summary>
/// Logs one JSON object per line on a writer (stdout in Lambda, where CloudWatch keeps each line
/// as an event and Logs Insights reads its fields): time, level, category, message and the
/// template's named values.
/// </summary>
public sealed class JsonLinesLoggerFactory(TextWriter output, LogLevel minimum = LogLevel.Information) : ILoggerFactory
{
    private readonly Lock _gate = new();

    public ILogger CreateLogger(string categoryName) => new JsonLinesLogger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private void Write<TState>(string category, LogLevel level, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("time", DateTimeOffset.UtcNow);
            json.WriteString("level", level.ToString());
            json.WriteString("category", category);
            json.WriteString("message", formatter(state, exception));
            if (state is IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                foreach (var (name, value) in values)
                {
                    if (name != "{OriginalFormat}")
                    {
                        json.WriteString(name, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                    }
                }
            }
            if (exception is not null)
            {
                json.WriteString("exception", exception.ToString());
            }
            json.WriteEndObject();
        }
        var line = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        lock (_gate)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }

    private sealed class JsonLinesLogger(JsonLinesLoggerFactory factory, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= factory._minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                factory.Write(category, logLevel, state, exception, formatter);
            }
        }
    }

    private readonly LogLevel _minimum = minimum;
}
