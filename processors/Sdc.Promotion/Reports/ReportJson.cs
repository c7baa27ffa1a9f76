using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sdc.Promotion.Reports;

/// <summary>Writes and reads a <see cref="ValidationReport"/> (UTF-8 JSON, as it is stored).</summary>
public static class ReportJson
{
    // Relaxed escaping: "l0 → l1" and "+" stay readable in the file rather than becoming \uXXXX.
    private static readonly ReportJsonContext Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static byte[] Serialize(ValidationReport report) => JsonSerializer.SerializeToUtf8Bytes(report, Context.ValidationReport);

    /// <exception cref="FormatException">Not a validation report of a schema this version reads; the message names <paramref name="source"/>.</exception>
    public static ValidationReport Deserialize(ReadOnlySpan<byte> json, string source)
    {
        ValidationReport? report;
        try
        {
            report = JsonSerializer.Deserialize(json, Context.ValidationReport);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{source}: not a validation report: {e.Message}", e);
        }
        if (report is null || report.Candidate is null || report.Baseline is null || report.Instrument is null)
        {
            throw new FormatException($"{source}: not a validation report (instrument, candidate and baseline are missing).");
        }
        return report.Schema == ValidationReport.CurrentSchema
            ? report
            : throw new FormatException($"{source}: report schema {report.Schema}; this sdc reads schema {ValidationReport.CurrentSchema}. Validate again.");
    }
}
