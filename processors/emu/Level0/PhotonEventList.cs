namespace Sdc.Processors.Emu.Level0;

/// <summary>
/// Photon events as columns (the L1 EVENTS table's layout): detector column <see cref="X"/>
/// (spectral) and row <see cref="Y"/> (spatial), 0–1023; <see cref="Time"/> in seconds after the
/// start of the event's frame; <see cref="Frame"/> the frame id. Event i is the i-th element of each.
/// </summary>
public sealed class PhotonEventList
{
    public PhotonEventList(short[] x, short[] y, double[] time, uint[] frame)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(frame);
        if (y.Length != x.Length || time.Length != x.Length || frame.Length != x.Length)
        {
            throw new ArgumentException($"Event columns differ in length: X {x.Length}, Y {y.Length}, TIME {time.Length}, FRAME {frame.Length}.");
        }
        X = x;
        Y = y;
        Time = time;
        Frame = frame;
    }

    public short[] X { get; }

    public short[] Y { get; }

    /// <summary>Seconds after the frame start: the packet's µs offset / 1e6.</summary>
    public double[] Time { get; }

    public uint[] Frame { get; }

    public int Count => X.Length;
}
