using System.Text.Json.Serialization;

namespace Sdc.Simulator.Delivery;

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(DeliveryRecord))]
internal sealed partial class DeliveryJsonContext : JsonSerializerContext;
