using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sdc.Pipeline;

/// <summary>
/// Writes <c>processors/versions.json</c> in one stable layout, so that a promotion's diff is the
/// lines that changed: an instrument per block in the order given, one line per release with its
/// fields in a fixed order (name, version, image, digest), two-space indentation, a final newline.
/// Saving goes through a temporary file and a rename: the file is never half-written.
/// </summary>
internal static class ProcessorVersionsWriter
{
    public static string Format(ProcessorVersions versions)
    {
        var text = new StringBuilder().Append("{\n");
        var instruments = versions.Instruments.ToList();
        for (var i = 0; i < instruments.Count; i++)
        {
            var instrument = instruments[i];
            text.Append("  ").Append(Quote(instrument)).Append(": {\n");
            text.Append("    ").Append(Quote(ProcessorVersionsReader.ProductionKey)).Append(": ").Append(Entry(versions.Production[instrument]));
            if (versions.Staging.TryGetValue(instrument, out var staged))
            {
                text.Append(",\n    ").Append(Quote(ProcessorVersionsReader.StagingKey)).Append(": ").Append(Entry(staged));
            }
            text.Append("\n  }").Append(i < instruments.Count - 1 ? ",\n" : "\n");
        }
        return text.Append("}\n").ToString();
    }

    public static void Save(ProcessorVersions versions, string path)
    {
        var text = Format(versions);
        var full = Path.GetFullPath(path);
        // Same folder as the target, so the rename stays on one file system and is atomic.
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text));
                // On disk before the rename: after a crash the file is the old one or the new one.
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private static string Entry(ProcessorRelease release)
    {
        var text = new StringBuilder("{ ")
            .Append("\"name\": ").Append(Quote(release.Name))
            .Append(", \"version\": ").Append(Quote(release.Version))
            .Append(", \"image\": ").Append(Quote(release.Image));
        if (release.Digest is { } digest)
        {
            text.Append(", \"digest\": ").Append(Quote(digest));
        }
        return text.Append(" }").ToString();
    }

    // Relaxed escaping: "+" in a version stays "+", not "\u002B".
    private static string Quote(string value) => $"\"{JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping)}\"";
}
