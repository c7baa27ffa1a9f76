using System.Security.Cryptography;
using System.Text.Json.Serialization;

namespace Sdc.Events;

/// <summary>
/// S3's "Object Created" event as Amazon EventBridge delivers it (S3 User Guide, "EventBridge event
/// message structure"). The Lambda functions receive it from an EventBridge rule; the local runtime
/// makes it with <see cref="Create"/>, so both paths feed the same bytes to the same parser.
/// </summary>
public sealed record S3ObjectCreatedEvent
{
    /// <summary>The <c>detail-type</c> of this event.</summary>
    public const string ObjectCreatedDetailType = "Object Created";

    /// <summary>The <c>source</c> of every S3 event on EventBridge.</summary>
    public const string S3Source = "aws.s3";

    [JsonPropertyName("version")]
    public string Version { get; init; } = "0";

    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    [JsonPropertyName("detail-type")]
    public string DetailType { get; init; } = ObjectCreatedDetailType;

    [JsonPropertyName("source")]
    public string Source { get; init; } = S3Source;

    /// <summary>The bucket owner's 12-digit account id.</summary>
    [JsonPropertyName("account")]
    public string Account { get; init; } = "";

    [JsonPropertyName("time")]
    [JsonConverter(typeof(EventBridgeTimeConverter))]
    public DateTimeOffset Time { get; init; }

    [JsonPropertyName("region")]
    public string Region { get; init; } = "";

    /// <summary>The bucket's ARN, alone.</summary>
    [JsonPropertyName("resources")]
    public IReadOnlyList<string> Resources { get; init; } = [];

    [JsonPropertyName("detail")]
    public S3ObjectCreatedDetail Detail { get; init; } = new();

    /// <summary>
    /// The event AWS would send for a new object. <paramref name="time"/> loses its fraction of a
    /// second, as EventBridge's <c>time</c> has none. The id is a fresh UUID and the request id a fresh
    /// random one; the account, when not given, is the twelve zeros of local emulators, the requester
    /// is the account, and the source address is the loopback address.
    /// </summary>
    /// <param name="bucket">The (physical) bucket name.</param>
    /// <param name="key">The plain object key; EventBridge does not URL-encode it.</param>
    /// <param name="size">Bytes, at least 0.</param>
    /// <param name="etag">The ETag without quotes, or null to leave it out.</param>
    /// <param name="time">When the object was written.</param>
    /// <param name="sequencer">
    /// A hexadecimal ordering token that grows with every write to the same key, so handlers can drop
    /// a late-arriving older event (<see cref="SequencerOrder"/>).
    /// </param>
    /// <param name="versionId">The object version, when the bucket is versioned.</param>
    /// <param name="reason">The API call, as AWS names it in <c>detail.reason</c>.</param>
    /// <param name="account">The bucket owner's account id.</param>
    /// <param name="region">The bucket's region.</param>
    /// <exception cref="ArgumentException">An empty bucket or key, or a sequencer that is not hexadecimal.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A negative size.</exception>
    public static S3ObjectCreatedEvent Create(
        string bucket,
        string key,
        long size,
        string? etag,
        DateTimeOffset time,
        string sequencer,
        string? versionId = null,
        string reason = "PutObject",
        string account = LocalDefaults.Account,
        string region = LocalDefaults.Region)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentException.ThrowIfNullOrEmpty(reason);
        ArgumentException.ThrowIfNullOrEmpty(account);
        ArgumentException.ThrowIfNullOrEmpty(region);
        if (!SequencerOrder.IsValid(sequencer))
        {
            throw new ArgumentException($"'{sequencer}' is not an S3 sequencer: expected one or more hexadecimal digits.", nameof(sequencer));
        }

        var utcTicks = time.UtcTicks;
        return new S3ObjectCreatedEvent
        {
            Id = Guid.NewGuid().ToString(),
            Account = account,
            Time = new DateTimeOffset(utcTicks - (utcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero),
            Region = region,
            Resources = [$"arn:aws:s3:::{bucket}"],
            Detail = new S3ObjectCreatedDetail
            {
                Bucket = new S3EventBridgeBucket { Name = bucket },
                Object = new S3EventBridgeObject
                {
                    Key = key,
                    Size = size,
                    ETag = etag,
                    VersionId = versionId,
                    Sequencer = sequencer,
                },
                // S3's request ids are 16 upper-case characters.
                RequestId = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)),
                Requester = account,
                SourceIpAddress = LocalDefaults.SourceIpAddress,
                Reason = reason,
            },
        };
    }
}
