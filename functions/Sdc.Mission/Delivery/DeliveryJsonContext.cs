using System.Text.Json.Serialization;

namespace Sdc.Mission.Delivery;

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(DeliveryRecord))]
internal sealed partial class DeliveryJsonContext : JsonSerializerContext;
