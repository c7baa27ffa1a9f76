using System.Buffers;
using System.Text;

namespace Sdc.Formats.Fits;

/// <summary>
/// Writes HDUs in one pass over their data: each chunk is converted to big-endian in a pooled buffer,
/// summed for DATASUM while still in cache, and written while the next chunk is converted. CHECKSUM depends on the data, yet precedes
/// it: on a seekable stream the header is written again once the data is out (same length: only two
/// card values change); otherwise the data is converted twice, once to sum it and once to write it.
/// </summary>
internal static class FitsWriter
{
    private const int ChunkSize = 256 * 1024;
    private const string ChecksumPlaceholder = "0000000000000000";
    private static readonly byte[] Zeros = new byte[FitsStructure.BlockSize];

    /// <summary>Validates the file and lays out its headers (before anything is written, so a mistake leaves no partial file).</summary>
    public static Prepared Prepare(FitsFile file, FitsWriteOptions options)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("The FITS writer assumes a little-endian machine.");
        }

        return new Prepared(Plan(file, options), options);
    }

    public static async Task WriteAsync(Prepared prepared, Stream stream, bool async, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var (plans, options) = (prepared.Plans, prepared.Options);
        var size = Math.Max(ChunkSize, plans.Max(p => p.Codec.Granularity));
        var buffers = new[] { ArrayPool<byte>.Shared.Rent(size), ArrayPool<byte>.Shared.Rent(size) };
        try
        {
            foreach (var plan in plans)
            {
                if (!options.Checksums)
                {
                    await WriteAsync(stream, plan.HeaderBytes(null), async, cancellationToken);
                    await WriteDataAsync(plan.Codec, stream, buffers, sum: false, async, cancellationToken);
                }
                else if (stream.CanSeek)
                {
                    var start = stream.Position;
                    await WriteAsync(stream, plan.HeaderBytes(0), async, cancellationToken);
                    var dataSum = await WriteDataAsync(plan.Codec, stream, buffers, sum: true, async, cancellationToken);
                    var end = stream.Position;
                    stream.Position = start;
                    await WriteAsync(stream, plan.HeaderBytes(dataSum), async, cancellationToken);
                    stream.Position = end;
                }
                else
                {
                    var dataSum = SumData(plan.Codec, buffers[0]);
                    plan.Codec.Reset();
                    await WriteAsync(stream, plan.HeaderBytes(dataSum), async, cancellationToken);
                    await WriteDataAsync(plan.Codec, stream, buffers, sum: false, async, cancellationToken);
                }
            }

            if (async)
            {
                await stream.FlushAsync(cancellationToken);
            }
            else
            {
                stream.Flush();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffers[0]);
            ArrayPool<byte>.Shared.Return(buffers[1]);
        }
    }

    private static List<HduPlan> Plan(FitsFile file, FitsWriteOptions options)
    {
        if (file.Hdus.Count == 0)
        {
            throw new InvalidOperationException("A FITS file needs at least a primary HDU.");
        }

        if (file.Hdus[0] is not ImageHdu)
        {
            throw new InvalidOperationException($"HDU 0 is a {file.Hdus[0].Kind}, but the primary HDU must be an image: put an empty ImageHdu first.");
        }

        var plans = new List<HduPlan>(file.Hdus.Count);
        for (var i = 0; i < file.Hdus.Count; i++)
        {
            var hdu = file.Hdus[i] ?? throw new InvalidOperationException($"HDU {i} is null.");
            var where = $"HDU {i} ({hdu.Kind})";
            hdu.Validate(where);
            var primary = i == 0;
            var cards = new List<FitsCard>
            {
                primary
                    ? new FitsCard("SIMPLE", true, "conforms to FITS standard")
                    : new FitsCard("XTENSION", hdu.Kind, hdu.Kind == "IMAGE" ? "image extension" : "binary table extension"),
            };
            hdu.AppendStructuralCards(cards, primary);
            if (primary && file.Hdus.Count > 1)
            {
                // After NAXISn, before anything else (FITS 4.0 section 4.4.2.1).
                cards.Insert(cards.FindIndex(c => c.Keyword == "NAXIS") + 1 + ((ImageHdu)hdu).Axes.Count, new FitsCard("EXTEND", true, "may contain extensions"));
            }

            var lines = new List<string>();
            foreach (var card in cards)
            {
                FitsCardFormat.Append(card, lines);
            }

            var userLines = new List<string>();
            var longStrings = false;
            foreach (var card in hdu.Header)
            {
                if (!card.IsCommentary && hdu.IsStructural(card.Keyword))
                {
                    throw new InvalidOperationException(
                        $"{where}: the header holds {card.Keyword}, which the writer derives from the HDU itself; remove it (set the pixels, Scale/Zero or columns instead).");
                }

                longStrings |= FitsCardFormat.Append(card, userLines);
            }

            if (longStrings)
            {
                FitsCardFormat.Append(new FitsCard("LONGSTRN", "OGIP 1.0", "The OGIP long string convention may be used"), lines);
            }

            lines.AddRange(userLines);
            plans.Add(new HduPlan(lines, hdu.CreateCodec(), options.Checksums));
        }

        return plans;
    }

    private static uint SumData(DataCodec codec, byte[] buffer)
    {
        var sum = default(FitsChecksum);
        int n;
        while ((n = codec.Fill(buffer)) > 0)
        {
            sum.Add(buffer.AsSpan(0, n));
        }

        return sum.Value;
    }

    /// <summary>
    /// Converts and writes the data unit and its padding; returns its sum when asked. With two buffers,
    /// the next chunk is converted (and summed) while the previous one is being written: on another
    /// core when writing synchronously, during the pending write when asynchronously.
    /// </summary>
    private static async Task<uint> WriteDataAsync(DataCodec codec, Stream stream, byte[][] buffers, bool sum, bool async, CancellationToken cancellationToken)
    {
        var checksum = default(FitsChecksum);
        var overlap = Environment.ProcessorCount > 1;
        long written = 0;
        var current = 0;
        var filled = Fill(codec, buffers[current], sum, ref checksum);
        while (filled > 0)
        {
            var chunk = buffers[current].AsMemory(0, filled);
            written += filled;
            current ^= 1;
            var next = buffers[current];
            if (!overlap)
            {
                await WriteAsync(stream, chunk, async, cancellationToken);
                filled = Fill(codec, next, sum, ref checksum);
            }
            else if (async)
            {
                var pending = stream.WriteAsync(chunk, cancellationToken);
                filled = Fill(codec, next, sum, ref checksum);
                await pending;
            }
            else
            {
                var (nextFilled, nextSum) = (0, checksum);
                try
                {
                    Parallel.Invoke(
                        () => stream.Write(chunk.Span),
                        () => nextFilled = Fill(codec, next, sum, ref nextSum));
                }
                catch (AggregateException e) when (e.InnerExceptions.Count == 1)
                {
                    // Callers expect the stream's own exception (an IOException), not a wrapper.
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
                }

                (filled, checksum) = (nextFilled, nextSum);
            }
        }

        if (written != codec.Length)
        {
            throw new InvalidOperationException($"Wrote {written} data bytes, expected {codec.Length}.");
        }

        await WriteAsync(stream, Zeros.AsMemory(0, (int)FitsStructure.Padding(written)), async, cancellationToken);
        return checksum.Value;
    }

    private static int Fill(DataCodec codec, byte[] buffer, bool sum, ref FitsChecksum checksum)
    {
        var n = codec.Fill(buffer);
        if (sum)
        {
            checksum.Add(buffer.AsSpan(0, n));
        }

        return n;
    }

    private static async ValueTask WriteAsync(Stream stream, ReadOnlyMemory<byte> bytes, bool async, CancellationToken cancellationToken)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        if (async)
        {
            await stream.WriteAsync(bytes, cancellationToken);
        }
        else
        {
            stream.Write(bytes.Span);
        }
    }

    /// <summary>A file laid out for writing; <see cref="Length"/> is its exact size in bytes.</summary>
    internal sealed class Prepared(List<HduPlan> plans, FitsWriteOptions options)
    {
        public List<HduPlan> Plans => plans;

        public FitsWriteOptions Options => options;

        public long Length => plans.Sum(p => p.HeaderLength + p.Codec.Length + FitsStructure.Padding(p.Codec.Length));
    }

    /// <summary>One HDU's header lines and data, ready to write.</summary>
    internal sealed class HduPlan(List<string> lines, DataCodec codec, bool checksums)
    {
        public DataCodec Codec => codec;

        public long HeaderLength
        {
            get
            {
                var bytes = (lines.Count + (checksums ? 2 : 0) + 1) * (long)FitsCardFormat.CardLength;
                return bytes + FitsStructure.Padding(bytes);
            }
        }

        /// <summary>The header blocks; with checksums, DATASUM holds <paramref name="dataSum"/> and CHECKSUM matches it.</summary>
        public byte[] HeaderBytes(uint? dataSum)
        {
            var all = new List<string>(lines);
            var checksumLine = -1;
            if (checksums)
            {
                checksumLine = all.Count;
                FitsCardFormat.Append(new FitsCard("CHECKSUM", ChecksumPlaceholder, "HDU checksum (FITS checksum convention)"), all);
                FitsCardFormat.Append(new FitsCard("DATASUM", (dataSum ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture), "data unit checksum"), all);
            }

            all.Add(FitsCardFormat.Pad("END"));
            var length = all.Count * FitsCardFormat.CardLength;
            var bytes = new byte[length + FitsStructure.Padding(length)];
            bytes.AsSpan().Fill((byte)' ');
            for (var i = 0; i < all.Count; i++)
            {
                Encoding.ASCII.GetBytes(all[i], bytes.AsSpan(i * FitsCardFormat.CardLength));
            }

            if (checksumLine >= 0)
            {
                var sum = FitsChecksum.Combine(FitsChecksum.Of(bytes), dataSum ?? 0);
                var value = (checksumLine * FitsCardFormat.CardLength) + 11;
                Encoding.ASCII.GetBytes(FitsChecksum.Encode(sum), bytes.AsSpan(value, ChecksumPlaceholder.Length));
            }

            return bytes;
        }
    }
}
