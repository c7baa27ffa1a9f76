"""Self-test of the Python EMUS processor, through its `run` script as the SDC starts it.

    python3 -m unittest discover -s processors/emu-py -v

Inputs come from the SDC simulator (`./sdc simulate`, four EMUS orbits: clean, a sequence gap, a
truncated file, a bad packet length), made once per run; EMUPY_TEST_SIMULATION=<dir> reuses a
folder made earlier with the same command. Hand-made packet streams cover the rarer cases. FITS
products are checked with fitsverify and read back with astropy, and their events are compared
with a plain (unvectorised) decode of the L0 file written here from the byte table.

The test itself needs only the standard library: numpy and astropy are used in subprocesses with
the processor's interpreter (Debian's python3, or SDC_PYTHON).
"""

import glob
import hashlib
import json
import os
import re
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
RUN = os.path.join(HERE, "run")
PY = os.environ.get("SDC_PYTHON") or ("/usr/bin/python3" if os.access("/usr/bin/python3", os.X_OK) else sys.executable)
sys.path.insert(0, HERE)

import contract  # noqa: E402  (standard library only)

FAULTS = {"0002": "gap", "0003": "truncate", "0004": "bad-length"}
CREATION = "2021-02-25T06:00:00Z"
SIM = None
SCRATCH = None


def setUpModule():
    global SIM, SCRATCH
    SCRATCH = tempfile.mkdtemp(prefix="emupy-test-")
    SIM = os.environ.get("EMUPY_TEST_SIMULATION")
    if SIM and glob.glob(os.path.join(SIM, "emm_emu_l0_*_0004_sci_*.dat")):
        return
    SIM = os.path.join(SCRATCH, "sim")
    command = [os.path.join(ROOT, "sdc"), "simulate", "--instrument", "emu", "--start", "2021-02-24", "--orbits", "4", "--out", SIM]
    for orbit, fault in FAULTS.items():
        command += ["--fault", f"{fault}:emu:{int(orbit)}"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=900)
    if done.returncode != 0:
        raise RuntimeError(f"sdc simulate failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")


def tearDownModule():
    shutil.rmtree(SCRATCH, ignore_errors=True)


# --- helpers -------------------------------------------------------------------------------------

def describe(path, name=None):
    with open(path, "rb") as f:
        data = f.read()
    return {"location": path, "name": name or os.path.basename(path), "size": len(data),
            "md5": hashlib.md5(data).hexdigest(), "sha256": hashlib.sha256(data).hexdigest()}


def l0(orbit):
    return glob.glob(os.path.join(SIM, f"emm_emu_l0_*_{orbit}_sci_v01-00.dat"))[0]


def job_for(inputs, version="1.0.0-py"):
    kernels = sorted(p for p in glob.glob(os.path.join(SIM, "emm_*_v01-00.*"))
                     if re.search(r"emm_(ck|spk|sclk|lsk|fk|pck)_", os.path.basename(p)))
    return {"jobId": "emupy-test", "instrument": "emu", "from": "l0", "produces": ["l1"],
            "processor": {"name": "emu", "version": version, "image": f"sdc/emu-py-processor:{version}"},
            "inputs": [describe(p) for p in inputs], "kernels": [describe(p) for p in kernels], "calibration": [],
            "outputPrefix": "out", "productVersion": "01-00", "creationTime": CREATION, "parameters": {}}


def read_text(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def documented_codes():
    text = read_text(os.path.join(HERE, "MESSAGES.md")) + read_text(os.path.join(ROOT, "processors/Sdc.Processing/MESSAGES.md"))
    return dict(re.findall(r"^\| ([A-Z]+(?:-[A-Z]+)?-[IWE]\d{3}) \| (info|warning|error) \|", text, re.M))


class Run:
    def __init__(self, folder, exit_code, lines, stderr):
        self.folder, self.exit_code, self.lines, self.stderr = folder, exit_code, lines, stderr
        self.messages = [line for line in lines if line["type"] == "message"]
        self.out = os.path.join(folder, "out")

    def codes(self):
        return [m["code"] for m in self.messages]

    def outputs(self):
        with open(os.path.join(self.out, "outputs.json")) as f:
            return json.load(f)

    def __str__(self):
        return f"exit {self.exit_code}\n" + "\n".join(json.dumps(line) for line in self.lines) + "\n--- stderr\n" + self.stderr


class ProcessorTest(unittest.TestCase):
    def run_job(self, job=None, args=None, env=None, raw_job=None):
        folder = tempfile.mkdtemp(prefix="run-", dir=SCRATCH)
        command = [RUN]
        if job is not None or raw_job is not None:
            with open(os.path.join(folder, "job.json"), "w") as f:
                f.write(raw_job if raw_job is not None else json.dumps(job))
            command += ["--job", os.path.join(folder, "job.json")]
        command += args or []
        done = subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=600, env={**os.environ, **(env or {})})
        lines = []
        for line in done.stdout.splitlines():
            parsed = json.loads(line)   # every line is one JSON object
            self.assertIsInstance(parsed, dict, line)
            lines.append(parsed)
        run = Run(folder, done.returncode, lines, done.stderr)
        # Framed: start first, end last with the process's exit code; every code documented, with its severity.
        self.assertEqual("start", lines[0]["type"], run)
        self.assertEqual(["emu", "1.0.0-py", None], [lines[0]["processor"], lines[0]["version"], lines[0]["job"]])
        self.assertEqual("end", lines[-1]["type"], run)
        self.assertEqual(run.exit_code, lines[-1]["exitCode"], run)
        self.assertEqual(sum(m["severity"] == "warning" for m in run.messages), lines[-1]["warnings"])
        self.assertEqual(sum(m["severity"] == "error" for m in run.messages), lines[-1]["errors"])
        codes = documented_codes()
        for m in run.messages:
            self.assertRegex(m["code"], r"^[A-Z]+(-[A-Z]+)?-[IWE][0-9]{3}$")
            self.assertEqual(codes.get(m["code"]), m["severity"], f"{m['code']} is not documented as {m['severity']}")
            self.assertRegex(m["time"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}\+00:00$")
        if run.exit_code != 0 and run.exit_code != 3:
            self.assertFalse(os.path.exists(os.path.join(run.out, "outputs.json")), "a failed job must not write outputs.json")
        return run

    def assert_products_listed(self, run):
        outputs = run.outputs()
        self.assertEqual(["jobId", "instrument", "processor", "creationTime", "status", "products"], list(outputs))
        self.assertEqual(CREATION, outputs["creationTime"])
        self.assertEqual(len(outputs["products"]), run.lines[-1]["products"])
        names = []
        for product in outputs["products"]:
            self.assertEqual(["name", "instrument", "level", "descriptor", "start", "end", "orbit", "version", "size", "md5",
                              "sha256", "quality", "qualityNotes", "inputs", "kernels", "calibration"], list(product))
            with open(os.path.join(run.out, product["name"]), "rb") as f:
                data = f.read()
            self.assertEqual(len(data), product["size"])
            self.assertEqual(hashlib.md5(data).hexdigest(), product["md5"])
            self.assertEqual(hashlib.sha256(data).hexdigest(), product["sha256"])
            self.assertRegex(product["name"], r"^emm_emu_l1_\d{8}T\d{6}_\d{4}_evt_v01-00\.fits$")
            self.assertEqual(["emu", "l1", "evt", "01-00"], [product["instrument"], product["level"], product["descriptor"], product["version"]])
            self.assertRegex(product["start"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00$")
            self.assertLessEqual(contract.parse_time(product["start"]).ticks, contract.parse_time(product["end"]).ticks)
            names.append(product["name"])
        self.assertEqual(sorted(names + ["outputs.json"]), sorted(os.listdir(run.out)))
        return outputs


READBACK = r"""
import json, sys, warnings
import numpy as np
from astropy.io import fits
warnings.simplefilter("error")          # a checksum warning fails the read-back
with fits.open(sys.argv[1], checksum=True) as hdus:
    out = {"hdus": [h.name for h in hdus], "headers": [dict(h.header) for h in hdus],
           "checksums": [bool(h._checksum_valid) and bool(h._datasum_valid) for h in hdus]}
    for h in hdus[1:]:
        out[h.name] = {"columns": [[c.name, c.format, c.unit] for c in h.columns],
                       "data": {c.name: (h.data[c.name].astype(str) if c.format.endswith("A") else h.data[c.name]).tolist() for c in h.columns},
                       "dtypes": {c.name: h.data[c.name].dtype.kind + str(h.data[c.name].dtype.itemsize) for c in h.columns}}
print(json.dumps(out, default=str))
"""


def readback(path):
    done = subprocess.run([PY, "-c", READBACK, path], capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise AssertionError(f"astropy read-back of {path} failed:\n{done.stderr}")
    return json.loads(done.stdout)


def reference_decode(path):
    """The L0 byte table (Sdc.Ccsds and Sdc.Instruments READMEs) decoded one field at a time."""
    with open(path, "rb") as f:
        data = f.read()
    events, frames, at = [], {}, 0
    while at < len(data):
        first, second, length = struct.unpack_from(">HHH", data, at)
        apid = first & 0x7FF
        if apid == 0x130:
            coarse, fine = struct.unpack_from(">IH", data, at + 6)
            frame, duration, index, count, n = struct.unpack_from(">IIHHH", data, at + 12)
            for k in range(n):
                word = int.from_bytes(data[at + 26 + 6 * k: at + 32 + 6 * k], "big")
                events.append((word >> 38, (word >> 28) & 0x3FF, (word & 0xFFFFFFF) / 1e6, frame))
            frames.setdefault(frame, [coarse + fine / 65536, duration / 1e6, count, 0, 0, at])
            frames[frame][3] += 1
            frames[frame][4] += n
        at += length + 7
    return events, frames


# --- the tests -----------------------------------------------------------------------------------

class CleanOrbitTest(ProcessorTest):
    @classmethod
    def setUpClass(cls):
        cls.job = job_for([l0("0001")])

    def test_valid_job_lists_exactly_the_products_written(self):
        run = self.run_job(self.job)

        self.assertEqual(0, run.exit_code, run)
        outputs = self.assert_products_listed(run)
        self.assertEqual("OK", outputs["status"])
        self.assertEqual({"name": "emu", "version": "1.0.0-py", "image": "sdc/emu-py-processor:1.0.0-py"}, outputs["processor"])
        product = outputs["products"][0]
        self.assertEqual("emm_emu_l1_20210224T000000_0001_evt_v01-00.fits", product["name"])
        self.assertEqual([1, 0, []], [product["orbit"], product["quality"], product["qualityNotes"]])
        self.assertEqual([os.path.basename(l0("0001"))], product["inputs"])
        self.assertEqual([k["name"] for k in self.job["kernels"]], product["kernels"])
        self.assertEqual(["SDK-I001"] * 7 + ["EMUPY-I001", "SDK-I002"], run.codes())
        self.assertEqual("2021-02-24T00:00:00+00:00", product["start"])
        # outputs.json is written as the C# SDK writes it: relaxed escaping ('+' as is), two-space indent.
        text = read_text(os.path.join(run.out, "outputs.json"))
        self.assertIn('      "start": "2021-02-24T00:00:00+00:00",\n', text)
        self.assertFalse(text.endswith("\n"))

    def test_fitsverify_reports_no_errors_or_warnings(self):
        run = self.run_job(self.job)
        for product in run.outputs()["products"]:
            done = subprocess.run(["fitsverify", os.path.join(run.out, product["name"])], capture_output=True, text=True)
            self.assertIn("0 warning(s) and 0 error(s)", done.stdout, done.stdout)

    def test_astropy_reads_the_emus_l1_format_back(self):
        run = self.run_job(self.job)
        product = run.outputs()["products"][0]
        got = readback(os.path.join(run.out, product["name"]))

        self.assertEqual(["PRIMARY", "EVENTS", "FRAMES"], got["hdus"])
        self.assertEqual([True, True, True], got["checksums"])
        self.assertEqual([["X", "1I", "pixel"], ["Y", "1I", "pixel"], ["TIME", "1D", "s"], ["FRAME", "1J", None]], got["EVENTS"]["columns"])
        self.assertEqual({"X": "i2", "Y": "i2", "TIME": "f8", "FRAME": "u4"}, got["EVENTS"]["dtypes"])
        self.assertEqual([["FRAME", "1J", None], ["START", "1D", "s"], ["START_UTC", "26A", None], ["DURATION", "1D", "s"],
                          ["NPACKETS", "1J", None], ["PACKETS", "1J", None], ["EVENTS", "1J", None], ["LATE", "1J", None],
                          ["QUALITY", "1J", None], ["L0OFFSET", "1K", "byte"]], got["FRAMES"]["columns"])
        primary, events_header, frames_header = got["headers"]
        expected = {"TELESCOP": "EMM", "DETNAM": "EMUS", "TIMESYS": "UTC", "ORBIT": 1, "QUALITY": 0, "NGAPS": 0, "PKTMISS": 0,
                    "DATE-BEG": "2021-02-24T00:00:00.000000", "ORIGIN": "EMM SDC", "MISSION": "Emirates Mars Mission",
                    "INSTRUME": "EMU", "LEVEL": "L1", "VERSION": "01-00", "PROCNAME": "emu", "PROCVER": "1.0.0-py",
                    "PROCIMG": "sdc/emu-py-processor:1.0.0-py", "JOBID": "emupy-test", "DATE": "2021-02-25T06:00:00",
                    "NINPUT": 1, "INPUT1": self.job["inputs"][0]["name"], "INMD51": self.job["inputs"][0]["md5"],
                    "NKERNEL": 6, "KERNEL6": self.job["kernels"][5]["name"], "KRMD56": self.job["kernels"][5]["md5"], "NCALIB": 0}
        self.assertEqual(expected, {k: primary.get(k) for k in expected})
        self.assertEqual(product["end"], primary["DATE-END"][:19] + "+00:00")
        self.assertEqual([2147483648, 0, 1023, 0, 1023], [events_header[k] for k in ("TZERO4", "TLMIN1", "TLMAX1", "TLMIN2", "TLMAX2")])
        self.assertEqual(2147483648, frames_header["TZERO1"])

        events, frames = reference_decode(l0("0001"))
        data = got["EVENTS"]["data"]
        self.assertEqual(len(events), primary["NEVENTS"])
        self.assertEqual(events, list(zip(data["X"], data["Y"], data["TIME"], data["FRAME"])))
        table = got["FRAMES"]["data"]
        self.assertEqual(len(frames), primary["NFRAMES"])
        self.assertEqual(sum(f[3] for f in frames.values()), primary["NPACKETS"])
        self.assertEqual([[i] + f for i, f in frames.items()],
                         [list(r) for r in zip(table["FRAME"], table["START"], table["DURATION"], table["NPACKETS"], table["PACKETS"],
                                               table["EVENTS"], table["L0OFFSET"])])
        self.assertEqual("2021-02-24T00:09:00.000000", table["START_UTC"][1])
        self.assertEqual([0] * len(frames), table["QUALITY"])

    def test_same_job_twice_gives_byte_identical_files(self):
        first, second = self.run_job(self.job), self.run_job(self.job)
        self.assertEqual([0, 0], [first.exit_code, second.exit_code])
        names = sorted(os.listdir(first.out))
        self.assertEqual(names, sorted(os.listdir(second.out)))
        for name in names:
            with open(os.path.join(first.out, name), "rb") as a, open(os.path.join(second.out, name), "rb") as b:
                self.assertTrue(a.read() == b.read(), f"{name} differs between runs")

    def test_job_in_sdc_job_environment_variable(self):
        folder = tempfile.mkdtemp(prefix="env-", dir=SCRATCH)
        job = dict(self.job, outputPrefix=os.path.join(folder, "products"))
        run = self.run_job(env={"SDC_JOB": json.dumps(job)})
        self.assertEqual(0, run.exit_code, run)
        self.assertTrue(os.path.exists(os.path.join(folder, "products", "outputs.json")))

    def test_work_folder_holds_the_verified_inputs(self):
        work = os.path.join(SCRATCH, "work-kept")
        run = self.run_job(self.job, args=["--work", work])
        self.assertEqual(0, run.exit_code, run)
        self.assertTrue(os.path.exists(os.path.join(work, "inputs", self.job["inputs"][0]["name"])))


class BadJobTest(ProcessorTest):
    def test_job_without_inputs_exits_two_naming_the_field(self):
        job = job_for([l0("0001")])
        del job["inputs"]
        run = self.run_job(job)
        self.assertEqual(2, run.exit_code, run)
        error = [m for m in run.messages if m["code"] == "SDK-E001"]
        self.assertEqual(1, len(error), run)
        self.assertIn("field 'inputs': is missing; expected a list", error[0]["text"])

    def test_malformed_fields_exit_two_naming_the_field(self):
        for field, value, expected in [("productVersion", "3-1", "'productVersion'"), ("creationTime", "yesterday", "'creationTime'"),
                                       ("instrument", "EMU!", "'instrument'"), ("inputs", [], "'inputs': expected at least one")]:
            job = job_for([l0("0001")])
            job[field] = value
            run = self.run_job(job)
            self.assertEqual(2, run.exit_code, run)
            self.assertIn(expected, [m for m in run.messages if m["code"] == "SDK-E001"][0]["text"])
        job = job_for([l0("0001")])
        job["inputs"][0]["md5"] = "XYZ"
        self.assertIn("inputs[0].md5", self.run_job(job).messages[0]["text"])
        run = self.run_job(raw_job="{ not json")
        self.assertEqual(["SDK-E001"], run.codes())
        self.assertEqual(2, self.run_job(args=["--frobnicate"]).exit_code)
        self.assertEqual(2, self.run_job().exit_code)   # no job at all

    def test_job_for_another_version_exits_two(self):
        run = self.run_job(job_for([l0("0001")], version="1.0.0"))
        self.assertEqual(2, run.exit_code, run)
        self.assertEqual(["SDK-E005"], run.codes())
        self.assertIn("the job asks for processor emu 1.0.0, but this is emu 1.0.0-py", run.messages[0]["text"])

    def test_step_it_does_not_have_exits_two(self):
        job = dict(job_for([l0("0001")]), produces=["l2", "ql"])
        job["from"] = "l1"
        run = self.run_job(job)
        self.assertEqual(2, run.exit_code, run)
        self.assertEqual("EMUPY-E004", run.codes()[-1])

    def test_bad_configuration_exits_two_naming_file_and_line(self):
        config = os.path.join(SCRATCH, "bad-emu.yaml")
        with open(config, "w") as f:
            f.write("# settings\nimage:\n  spatialBinning: lots\n")
        run = self.run_job(job_for([l0("0001")]), args=["--config", config])
        self.assertEqual(2, run.exit_code, run)
        self.assertEqual(["SDK-E002"], [c for c in run.codes() if c != "SDK-I001"])
        self.assertIn("bad-emu.yaml:3: setting 'image.spatialBinning' is 'lots'", run.messages[-1]["text"])
        self.assertEqual(0, self.run_job(job_for([l0("0001")]), args=["--config", os.path.join(HERE, "emu-py.yaml")]).exit_code)

    def test_input_checksum_mismatch_exits_two_naming_the_file(self):
        for field, value, what in [("md5", "0" * 32, "MD5"), ("sha256", "0" * 64, "SHA-256"), ("size", 1, "size")]:
            job = job_for([l0("0001")])
            job["inputs"][0][field] = value
            run = self.run_job(job)
            self.assertEqual(2, run.exit_code, run)
            error = run.messages[-1]
            self.assertEqual(["SDK-E004", job["inputs"][0]["name"]], [error["code"], error["file"]])
            self.assertIn(f"{job['inputs'][0]['name']}: {what} is ", error["text"])

    def test_missing_input_exits_two(self):
        job = job_for([l0("0001")])
        job["inputs"][0]["location"] = "no/such/file.dat"
        run = self.run_job(job)
        self.assertEqual([2, "SDK-E003"], [run.exit_code, run.codes()[-1]])

    def test_input_not_named_as_emus_l0_exits_two(self):
        job = job_for([l0("0001")])
        job["inputs"][0]["name"] = "emm_exi_l0_20210224T000000_0001_sci_v01-00.dat"
        run = self.run_job(job)
        self.assertEqual([2, "EMUPY-E004"], [run.exit_code, run.codes()[-1]])


class DamagedInputTest(ProcessorTest):
    def test_sequence_gap_warns_flags_quality_and_still_writes_the_product(self):
        run = self.run_job(job_for([l0("0002")]))
        self.assertEqual(3, run.exit_code, run)
        gap = [m for m in run.messages if m["code"] == "EMUPY-W001"]
        self.assertEqual(1, len(gap), run)
        self.assertEqual([os.path.basename(l0("0002")), 446690], [gap[0]["file"], gap[0]["offset"]])
        self.assertIn("3 EMUS packet(s) missing: sequence count 79 expected, 82 found", gap[0]["text"])
        self.assertIn("EMUPY-W002", run.codes())
        outputs = self.assert_products_listed(run)
        self.assertEqual("WARNING", outputs["status"])
        product = outputs["products"][0]
        self.assertEqual(1 | 2, product["quality"])
        self.assertEqual(["1: packets missing (sequence gap)", "2: incomplete frames"], product["qualityNotes"])
        got = readback(os.path.join(run.out, product["name"]))
        self.assertEqual([3, 1, 3], [got["headers"][0][k] for k in ("QUALITY", "NGAPS", "PKTMISS")])
        self.assertEqual(2, sum(q == 2 for q in got["FRAMES"]["data"]["QUALITY"]))

    def test_truncated_file_exits_two_with_the_file_and_byte_offset(self):
        self.assert_rejected("0003", 449428, "packet length runs past the end of the data")

    def test_bad_packet_length_exits_two_with_the_file_and_byte_offset(self):
        self.assert_rejected("0004", 896274, "declares 5382 bytes but only 4382 remain")

    def assert_rejected(self, orbit, offset, text):
        run = self.run_job(job_for([l0(orbit)]))
        self.assertEqual(2, run.exit_code, run)
        reports = [m for m in run.messages if m["severity"] in ("error", "warning") and "offset" in m]
        self.assertEqual(1, len(reports), run)
        self.assertEqual(["EMUPY-E001", os.path.basename(l0(orbit)), offset], [reports[0]["code"], reports[0]["file"], reports[0]["offset"]])
        self.assertTrue(reports[0]["text"].startswith(f"{os.path.basename(l0(orbit))}: CCSDS packet at byte offset {offset}: "), run)
        self.assertIn(text, reports[0]["text"])
        self.assertFalse(os.path.exists(run.out))


def packet(apid, count, payload, coarse=667440000, fine=0):
    body = struct.pack(">IH", coarse, fine) + payload
    return struct.pack(">HHH", 0x0800 | apid, 0xC000 | count, len(body) - 1) + body


def emus(frame, index, packets, events, count, duration=8_000_000, coarse=667440000):
    payload = struct.pack(">IIHHH", frame, duration, index, packets, len(events))
    payload += b"".join(((x << 38) | (y << 28) | t).to_bytes(6, "big") for x, y, t in events)
    return packet(0x130, count, payload, coarse)


class HandMadePacketsTest(ProcessorTest):
    NAME = "emm_emu_l0_20210224T000000_0001_sci_v01-00.dat"

    def run_bytes(self, data):
        path = os.path.join(tempfile.mkdtemp(prefix="l0-", dir=SCRATCH), self.NAME)
        with open(path, "wb") as f:
            f.write(data)
        return self.run_job(job_for([path]))

    def test_foreign_idle_and_late_packets(self):
        data = (emus(7, 0, 2, [(1, 2, 3), (1023, 1023, 7_999_999)], 0) + packet(0x110, 0, b"\0" * 10)
                + packet(0x7FF, 0, b"\xff" * 4) + emus(7, 1, 2, [(5, 6, 8_000_000)], 1))
        run = self.run_bytes(data)
        self.assertEqual(3, run.exit_code, run)
        self.assertEqual(["EMUPY-W003", "EMUPY-W004", "EMUPY-I001"], [c for c in run.codes() if c.startswith("EMUPY")])
        foreign = [m for m in run.messages if m["code"] == "EMUPY-W003"][0]
        self.assertEqual([38, "1 packet(s) of other APIDs skipped"], [foreign["offset"], foreign["text"].split(": ", 1)[1]])
        self.assertIn("frame 7 has 1 event(s) timed at or after its end (8 s); kept", run.messages[-3]["text"])
        product = run.outputs()["products"][0]
        self.assertEqual([4, ["4: events timed outside their frame"]], [product["quality"], product["qualityNotes"]])
        got = readback(os.path.join(run.out, product["name"]))
        self.assertEqual([1, 1023, 5], got["EVENTS"]["data"]["X"])
        self.assertEqual([3e-6, 7.999999, 8.0], got["EVENTS"]["data"]["TIME"])
        self.assertEqual([1, 4, 2], [got["FRAMES"]["data"][k][0] for k in ("LATE", "QUALITY", "PACKETS")])

    def test_payload_errors_name_the_packet(self):
        first = emus(7, 0, 2, [(1, 2, 3)], 0)
        cases = [
            (first + emus(7, 0, 2, [], 1), "frame 7: packet 0 of 2 arrives twice"),
            (first + emus(7, 1, 3, [], 1), "frame 7: this packet says start 2021-02-24T00:00:00.000000Z, 8000000 µs, 3 packets; "
                                           "its first packet (offset 0) said 2021-02-24T00:00:00.000000Z, 8000000 µs, 2 packets"),
            (first + emus(8, 2, 2, [], 1), "EMUS packet: index 2 of 2 packets."),
            (first + packet(0x130, 1, b"\0" * 5), "EMUS packet header: 5 bytes of user data, the layout needs 14."),
            (first + packet(0x130, 1, struct.pack(">IIHHH", 8, 8_000_000, 0, 1, 1)),
             "EMUS packet of 1 events: 14 bytes of user data, the layout needs 20."),
        ]
        for data, text in cases:
            run = self.run_bytes(data)
            self.assertEqual(2, run.exit_code, run)
            error = run.messages[-1]
            self.assertEqual(["EMUPY-E002", len(first)], [error["code"], error["offset"]], run)
            self.assertEqual(f"{self.NAME}: EMUS packet at byte offset {len(first)}: {text}", error["text"])

    def test_framing_errors(self):
        cases = [(b"\x01\x02", "truncated: only 2 byte(s) remain, fewer than the 6-byte primary header"),
                 (b"\xe1\x30\xc0\x00\x00\x10" + b"\0" * 17, "packet version 7, expected 0 (not a packet boundary, or corrupt data)"),
                 (b"\x09\x30\xc0\x00\x00\x02abc", "secondary header flag set but the data field has 3 byte(s), fewer than the 6-byte time code")]
        good = emus(7, 0, 1, [(1, 2, 3)], 0)
        for tail, text in cases:
            run = self.run_bytes(good + tail)
            self.assertEqual([2, "EMUPY-E001", len(good)], [run.exit_code, run.codes()[-1], run.messages[-1].get("offset")], run)
            self.assertTrue(run.messages[-1]["text"].endswith(text), run.messages[-1]["text"])

    def test_no_emus_packets_exits_two(self):
        run = self.run_bytes(packet(0x110, 0, b"\0" * 8))
        self.assertEqual([2, "EMUPY-E003"], [run.exit_code, run.codes()[-1]])
        self.assertIn("no EMUS photon-event packet (APID 0x130) among its 1 packets", run.messages[-1]["text"])


class TablesAndFormatsTest(unittest.TestCase):
    def test_messages_md_is_the_code_table(self):
        done = subprocess.run([PY, "-c", "import json, emu_l1; print(json.dumps([[m.code, m.severity, m.meaning] for m in emu_l1.MESSAGES]))"],
                              cwd=HERE, capture_output=True, text=True, check=True)
        rows = re.findall(r"^\| (EMUPY-[IWE]\d{3}) \| (\w+) \| (.*) \|$", read_text(os.path.join(HERE, "MESSAGES.md")), re.M)
        self.assertEqual(json.loads(done.stdout), [list(r) for r in rows])

    def test_json_is_written_as_system_text_json_writes_it(self):
        value = {"a": "x<>&'+`\"\\\n\u0001é€😀/", "n": None, "e": [], "d": 1.0, "f": 0.5, "o": {"k": [1, 2]}}
        self.assertEqual('{"a":"x\\u003C\\u003E\\u0026\\u0027\\u002B\\u0060\\u0022\\\\\\n\\u0001\\u00E9\\u20AC\\uD83D\\uDE00/",'
                         '"n":null,"e":[],"d":1,"f":0.5,"o":{"k":[1,2]}}', contract.to_json(value))
        self.assertEqual('{"a":"x<>&\'+`\\"\\\\\\n\\u0001é€\\uD83D\\uDE00/","n":null,"e":[],"d":1,"f":0.5,"o":{"k":[1,2]}}',
                         contract.to_json(value, relaxed=True))
        self.assertEqual('{\n  "e": [],\n  "o": {\n    "k": [\n      1\n    ]\n  }\n}', contract.to_json({"e": [], "o": {"k": [1]}}, indent=2))

    def test_times_are_written_as_dotnet_writes_them(self):
        t = contract.parse_time("2021-02-24T00:00:00.5Z")
        self.assertEqual(["2021-02-24T00:00:00.5+00:00", "2021-02-24T00:00:00.5000000+00:00", "2021-02-24T00:00:00Z"],
                         [t.json(), t.round_trip(), t.iso_seconds()])
        self.assertEqual(contract.parse_time("2021-02-24T04:00:00+04:00"), contract.parse_time("2021-02-24"))

    def test_configuration_subset_of_yaml(self):
        config = contract.Config.parse("# c\na:\n  b: 1 # note\n  'c d': \"x # y\"\ne: 2\nf:\n", "t.yaml")
        self.assertEqual([1.0, "x # y", 2, ""], [config.get_float("a.b", 0), config.get_string("a.c d", ""), config.get_int("e", 0),
                                                 config.get_string("f", "unset")])
        with self.assertRaises(contract.BadInput) as raised:
            contract.Config.parse("a:\n  - 1\n", "t.yaml")
        self.assertIn("t.yaml:2: setting 'a' is a list", raised.exception.text)
        with self.assertRaises(contract.BadInput) as raised:
            contract.Config.parse("a: 1\nb: 50\n", "t.yaml").get_float("b", 0, 0, 10)
        self.assertEqual("t.yaml:2: setting 'b' is '50'; expected a number from 0 to 10", raised.exception.text)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


S3RVER = os.path.join(ROOT, "tests/tools/node_modules/.bin/s3rver")


@unittest.skipUnless(os.access(S3RVER, os.X_OK) and shutil.which("node"), "s3rver (tests/tools: npm ci) and node are needed")
class S3Test(ProcessorTest):
    def test_s3_locations_are_fetched_verified_and_written(self):
        import s3
        port = free_port()
        server = subprocess.Popen([S3RVER, "--directory", os.path.join(SCRATCH, "s3"), "--address", "127.0.0.1", "--port", str(port),
                                   "--silent", "--configure-bucket", "emupy"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(100):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    time.sleep(0.1)
            env = {"SDC_S3_ENDPOINT": f"http://127.0.0.1:{port}", "AWS_ACCESS_KEY_ID": "S3RVER", "AWS_SECRET_ACCESS_KEY": "S3RVER"}
            saved = {k: os.environ.get(k) for k in env}
            os.environ.update(env)
            try:
                name = os.path.basename(l0("0001"))
                with open(l0("0001"), "rb") as f:
                    s3.put("emupy", f"archive/{name}", f.read())
                job = job_for([l0("0001")])
                job["inputs"][0]["location"] = f"s3://emupy/archive/{name}"
                job["outputPrefix"] = "s3://emupy/products/job-1"
                run = self.run_job(job, env=env)
                self.assertEqual(0, run.exit_code, run)
                with s3.open_read("emupy", "products/job-1/outputs.json") as response:
                    product = json.load(response)["products"][0]
                with s3.open_read("emupy", "products/job-1/" + product["name"]) as response:
                    self.assertEqual(product["md5"], hashlib.md5(response.read()).hexdigest())
                job["inputs"][0]["location"] = "s3://emupy/archive/missing.dat"
                run = self.run_job(job, env=env)
                self.assertEqual([2, "SDK-E003"], [run.exit_code, run.codes()[-1]])
            finally:
                for k, v in saved.items():
                    if v is None:
                        os.environ.pop(k, None)
                    else:
                        os.environ[k] = v
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    unittest.main()
