using System.Text;

namespace Sdc.Events.Tests;

/// <summary>Every way an event can be wrong gives an <see cref="EventFormatException"/> that names the field.</summary>
public sealed class BadEventTests
{
    private const string Bridge = SampleFiles.EventBridgeObjectCreated;
    private const string Records = SampleFiles.NotificationPut;

    /// <summary>Sample, member to change (value null: remove it), the path the error must name, and a word of what it must expect.</summary>
    public static TheoryData<string, string, string?, string, string> BadMembers => new()
    {
        { Bridge, "detail-type", "\"Object Deleted\"", "detail-type", "'Object Created'" },
        { Bridge, "detail-type", "3", "detail-type", "'Object Created'" },
        { Bridge, "source", "\"aws.ec2\"", "source", "'aws.s3'" },
        { Bridge, "source", null, "source", "'aws.s3'" },
        { Bridge, "time", null, "time", "ISO-8601" },
        { Bridge, "time", "\"yesterday\"", "time", "ISO-8601" },
        { Bridge, "time", "\"2021-11-12T00:00:00\"", "time", "zone" },
        { Bridge, "detail", null, "detail", "'bucket'" },
        { Bridge, "detail", "\"x\"", "detail", "'bucket'" },
        { Bridge, "detail.bucket", null, "detail.bucket", "'name'" },
        { Bridge, "detail.bucket.name", null, "detail.bucket.name", "bucket name" },
        { Bridge, "detail.bucket.name", "\"\"", "detail.bucket.name", "bucket name" },
        { Bridge, "detail.bucket.name", "7", "detail.bucket.name", "bucket name" },
        { Bridge, "detail.object", "[]", "detail.object", "'key'" },
        { Bridge, "detail.object.key", "null", "detail.object.key", "object key" },
        { Bridge, "detail.object.key", "\"\"", "detail.object.key", "object key" },
        { Bridge, "detail.object.size", null, "detail.object.size", "size in bytes" },
        { Bridge, "detail.object.size", "-1", "detail.object.size", "at least 0" },
        { Bridge, "detail.object.size", "\"5\"", "detail.object.size", "whole number" },
        { Bridge, "detail.object.size", "1.5", "detail.object.size", "whole number" },
        { Bridge, "detail.object.size", "1e400", "detail.object.size", "whole number" },
        { Bridge, "detail.object.etag", "5", "detail.object.etag", "ETag" },
        { Bridge, "detail.object.sequencer", "\"not-hex\"", "detail.object.sequencer", "hexadecimal" },
        { Records, "Records", "{}", "Records", "array" },
        { Records, "Records[0]", "\"x\"", "Records[0]", "record" },
        { Records, "Records[0].eventSource", "\"aws:sqs\"", "Records[0].eventSource", "unwrap" },
        { Records, "Records[0].eventVersion", "\"3.0\"", "Records[0].eventVersion", "2.x" },
        { Records, "Records[0].eventVersion", null, "Records[0].eventVersion", "2.x" },
        { Records, "Records[0].eventName", null, "Records[0].eventName", "ObjectCreated:Put" },
        { Records, "Records[0].eventTime", "\"1970-01-01\"", "Records[0].eventTime", "ISO-8601" },
        { Records, "Records[0].s3", null, "Records[0].s3", "'bucket'" },
        { Records, "Records[0].s3.bucket.name", null, "Records[0].s3.bucket.name", "bucket name" },
        { Records, "Records[0].s3.object.key", null, "Records[0].s3.object.key", "URL-encoded" },
        { Records, "Records[0].s3.object.key", "\"a%ZZb\"", "Records[0].s3.object.key", "URL-encoded" },
        { Records, "Records[0].s3.object.key", "\"100%\"", "Records[0].s3.object.key", "URL-encoded" },
        { Records, "Records[0].s3.object.key", "\"caf%C3\"", "Records[0].s3.object.key", "URL-encoded" },
        { Records, "Records[0].s3.object.size", "-5", "Records[0].s3.object.size", "at least 0" },
        { Records, "Records[0].s3.object.sequencer", "\"0055AED6DCD9028 1E5\"", "Records[0].s3.object.sequencer", "hexadecimal" },
    };

    [Theory]
    [MemberData(nameof(BadMembers))]
    public void Parse_BadMember_ThrowsNamingItsPath(string sample, string member, string? valueJson, string path, string expected)
    {
        var json = JsonEdit.Apply(sample, member, valueJson);

        var ex = Assert.Throws<EventFormatException>(() => ObjectCreatedParser.Parse(json));

        Assert.Equal(path, ex.Path);
        Assert.StartsWith($"{path}: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Expected, StringComparison.Ordinal);
        Assert.IsAssignableFrom<FormatException>(ex);
    }

    [Fact]
    public void Parse_MissingKey_SaysSoInTheDocumentedWords()
    {
        var json = JsonEdit.Apply(Bridge, "detail.object.key", null);

        var ex = Assert.Throws<EventFormatException>(() => ObjectCreatedParser.Parse(json));

        Assert.Equal("detail.object.key: missing; expected the object key string", ex.Message);
    }

    [Fact]
    public void Parse_NegativeSize_ShowsTheValue()
    {
        var json = JsonEdit.Apply(Bridge, "detail.object.size", "-1");

        var ex = Assert.Throws<EventFormatException>(() => ObjectCreatedParser.Parse(json));

        Assert.Equal("got -1", ex.Problem);
    }

    [Fact]
    public void Parse_BadSecondRecord_NamesItsIndex()
    {
        var json = Encoding.UTF8.GetString(SampleFiles.Bytes(Records));
        var record = json[(json.IndexOf('[', StringComparison.Ordinal) + 1)..json.LastIndexOf(']')];
        var twice = Encoding.UTF8.GetBytes($$"""{"Records":[{{record}},{{record.Replace("\"size\":1024", "\"size\":-1", StringComparison.Ordinal)}}]}""");

        var ex = Assert.Throws<EventFormatException>(() => ObjectCreatedParser.Parse(twice));

        Assert.Equal("Records[1].s3.object.size", ex.Path);
    }

    [Fact]
    public void Parse_BadKeyEscape_SaysWhere()
    {
        var json = JsonEdit.Apply(Records, "Records[0].s3.object.key", "\"ab%G1\"");

        var ex = Assert.Throws<EventFormatException>(() => ObjectCreatedParser.Parse(json));

        Assert.Contains("character 3", ex.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"detail-type\":")]
    [InlineData("{} {}")]
    [InlineData("{\"Records\":[]} x")]
    [InlineData("{\"Records\":[],} ")]
    [InlineData("// comment\n{\"Records\":[]}")]
    [InlineData("{\"Records\":[],\"Records\":[]}")]
    [InlineData("[]")]
    [InlineData("\"Object Created\"")]
    [InlineData("{}")]
    [InlineData("{\"version\":\"0\",\"source\":\"aws.s3\"}")]
    public void Parse_NotAnEvent_ThrowsNamingTheWholeEvent(string text)
    {
        var ex = Assert.Throws<EventFormatException>(() => ObjectCreatedParser.Parse(Encoding.UTF8.GetBytes(text)));

        Assert.Equal("$", ex.Path);
        Assert.Contains("'Object Created'", ex.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotJsonStream_ThrowsWithTheJsonErrorInside()
    {
        using var stream = new MemoryStream("{\"Records\": nope}"u8.ToArray());

        var ex = Assert.Throws<EventFormatException>(() => ObjectCreatedParser.Parse(stream));

        Assert.Equal("$", ex.Path);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(ex.InnerException);
    }
}
