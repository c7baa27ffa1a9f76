using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sdc.Events;

/// <summary>
/// Writes <c>time</c> as EventBridge does: UTC with a <c>Z</c> and, as EventBridge's times are whole
/// seconds, no fraction unless the value has one (<c>2021-11-12T00:00:00Z</c>). The default converter
/// would write <c>+00:00</c>, which no AWS event carries. Reads any ISO-8601 time.
/// </summary>
internal sealed class EventBridgeTimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset().ToUniversalTime();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
    }
}
