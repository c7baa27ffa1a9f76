namespace Sdc.Events;

/// <summary>
/// One new object, whichever way S3 reported it: the form the domain handlers take. <see cref="Key"/>
/// is the real key (already URL-decoded where the event had it encoded).
/// </summary>
/// <param name="Bucket">The bucket name as S3 gave it (physical, not SDC's logical name).</param>
/// <param name="Key">The object key, decoded.</param>
/// <param name="Size">Bytes.</param>
/// <param name="ETag">As S3 sent it (no quotes); absent in some events.</param>
/// <param name="Sequencer">
/// S3's ordering token for events on the same key; compare with <see cref="SequencerOrder"/>, never as
/// plain strings.
/// </param>
/// <param name="Time">When the event happened, in UTC.</param>
public sealed record ObjectCreated(string Bucket, string Key, long Size, string? ETag, string? Sequencer, DateTimeOffset Time);
