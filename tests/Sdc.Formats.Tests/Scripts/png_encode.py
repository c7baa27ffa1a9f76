"""Writes a PNG with Python's zlib and struct only, independently of Sdc.Formats: every row
filter in turn (0-4, applied here), a tEXt chunk, the image data split over several IDAT chunks
and an ancillary chunk to skip. Prints the pixels it encoded as JSON.
    png_encode.py <path> <gray8|gray16|rgb8> <width> <height>"""
import json, struct, sys, zlib

path, kind, width, height = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
depth, colour, channels, bpp = {"gray8": (8, 0, 1, 1), "gray16": (16, 0, 1, 2), "rgb8": (8, 2, 3, 3)}[kind]
top = 65535 if depth == 16 else 255
pixels = [(x * 7919 + y * 104729 + c * 31 + (x * y) % 97) % (top + 1)
          for y in range(height) for x in range(width) for c in range(channels)]

def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else (b if pb <= pc else c)

raw, previous = bytearray(), bytearray(width * bpp)
for y in range(height):
    row = bytearray()
    for value in pixels[y * width * channels:(y + 1) * width * channels]:
        row += struct.pack(">H", value) if depth == 16 else bytes([value])
    kind_of_filter = y % 5
    out = bytearray([kind_of_filter])
    for i in range(len(row)):
        a = row[i - bpp] if i >= bpp else 0
        b = previous[i]
        c = previous[i - bpp] if i >= bpp else 0
        predictor = [0, a, b, (a + b) // 2, paeth(a, b, c)][kind_of_filter]
        out.append((row[i] - predictor) & 0xFF)
    raw += out
    previous = row

def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

data = zlib.compress(bytes(raw), 9)
third = max(1, len(data) // 3)
with open(path, "wb") as f:
    f.write(b"\x89PNG\r\n\x1a\n")
    f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, 0)))
    f.write(chunk(b"tEXt", b"Software\x00png_encode.py"))
    f.write(chunk(b"gAMA", struct.pack(">I", 45455)))
    for start in range(0, len(data), third):
        f.write(chunk(b"IDAT", data[start:start + third]))
    f.write(chunk(b"IEND", b""))
print(json.dumps(pixels))
