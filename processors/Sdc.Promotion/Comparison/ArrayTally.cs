using Sdc.Promotion.Reports;
using Sdc.Promotion.Settings;

namespace Sdc.Promotion.Comparison;

/// <summary>Compares two arrays value by value as they are fed in, keeping what the report needs: counts, largest differences, the first value beyond the tolerance.</summary>
internal sealed class ArrayTally(Tolerance tolerance)
{
    private long _values;
    private long _outside;
    private long _nonFinite;
    private double _maxAbsolute;
    private double _maxRelative;
    private long _firstOutside = -1;

    public void Add(long index, double candidate, double baseline)
    {
        _values++;
        if (double.IsFinite(candidate) && double.IsFinite(baseline))
        {
            var difference = Math.Abs(candidate - baseline);
            _maxAbsolute = Math.Max(_maxAbsolute, difference);
            if (baseline != 0)
            {
                _maxRelative = Math.Max(_maxRelative, difference / Math.Abs(baseline));
            }
        }
        if (!tolerance.Allows(candidate, baseline))
        {
            MarkOutside(index);
            if (!double.IsFinite(candidate) || !double.IsFinite(baseline))
            {
                _nonFinite++;
            }
        }
    }

    /// <summary>For values that are equal or not, without a distance (text, logicals).</summary>
    public void AddExact(long index, bool equal)
    {
        _values++;
        if (!equal)
        {
            MarkOutside(index);
        }
    }

    public DataResult ToResult(string item, string toleranceText, Func<long, string> position) =>
        new(item, _values, _outside, _nonFinite, _maxAbsolute, _maxRelative, toleranceText, _firstOutside < 0 ? null : position(_firstOutside));

    private void MarkOutside(long index)
    {
        if (_outside++ == 0)
        {
            _firstOutside = index;
        }
    }
}
