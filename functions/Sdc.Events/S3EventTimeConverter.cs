using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sdc.Events;

/// <summary>
/// Writes <c>eventTime</c> as S3 notification records carry it: UTC, always with milliseconds
/// (<c>1970-01-01T00:00:00.000Z</c>). Reads any ISO-8601 time.
/// </summary>
internal sealed class S3EventTimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset().ToUniversalTime();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
    }
}
