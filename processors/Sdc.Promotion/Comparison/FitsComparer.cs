using System.Globalization;
using Sdc.Formats.Fits;
using Sdc.Promotion.Reports;
using Sdc.Promotion.Settings;

namespace Sdc.Promotion.Comparison;

/// <summary>
/// Compares two FITS products HDU by HDU: kind and name, header (<see cref="HeaderComparer"/>),
/// shape (BITPIX, NAXISn, BSCALE/BZERO; a table's columns, their formats, units and row count)
/// and data: image pixels as physical values, table columns element by element, numbers within the
/// tolerance for that level, HDU and column, text and logicals exactly. Checksums are verified on
/// read, so a damaged file is a difference, not a crash.
/// </summary>
internal static class FitsComparer
{
    public static IReadOnlyList<HduResult> Compare(string candidatePath, string baselinePath, string level, ValidationSettings settings, List<Difference> differences)
    {
        var candidate = Load(candidatePath, "candidate", differences);
        var baseline = Load(baselinePath, "baseline", differences);
        if (candidate is null || baseline is null)
        {
            return [];
        }
        if (candidate.Hdus.Count != baseline.Hdus.Count)
        {
            differences.Add(new Difference("file", "HDUs", Names(candidate), Names(baseline), "different numbers of HDUs"));
        }
        var results = new List<HduResult>();
        for (var i = 0; i < Math.Min(candidate.Hdus.Count, baseline.Hdus.Count); i++)
        {
            results.Add(CompareHdu(i, candidate.Hdus[i], baseline.Hdus[i], level, settings, differences));
        }
        return results;
    }

    private static HduResult CompareHdu(int index, FitsHdu candidate, FitsHdu baseline, string level, ValidationSettings settings, List<Difference> differences)
    {
        var name = (baseline.Name ?? (index == 0 ? ValidationSettings.PrimaryHdu : "-")).ToUpperInvariant();
        var location = $"HDU {index} ({name})";
        var keywords = HeaderComparer.Compare(location, candidate.Header, baseline.Header, settings, differences);
        if (candidate.Kind != baseline.Kind)
        {
            differences.Add(new Difference(location, "XTENSION", candidate.Kind, baseline.Kind, "different kinds of HDU"));
            return new HduResult(index, name, baseline.Kind, keywords, []);
        }
        List<DataResult> data = (candidate, baseline) switch
        {
            (ImageHdu c, ImageHdu b) => CompareImage(location, c, b, settings.ToleranceFor(level, name), differences),
            (BinaryTableHdu c, BinaryTableHdu b) => CompareTable(location, c, b, column => settings.ToleranceFor(level, name, column), differences),
            _ => [],
        };
        return new HduResult(index, name, baseline.Kind, keywords, data);
    }

    private static List<DataResult> CompareImage(string location, ImageHdu candidate, ImageHdu baseline, Tolerance tolerance, List<Difference> differences)
    {
        string Shape(ImageHdu h) => string.Create(CultureInfo.InvariantCulture,
            $"BITPIX {h.Bitpix}, NAXIS ({string.Join(" x ", h.Axes)}), BSCALE {h.Scale:R}, BZERO {h.Zero:R}");
        if (candidate.Bitpix != baseline.Bitpix || !candidate.Axes.SequenceEqual(baseline.Axes) || candidate.Scale != baseline.Scale || candidate.Zero != baseline.Zero)
        {
            differences.Add(new Difference(location, "structure", Shape(candidate), Shape(baseline), "different image shapes or types"));
            return [];
        }
        if (baseline.Pixels is null)
        {
            return [];
        }
        var c = candidate.GetPhysicalValues();
        var b = baseline.GetPhysicalValues();
        var tally = new ArrayTally(tolerance);
        for (var i = 0; i < b.Length; i++)
        {
            tally.Add(i, c[i], b[i]);
        }
        var result = tally.ToResult("pixels", tolerance.ToString(), i => Pixel(i, baseline.Axes));
        Report(location, result, differences);
        return [result];
    }

    private static List<DataResult> CompareTable(string location, BinaryTableHdu candidate, BinaryTableHdu baseline, Func<string, Tolerance> toleranceOf,
        List<Difference> differences)
    {
        var candidateNames = candidate.Columns.Select(c => c.Name.ToUpperInvariant()).ToList();
        var baselineNames = baseline.Columns.Select(c => c.Name.ToUpperInvariant()).ToList();
        if (!candidateNames.SequenceEqual(baselineNames, StringComparer.Ordinal))
        {
            differences.Add(new Difference(location, "columns", string.Join(", ", candidateNames), string.Join(", ", baselineNames), "different columns"));
        }
        if (candidate.RowCount != baseline.RowCount)
        {
            differences.Add(new Difference(location, "NAXIS2", candidate.RowCount.ToString(CultureInfo.InvariantCulture),
                baseline.RowCount.ToString(CultureInfo.InvariantCulture), "different numbers of rows"));
            return [];
        }
        var results = new List<DataResult>();
        foreach (var b in baseline.Columns)
        {
            var c = candidate.Columns.FirstOrDefault(x => string.Equals(x.Name, b.Name, StringComparison.OrdinalIgnoreCase));
            if (c is null)
            {
                continue; // reported with the column lists above
            }
            var item = $"column {b.Name.ToUpperInvariant()}";
            string Shape(FitsColumn col) => $"{col.Format}{(col.Unit is null ? "" : $" [{col.Unit}]")}{(col.Dimensions is null ? "" : $" TDIM ({string.Join(",", col.Dimensions)})")}";
            if (Shape(c) != Shape(b))
            {
                differences.Add(new Difference(location, item, Shape(c), Shape(b), "different column formats, units or dimensions"));
                continue;
            }
            var tolerance = toleranceOf(b.Name.ToUpperInvariant());
            var tally = new ArrayTally(tolerance);
            string toleranceText;
            switch (b.Values)
            {
                case string[] text:
                    var other = (string[])c.Values;
                    for (var row = 0; row < text.Length; row++)
                    {
                        tally.AddExact(row, string.Equals((other[row] ?? "").TrimEnd(), (text[row] ?? "").TrimEnd(), StringComparison.Ordinal));
                    }
                    toleranceText = "exact";
                    break;
                case bool[] flags:
                    var otherFlags = (bool[])c.Values;
                    for (var i = 0; i < flags.Length; i++)
                    {
                        tally.AddExact(i, otherFlags[i] == flags[i]);
                    }
                    toleranceText = "exact";
                    break;
                default:
                    var candidateValues = Numbers(c.Values);
                    var baselineValues = Numbers(b.Values);
                    for (var i = 0; i < baselineValues.Length; i++)
                    {
                        tally.Add(i, candidateValues[i], baselineValues[i]);
                    }
                    toleranceText = tolerance.ToString();
                    break;
            }
            var repeat = b.TypeCode == 'A' ? 1 : b.Repeat;
            var result = tally.ToResult(item, toleranceText, i => repeat == 1
                ? string.Create(CultureInfo.InvariantCulture, $"row {i + 1}")
                : string.Create(CultureInfo.InvariantCulture, $"row {(i / repeat) + 1}, element {(i % repeat) + 1}"));
            Report(location, result, differences);
            results.Add(result);
        }
        return results;
    }

    private static void Report(string location, DataResult result, List<Difference> differences)
    {
        if (result.Outside > 0)
        {
            differences.Add(new Difference(location, result.Item, null, null, string.Create(CultureInfo.InvariantCulture,
                $"{result.Outside} of {result.Values} values outside {result.Tolerance}{(result.NonFinite > 0 ? $" ({result.NonFinite} NaN or infinite on one side only)" : "")}; " +
                $"first at {result.FirstOutside}; max |difference| {result.MaxAbsoluteDifference:G6}, max relative {result.MaxRelativeDifference:G6}")));
        }
    }

    private static double[] Numbers(Array values) => values switch
    {
        byte[] a => [.. a.Select(v => (double)v)],
        short[] a => [.. a.Select(v => (double)v)],
        int[] a => [.. a.Select(v => (double)v)],
        long[] a => [.. a.Select(v => (double)v)],
        float[] a => [.. a.Select(v => (double)v)],
        double[] a => a,
        _ => throw new InvalidOperationException($"Column values of type {values.GetType().Name} are not numeric."),
    };

    // FITS counts pixels from 1, NAXIS1 first, as ds9 and fitsverify show them.
    private static string Pixel(long index, IReadOnlyList<int> axes)
    {
        var coordinates = new long[axes.Count];
        for (var axis = 0; axis < axes.Count; axis++)
        {
            coordinates[axis] = (index % axes[axis]) + 1;
            index /= axes[axis];
        }
        return $"pixel [{string.Join(", ", coordinates)}]";
    }

    private static FitsFile? Load(string path, string role, List<Difference> differences)
    {
        try
        {
            return FitsFile.Load(path);
        }
        catch (FitsFormatException e)
        {
            differences.Add(new Difference("file", "FITS", null, null, $"the {role}'s file cannot be read: {e.Message}"));
            return null;
        }
    }

    private static string Names(FitsFile file) => string.Join(", ", file.Hdus.Select((h, i) => h.Name ?? (i == 0 ? ValidationSettings.PrimaryHdu : "-")));
}
