using Sdc.Ccsds;
using Sdc.Instruments;

namespace Sdc.Simulator.Instruments;

/// <summary>
/// Spacecraft housekeeping for one orbit, every <see cref="SimulationOptions.HousekeepingInterval"/>:
/// slow sinusoids over the window with a little noise; simulated instruments in science mode, the
/// others in standby.
/// </summary>
internal static class HousekeepingSimulator
{
    public static void Write(SpacePacketWriter writer, OrbitWindow window, SimulationOptions options, DeterministicRandom random, CancellationToken cancellationToken)
    {
        var payload = new byte[HousekeepingPacket.PayloadLength];
        var samples = (int)(window.Duration.Ticks / options.HousekeepingInterval.Ticks);
        InstrumentMode ModeOf(string instrument) => options.Instruments.Contains(instrument) ? InstrumentMode.Science : InstrumentMode.Standby;
        for (var i = 0; i < samples; i++)
        {
            if (i % 1024 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            var time = window.Start + (options.HousekeepingInterval * i);
            var phase = 2 * Math.PI * i / samples;
            var record = new HousekeepingRecord(
                BusVoltage: 28.0 + (0.15 * Math.Sin(phase)) + (0.01 * random.NextGaussian()),
                BatteryVoltage: 32.4 + (0.6 * Math.Cos(phase)) + (0.01 * random.NextGaussian()),
                BusCurrent: 11.5 + (1.2 * Math.Sin(phase + 0.5)) + (0.02 * random.NextGaussian()),
                PanelTemperatureC: 35 + (20 * Math.Sin(phase)) + (0.1 * random.NextGaussian()),
                BatteryTemperatureC: 18 + (2 * Math.Sin(phase - 0.3)) + (0.05 * random.NextGaussian()),
                ExiTemperatureC: 12 + (3 * Math.Sin(phase)) + (0.05 * random.NextGaussian()),
                EmirsDetectorTemperatureC: EmirsTruth.DetectorTemperatureK - 273.15 + (0.5 * Math.Sin(phase)) + (0.02 * random.NextGaussian()),
                EmusDetectorTemperatureC: -15 + (1.5 * Math.Sin(phase)) + (0.05 * random.NextGaussian()),
                ExiMode: ModeOf("exi"),
                EmirsMode: ModeOf("emr"),
                EmusMode: ModeOf("emu"));
            HousekeepingPacket.Encode(record, payload);
            writer.Write(HousekeepingPacket.Apid, CucTime.FromDateTime(time), payload);
        }
    }
}
