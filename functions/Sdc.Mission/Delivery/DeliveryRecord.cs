using System.Globalization;
using System.Text.Json;

namespace Sdc.Mission.Delivery;

/// <summary>
/// The MOC's delivery record (<c>emm_moc_&lt;created&gt;_&lt;seq&gt;.pdr.json</c>), written after the
/// files it lists:
/// <code>
/// { "record": "&lt;its own file name&gt;", "created": "2021-02-25T00:00:00Z",
///   "files": [ { "name": "…", "size": 123, "md5": "32 lower-case hex digits" }, … ] }
/// </code>
/// Files are listed in ordinal order of name; the record does not list itself.
/// </summary>
public sealed record DeliveryRecord(
    [property: System.Text.Json.Serialization.JsonPropertyName("record")] string Record,
    [property: System.Text.Json.Serialization.JsonPropertyName("created")] DateTime Created,
    [property: System.Text.Json.Serialization.JsonPropertyName("files")] IReadOnlyList<DeliveryRecordFile> Files)
{
    /// <summary>Records larger than this are refused before parsing (a record lists names, not data).</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    public void WriteTo(Stream stream) => JsonSerializer.Serialize(stream, this, DeliveryJsonContext.Default.DeliveryRecord);

    /// <summary>
    /// Reads and checks a record field by field; <see cref="DeliveryRecordException"/> names the
    /// first field that is wrong. Unknown fields are refused too: a misspelt "md5" must not pass
    /// as a file without a checksum.
    /// </summary>
    public static DeliveryRecord Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new DeliveryRecordException("", $"more than {MaxBytes} bytes", "a JSON document of at most 16 MiB");
            }
            buffer.Write(chunk, 0, read);
        }
        return Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    public static DeliveryRecord Parse(ReadOnlyMemory<byte> json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new DeliveryRecordException("", $"not JSON ({e.Message})", "a JSON object");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new DeliveryRecordException("", $"a JSON {Describe(root)}", "a JSON object with \"record\", \"created\" and \"files\"");
            }
            RefuseUnknown(root, "", "record", "created", "files");
            var name = RequiredString(root, "record", "", "the record's own file name");
            var createdText = RequiredString(root, "created", "", "an ISO 8601 UTC time such as 2021-02-25T00:00:00Z");
            if (!DateTime.TryParse(createdText, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var created))
            {
                throw new DeliveryRecordException("created", $"'{createdText}'", "an ISO 8601 UTC time such as 2021-02-25T00:00:00Z");
            }
            if (!root.TryGetProperty("files", out var filesElement) || filesElement.ValueKind != JsonValueKind.Array)
            {
                throw new DeliveryRecordException("files", filesElement.ValueKind == JsonValueKind.Undefined ? "missing" : $"a JSON {Describe(filesElement)}", "an array of {\"name\", \"size\", \"md5\"}");
            }
            var files = new List<DeliveryRecordFile>(filesElement.GetArrayLength());
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var entry in filesElement.EnumerateArray())
            {
                files.Add(ReadFile(entry, $"files[{index}]", name, seen));
                index++;
            }
            if (files.Count == 0)
            {
                throw new DeliveryRecordException("files", "an empty array", "at least one delivered file");
            }
            return new DeliveryRecord(name, created, files);
        }
    }

    private static DeliveryRecordFile ReadFile(JsonElement entry, string path, string recordName, HashSet<string> seen)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw new DeliveryRecordException(path, $"a JSON {Describe(entry)}", "an object with \"name\", \"size\" and \"md5\"");
        }
        RefuseUnknown(entry, path + ".", "name", "size", "md5");
        var name = RequiredString(entry, "name", path + ".", "a file name");
        if (name.Length == 0 || name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name is "." or "..")
        {
            throw new DeliveryRecordException(path + ".name", $"'{name}'", "a plain file name without folders");
        }
        if (name == recordName)
        {
            throw new DeliveryRecordException(path + ".name", $"'{name}' (the record itself)", "a delivered file; the record does not list itself");
        }
        if (!seen.Add(name))
        {
            throw new DeliveryRecordException(path + ".name", $"'{name}' listed twice", "each file once");
        }
        if (!entry.TryGetProperty("size", out var sizeElement) || sizeElement.ValueKind != JsonValueKind.Number
            || !sizeElement.TryGetInt64(out var size) || size < 0)
        {
            throw new DeliveryRecordException(path + ".size", sizeElement.ValueKind == JsonValueKind.Undefined ? "missing" : $"{sizeElement.GetRawText()}", "the file's size in bytes, a whole number ≥ 0");
        }
        var md5 = RequiredString(entry, "md5", path + ".", "32 hexadecimal digits");
        if (md5.Length != 32 || !md5.All(char.IsAsciiHexDigit))
        {
            throw new DeliveryRecordException(path + ".md5", $"'{md5}'", "32 hexadecimal digits");
        }
        return new DeliveryRecordFile(name, size, md5.ToLowerInvariant());
    }

    private static string RequiredString(JsonElement parent, string property, string prefix, string expected)
    {
        if (!parent.TryGetProperty(property, out var value))
        {
            throw new DeliveryRecordException(prefix + property, "missing", expected);
        }
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new DeliveryRecordException(prefix + property, $"a JSON {Describe(value)}", expected);
    }

    private static void RefuseUnknown(JsonElement element, string prefix, params string[] known)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                throw new DeliveryRecordException(prefix + property.Name, "an unknown field", "only " + string.Join(", ", known.Select(k => $"\"{k}\"")));
            }
        }
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "value",
    };
}
