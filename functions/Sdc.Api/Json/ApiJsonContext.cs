using System.Text.Json.Serialization;

namespace Sdc.Api.Json;

/// <summary>
/// Source-generated JSON for every API shape: camelCase, nulls written (a field is always
/// present, so clients can rely on the shape), unknown fields in request bodies refused.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(ProductPageDto))]
[JsonSerializable(typeof(FilePageDto))]
[JsonSerializable(typeof(ProductDetailDto))]
[JsonSerializable(typeof(IdsDto))]
[JsonSerializable(typeof(HeaderDto))]
[JsonSerializable(typeof(DownloadListDto))]
[JsonSerializable(typeof(CoverageDto))]
[JsonSerializable(typeof(RunListDto))]
[JsonSerializable(typeof(RunDetailDto))]
[JsonSerializable(typeof(JobDetailDto))]
[JsonSerializable(typeof(ReprocessRequestDto))]
[JsonSerializable(typeof(ReprocessAcceptedDto))]
[JsonSerializable(typeof(ReleaseDto))]
[JsonSerializable(typeof(ReleaseListDto))]
[JsonSerializable(typeof(ReleaseDetailDto))]
[JsonSerializable(typeof(ReleaseRequestDto))]
[JsonSerializable(typeof(UploadRequestDto))]
[JsonSerializable(typeof(UploadUrlDto))]
[JsonSerializable(typeof(MeDto))]
[JsonSerializable(typeof(ConfigDto))]
[JsonSerializable(typeof(ProblemDto))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
