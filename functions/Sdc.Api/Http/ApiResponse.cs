namespace Sdc.Api.Http;

/// <summary>What the handler answers: status, content type, body and extra headers (e.g. Location).</summary>
public sealed record ApiResponse(int Status, string? ContentType, byte[] Body, IReadOnlyDictionary<string, string> Headers)
{
    public const string Json = "application/json";
    public const string ProblemJson = "application/problem+json";

    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    public static ApiResponse Ok(byte[] json, int status = 200) => new(status, Json, json, NoHeaders);

    /// <summary>A 302 to <paramref name="location"/> (a presigned URL); not cached, it expires.</summary>
    public static ApiResponse Redirect(Uri location) => new(302, null, [], new Dictionary<string, string>
    {
        ["Location"] = location.AbsoluteUri,
        ["Cache-Control"] = "no-store",
    });
}
