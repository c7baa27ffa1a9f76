namespace Sdc.Api.Json;

// The product shapes of the API (see README.md). Field names are the contract: add, never rename.

internal sealed record ProductDto(
    long Id,
    string Name,
    string Key,
    string Kind,
    string? Instrument,
    string? Level,
    string? Descriptor,
    string? StartTime,
    string? EndTime,
    int? Orbit,
    string Version,
    bool IsLatest,
    long SizeBytes,
    string Md5,
    string Sha256,
    string IngestedAt,
    int? Release);

internal sealed record ProductPageDto(IReadOnlyList<ProductDto> Products, string? NextCursor);

internal sealed record FilePageDto(IReadOnlyList<ProductDto> Files, string? NextCursor);

internal sealed record LinkDto(long Id, string Name, string? Role);

internal sealed record LineageDto(IReadOnlyList<LinkDto> Inputs, IReadOnlyList<LinkDto> Derived);

internal sealed record VersionDto(long Id, string Version, bool IsLatest, int? Release);

internal sealed record ProductDetailDto(ProductDto Product, LineageDto Lineage, IReadOnlyList<VersionDto> Versions, JobDto? Job);

internal sealed record IdsDto(IReadOnlyList<long> Ids);

internal sealed record DownloadLinkDto(long Id, string Name, long SizeBytes, string Md5, string Sha256, string Url, string ExpiresAt);

internal sealed record DownloadListDto(IReadOnlyList<DownloadLinkDto> Files);

internal sealed record CoverageDayDto(string Instrument, string Day, long Files, string HighestLevel);

internal sealed record CoverageDto(IReadOnlyList<CoverageDayDto> Days);

internal sealed record HeaderCardDto(string Keyword, string? Value, string? Comment);

internal sealed record HeaderDto(IReadOnlyList<HeaderCardDto> Cards);
