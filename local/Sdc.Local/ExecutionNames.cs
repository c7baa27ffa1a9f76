using System.Globalization;
using System.Text;

namespace Sdc.Local;

/// <summary>
/// Execution names as Step Functions accepts them (1–80 of letters, digits, '-' and '_'), derived
/// from what started them, so the same manifest always names the same execution.
/// </summary>
public static class ExecutionNames
{
    public static string ForManifest(string manifestKey)
    {
        ArgumentNullException.ThrowIfNull(manifestKey);
        var name = Path.GetFileNameWithoutExtension(manifestKey);
        return Clean(name);
    }

    public static string ForReprocessing(string instrument, DateTimeOffset requestedAt) =>
        Clean($"reprocess-{instrument}-{requestedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture)}");

    private static string Clean(string name)
    {
        var clean = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            clean.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        }
        return clean.Length > 80 ? clean.ToString(0, 80) : clean.ToString();
    }
}
