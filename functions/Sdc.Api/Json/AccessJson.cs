namespace Sdc.Api.Json;

// Releases, uploads, the caller and the sign-in configuration.

internal sealed record ReleaseDto(int Number, string Name, string Cutoff, string? Notes, string CreatedAt, long FileCount, string? Manifest);

internal sealed record ReleaseListDto(IReadOnlyList<ReleaseDto> Releases);

internal sealed record ReleaseFileDto(long Id, string Name, string Key, long SizeBytes, string Md5, string Sha256);

internal sealed record ReleaseDetailDto(ReleaseDto Release, IReadOnlyList<ReleaseFileDto> Files);

internal sealed record ReleaseRequestDto(string? Cutoff, string? Notes);

internal sealed record UploadRequestDto(string? Name);

internal sealed record UploadUrlDto(string Url, string Method, string Key, string ExpiresAt);

internal sealed record MeDto(string Username, IReadOnlyList<string> Groups);

internal sealed record AuthConfigDto(string? Endpoint, string? ClientId, string? Region);

internal sealed record ConfigDto(AuthConfigDto Auth);

internal sealed record ProblemDto(string Type, string Title, int Status, string Detail, string Instance, string? Parameter, string? Expected);
