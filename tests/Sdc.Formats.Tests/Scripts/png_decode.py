"""An independent PNG decoder (struct + zlib only): checks the signature, every chunk's CRC-32, the
IHDR fields, inflates the IDAT stream and undoes the five row filters. Prints JSON:
{"width", "height", "bit_depth", "color_type", "filters": [per row], "text": {k: v},
 "chunks": [types], "pixels": [flat samples, rows top to bottom]}."""
import json, struct, sys, zlib

data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "bad signature"
pos, chunks, idat, text = 8, [], b"", {}
while pos < len(data):
    (length,) = struct.unpack(">I", data[pos:pos + 4])
    kind = data[pos + 4:pos + 8]
    body = data[pos + 8:pos + 8 + length]
    (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
    assert zlib.crc32(kind + body) & 0xFFFFFFFF == crc, "CRC mismatch in " + kind.decode()
    chunks.append(kind.decode("ascii"))
    if kind == b"IHDR":
        width, height, depth, color, comp, filt, interlace = struct.unpack(">IIBBBBB", body)
        assert (comp, filt, interlace) == (0, 0, 0)
    elif kind == b"IDAT":
        idat += body
    elif kind == b"tEXt":
        key, value = body.split(b"\0", 1)
        text[key.decode("latin-1")] = value.decode("latin-1")
    pos += 12 + length
assert chunks[0] == "IHDR" and chunks[-1] == "IEND", chunks

channels = {0: 1, 2: 3}[color]
bpp = channels * depth // 8
stride = width * bpp
raw = zlib.decompress(idat)
assert len(raw) == height * (stride + 1), "IDAT inflates to %d bytes, expected %d" % (len(raw), height * (stride + 1))


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else (b if pb <= pc else c)


rows, filters, previous = [], [], bytearray(stride)
for y in range(height):
    f = raw[y * (stride + 1)]
    line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b = previous[i]
        c = previous[i - bpp] if i >= bpp else 0
        if f == 1:
            line[i] = (line[i] + a) & 0xFF
        elif f == 2:
            line[i] = (line[i] + b) & 0xFF
        elif f == 3:
            line[i] = (line[i] + ((a + b) >> 1)) & 0xFF
        elif f == 4:
            line[i] = (line[i] + paeth(a, b, c)) & 0xFF
        else:
            assert f == 0, "unknown filter %d" % f
    filters.append(f)
    rows.append(bytes(line))
    previous = line

pixels = []
for line in rows:
    if depth == 16:
        pixels.extend(struct.unpack(">%dH" % (len(line) // 2), line))
    else:
        pixels.extend(line)
print(json.dumps({"width": width, "height": height, "bit_depth": depth, "color_type": color,
                  "filters": filters, "text": text, "chunks": chunks, "pixels": pixels}))
