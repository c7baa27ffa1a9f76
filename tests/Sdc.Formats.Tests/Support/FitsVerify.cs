namespace Sdc.Formats.Tests.Support;

/// <summary>HEASARC fitsverify: a file passes with 0 warnings and 0 errors (exit status = their count).</summary>
public static class FitsVerify
{
    public static async Task AssertCleanAsync(string path)
    {
        var (exit, output, error) = await ExternalTools.RunAsync(ExternalTools.FitsVerify, "-q", path);
        if (exit == 0 && output.Contains("verification OK", StringComparison.Ordinal))
        {
            return;
        }

        var report = await ExternalTools.RunAsync(ExternalTools.FitsVerify, path);
        Assert.Fail($"fitsverify rejects {Path.GetFileName(path)} (exit {exit}): {output}{error}\n{report.Output}");
    }
}
