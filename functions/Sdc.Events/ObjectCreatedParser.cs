using System.Text.Json;
using static Sdc.Events.JsonFields;

namespace Sdc.Events;

/// <summary>
/// Turns either form in which S3 reports new objects into <see cref="ObjectCreated"/> values: the
/// EventBridge "Object Created" event (one object) or an S3 notification with <c>Records</c> (a batch,
/// of which only <c>ObjectCreated:*</c> records are kept). Anything else, or a record missing what a
/// handler needs, throws <see cref="EventFormatException"/> naming the field.
/// </summary>
public static class ObjectCreatedParser
{
    private const string RecordsSource = "aws:s3";

    private const string ObjectCreatedPrefix = "ObjectCreated:";

    /// <summary>Parses UTF-8 JSON.</summary>
    /// <exception cref="EventFormatException">Not JSON, not one of the two forms, or a field missing or wrong.</exception>
    public static IReadOnlyList<ObjectCreated> Parse(ReadOnlySpan<byte> json)
    {
        using var document = EventJson.Parse(json);
        return Parse(document.RootElement);
    }

    /// <summary>Parses UTF-8 JSON read to the end of <paramref name="json"/>, e.g. a Lambda invocation payload.</summary>
    /// <exception cref="EventFormatException">Not JSON, not one of the two forms, or a field missing or wrong.</exception>
    public static IReadOnlyList<ObjectCreated> Parse(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = EventJson.Parse(json);
        return Parse(document.RootElement);
    }

    private static List<ObjectCreated> Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new EventFormatException("$", Got(root), EventJson.ExpectedEvent);
        }

        if (root.TryGetProperty("Records", out var records))
        {
            return ParseRecords(records);
        }

        if (root.TryGetProperty("detail-type", out _))
        {
            return [ParseEventBridge(root)];
        }

        throw new EventFormatException("$", "has neither 'detail-type' nor 'Records'", EventJson.ExpectedEvent);
    }

    private static ObjectCreated ParseEventBridge(JsonElement root)
    {
        var detailType = RequiredText(root, "detail-type", "", $"'{S3ObjectCreatedEvent.ObjectCreatedDetailType}'");
        if (detailType != S3ObjectCreatedEvent.ObjectCreatedDetailType)
        {
            throw new EventFormatException("detail-type", $"got {Quote(detailType)}", $"'{S3ObjectCreatedEvent.ObjectCreatedDetailType}'");
        }

        var source = RequiredText(root, "source", "", $"'{S3ObjectCreatedEvent.S3Source}'");
        if (source != S3ObjectCreatedEvent.S3Source)
        {
            throw new EventFormatException("source", $"got {Quote(source)}", $"'{S3ObjectCreatedEvent.S3Source}'");
        }

        var time = RequiredTime(root, "time", "");
        var detail = RequiredObject(root, "detail", "", "an object with 'bucket' and 'object'");
        var bucket = RequiredObject(detail, "bucket", "detail", "an object with the bucket's 'name'");
        var bucketName = RequiredText(bucket, "name", "detail.bucket", "the bucket name string");
        var item = RequiredObject(detail, "object", "detail", "an object with the object's 'key' and 'size'");

        // The key is used as it is. The S3 User Guide states URL-encoding only for the Records form
        // ("Event message structure": "The object key name value is URL encoded. For example, 'red
        // flower.jpg' becomes 'red+flower.jpg'"). Its EventBridge page ("EventBridge event message
        // structure", ev-events.html) has no such note, and its sample key, "example-key", needs none,
        // so the docs do not settle it outright. What does: events captured from S3 through EventBridge
        // carry keys with ':' unescaped ("raw/health-check/2023-08-08T14:03:40.532432.zip" in a
        // published capture), where the Records form sends "%3A" (aws/aws-sdk-js#837). Decoding here
        // would turn a real '+' in a key into a space and fetch the wrong object.
        var key = RequiredText(item, "key", "detail.object", "the object key string");
        var size = RequiredSize(item, "detail.object");
        var etag = OptionalText(item, "etag", "detail.object", "the ETag string");
        var sequencer = OptionalSequencer(item, "detail.object");
        return new ObjectCreated(bucketName, key, size, etag, sequencer, time);
    }

    private static List<ObjectCreated> ParseRecords(JsonElement records)
    {
        if (records.ValueKind != JsonValueKind.Array)
        {
            throw new EventFormatException("Records", Got(records), "an array of S3 event records");
        }

        var created = new List<ObjectCreated>();
        var index = 0;
        foreach (var record in records.EnumerateArray())
        {
            var path = $"Records[{index++}]";
            if (record.ValueKind != JsonValueKind.Object)
            {
                throw new EventFormatException(path, Got(record), "an S3 event record object");
            }

            CheckSourceAndVersion(record, path);
            var eventName = RequiredText(record, "eventName", path, "an S3 event type such as 'ObjectCreated:Put'");
            if (eventName.StartsWith(ObjectCreatedPrefix, StringComparison.Ordinal))
            {
                created.Add(ParseRecord(record, path));
            }
        }

        return created;
    }

    private static void CheckSourceAndVersion(JsonElement record, string path)
    {
        // A record from SQS or SNS wrapping the S3 event has a different source; saying so beats a
        // puzzling "missing s3" further down.
        const string expectedSource = $"'{RecordsSource}' (unwrap an SQS or SNS message before parsing the S3 event inside it)";
        var source = RequiredText(record, "eventSource", path, expectedSource);
        if (source != RecordsSource)
        {
            throw new EventFormatException($"{path}.eventSource", $"got {Quote(source)}", expectedSource);
        }

        // AWS raises the major version only for changes old readers cannot follow, and asks readers
        // to check it for equality (2.1, 2.2, 2.3 and later 2.x differ only in added fields).
        const string expectedVersion = "an S3 event structure version 2.x";
        var version = RequiredText(record, "eventVersion", path, expectedVersion);
        if (version != "2" && !version.StartsWith("2.", StringComparison.Ordinal))
        {
            throw new EventFormatException($"{path}.eventVersion", $"got {Quote(version)}", expectedVersion);
        }
    }

    private static ObjectCreated ParseRecord(JsonElement record, string path)
    {
        var time = RequiredTime(record, "eventTime", path);
        var s3Path = $"{path}.s3";
        var s3 = RequiredObject(record, "s3", path, "an object with 'bucket' and 'object'");
        var bucket = RequiredObject(s3, "bucket", s3Path, "an object with the bucket's 'name'");
        var bucketName = RequiredText(bucket, "name", $"{s3Path}.bucket", "the bucket name string");
        var objectPath = $"{s3Path}.object";
        var item = RequiredObject(s3, "object", s3Path, "an object with the object's 'key' and 'size'");

        const string expectedKey = "the URL-encoded object key ('+' for a space, %XX for each other encoded UTF-8 byte)";
        var encodedKey = RequiredText(item, "key", objectPath, expectedKey);
        var key = S3KeyDecoding.Decode(encodedKey, out var problem)
            ?? throw new EventFormatException($"{objectPath}.key", $"got {Quote(encodedKey)}, where {problem}", expectedKey);
        var size = RequiredSize(item, objectPath);
        var etag = OptionalText(item, "eTag", objectPath, "the ETag string");
        var sequencer = OptionalSequencer(item, objectPath);
        return new ObjectCreated(bucketName, key, size, etag, sequencer, time);
    }
}
