using System.Text.Json.Serialization;

namespace Sdc.Mission.Delivery;

/// <summary>One delivered file: name, size in bytes, MD5 as 32 lower-case hex digits.</summary>
public sealed record DeliveryRecordFile(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("md5")] string Md5);
