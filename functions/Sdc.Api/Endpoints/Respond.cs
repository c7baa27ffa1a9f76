using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Sdc.Api.Http;

namespace Sdc.Api.Endpoints;

/// <summary>Serializes an endpoint's answer with the API's source-generated JSON.</summary>
internal static class Respond
{
    public static ApiResponse Json<T>(T value, JsonTypeInfo<T> type, int status = 200) =>
        ApiResponse.Ok(JsonSerializer.SerializeToUtf8Bytes(value, type), status);
}
