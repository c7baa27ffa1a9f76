using System.Buffers;
using System.Globalization;
using System.Text;

namespace Sdc.Formats.Fits;

/// <summary>
/// Reads HDUs in order: header blocks up to END, then the data unit in chunks straight into the
/// HDU's arrays, summing header and data as they pass when checksums are to be verified. Every error
/// names the HDU, the byte offset (from where reading started), and what was expected.
/// </summary>
internal sealed class FitsReader(Stream stream, FitsReadOptions options)
{
    private const int ChunkSize = 256 * 1024;
    private const int Block = FitsStructure.BlockSize;
    private long _offset;

    public async Task<FitsFile> ReadAsync(bool async, CancellationToken cancellationToken)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("The FITS reader assumes a little-endian machine.");
        }

        var file = new FitsFile();
        var block = new byte[Block];
        for (var index = 0; ; index++)
        {
            var headerStart = _offset;
            var got = await ReadAsync(block, async, cancellationToken);
            if (got == 0 && index > 0)
            {
                return file;
            }

            if (got < Block)
            {
                throw new FitsFormatException(index, headerStart + got,
                    got == 0 ? "the stream is empty; expected a FITS primary header (SIMPLE = T)" : $"the stream ends {got} bytes into a 2880-byte header block; expected a whole block");
            }

            var headerSum = default(FitsChecksum);
            var cards = new List<(ParsedCard Card, long Offset)>();
            while (true)
            {
                headerSum.Add(block);
                if (ParseBlock(index, block, _offset - Block, cards))
                {
                    break;
                }

                got = await ReadAsync(block, async, cancellationToken);
                if (got < Block)
                {
                    throw new FitsFormatException(index, _offset, $"the stream ends inside the header ({cards.Count} cards read); expected more cards and an END card");
                }
            }

            var header = new RawHeader(index, cards);
            var (hdu, codec) = header.CreateHdu();
            var dataSum = await ReadDataAsync(index, codec, async, cancellationToken);
            if (options.VerifyChecksums)
            {
                header.VerifyChecksums(headerSum.Value, dataSum, headerStart, options.RequireChecksums);
            }

            file.Hdus.Add(hdu);
        }
    }

    /// <summary>Parses the cards of one block; true once END is found.</summary>
    private static bool ParseBlock(int index, byte[] block, long blockOffset, List<(ParsedCard, long)> cards)
    {
        for (var i = 0; i < Block; i += FitsCardFormat.CardLength)
        {
            var offset = blockOffset + i;
            var image = Encoding.Latin1.GetString(block, i, FitsCardFormat.CardLength);
            if (cards.Count == 0)
            {
                var first = image[..8].TrimEnd();
                if (index == 0 ? first != "SIMPLE" : first != "XTENSION")
                {
                    throw new FitsFormatException(index, offset, index == 0
                        ? $"the first card is '{image.TrimEnd()}'; expected SIMPLE = T (is this a FITS file?)"
                        : $"after the end of HDU {index - 1} the card is '{image.TrimEnd()}'; expected XTENSION = 'IMAGE' or 'BINTABLE' (or the end of the stream)");
                }
            }

            if (image.StartsWith("END     ", StringComparison.Ordinal))
            {
                return true;
            }

            try
            {
                cards.Add((FitsCardFormat.Parse(image), offset));
            }
            catch (FormatException e)
            {
                throw new FitsFormatException(index, offset, $"card {cards.Count + 1}: {e.Message}");
            }
        }

        return false;
    }

    private async Task<uint> ReadDataAsync(int index, DataCodec codec, bool async, CancellationToken cancellationToken)
    {
        var sum = default(FitsChecksum);
        var granularity = codec.Granularity;
        var chunk = Math.Max(granularity, ChunkSize / granularity * granularity);
        var buffer = ArrayPool<byte>.Shared.Rent(chunk);
        try
        {
            var dataStart = _offset;
            var remaining = codec.Length;
            while (remaining > 0)
            {
                var want = (int)Math.Min(chunk, remaining);
                var got = await ReadAsync(buffer.AsMemory(0, want), async, cancellationToken);
                if (got < want)
                {
                    throw new FitsFormatException(index, _offset,
                        $"the stream ends {_offset - dataStart} bytes into a data unit of {codec.Length} bytes; the file is truncated");
                }

                sum.Add(buffer.AsSpan(0, want));
                try
                {
                    codec.Consume(buffer.AsSpan(0, want));
                }
                catch (FormatException e)
                {
                    throw new FitsFormatException(index, _offset - want, e.Message);
                }

                remaining -= want;
            }

            var padding = (int)FitsStructure.Padding(codec.Length);
            if (padding > 0)
            {
                var got = await ReadAsync(buffer.AsMemory(0, padding), async, cancellationToken);
                if (got < padding)
                {
                    throw new FitsFormatException(index, _offset,
                        $"the stream ends {got} bytes into the {padding} bytes that pad the data unit to a 2880-byte block; the file is truncated");
                }

                sum.Add(buffer.AsSpan(0, padding));
            }

            return sum.Value;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads until the buffer is full or the stream ends; returns the bytes read.</summary>
    private async ValueTask<int> ReadAsync(Memory<byte> buffer, bool async, CancellationToken cancellationToken)
    {
        var got = async
            ? await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken)
            : stream.ReadAtLeast(buffer.Span, buffer.Length, throwOnEndOfStream: false);
        _offset += got;
        return got;
    }

    /// <summary>The parsed cards of one header and what they say about its HDU.</summary>
    private sealed class RawHeader(int index, List<(ParsedCard Card, long Offset)> cards)
    {
        public (FitsHdu Hdu, DataCodec Codec) CreateHdu()
        {
            var kind = index == 0 ? "PRIMARY" : (string)Required("XTENSION", "'IMAGE' or 'BINTABLE'", v => v is string).Value!;
            if (index == 0 && Required("SIMPLE", "T", v => v is bool).Value is false)
            {
                throw Error("SIMPLE", "SIMPLE = F: the file says it does not conform to the standard; expected SIMPLE = T");
            }

            var bitpix = (int)Integer("BITPIX", "8, 16, 32, 64, -32 or -64", v => v is 8 or 16 or 32 or 64 or -32 or -64);
            var naxis = (int)Integer("NAXIS", "0 to 999", v => v is >= 0 and <= 999);
            var axes = new int[naxis];
            for (var i = 0; i < naxis; i++)
            {
                axes[i] = (int)Integer($"NAXIS{i + 1}", "a non-negative integer below 2^31", v => v is >= 0 and <= int.MaxValue);
            }

            if (index == 0 && Find("GROUPS")?.Value is true)
            {
                throw Error("GROUPS", "random groups (GROUPS = T) are not supported; expected an ordinary primary array");
            }

            if (index > 0)
            {
                var pcount = Integer("PCOUNT", "0", v => v >= 0);
                Integer("GCOUNT", "1", v => v == 1);
                if (pcount != 0)
                {
                    throw Error("PCOUNT", $"PCOUNT = {pcount}: heaps (variable-length arrays) are not supported; expected 0");
                }
            }
            FitsHdu hdu;
            DataCodec codec;
            switch (kind.TrimEnd())
            {
                case "PRIMARY" or "IMAGE":
                    (hdu, codec) = CreateImage(bitpix, axes);
                    break;
                case "BINTABLE":
                    (hdu, codec) = CreateTable(bitpix, axes);
                    break;
                default:
                    throw Error("XTENSION", $"XTENSION = '{kind}' is not supported; expected 'IMAGE' or 'BINTABLE'");
            }

            CopyUserCards(hdu);
            return (hdu, codec);
        }

        public void VerifyChecksums(uint headerSum, uint dataSum, long headerStart, bool require)
        {
            var datasumCard = Find("DATASUM");
            var checksumCard = Find("CHECKSUM");
            if (datasumCard is null && checksumCard is null)
            {
                if (require)
                {
                    throw new FitsChecksumException(index, headerStart, "the header has no CHECKSUM or DATASUM; expected both (checksums are required)");
                }

                return;
            }

            if (datasumCard is not null)
            {
                var stated = datasumCard.Value.Value switch
                {
                    string s when uint.TryParse(s.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var u) => u,
                    long l when l is >= 0 and <= uint.MaxValue => (uint)l,
                    _ => throw new FitsChecksumException(index, Offset("DATASUM"), $"DATASUM = {datasumCard.Value.Value}; expected a quoted unsigned 32-bit integer"),
                };
                if (stated != dataSum)
                {
                    throw new FitsChecksumException(index, Offset("DATASUM"),
                        $"the data unit sums to {dataSum}, but DATASUM says {stated}: the data are corrupt");
                }
            }

            if (checksumCard is not null)
            {
                var total = FitsChecksum.Combine(headerSum, dataSum);
                if (total is not (0 or uint.MaxValue))
                {
                    throw new FitsChecksumException(index, Offset("CHECKSUM"),
                        $"CHECKSUM = '{checksumCard.Value.Value}' does not match: the HDU sums to 0x{total:X8}, expected 0xFFFFFFFF (negative zero){(datasumCard is null ? "" : "; DATASUM matched, so the header is corrupt")}");
                }
            }
        }

        private (FitsHdu, DataCodec) CreateImage(int bitpix, int[] axes)
        {
            var scale = Real("BSCALE", 1);
            var zero = Real("BZERO", 0);
            var count = axes.Length == 0 ? 0 : axes.Aggregate(1L, (p, a) => p * a);
            if (count > Array.MaxLength)
            {
                throw Error("NAXIS", $"{count} pixels are more than one array can hold ({Array.MaxLength})");
            }

            if (axes.Length == 0)
            {
                return (new ImageHdu(), new ImageDataCodec<byte>([]));
            }

            var (pixels, codec) = ImageHdu.CreateForReading(bitpix, scale, zero, (int)count);
            var hdu = ImageHdu.FromData(pixels, axes);
            if (!ImageHdu.IsUnsignedConvention(bitpix, scale, zero))
            {
                hdu.Scale = scale;
                hdu.Zero = zero;
            }

            return (hdu, codec);
        }

        private (FitsHdu, DataCodec) CreateTable(int bitpix, int[] axes)
        {
            if (bitpix != 8 || axes.Length != 2)
            {
                throw Error("BITPIX", $"a BINTABLE has BITPIX = 8 and NAXIS = 2, not BITPIX = {bitpix} and NAXIS = {axes.Length}");
            }

            var fields = (int)Integer("TFIELDS", "0 to 999", v => v is >= 0 and <= 999);
            var rows = axes[1];
            var table = new BinaryTableHdu();
            for (var n = 1; n <= fields; n++)
            {
                var tform = (string)Required($"TFORM{n}", "a quoted TFORM such as '1E' or '16A'", v => v is string).Value!;
                var (repeat, code) = ParseTform(n, tform);
                var name = Find($"TTYPE{n}")?.Value as string;
                var count = code == 'A' ? rows : (long)rows * repeat;
                if (count > Array.MaxLength)
                {
                    throw Error($"TFORM{n}", $"column {n} has {count} values, more than one array can hold");
                }

                Array values = code switch
                {
                    'L' => new bool[count],
                    'B' => new byte[count],
                    'I' => new short[count],
                    'J' => new int[count],
                    'K' => new long[count],
                    'E' => new float[count],
                    'D' => new double[count],
                    _ => new string[count],
                };
                var column = new FitsColumn(string.IsNullOrEmpty(name) ? $"COL{n}" : name, values, repeat)
                {
                    Unit = Find($"TUNIT{n}")?.Value as string,
                };
                if (Find($"TDIM{n}")?.Value is string tdim)
                {
                    try
                    {
                        column.Dimensions = tdim.Trim().TrimStart('(').TrimEnd(')').Split(',')
                            .Select(d => int.Parse(d.Trim(), NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
                    }
                    catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
                    {
                        throw Error($"TDIM{n}", $"TDIM{n} = '{tdim}'; expected '(d1,d2,...)' multiplying to the repeat count {repeat}");
                    }
                }

                table.Columns.Add(column);
            }

            if (table.RowWidth != axes[0])
            {
                throw Error("NAXIS1", $"NAXIS1 = {axes[0]}, but the TFORMs add up to {table.RowWidth} bytes per row");
            }

            return (table, new TableDataCodec(table.Columns, rows));
        }

        private (int Repeat, char Code) ParseTform(int n, string tform)
        {
            var text = tform.Trim();
            var digits = 0;
            while (digits < text.Length && char.IsAsciiDigit(text[digits]))
            {
                digits++;
            }

            var code = digits < text.Length ? text[digits] : '?';
            var repeat = digits == 0 ? 1 : int.TryParse(text.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : -1;
            var suffixOk = digits + 1 == text.Length || code == 'A';
            if (!"LBIJKEDA".Contains(code, StringComparison.Ordinal) || repeat < 1 || !suffixOk)
            {
                throw Error($"TFORM{n}", $"TFORM{n} = '{tform}' is not supported; expected a repeat count of at least 1 and one of L, B, I, J, K, E, D, A (no X, C, M, P or Q)");
            }

            return (repeat, code);
        }

        private void CopyUserCards(FitsHdu hdu)
        {
            var header = hdu.Header;
            for (var i = 0; i < cards.Count; i++)
            {
                var (card, _) = cards[i];
                if (card.IsCommentary)
                {
                    header.Add(FitsCard.Parsed(card.Keyword, null, card.Comment, isCommentary: true));
                    continue;
                }

                if (card.Keyword == "CONTINUE")
                {
                    // Not after a string ending in '&': keep its text rather than lose it.
                    header.Add(FitsCard.Parsed("COMMENT", null, $"CONTINUE {card.Value} {card.Comment}".TrimEnd(), isCommentary: true));
                    continue;
                }

                if (hdu.IsStructural(card.Keyword))
                {
                    continue;
                }

                var value = card.Value;
                var comment = card.Comment;
                while (value is string s && s.EndsWith('&') && i + 1 < cards.Count && cards[i + 1].Card is { Keyword: "CONTINUE", Value: string next } more)
                {
                    value = s[..^1] + next;
                    comment = string.Join(' ', new[] { comment, more.Comment }.Where(c => !string.IsNullOrEmpty(c)));
                    i++;
                }

                header.Add(FitsCard.Parsed(card.Keyword, value, string.IsNullOrEmpty(comment) ? null : comment, isCommentary: false));
            }
        }

        private ParsedCard? Find(string keyword)
        {
            foreach (var (card, _) in cards)
            {
                if (!card.IsCommentary && card.Keyword == keyword)
                {
                    return card;
                }
            }

            return null;
        }

        private long Offset(string keyword) => cards.FirstOrDefault(c => c.Card.Keyword == keyword).Offset;

        private ParsedCard Required(string keyword, string expected, Func<object?, bool> valid)
        {
            var card = Find(keyword);
            if (card is null)
            {
                throw new FitsFormatException(index, cards.Count > 0 ? cards[0].Offset : 0, $"the header has no {keyword} card; expected {keyword} = {expected}");
            }

            if (!valid(card.Value.Value))
            {
                throw Error(keyword, $"{keyword} = {Show(card.Value.Value)}; expected {expected}");
            }

            return card.Value;
        }

        private long Integer(string keyword, string expected, Func<long, bool> valid) =>
            (long)Required(keyword, expected, v => v is long l && valid(l)).Value!;

        private double Real(string keyword, double fallback)
        {
            return Find(keyword)?.Value switch
            {
                null => fallback,
                long l => l,
                double d => d,
                var other => throw Error(keyword, $"{keyword} = {Show(other)}; expected a number"),
            };
        }

        private FitsFormatException Error(string keyword, string message)
        {
            var position = cards.FindIndex(c => c.Card.Keyword == keyword);
            return new FitsFormatException(index, position < 0 ? 0 : cards[position].Offset, position < 0 ? message : $"card {position + 1}: {message}");
        }

        private static string Show(object? value) => value switch
        {
            null => "(no value)",
            string s => $"'{s}'",
            bool b => b ? "T" : "F",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
    }
}
