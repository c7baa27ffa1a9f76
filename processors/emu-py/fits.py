"""A small FITS writer (primary HDU without data + BINTABLE extensions) with numpy.

It lays out headers exactly as the SDC's C# writer (processors/Sdc.Formats/Fits) does: the same
structural cards and comments, fixed-format values, comments aligned at column 31, long strings
with CONTINUE and LONGSTRN, and CHECKSUM/DATASUM (FITS 4.0 appendix J) last before END. So for the
same cards and data the bytes are the same as the C# processor's, and a re-run is byte-identical
(astropy's own writer stamps the current time into the CHECKSUM comment). Products are read back
with astropy in the tests; fitsverify reports no warnings.

    table = BinTable("EVENTS", [Column("X", x, "I", unit="pixel"), ...])
    table.header.append(("TZERO4", 2147483648, "FRAME is uint32"))
    data = to_bytes(primary_cards, [table])      # or to_chunks(...) to avoid one copy
"""

import numpy as np

BLOCK = 2880
CARD = 80
_CONTINUED_PIECE = 67        # 80 - 10 (prefix) - 2 (quotes) - 1 ('&')
_COMMENTARY_WIDTH = 72
_CHECKSUM_PLACEHOLDER = "0000000000000000"
_TYPES = {"L": ("u1", 1), "B": ("u1", 1), "I": (">i2", 2), "J": (">i4", 4), "K": (">i8", 8), "E": (">f4", 4), "D": (">f8", 8)}


class Comment:
    """A commentary card (COMMENT, HISTORY); text longer than 72 characters takes several cards."""

    def __init__(self, text, keyword="COMMENT"):
        self.keyword, self.text = keyword, text


class Column:
    """A fixed-width column: `letter` is the TFORM type (L B I J K E D A); for A, `repeat` is the width."""

    def __init__(self, name, values, letter, repeat=1, unit=None):
        self.name, self.letter, self.repeat, self.unit = name, letter, repeat, unit
        if letter == "A":
            self.values = np.asarray(values, dtype=f"S{repeat}")
        else:
            self.values = np.asarray(values, dtype=_TYPES[letter][0])

    @property
    def dtype(self):
        return (f"S{self.repeat}",) if self.letter == "A" else ((_TYPES[self.letter][0], (self.repeat,)) if self.repeat > 1 else (_TYPES[self.letter][0],))

    @property
    def width(self):
        return self.repeat * (1 if self.letter == "A" else _TYPES[self.letter][1])


class BinTable:
    def __init__(self, name, columns):
        self.columns = columns
        # EXTNAME first: the C# code names the HDU as it creates it, before adding other cards.
        self.header = [("EXTNAME", name, "extension name")]

    @property
    def rows(self):
        return len(self.columns[0].values) if self.columns else 0


def format_real(value):
    """A real number as .NET's "R" format writes it, with a decimal point and upper-case exponent."""
    text = repr(float(value))
    if "e" in text:
        mantissa, exponent = text.split("e")
        sign = "-" if exponent.startswith("-") else "+"
        text = f"{mantissa}E{sign}{abs(int(exponent)):02d}"
    mantissa, _, exponent = text.partition("E")
    if "." not in mantissa:
        mantissa += ".0"
    return mantissa + ("E" + exponent if exponent else "")


def _pad(line):
    return line[:CARD] if len(line) >= CARD else line.ljust(CARD)


def _with_comment(line, comment):
    # Comments line up after column 30 when they fit there; one that does not fit at all is cut.
    if comment is not None and len(line) + 4 <= CARD:
        aligned = line.ljust(30)
        line = (aligned if len(aligned) + 3 + len(comment) <= CARD else line) + " / " + comment
    return _pad(line)


def _check_text(text):
    if any(not " " <= c <= "~" for c in text):
        raise ValueError(f"FITS header text must be printable ASCII (32-126): '{text}'")
    return text


def card_lines(keyword, value, comment=None):
    """The card image(s) of one value card; returns (lines, needed CONTINUE)."""
    keyword = keyword.upper()
    if comment is not None:
        _check_text(comment)
    prefix = keyword.ljust(8) + "= "
    if isinstance(value, str):
        _check_text(value)
        escaped = value.replace("'", "''")
        if len(escaped) <= CARD - len(prefix) - 2:
            quoted = "''" if not escaped else "'" + escaped.ljust(8) + "'"
            return [_with_comment(prefix + quoted, comment)], False
        # Split the raw text so that a doubled quote never straddles two cards.
        pieces, current = [], ""
        for c in value:
            add = "''" if c == "'" else c
            if len(current) + len(add) > _CONTINUED_PIECE:
                pieces.append(current)
                current = ""
            current += add
        pieces.append(current)
        lines = []
        for i, piece in enumerate(pieces):
            head = prefix if i == 0 else "CONTINUE  "
            if i < len(pieces) - 1:
                lines.append(_pad(head + "'" + piece + "&'"))
            elif comment is None or len(head) + len(piece) + 2 + 3 + len(comment) <= CARD:
                lines.append(_with_comment(head + "'" + piece + "'", comment))
            else:
                lines.append(_pad(head + "'" + piece + "&'"))
                lines.append(_with_comment("CONTINUE  ''", comment))
        return lines, True
    if value is None:
        text = ""
    elif isinstance(value, (bool, np.bool_)):
        text = "T" if value else "F"
    elif isinstance(value, (int, np.integer)):
        text = str(int(value))
    elif isinstance(value, (float, np.floating)):
        if not np.isfinite(value):
            raise ValueError(f"FITS keyword {keyword}: {value} is not finite")
        text = format_real(value)
    else:
        raise TypeError(f"FITS keyword {keyword}: values of type {type(value).__name__} are not supported")
    return [_with_comment(prefix + text.rjust(20), comment)], False


def _commentary_lines(card):
    text = _check_text(card.text)
    if not text:
        return [_pad(card.keyword.ljust(8))]
    return [_pad(card.keyword.ljust(8) + text[i:i + _COMMENTARY_WIDTH]) for i in range(0, len(text), _COMMENTARY_WIDTH)]


def _header_lines(structural, user):
    lines = []
    for keyword, value, comment in structural:
        lines.extend(card_lines(keyword, value, comment)[0])
    user_lines, long_strings = [], False
    for card in user:
        if isinstance(card, Comment):
            user_lines.extend(_commentary_lines(card))
        else:
            new, continued = card_lines(*card)
            user_lines.extend(new)
            long_strings |= continued
    if long_strings:
        lines.extend(card_lines("LONGSTRN", "OGIP 1.0", "The OGIP long string convention may be used")[0])
    return lines + user_lines


def _fold(total):
    while total > 0xFFFFFFFF:
        total = (total & 0xFFFFFFFF) + (total >> 32)
    return total


def checksum_of(data):
    """The 32-bit ones'-complement sum of big-endian words (a trailing partial word zero-padded)."""
    data = np.frombuffer(data, dtype=np.uint8)
    whole = len(data) - len(data) % 4
    words = data[:whole].view(">u4")
    total = 0
    # uint64 partial sums cannot overflow within 2^28 words per slice.
    for start in range(0, len(words), 1 << 28):
        total += int(words[start:start + (1 << 28)].sum(dtype=np.uint64))
    if whole < len(data):
        total += int.from_bytes(data[whole:].tobytes().ljust(4, b"\0"), "big")
    return _fold(total)


def encode_checksum(total):
    """The 16-character CHECKSUM value that makes an HDU sum to negative zero (FITS 4.0 appendix J)."""
    excluded = set(b":;<=>?@[\\]^_`")
    value = ~total & 0xFFFFFFFF
    ascii_ = [0] * 16
    for i in range(4):
        byte = (value >> (24 - 8 * i)) & 0xFF
        quotient = byte // 4 + ord("0")
        ch = [quotient] * 4
        ch[0] += byte % 4
        again = True
        while again:
            again = False
            for x in excluded:
                for j in (0, 2):
                    if ch[j] == x or ch[j + 1] == x:
                        ch[j] += 1
                        ch[j + 1] -= 1
                        again = True
        for j in range(4):
            ascii_[4 * j + i] = ch[j]
    # The value starts at byte 11 of its card (3 mod 4): rotate one place right to line up.
    return "".join(chr(ascii_[(i + 15) % 16]) for i in range(16))


def _hdu_chunks(lines, data):
    """[header, data, padding]: the header's CHECKSUM makes the whole HDU sum to negative zero."""
    padding = (-len(data)) % BLOCK
    data_sum = checksum_of(data)
    checksum_line = len(lines)
    all_lines = list(lines)
    all_lines += card_lines("CHECKSUM", _CHECKSUM_PLACEHOLDER, "HDU checksum (FITS checksum convention)")[0]
    all_lines += card_lines("DATASUM", str(data_sum), "data unit checksum")[0]
    all_lines.append(_pad("END"))
    header = bytearray("".join(all_lines).encode("ascii"))
    header += b" " * ((-len(header)) % BLOCK)
    total = _fold(checksum_of(bytes(header)) + data_sum)
    at = checksum_line * CARD + 11
    header[at:at + 16] = encode_checksum(total).encode("ascii")
    return [bytes(header), data, b"\0" * padding]


def _table_data(table):
    record = np.zeros(table.rows, dtype=[(f"c{i}",) + c.dtype for i, c in enumerate(table.columns)])
    for i, column in enumerate(table.columns):
        if len(column.values) != table.rows:
            raise ValueError(f"column {column.name} has {len(column.values)} rows, column {table.columns[0].name} {table.rows}")
        record[f"c{i}"] = column.values
    return memoryview(record).cast("B")


def to_chunks(primary_cards, tables):
    """A whole FITS file as a list of byte buffers (no copy of the table data into one string):
    a primary HDU without data carrying `primary_cards`, then the tables. Cards are
    (keyword, value, comment) tuples or Comment objects, in order."""
    structural = [("SIMPLE", True, "conforms to FITS standard"), ("BITPIX", 8, "array data type"),
                  ("NAXIS", 0, "number of array dimensions")]
    if tables:
        structural.append(("EXTEND", True, "may contain extensions"))
    out = _hdu_chunks(_header_lines(structural, primary_cards), b"")
    for table in tables:
        structural = [("XTENSION", "BINTABLE", "binary table extension"), ("BITPIX", 8, "array data type"),
                      ("NAXIS", 2, "number of array dimensions"),
                      ("NAXIS1", sum(c.width for c in table.columns), "bytes per row"),
                      ("NAXIS2", table.rows, "number of rows"), ("PCOUNT", 0, "size of special data area"),
                      ("GCOUNT", 1, "one data group"), ("TFIELDS", len(table.columns), "number of columns")]
        for n, column in enumerate(table.columns, start=1):
            structural.append((f"TTYPE{n}", column.name, None))
            structural.append((f"TFORM{n}", f"{column.repeat}{column.letter}", None))
            if column.unit is not None:
                structural.append((f"TUNIT{n}", column.unit, None))
        out += _hdu_chunks(_header_lines(structural, table.header), _table_data(table))
    return [chunk for chunk in out if len(chunk)]


def to_bytes(primary_cards, tables):
    """The same file as one bytes object."""
    return b"".join(to_chunks(primary_cards, tables))
