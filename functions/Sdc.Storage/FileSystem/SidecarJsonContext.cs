using System.Text.Json.Serialization;

namespace Sdc.Storage.FileSystem;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Sidecar))]
internal sealed partial class SidecarJsonContext : JsonSerializerContext;
