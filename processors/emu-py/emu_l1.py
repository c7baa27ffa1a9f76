#!/usr/bin/env python3
"""EMUS l0 -> l1 in Python: CCSDS photon-event packets (APID 0x130) to an L1 event-list FITS file.

The same step, and the same L1 format, as the C# EMUS processor (processors/emu, its README and
Level1/EventListFile.cs), under the same SDC processor contract (contract.py), so the SDC may run
either. Usage:

    processors/emu-py/run --job job.json [--config emu-py.yaml] [--work dir]    (or SDC_JOB=<json>)

Per input L0 file: frame the packets, decode every event (vectorised with numpy), group packets
into frames, follow the sequence counts, then write one product
emm_emu_l1_<start>_<orbit>_evt_v<MM-mm>.fits with a primary HDU (provenance and summary keywords),
a BINTABLE EVENTS (X, Y, TIME, FRAME: one row per photon, in L0 stream order) and a BINTABLE
FRAMES (one row per frame). Gaps, incomplete frames, late events and foreign packets are warnings
and quality bits (exit 3); a framing or payload error rejects the job (exit 2) naming the file and
the byte offset of the bad packet.
"""

import os
import re
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import ccsds  # noqa: E402
import contract  # noqa: E402
import fits  # noqa: E402
from contract import BadInput, MessageCode  # noqa: E402

NAME = "emu"
VERSION = "1.0.0-py"
CONFIG_FILE = os.path.join(HERE, "emu-py.yaml")

# From mission.yaml: mission id and name, orbit digits, EMUS descriptors.
MISSION_ID = "emm"
MISSION_NAME = "Emirates Mars Mission"
ORBIT_DIGITS = 4
DESCRIPTORS = ("sci", "evt", "img", "spe")

APID = 0x130
PAYLOAD_HEADER = 14
EVENT_BYTES = 6
UINT32_ZERO = 2147483648

# Quality bits (as EmuQuality.cs): outputs.json quality, FITS QUALITY, FRAMES.QUALITY.
PACKETS_MISSING, INCOMPLETE_FRAME, EVENTS_OUTSIDE_FRAME = 1, 2, 4

BAD_PACKETS, BAD_PAYLOAD, NO_EVENTS, BAD_STEP = "EMUPY-E001", "EMUPY-E002", "EMUPY-E003", "EMUPY-E004"
PACKETS_MISSING_CODE, INCOMPLETE_FRAME_CODE, FOREIGN_PACKETS_CODE, LATE_EVENTS_CODE = "EMUPY-W001", "EMUPY-W002", "EMUPY-W003", "EMUPY-W004"
DECODED = "EMUPY-I001"

# Same table as MESSAGES.md (test_emu_l1.py keeps the two equal).
MESSAGES = [
    MessageCode(BAD_PACKETS, "error", "An L0 file is not a valid CCSDS packet stream (cut short, a packet length running past the end, a bad version): the job is rejected (exit 2) with the byte offset of the bad packet. As EMU-E001."),
    MessageCode(BAD_PAYLOAD, "error", "An EMUS packet's user data do not follow the photon-event layout, or contradict the other packets of its frame: the job is rejected (exit 2) with the packet's byte offset. As EMU-E002."),
    MessageCode(NO_EVENTS, "error", "An L0 file holds no EMUS photon-event packet (APID 0x130). As EMU-E003."),
    MessageCode(BAD_STEP, "error", "The job asks for a step this processor does not have (it makes l1 from l0 only), or an input is not an EMUS l0 file. As EMU-E004."),
    MessageCode(PACKETS_MISSING_CODE, "warning", "EMUS packets are missing: the sequence count jumps before the packet at the given offset. Quality bit 1. As EMU-W001."),
    MessageCode(INCOMPLETE_FRAME_CODE, "warning", "A frame arrived without some of its packets: its events are kept in L1 (FRAMES.QUALITY 2). Quality bit 2. As EMU-W002."),
    MessageCode(FOREIGN_PACKETS_CODE, "warning", "Packets of another APID were found in an EMUS L0 file and skipped. As EMU-W003."),
    MessageCode(LATE_EVENTS_CODE, "warning", "Events are time-tagged at or after the end of their frame; they are kept. Quality bit 4. As EMU-W004."),
    MessageCode(DECODED, "info", "An L0 file was decoded: packets, frames, events and time range. As EMU-I001."),
]


def quality_notes(quality):
    notes = []
    if quality & PACKETS_MISSING:
        notes.append("1: packets missing (sequence gap)")
    if quality & INCOMPLETE_FRAME:
        notes.append("2: incomplete frames")
    if quality & EVENTS_OUTSIDE_FRAME:
        notes.append("4: events timed outside their frame")
    if quality & 8:
        notes.append("8: events on dead flat-field pixels dropped")
    return notes


def net_double(value):
    """A double as .NET's default ToString() writes it (8 -> "8", 1e-06 -> "1E-06")."""
    value = float(value)
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    text = repr(value)
    if "e" in text:
        mantissa, exponent = text.split("e")
        text = f"{mantissa}E{'-' if exponent.startswith('-') else '+'}{abs(int(exponent)):02d}"
    return text


def iso(ticks):
    """100 ns ticks since 1970 as yyyy-MM-ddTHH:mm:ss.ffffff (EventListFile.Iso: microseconds truncated)."""
    whole = contract.UtcTime(ticks)
    seconds = whole.iso_seconds("")
    return seconds + ".%06d" % ((int(ticks) % contract.TICKS_PER_SECOND) // 10)


# --- decoding ------------------------------------------------------------------------------------

class PayloadError(ValueError):
    def __init__(self, offset, problem):
        super().__init__(f"EMUS packet at byte offset {offset}: {problem}")
        self.offset = int(offset)


class Level0:
    """What an EMUS L0 file holds (set by decode): events as columns (x, y, time, frame), frames as
    columns in order of their first packet (frame_id, coarse, fine, start_ticks, duration_us,
    packets_expected, packets_received, events, late, first_offset, frame_quality), the sequence
    gaps of APID 0x130, the EMUS packet count, foreign packets and the file's quality bits."""


def decode(data):
    """Decodes an L0 file's bytes (numpy uint8). Raises ccsds.CcsdsFormatError or PayloadError."""
    packets, framing_error = ccsds.frame(data)
    emus = packets.apid == APID
    foreign = ~emus & (packets.apid != ccsds.IDLE_APID)       # idle packets are skipped, not foreign
    mine = packets.select(emus)
    count = len(mine)

    user = mine.user_data_start()
    user_length = mine.offsets + mine.lengths - user
    frame_id = ccsds.read_be(data, user, 4, np.uint32)
    duration = ccsds.read_be(data, user + 4, 4, np.uint32)
    index = ccsds.read_be(data, user + 8, 2, np.uint16).astype(np.int64)
    announced = ccsds.read_be(data, user + 10, 2, np.uint16).astype(np.int64)
    events = ccsds.read_be(data, user + 12, 2, np.uint16).astype(np.int64)
    coarse, fine = mine.cuc()

    # Frames in order of their first packet; each packet compared with its frame's first one.
    _, first, group = np.unique(frame_id, return_index=True, return_inverse=True)
    order = np.argsort(first, kind="stable")
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    group = rank[group]                 # frame number (in order of first packet) of each packet
    first = first[order]                # index of each frame's first packet
    head = first[group]
    inconsistent = (coarse != coarse[head]) | (fine != fine[head]) | (duration != duration[head]) | (announced != announced[head])
    key = group * 65536 + index
    _, first_of_key = np.unique(key, return_index=True)
    repeated = np.ones(count, dtype=bool)
    repeated[first_of_key] = False

    # The C# decoder stops at the first bad packet, so the earliest problem is the one reported;
    # the checks of one packet run in its order.
    checks = [
        ~mine.has_time,
        user_length < PAYLOAD_HEADER,
        index >= announced,
        user_length < PAYLOAD_HEADER + EVENT_BYTES * events,
        inconsistent,
        repeated,
    ]
    bad = np.zeros(count, dtype=bool)
    for check in checks:
        bad |= check
    if bad.any():
        p = int(np.argmax(bad))
        raise PayloadError(mine.offsets[p], _payload_problem(p, checks, mine, frame_id, duration, index, announced, events,
                                                             user_length, coarse, fine, head))
    if framing_error is not None:
        raise framing_error

    # Events: every packet's event bytes gathered into one buffer, read as 6-byte records
    # (u16 + u32, big-endian: x·y·time = 10·10·28 bits), then split with shifts and masks.
    starts = (user + PAYLOAD_HEADER).tolist()
    ends = (user + PAYLOAD_HEADER + EVENT_BYTES * events).tolist()
    raw = np.concatenate([data[a:b] for a, b in zip(starts, ends)] or [np.zeros(0, np.uint8)])
    words = raw.view(np.dtype([("high", ">u2"), ("low", ">u4")]))
    high, low = words["high"].astype(np.uint32), words["low"]
    x = (high >> 6).astype(np.int16)
    y = (((high & 0x3F) << 4) | (low >> 28)).astype(np.int16)
    offset_us = (low & 0x0FFFFFFF).astype(np.uint32)
    del raw, words, high, low
    event_frame = np.repeat(frame_id, events)
    # Late events (at or after the frame's end) are rare: count them only in packets whose latest
    # event is late.
    has_events = events > 0
    packet_first_event = np.cumsum(events) - events
    latest = np.zeros(count, dtype=np.uint32)
    if len(offset_us):
        latest[has_events] = np.maximum.reduceat(offset_us, packet_first_event[has_events])
    late_per_packet = np.zeros(count, dtype=np.int64)
    for p in np.nonzero(has_events & (latest >= duration))[0]:
        span = offset_us[packet_first_event[p]:packet_first_event[p] + events[p]]
        late_per_packet[p] = int(np.count_nonzero(span >= duration[p]))

    frames = len(first)
    result = Level0()
    result.x, result.y, result.time, result.frame = x, y, offset_us / 1e6, event_frame
    result.frame_id = frame_id[first]
    result.coarse, result.fine = coarse[first], fine[first]
    result.start_ticks = ccsds.cuc_ticks(result.coarse, result.fine)
    result.duration_us = duration[first].astype(np.int64)
    result.packets_expected = announced[first]
    result.packets_received = np.bincount(group, minlength=frames).astype(np.int64)
    result.events = np.bincount(group, weights=events, minlength=frames).astype(np.int64)
    result.late = np.bincount(group, weights=late_per_packet, minlength=frames).astype(np.int64)
    result.first_offset = mine.offsets[first]
    result.frame_quality = (np.where(result.packets_received != result.packets_expected, INCOMPLETE_FRAME, 0)
                            | np.where(result.late > 0, EVENTS_OUTSIDE_FRAME, 0)).astype(np.int32)
    result.gaps = ccsds.sequence_gaps(packets, APID)
    result.packets = count
    result.foreign = int(foreign.sum())
    result.foreign_first = int(packets.offsets[np.argmax(foreign)]) if result.foreign else None
    result.quality = ((PACKETS_MISSING if result.gaps else 0) | int(np.bitwise_or.reduce(result.frame_quality))) if frames else 0
    return result


def _payload_problem(p, checks, mine, frame_id, duration, index, announced, events, user_length, coarse, fine, head):
    which = next(i for i, check in enumerate(checks) if check[p])
    if which == 0:
        return "no secondary header, so no frame start time"
    if which == 1:
        return f"EMUS packet header: {user_length[p]} bytes of user data, the layout needs {PAYLOAD_HEADER}."
    if which == 2:
        return f"EMUS packet: index {index[p]} of {announced[p]} packets."
    if which == 3:
        return f"EMUS packet of {events[p]} events: {user_length[p]} bytes of user data, the layout needs {PAYLOAD_HEADER + EVENT_BYTES * events[p]}."
    h = head[p]
    if which == 4:
        return (f"frame {frame_id[p]}: this packet says start {ccsds.cuc_text(coarse[p], fine[p])}, {duration[p]} µs, {announced[p]} packets; "
                f"its first packet (offset {mine.offsets[h]}) said {ccsds.cuc_text(coarse[h], fine[h])}, {duration[h]} µs, {announced[h]} packets")
    return f"frame {frame_id[p]}: packet {index[p]} of {announced[p]} arrives twice"


# --- the L1 file ---------------------------------------------------------------------------------

def time_range(level0):
    """(start, end) in ticks: the start of the first frame and the end of the last."""
    return int(level0.start_ticks.min()), int((level0.start_ticks + level0.duration_us * 10).max())


def _stored_uint32(values):
    return (np.asarray(values, dtype=np.uint32) ^ np.uint32(0x80000000)).view(np.int32)


def provenance(job, level):
    """FitsProvenance.Stamp: mission, instrument, level, processor, job, creation time and every file's MD5."""
    cards = [("ORIGIN", "EMM SDC", "Science Data Center that made this file"), ("MISSION", MISSION_NAME, None),
             ("INSTRUME", job.instrument.upper(), "Instrument"), ("LEVEL", level.upper(), "Processing level"),
             ("VERSION", job.product_version, "Product version (major-minor)"), ("PROCNAME", job.processor["name"], "Processor"),
             ("PROCVER", job.processor["version"], "Processor version")]
    if job.processor["image"] is not None:
        cards.append(("PROCIMG", job.processor["image"], "Processor container image"))
    cards.append(("JOBID", job.job_id, "SDC job that made this file"))
    cards.append(("DATE", job.creation_time.iso_seconds(""), "Creation time (UTC)"))
    for name_key, md5_key, files in (("INPUT", "INMD5", job.inputs), ("KERNEL", "KRMD5", job.kernels), ("CALIB", "CLMD5", job.calibration)):
        cards.append((("N" + name_key)[:8], len(files), f"Number of {name_key.lower()} files"))
        for i, file in enumerate(files, start=1):
            cards.append(((name_key + str(i))[:8], file.name, None))
            cards.append(((md5_key + str(i))[:8], file.md5, None))
    return cards


def level1_fits(level0, orbit, job):
    """The L1 event list (EventListFile.Create + FitsProvenance.Stamp) as FITS, a list of byte buffers."""
    start, end = time_range(level0)
    missing = sum(g.missing for g in level0.gaps)
    primary = [
        ("TELESCOP", "EMM", "Emirates Mars Mission"),
        ("DETNAM", "EMUS", "Emirates Mars Ultraviolet Spectrometer"),
        ("TIMESYS", "UTC", "times are UTC"),
        ("DATE-BEG", iso(start), "start of the first frame (UTC)"),
        ("DATE-END", iso(end), "end of the last frame (UTC)"),
        ("ORBIT", orbit, "orbit number"),
        ("QUALITY", level0.quality, "quality bits: 1 gap, 2 incomplete frame, 4 late events"),
        ("NFRAMES", len(level0.frame_id), "frames (rows of FRAMES)"),
        ("NEVENTS", len(level0.x), "photon events (rows of EVENTS)"),
        ("NPACKETS", level0.packets, "EMUS packets read"),
        ("PKTMISS", missing, "packets missing in sequence gaps"),
        ("NGAPS", len(level0.gaps), "sequence-count gaps"),
    ] + provenance(job, "l1")

    events = fits.BinTable("EVENTS", [
        fits.Column("X", level0.x, "I", unit="pixel"),
        fits.Column("Y", level0.y, "I", unit="pixel"),
        fits.Column("TIME", level0.time, "D", unit="s"),
        fits.Column("FRAME", _stored_uint32(level0.frame), "J"),
    ])
    events.header += [
        ("TZERO4", UINT32_ZERO, "FRAME is uint32"),
        ("TLMIN1", 0, "first detector column"), ("TLMAX1", 1023, "last detector column"),
        ("TLMIN2", 0, "first detector row"), ("TLMAX2", 1023, "last detector row"),
        fits.Comment("X: detector column (spectral axis), Y: detector row (spatial axis)."),
        fits.Comment("TIME: seconds after the start of frame FRAME (FRAMES.START)."),
    ]

    frames = fits.BinTable("FRAMES", [
        fits.Column("FRAME", _stored_uint32(level0.frame_id), "J"),
        fits.Column("START", level0.coarse.astype(np.float64) + level0.fine / float(ccsds.FINE_UNITS_PER_SECOND), "D", unit="s"),
        fits.Column("START_UTC", [iso(t).encode("ascii") for t in level0.start_ticks], "A", repeat=26),
        fits.Column("DURATION", level0.duration_us / 1e6, "D", unit="s"),
        fits.Column("NPACKETS", level0.packets_expected, "J"),
        fits.Column("PACKETS", level0.packets_received, "J"),
        fits.Column("EVENTS", level0.events, "J"),
        fits.Column("LATE", level0.late, "J"),
        fits.Column("QUALITY", level0.frame_quality, "J"),
        fits.Column("L0OFFSET", level0.first_offset, "K", unit="byte"),
    ])
    frames.header += [
        ("TZERO1", UINT32_ZERO, "FRAME is uint32"),
        fits.Comment("START: packet time code, s since 2000-01-01T00:00:00 UTC;"),
        fits.Comment("leap seconds are not counted (every day has 86400 s)."),
    ]
    return fits.to_chunks(primary, [events, frames])


# --- the step ------------------------------------------------------------------------------------

_L0_NAME = re.compile(r"^" + MISSION_ID + r"_emu_l0_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})_(\d{" + str(ORBIT_DIGITS)
                      + r"})_([a-z0-9]+)_v(\d{2})-(\d{2})\.dat$")


def parse_input_name(file):
    """(start, orbit) of an EMUS l0 file from its mission.yaml name, else EMUPY-E004 (as EmuInputs.Require)."""
    m = _L0_NAME.match(file.name)
    start = None
    if m and m.group(8) in DESCRIPTORS:
        start = contract.parse_time("{}-{}-{}T{}:{}:{}Z".format(*m.groups()[:6]))
    if start is None:
        raise BadInput(BAD_STEP, f"{file.name}: expected an EMUS l0 product ({MISSION_ID}_emu_l0_…_{{orbit}}_…dat) as input of the l0 step", file.name)
    return start, int(m.group(7))


def check_settings(config):
    """The settings of emu.yaml, checked as the C# EMUS processor checks them for every job (the l1
    step itself uses none of them), so a configuration either processor refuses, both refuse."""
    binning = config.get_int("image.spatialBinning", 8, 1, 1024)
    if 1024 % binning != 0:
        raise BadInput(contract.BAD_CONFIG, f"{config.source}: setting 'image.spatialBinning' is {binning}; expected a power of two "
                                            f"from 1 to 1024 (it must divide the 1024 detector rows)", config.source)
    low = config.get_float("quicklook.lowPercentile", 0.5, 0, 100)
    config.get_float("quicklook.highPercentile", 99.5, low, 100)
    config.get_float("flat.minimum", 0.1, 0, 1)


class EmuPyProcessor:
    name = NAME
    version = VERSION
    messages = MESSAGES
    config_path = CONFIG_FILE

    def run(self, context):
        job = context.job
        check_settings(context.config)
        if job.from_level != "l0" or job.produces != ["l1"]:
            raise BadInput(BAD_STEP, f"this EMUS processor ({NAME} {VERSION}) makes l1 from l0 only (the C# one also makes l2 and ql from l1); "
                                     f"the job asks for [{', '.join(job.produces)}] from {job.from_level}")
        for file in job.inputs:
            self.level1(context, file)

    def level1(self, context, file):
        start, orbit = parse_input_name(file)
        name = file.name
        data = np.fromfile(context.input_path(file), dtype=np.uint8)
        try:
            level0 = decode(data)
        except ccsds.CcsdsFormatError as e:
            raise BadInput(BAD_PACKETS, f"{name}: {e}", name, e.offset)
        except PayloadError as e:
            raise BadInput(BAD_PAYLOAD, f"{name}: {e}", name, e.offset)
        if level0.packets == 0:
            raise BadInput(NO_EVENTS, f"{name}: no EMUS photon-event packet (APID 0x130) among its {level0.foreign} packets", name)
        self.report(context.log, name, level0)
        first, last = time_range(level0)
        job = context.job
        product = f"{MISSION_ID}_{job.instrument}_l1_{start.iso_seconds('').replace('-', '').replace(':', '')}_" \
                  f"{orbit:0{ORBIT_DIGITS}d}_evt_v{job.product_version}.fits"
        context.products.write(product, "l1", "evt", contract.UtcTime(first), contract.UtcTime(last), orbit,
                               level1_fits(level0, orbit, job), level0.quality, quality_notes(level0.quality), [name])

    @staticmethod
    def report(log, name, level0):
        for gap in level0.gaps:
            log.warning(PACKETS_MISSING_CODE, f"{name}: {gap.missing} EMUS packet(s) missing: sequence count {gap.expected} expected, "
                                              f"{gap.actual} found", name, gap.offset)
        for i in np.nonzero(level0.packets_received != level0.packets_expected)[0]:
            log.warning(INCOMPLETE_FRAME_CODE, f"{name}: frame {level0.frame_id[i]} ({iso(level0.start_ticks[i])}Z) has "
                                               f"{level0.packets_received[i]} of its {level0.packets_expected[i]} packets; kept in L1, "
                                               f"left out of L2", name, level0.first_offset[i])
        if level0.foreign:
            log.warning(FOREIGN_PACKETS_CODE, f"{name}: {level0.foreign} packet(s) of other APIDs skipped", name, level0.foreign_first)
        for i in np.nonzero(level0.late > 0)[0]:
            log.warning(LATE_EVENTS_CODE, f"{name}: frame {level0.frame_id[i]} has {level0.late[i]} event(s) timed at or after its end "
                                          f"({net_double(level0.duration_us[i] / 1e6)} s); kept", name, level0.first_offset[i])
        start, end = time_range(level0)
        log.info(DECODED, f"{name}: {level0.packets} packets, {len(level0.frame_id)} frames, {len(level0.x)} events, "
                          f"{iso(start)}Z to {iso(end)}Z", name)


def main(argv=None):
    return contract.run(sys.argv[1:] if argv is None else argv, EmuPyProcessor())


if __name__ == "__main__":
    sys.exit(main())
