using System.Text.Json.Serialization;

namespace Sdc.Api.Gateway;

/// <summary>Source-generated JSON for API Gateway's proxy events (AWS's own field names).</summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ProxyRequest))]
[JsonSerializable(typeof(ProxyResponse))]
public sealed partial class GatewayJsonContext : JsonSerializerContext;
