using Sdc.Ccsds;
using Sdc.Instruments;

namespace Sdc.Simulator.Instruments;

/// <summary>
/// EXI's packets for one orbit: per filter a dark frame and a flat-lamp frame, then the science
/// images, each frame cut into 64×64 tiles, one per packet, frames spread evenly over the window.
/// Pixel values follow <see cref="ExiTruth"/>: mean from the truth, noise Gaussian with the
/// Poisson variance of the electrons plus the read noise, rounded and clipped to 12 bits.
/// </summary>
internal static class ExiSimulator
{
    public static void Write(SpacePacketWriter writer, OrbitWindow window, SimulationOptions options, DeterministicRandom random, CancellationToken cancellationToken)
    {
        var size = options.ExiImageSize;
        var frames = new List<(ExiFilter Filter, ExiFrameType Type)>();
        foreach (var filter in ExiFilters.All)
        {
            frames.Add((filter, ExiFrameType.Dark));
        }
        foreach (var filter in ExiFilters.All)
        {
            frames.Add((filter, ExiFrameType.Flat));
        }
        var repeats = options.Scaled(options.ExiImagesPerFilter);
        for (var r = 0; r < repeats; r++)
        {
            foreach (var filter in ExiFilters.All)
            {
                frames.Add((filter, ExiFrameType.Science));
            }
        }

        // Mean and noise of every pixel depend only on filter and frame type: compute each once.
        var models = new Dictionary<(ExiFilter, ExiFrameType), PixelModel>();
        var pixels = new ushort[size * size];
        var tile = new ushort[ExiImageTile.DefaultTileSize * ExiImageTile.DefaultTileSize];
        var payload = new byte[ExiImageTile.PayloadLength(tile.Length)];
        for (var i = 0; i < frames.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (filter, type) = frames[i];
            if (!models.TryGetValue((filter, type), out var model))
            {
                model = PixelModel.Build(filter, type, size);
                models[(filter, type)] = model;
            }
            model.Expose(random, pixels);
            var imageId = (uint)((window.Orbit << 16) | i);
            var time = CucTime.FromDateTime(window.Slot(i, frames.Count));
            WriteTiles(writer, time, new ExiTileHeader(imageId, filter, type, ExiTruth.ExposureMs(filter, type), size, size, 0, 0, 0, 0), pixels, tile, payload);
        }
    }

    private static void WriteTiles(SpacePacketWriter writer, CucTime time, ExiTileHeader image, ushort[] pixels, ushort[] tile, byte[] payload)
    {
        var edge = ExiImageTile.DefaultTileSize;
        for (var y = 0; y < image.ImageHeight; y += edge)
        {
            for (var x = 0; x < image.ImageWidth; x += edge)
            {
                var w = Math.Min(edge, image.ImageWidth - x);
                var h = Math.Min(edge, image.ImageHeight - y);
                for (var row = 0; row < h; row++)
                {
                    pixels.AsSpan(((y + row) * image.ImageWidth) + x, w).CopyTo(tile.AsSpan(row * w));
                }
                var header = image with { TileX = x, TileY = y, TileWidth = w, TileHeight = h };
                var length = ExiImageTile.Encode(header, tile.AsSpan(0, w * h), payload);
                writer.Write(ExiImageTile.Apid, time, payload.AsSpan(0, length));
            }
        }
    }

    private sealed class PixelModel(float[] mean, float[] sigma)
    {
        public static PixelModel Build(ExiFilter filter, ExiFrameType type, int size)
        {
            var truth = ExiTruth.For(filter);
            var t = ExiTruth.ExposureMs(filter, type) / 1000.0;
            var mean = new float[size * size];
            var sigma = new float[size * size];
            for (var y = 0; y < size; y++)
            {
                for (var x = 0; x < size; x++)
                {
                    var signalElectrons = ExiTruth.Flat(filter, x, y, size, size) * ExiTruth.Signal(filter, type, x, y, size, size) * t;
                    var darkDn = ExiTruth.DarkRate(filter, x, y) * t;
                    var electrons = signalElectrons + (darkDn * truth.GainElectronsPerDn);
                    var i = (y * size) + x;
                    mean[i] = (float)(ExiTruth.BiasDn + (electrons / truth.GainElectronsPerDn));
                    sigma[i] = (float)Math.Sqrt((electrons / (truth.GainElectronsPerDn * truth.GainElectronsPerDn)) + (ExiTruth.ReadNoiseDn * ExiTruth.ReadNoiseDn));
                }
            }
            return new PixelModel(mean, sigma);
        }

        public void Expose(DeterministicRandom random, ushort[] pixels)
        {
            for (var i = 0; i < pixels.Length; i++)
            {
                var value = Math.Round(mean[i] + (sigma[i] * random.NextGaussian()));
                pixels[i] = (ushort)Math.Clamp(value, 0, TwelveBitPacking.MaxValue);
            }
        }
    }
}
