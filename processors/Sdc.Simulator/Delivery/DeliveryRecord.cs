using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sdc.Simulator.Delivery;

/// <summary>
/// The MOC's delivery record (<c>emm_moc_&lt;created&gt;_&lt;seq&gt;.pdr.json</c>), written after the
/// files it lists:
/// <code>
/// { "record": "&lt;its own file name&gt;", "created": "2021-02-25T00:00:00Z",
///   "files": [ { "name": "…", "size": 123, "md5": "32 lower-case hex digits" }, … ] }
/// </code>
/// Files are listed in ordinal order of name; the record does not list itself.
/// </summary>
public sealed record DeliveryRecord(
    [property: JsonPropertyName("record")] string Record,
    [property: JsonPropertyName("created")] DateTime Created,
    [property: JsonPropertyName("files")] IReadOnlyList<DeliveryRecordFile> Files)
{
    public void WriteTo(Stream stream) => JsonSerializer.Serialize(stream, this, DeliveryJsonContext.Default.DeliveryRecord);

    /// <summary>Reads a record; <see cref="JsonException"/> when it is not one.</summary>
    public static DeliveryRecord Read(Stream stream)
    {
        var record = JsonSerializer.Deserialize(stream, DeliveryJsonContext.Default.DeliveryRecord)
            ?? throw new JsonException("The delivery record is null.");
        if (record.Record is null || record.Files is null || record.Files.Any(f => f?.Name is null || f.Md5 is null))
        {
            throw new JsonException("A delivery record needs \"record\", \"created\" and \"files\" with \"name\", \"size\" and \"md5\" each.");
        }
        return record;
    }
}
