"""CCSDS space packets (CCSDS 133.0-B-2) with this mission's CUC secondary header, read with numpy.

Layout (processors/Sdc.Ccsds/README.md), big-endian:

    byte 0-1   version (3 bits, 0) | type (1) | secondary header flag (1) | APID (11; 0x7FF idle)
    byte 2-3   sequence flags (2) | sequence count (14, per APID, wraps at 16384)
    byte 4-5   packet data length = bytes after the primary header - 1
    byte 6-11  (secondary header flag set) CUC time: 4 bytes coarse seconds, 2 bytes fine (2^-16 s)
    byte 12-   user data

The CUC epoch is 2000-01-01T00:00:00 UTC and the count ignores leap seconds.

Framing is a walk (each packet's length says where the next starts), done in plain Python over
the header bytes only; everything per packet after that (headers, times, sequence gaps) is
vectorised. Errors carry the same texts and byte offsets as the C# Sdc.Ccsds reader.
"""

import numpy as np

PRIMARY_HEADER_LENGTH = 6
CUC_LENGTH = 6
IDLE_APID = 0x7FF
SEQUENCE_MODULUS = 1 << 14
FINE_UNITS_PER_SECOND = 1 << 16
TICKS_PER_SECOND = 10_000_000
# Mission epoch 2000-01-01T00:00:00Z as 100 ns ticks since 1970-01-01 (contract.UtcTime's origin).
EPOCH_TICKS = 946_684_800 * TICKS_PER_SECOND


class CcsdsFormatError(ValueError):
    """The bytes are not a valid packet stream; offset is the byte offset of the bad packet."""

    def __init__(self, offset, problem):
        super().__init__(f"CCSDS packet at byte offset {offset}: {problem}")
        self.offset, self.problem = offset, problem


class Packets:
    """The packets of a buffer as columns (numpy arrays), in stream order."""

    def __init__(self, data, offsets, lengths):
        self.data = data
        self.offsets = offsets                      # int64, byte offset of each packet
        self.lengths = lengths                      # int64, total bytes of each packet
        first = data[offsets].astype(np.uint16) << 8 | data[offsets + 1]
        second = data[offsets + 2].astype(np.uint16) << 8 | data[offsets + 3]
        self.has_time = (first & 0x0800) != 0
        self.apid = (first & IDLE_APID).astype(np.int32)
        self.sequence_flags = (second >> 14).astype(np.int8)
        self.sequence_count = (second & (SEQUENCE_MODULUS - 1)).astype(np.int32)

    def __len__(self):
        return len(self.offsets)

    def select(self, mask):
        chosen = Packets.__new__(Packets)
        chosen.data = self.data
        for name in ("offsets", "lengths", "has_time", "apid", "sequence_flags", "sequence_count"):
            setattr(chosen, name, getattr(self, name)[mask])
        return chosen

    def user_data_start(self):
        """Byte offset of each packet's user data (after the time code when there is one)."""
        return self.offsets + PRIMARY_HEADER_LENGTH + np.where(self.has_time, CUC_LENGTH, 0)

    def cuc(self):
        """(coarse, fine) time codes as uint32 / uint16 arrays (zeros where there is no time code)."""
        return read_be(self.data, self.offsets + 6, 4, np.uint32), read_be(self.data, self.offsets + 10, 2, np.uint16)


def read_be(data, at, size, dtype):
    """Big-endian unsigned integers of `size` bytes at each offset in `at` (reads past the end give 0)."""
    value = np.zeros(len(at), dtype=np.uint64)
    for k in range(size):
        index = at + k
        inside = index < len(data)
        byte = np.zeros(len(at), dtype=np.uint64)
        byte[inside] = data[index[inside]]
        value = (value << np.uint64(8)) | byte
    return value.astype(dtype)


def frame(data):
    """Splits a buffer (numpy uint8) into packets.

    Returns (Packets, error): every whole packet before the first framing problem, and that
    problem as a CcsdsFormatError (None for a clean stream). The caller decides which comes first
    when the packets before it also have problems.
    """
    raw = memoryview(data)
    size = len(data)
    offsets, lengths = [], []
    error = None
    at = 0
    while at < size:
        remaining = size - at
        if remaining < PRIMARY_HEADER_LENGTH:
            error = CcsdsFormatError(at, f"truncated: only {remaining} byte(s) remain, fewer than the "
                                         f"{PRIMARY_HEADER_LENGTH}-byte primary header")
            break
        identification = raw[at] << 8 | raw[at + 1]
        if identification >> 13 != 0:
            error = CcsdsFormatError(at, f"packet version {identification >> 13}, expected 0 (not a packet boundary, or corrupt data)")
            break
        length = (raw[at + 4] << 8 | raw[at + 5]) + PRIMARY_HEADER_LENGTH + 1
        if identification & 0x0800 and length < PRIMARY_HEADER_LENGTH + CUC_LENGTH:
            error = CcsdsFormatError(at, f"secondary header flag set but the data field has {length - PRIMARY_HEADER_LENGTH} "
                                         f"byte(s), fewer than the {CUC_LENGTH}-byte time code")
            break
        if remaining < length:
            error = CcsdsFormatError(at, f"packet length runs past the end of the data: APID {identification & IDLE_APID} "
                                         f"declares {length} bytes but only {remaining} remain")
            break
        offsets.append(at)
        lengths.append(length)
        at += length
    return Packets(data, np.asarray(offsets, dtype=np.int64), np.asarray(lengths, dtype=np.int64)), error


class SequenceGap:
    """A break in one APID's sequence counts: the packet at `offset` carries `actual` where `expected` was due."""

    def __init__(self, apid, offset, expected, actual):
        self.apid, self.offset, self.expected, self.actual = apid, int(offset), int(expected), int(actual)

    @property
    def missing(self):
        # Modulo 16384: a repeated or out-of-order packet shows as a gap of 16383 or close.
        return (self.actual - self.expected) & (SEQUENCE_MODULUS - 1)


def sequence_gaps(packets, apid):
    """Every gap in the sequence counts of one APID's packets, in stream order."""
    mine = packets.apid == apid
    counts = packets.sequence_count[mine]
    offsets = packets.offsets[mine]
    if len(counts) < 2:
        return []
    expected = (counts[:-1] + 1) & (SEQUENCE_MODULUS - 1)
    jumps = np.nonzero(counts[1:] != expected)[0]
    return [SequenceGap(apid, offsets[i + 1], expected[i], counts[i + 1]) for i in jumps]


def cuc_ticks(coarse, fine):
    """CUC time codes to 100 ns ticks since 1970 (as CucTime.ToDateTime rounds them)."""
    fine_ticks = (fine.astype(np.int64) * TICKS_PER_SECOND + FINE_UNITS_PER_SECOND // 2) // FINE_UNITS_PER_SECOND
    return EPOCH_TICKS + coarse.astype(np.int64) * TICKS_PER_SECOND + fine_ticks


def cuc_text(coarse, fine):
    """A time code as CucTime.ToString() writes it: yyyy-MM-ddTHH:mm:ss.ffffffZ."""
    import datetime
    ticks = int(cuc_ticks(np.array([coarse]), np.array([fine]))[0]) - EPOCH_TICKS
    moment = datetime.datetime(2000, 1, 1) + datetime.timedelta(microseconds=ticks // 10)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
