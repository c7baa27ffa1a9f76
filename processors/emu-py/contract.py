"""The SDC processor contract (processors/Sdc.Processing/README.md), in Python.

This mirrors the C# SDK (ProcessorHost, JobReader, InputFetcher, ProductWriter, MessageLog) so that
a processor built on it is interchangeable with a C# one at the contract level: same command line,
same job validation and error texts, same stdout JSON lines, same outputs.json bytes, same exit
codes. Standard library only (numpy is not needed here).

    import contract
    sys.exit(contract.run(sys.argv[1:], MyProcessor()))

A processor is any object with ``name``, ``version``, ``messages`` (a list of ``MessageCode``) and
``run(context)``; problems in the data are warnings, an unusable input raises ``BadInput``, anything
else ``ProcessingError``.
"""

import datetime
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
import time
import unicodedata
import urllib.parse
import uuid

import s3

OK, PROCESSING_ERROR, BAD_INPUT, OK_WITH_WARNINGS = 0, 1, 2, 3
OUTPUTS_FILE_NAME = "outputs.json"
JOB_ENVIRONMENT_VARIABLE = "SDC_JOB"
CONFIG_ENVIRONMENT_VARIABLE = "SDC_CONFIG"


# --- message codes ---------------------------------------------------------------------------------

class MessageCode:
    """One documented message: a stable code, its severity (info, warning, error) and its meaning."""

    def __init__(self, code, severity, meaning):
        self.code, self.severity, self.meaning = code, severity, meaning


SDK_MESSAGES = [
    MessageCode("SDK-E001", "error", "The job file (or SDC_JOB) is not valid: a field is missing or malformed."),
    MessageCode("SDK-E002", "error", "The processor's configuration file cannot be read or has a bad setting."),
    MessageCode("SDK-E003", "error", "An input, kernel or calibration file named by the job cannot be read."),
    MessageCode("SDK-E004", "error", "An input's size, MD5 or SHA-256 differs from the job's: it is not the file the job was planned for."),
    MessageCode("SDK-E005", "error", "The job names another processor, version or instrument than this one."),
    MessageCode("SDK-E006", "error", "A product or outputs.json could not be written under the output prefix."),
    MessageCode("SDK-E099", "error", "An unexpected failure inside the processor (a bug): the message has the details."),
    MessageCode("SDK-I001", "info", "An input was fetched and matches its size and checksums."),
    MessageCode("SDK-I002", "info", "A product was written, with its size and checksum."),
]

BAD_JOB, BAD_CONFIG, INPUT_MISSING, INPUT_CHECKSUM = "SDK-E001", "SDK-E002", "SDK-E003", "SDK-E004"
WRONG_PROCESSOR, OUTPUT_FAILED, UNEXPECTED = "SDK-E005", "SDK-E006", "SDK-E099"
INPUT_VERIFIED, PRODUCT_WRITTEN = "SDK-I001", "SDK-I002"


class BadInput(Exception):
    """The job, configuration or an input cannot be used (exit 2); names the file and byte offset."""

    def __init__(self, code, text, file=None, offset=None):
        super().__init__(text)
        self.code, self.text, self.file, self.offset = code, text, file, offset


class ProcessingError(Exception):
    """The processing failed for a reason other than bad input (exit 1), with a stable code."""

    def __init__(self, code, text):
        super().__init__(text)
        self.code, self.text = code, text


class UndocumentedCode(Exception):
    """A processor emitted a code that is not in its table: a bug (SDK-E099, exit 1)."""


# --- JSON exactly as System.Text.Json writes it ----------------------------------------------------

_SHORT_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_HTML_SENSITIVE = set("<>&'+`\"")


def _escape_char(ch):
    code = ord(ch)
    if code > 0xFFFF:
        code -= 0x10000
        return "\\u%04X\\u%04X" % (0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF))
    return "\\u%04X" % code


def _json_string(text, relaxed):
    # relaxed: JavaScriptEncoder.UnsafeRelaxedJsonEscaping (MessageLog); otherwise the default
    # encoder (outputs.json): ASCII only, HTML-sensitive characters as \uXXXX.
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch in _SHORT_ESCAPES and (relaxed or ch != '"'):
            out.append(_SHORT_ESCAPES[ch])
        elif code < 0x20 or 0x7F <= code <= 0x9F:
            out.append(_escape_char(ch))
        elif code < 0x7F:
            out.append(_escape_char(ch) if not relaxed and ch in _HTML_SENSITIVE else ch)
        elif not relaxed or code > 0xFFFF:
            out.append(_escape_char(ch))
        else:
            category = unicodedata.category(ch)
            out.append(_escape_char(ch) if category in ("Cc", "Cs", "Co", "Cn", "Zl", "Zp") or (category == "Zs") else ch)
    out.append('"')
    return "".join(out)


def _json_number(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def to_json(value, indent=None, relaxed=False, _level=0):
    """Serialises like System.Text.Json: compact, or indented by two spaces (WriteIndented)."""
    if value is None:
        return "null"
    if isinstance(value, str):
        return _json_string(value, relaxed)
    if isinstance(value, (bool, int, float)):
        return _json_number(value)
    if isinstance(value, dict):
        items = [(_json_string(k, relaxed), v) for k, v in value.items()]
        if not items:
            return "{}"
        if indent is None:
            return "{" + ",".join(k + ":" + to_json(v, None, relaxed) for k, v in items) + "}"
        pad, inner = " " * (indent * _level), " " * (indent * (_level + 1))
        return "{\n" + ",\n".join(inner + k + ": " + to_json(v, indent, relaxed, _level + 1) for k, v in items) + "\n" + pad + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        if indent is None:
            return "[" + ",".join(to_json(v, None, relaxed) for v in value) + "]"
        pad, inner = " " * (indent * _level), " " * (indent * (_level + 1))
        return "[\n" + ",\n".join(inner + to_json(v, indent, relaxed, _level + 1) for v in value) + "\n" + pad + "]"
    raise TypeError(f"cannot serialise {type(value).__name__}")


# --- times -----------------------------------------------------------------------------------------

TICKS_PER_SECOND = 10_000_000
_UNIX_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


class UtcTime:
    """A UTC instant to the 100 ns tick, as .NET's DateTimeOffset holds it (ticks since 1970 here)."""

    __slots__ = ("ticks",)

    def __init__(self, ticks):
        self.ticks = int(ticks)

    @staticmethod
    def from_datetime(value):
        delta = value - _UNIX_EPOCH
        return UtcTime((delta.days * 86400 + delta.seconds) * TICKS_PER_SECOND + delta.microseconds * 10)

    def to_datetime(self):
        """The instant to the microsecond (Python's resolution)."""
        return _UNIX_EPOCH + datetime.timedelta(microseconds=self.ticks // 10)

    def _parts(self):
        seconds, rest = divmod(self.ticks, TICKS_PER_SECOND)
        return _UNIX_EPOCH + datetime.timedelta(seconds=seconds), rest

    def iso_seconds(self, suffix="Z"):
        """yyyy-MM-ddTHH:mm:ss plus suffix (outputs.json creationTime)."""
        whole, _ = self._parts()
        return whole.strftime("%Y-%m-%dT%H:%M:%S") + suffix

    def json(self):
        """How System.Text.Json writes a DateTimeOffset at offset 0: fraction trimmed, +00:00."""
        whole, rest = self._parts()
        fraction = ("." + ("%07d" % rest).rstrip("0")) if rest else ""
        return whole.strftime("%Y-%m-%dT%H:%M:%S") + fraction + "+00:00"

    def round_trip(self):
        """The "O" format of a UTC DateTimeOffset: seven fraction digits and +00:00."""
        whole, rest = self._parts()
        return whole.strftime("%Y-%m-%dT%H:%M:%S") + ".%07d+00:00" % rest

    def __eq__(self, other):
        return isinstance(other, UtcTime) and other.ticks == self.ticks

    def __hash__(self):
        return hash(self.ticks)

    def __repr__(self):
        return f"UtcTime({self.json()})"


def now():
    return UtcTime(time.time_ns() // 100)


_TIME_PATTERN = re.compile(
    r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?\s*$", re.IGNORECASE)


def parse_time(text):
    """An ISO 8601 time (date, optional time, optional fraction, optional Z or offset; no zone means UTC)."""
    m = _TIME_PATTERN.match(text)
    if not m:
        return None
    year, month, day, hour, minute, second, fraction, zone = m.groups()
    try:
        value = datetime.datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0),
                                  tzinfo=datetime.timezone.utc)
    except ValueError:
        return None
    ticks = UtcTime.from_datetime(value).ticks + (int((fraction or "").ljust(7, "0")) if fraction else 0)
    if zone and zone.upper() != "Z":
        sign = -1 if zone[0] == "-" else 1
        digits = zone[1:].replace(":", "")
        ticks -= sign * (int(digits[:2]) * 3600 + int(digits[2:]) * 60) * TICKS_PER_SECOND
    return UtcTime(ticks)


# --- the message log (stdout) ----------------------------------------------------------------------

class MessageLog:
    """One JSON object per line on stdout: start, messages with documented codes, end."""

    def __init__(self, codes, output=None, clock=now):
        self._codes = {c.code: c for c in SDK_MESSAGES}
        self._codes.update({c.code: c for c in codes})
        if output is None:
            output = sys.stdout
            # UTF-8 whatever the locale (texts may hold µ, names é), one '\n' per line, as the C# SDK writes.
            if hasattr(output, "reconfigure"):
                output.reconfigure(encoding="utf-8", newline="\n")
        self._output = output
        self._clock = clock
        self.warnings = 0
        self.errors = 0

    def start(self, processor, version, job_id=None):
        self._write({"type": "start", "processor": processor, "version": version, "job": job_id})

    def info(self, code, text, file=None):
        self._message(code, text, file, None)

    def warning(self, code, text, file=None, offset=None):
        self._message(code, text, file, offset)

    def error(self, code, text, file=None, offset=None):
        self._message(code, text, file, offset)

    def end(self, status, exit_code, products, seconds):
        self._write({"type": "end", "status": status, "exitCode": exit_code, "products": products,
                     "warnings": self.warnings, "errors": self.errors, "seconds": round(seconds, 3)})

    def _message(self, code, text, file, offset):
        # The severity comes from the table, not the call site: a code means one thing everywhere.
        documented = self._codes.get(code)
        if documented is None:
            raise UndocumentedCode(f"Message code '{code}' is not in the processor's message table; add it there and to MESSAGES.md.")
        if documented.severity == "warning":
            self.warnings += 1
        elif documented.severity == "error":
            self.errors += 1
        line = {"type": "message", "severity": documented.severity, "code": code, "text": text}
        if file is not None:
            line["file"] = file
        if offset is not None:
            line["offset"] = int(offset)
        self._write(line)

    def _write(self, line):
        line["time"] = self._clock().round_trip()
        self._output.write(to_json(line, relaxed=True) + "\n")
        self._output.flush()


# --- the job ---------------------------------------------------------------------------------------

class JobFile:
    def __init__(self, location, name, size, md5, sha256, type_):
        self.location, self.name, self.size, self.md5, self.sha256, self.type = location, name, size, md5, sha256, type_


class Job:
    def __init__(self, **fields):
        self.__dict__.update(fields)

    @property
    def all_files(self):
        return list(self.inputs) + list(self.kernels) + list(self.calibration)


_MISSING = object()
_MD5 = re.compile(r"^[0-9a-f]{32}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_VERSION = re.compile(r"^[0-9]{2}-[0-9]{2}$")
_IDENTIFIER = re.compile(r"^[a-z0-9]{1,16}$")


def _reject_constant(name):
    raise ValueError(f"'{name}' is not valid JSON")


def _strict_object(pairs):
    result = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate property '{key}'")
        result[key] = value
    return result


class _JobReader:
    """JobReader.cs: every problem names the field and what was expected (exit 2)."""

    def __init__(self, source):
        self.source = source

    def bad(self, field, expected):
        text = f"{self.source}: {expected}" if not field else f"{self.source}: field '{field}': {expected}"
        return BadInput(BAD_JOB, text, self.source)

    @staticmethod
    def shown(node):
        return "nothing" if node is _MISSING or node is None else to_json(node)

    def optional_text(self, o, key, prefix=""):
        node = o.get(key)
        if node is None:
            return None
        if isinstance(node, str) and node:
            return node
        raise self.bad(prefix + key, f"expected non-empty text, got {to_json(node)}")

    def text(self, o, key, prefix=""):
        value = self.optional_text(o, key, prefix)
        if value is None:
            raise self.bad(prefix + key, "is missing; expected text")
        return value

    def identifier_value(self, node, field):
        if isinstance(node, str) and _IDENTIFIER.match(node) and "\n" not in node:
            return node
        raise self.bad(field, f"expected a lower-case identifier such as 'exi' or 'l1', got {self.shown(node)}")

    def version(self, o, key):
        value = self.text(o, key)
        if _VERSION.match(value):
            return value
        raise self.bad(key, f"expected major-minor as two digits each, e.g. 01-00, got '{value}'")

    def time(self, o, key):
        value = self.text(o, key)
        parsed = parse_time(value)
        if parsed is None:
            raise self.bad(key, f"expected an ISO 8601 UTC time such as 2021-02-25T00:00:00Z, got '{value}'")
        return parsed

    def array(self, o, key, required):
        node = o.get(key)
        if node is None and not required:
            return []
        if isinstance(node, list):
            return node
        raise self.bad(key, "is missing; expected a list" if node is None else "expected a list")

    def files(self, o, key, required):
        files = []
        for i, item in enumerate(self.array(o, key, required)):
            field = f"{key}[{i}]."
            if not isinstance(item, dict):
                raise self.bad(f"{key}[{i}]", "expected an object with location, name, size and md5")
            size = item.get("size", _MISSING)
            if not (isinstance(size, int) and not isinstance(size, bool) and 0 <= size < 2 ** 63):
                raise self.bad(field + "size", f"expected a byte count, got {self.shown(size)}")
            md5 = self.text(item, "md5", field)
            if not _MD5.match(md5):
                raise self.bad(field + "md5", f"expected 32 lower-case hex digits, got '{md5}'")
            sha256 = self.optional_text(item, "sha256", field)
            if sha256 is not None and not _SHA256.match(sha256):
                raise self.bad(field + "sha256", f"expected 64 lower-case hex digits, got '{sha256}'")
            files.append(JobFile(self.text(item, "location", field), self.text(item, "name", field), size, md5, sha256,
                                 self.optional_text(item, "type", field)))
        return files


def read_job(text, source):
    """Parses and checks a job's JSON; raises BadInput (SDK-E001) naming the field."""
    reader = _JobReader(source)
    try:
        root = json.loads(text, object_pairs_hook=_strict_object, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as e:
        offset = getattr(e, "colno", None)
        raise BadInput(BAD_JOB, f"{source}: not valid JSON: {e}", source, offset - 1 if offset else None)
    if not isinstance(root, dict):
        raise reader.bad("", "expected a JSON object")
    job_id = reader.text(root, "jobId")
    instrument = reader.identifier_value(root.get("instrument", _MISSING), "instrument")
    from_level = reader.identifier_value(root.get("from", _MISSING), "from")
    produces = [reader.identifier_value(n, f"produces[{i}]") for i, n in enumerate(reader.array(root, "produces", True))]
    processor = root.get("processor")
    if not isinstance(processor, dict):
        raise reader.bad("processor", "expected an object with name, version and image")
    identity = {"name": reader.text(processor, "name", "processor."), "version": reader.text(processor, "version", "processor."),
                "image": reader.optional_text(processor, "image", "processor.")}
    inputs = reader.files(root, "inputs", True)
    kernels = reader.files(root, "kernels", False)
    calibration = reader.files(root, "calibration", False)
    output_prefix = reader.text(root, "outputPrefix")
    product_version = reader.version(root, "productVersion")
    creation_time = reader.time(root, "creationTime")
    parameters = root.get("parameters")
    if parameters is None:
        parameters = {}
    elif not isinstance(parameters, dict):
        raise reader.bad("parameters", "expected an object")
    if not inputs:
        raise reader.bad("inputs", "expected at least one input file")
    return Job(job_id=job_id, instrument=instrument, from_level=from_level, produces=produces, processor=identity,
               inputs=inputs, kernels=kernels, calibration=calibration, output_prefix=output_prefix,
               product_version=product_version, creation_time=creation_time, parameters=parameters)


# --- configuration (a small YAML subset) -----------------------------------------------------------

class Config:
    """Settings by dotted name (flat.minimum) from a YAML file of nested mappings and scalars.

    The subset: `key: value` lines nested by indentation, `#` comments, plain, 'single' or "double"
    quoted scalars. Lists are refused (settings are single values), as the C# SDK does; anything
    else is reported as not valid YAML with its line.
    """

    def __init__(self, source, values):
        self.source = source
        self._values = values

    @staticmethod
    def empty():
        return Config("(no configuration)", {})

    @staticmethod
    def load(path):
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except (OSError, UnicodeDecodeError) as e:
            raise BadInput(BAD_CONFIG, f"{path}: cannot be read: {e.strerror if isinstance(e, OSError) and e.strerror else e}", path)
        return Config.parse(text, path)

    @staticmethod
    def parse(text, source):
        values = {}
        stack = [(-1, "")]          # (indent, dotted prefix) of the open mappings
        pending = None              # (indent, name, line) of a key whose value is a nested mapping or empty

        def invalid(number, why):
            return BadInput(BAD_CONFIG, f"{source}:{number}: not valid YAML: {why}", source)

        for number, raw in enumerate(text.splitlines(), start=1):
            line = _strip_comment(raw).rstrip()
            if not line.strip() or line.strip() in ("---", "..."):
                continue
            if "\t" in line[: len(line) - len(line.lstrip())]:
                raise invalid(number, "tabs cannot indent YAML")
            indent = len(line) - len(line.lstrip(" "))
            body = line.strip()
            if pending is not None:
                if indent > pending[0]:
                    stack.append((pending[0], pending[1]))
                else:
                    values[pending[1]] = ("", pending[2])
                pending = None
            while indent <= stack[-1][0]:
                stack.pop()
            prefix = stack[-1][1]
            if body.startswith("- ") or body == "-":
                raise BadInput(BAD_CONFIG, f"{source}:{number}: setting '{prefix}' is a list; settings are single values", source)
            m = re.match(r"""^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:'"{}\[\],#][^:]*?)\s*:(?:\s+(.*))?$""", body)
            if not m:
                raise invalid(number, f"expected 'name: value', got '{body}'")
            key = _unquote(m.group(1), number, invalid)
            name = f"{prefix}.{key}" if prefix else key
            value = (m.group(2) or "").strip()
            if not value:
                pending = (indent, name, number)
            elif value.startswith("[") or value.startswith("- "):
                raise BadInput(BAD_CONFIG, f"{source}:{number}: setting '{name}' is a list; settings are single values", source)
            elif value.startswith("{") or value.startswith(("|", ">", "&", "*", "!")):
                raise invalid(number, f"'{value}': only plain or quoted single values are read here")
            else:
                values[name] = (_unquote(value, number, invalid), number)
        if pending is not None:
            values[pending[1]] = ("", pending[2])
        return Config(source, values)

    def get_string(self, name, fallback):
        return self._values[name][0] if name in self._values else fallback

    def get_float(self, name, fallback, minimum=-sys.float_info.max, maximum=sys.float_info.max):
        if name not in self._values:
            return fallback
        value, number = self._values[name]
        try:
            parsed = float(value)
        except ValueError:
            parsed = None
        if parsed is None or parsed != parsed or not minimum <= parsed <= maximum:
            raise BadInput(BAD_CONFIG, f"{self.source}:{number}: setting '{name}' is '{value}'; expected a number from "
                                       f"{_json_number(float(minimum))} to {_json_number(float(maximum))}", self.source)
        return parsed

    def get_int(self, name, fallback, minimum=-2 ** 31, maximum=2 ** 31 - 1):
        value = self.get_float(name, fallback, minimum, maximum)
        if value != int(value):
            raise BadInput(BAD_CONFIG, f"{self.source}: setting '{name}' is {value}; expected a whole number", self.source)
        return int(value)


def _strip_comment(line):
    quote = None
    for i, ch in enumerate(line):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "'\"" and (i == 0 or line[i - 1] in " :"):
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
            return line[:i]
    return line


def _unquote(text, number, invalid):
    if text.startswith("'"):
        if len(text) < 2 or not text.endswith("'"):
            raise invalid(number, f"unterminated quoted text {text}")
        return text[1:-1].replace("''", "'")
    if text.startswith('"'):
        try:
            value = json.loads(text)
        except ValueError:
            raise invalid(number, f"bad double-quoted text {text}")
        if not isinstance(value, str):
            raise invalid(number, f"bad double-quoted text {text}")
        return value
    return text


# --- where files live ------------------------------------------------------------------------------

def is_s3(location):
    return location.startswith("s3://")


def local_path(location, base_directory):
    """A local path for a location (file:// URIs decoded, relative paths taken from base_directory)."""
    path = location
    if location.startswith("file://"):
        parts = urllib.parse.urlsplit(location)
        path = urllib.parse.unquote(parts.path)
        if parts.netloc and parts.netloc.lower() != "localhost":
            path = "//" + parts.netloc + path
    return os.path.normpath(os.path.join(base_directory, path))


class InputFetcher:
    """Copies every job file into the work folder and proves it is the planned file (size, MD5, SHA-256)."""

    BUFFER = 1 << 20

    def __init__(self, work_directory, job_directory, log):
        self.work, self.job_directory, self.log = work_directory, job_directory, log

    def fetch_all(self, job):
        folder = os.path.join(self.work, "inputs")
        os.makedirs(folder, exist_ok=True)
        local = {}
        for file in job.all_files:
            if not file.name or file.name != os.path.basename(file.name) or file.name in (".", ".."):
                raise BadInput(BAD_JOB, f"job: input name '{file.name}' must be a plain file name (no folders)")
            if file.name in local:
                raise BadInput(BAD_JOB, f"job: input '{file.name}' is listed twice")
            local[file.name] = os.path.join(folder, file.name)
            self._fetch(file, local[file.name])
        return local

    def _fetch(self, file, destination):
        md5, sha256, size = hashlib.md5(), hashlib.sha256(), 0
        source = self._open(file)
        try:
            with open(destination, "wb") as target:
                while True:
                    chunk = source.read(self.BUFFER)
                    if not chunk:
                        break
                    md5.update(chunk)
                    sha256.update(chunk)
                    size += len(chunk)
                    target.write(chunk)
        except OSError as e:
            raise BadInput(INPUT_MISSING, f"{file.name}: cannot be read from {file.location}: {e}", file.name)
        finally:
            source.close()
        actual_md5, actual_sha = md5.hexdigest(), sha256.hexdigest()
        if size != file.size:
            raise self._mismatch(file, "size", str(file.size), str(size))
        if actual_md5 != file.md5:
            raise self._mismatch(file, "MD5", file.md5, actual_md5)
        if file.sha256 is not None and actual_sha != file.sha256:
            raise self._mismatch(file, "SHA-256", file.sha256, actual_sha)
        self.log.info(INPUT_VERIFIED, f"{file.name}: {size} bytes, md5 {actual_md5}", file.name)

    def _open(self, file):
        try:
            if is_s3(file.location):
                bucket, key = s3.split(file.location)
                return s3.open_read(bucket, key)
            return open(local_path(file.location, self.job_directory), "rb", buffering=0)
        except (OSError, s3.S3Error, ValueError) as e:
            reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
            raise BadInput(INPUT_MISSING, f"{file.name}: cannot be read from {file.location}: {reason}", file.name)

    @staticmethod
    def _mismatch(file, what, expected, actual):
        return BadInput(INPUT_CHECKSUM, f"{file.name}: {what} is {actual}, but the job expects {expected}", file.name)


# --- products and outputs.json ---------------------------------------------------------------------

class ProductWriter:
    """Writes products under the output prefix (atomically) and, last, outputs.json listing them."""

    def __init__(self, job, job_directory, log):
        self.job, self.job_directory, self.log = job, job_directory, log
        self.products = []

    def write(self, name, level, descriptor, start, end, orbit, data, quality=0, quality_notes=None, inputs=None):
        """Stores one product and records it. data: bytes, or a list of byte buffers written one
        after another (no copy into one string); start and end are UtcTime."""
        if name != os.path.basename(name) or name in ("", ".", "..", OUTPUTS_FILE_NAME):
            raise ProcessingError(OUTPUT_FAILED, f"product name '{name}' must be a plain file name other than {OUTPUTS_FILE_NAME}")
        if any(p["name"] == name for p in self.products):
            raise ProcessingError(OUTPUT_FAILED, f"product '{name}' was written twice")
        chunks = [data] if isinstance(data, (bytes, bytearray, memoryview)) else list(data)
        md5, sha256, size = hashlib.md5(), hashlib.sha256(), 0
        for chunk in chunks:
            md5.update(chunk)
            sha256.update(chunk)
            size += memoryview(chunk).nbytes
        self._store(name, chunks)
        job = self.job
        record = {
            "name": name, "instrument": job.instrument, "level": level, "descriptor": descriptor,
            "start": start.json(), "end": end.json(), "orbit": orbit, "version": job.product_version,
            "size": size, "md5": md5.hexdigest(), "sha256": sha256.hexdigest(),
            "quality": int(quality), "qualityNotes": list(quality_notes or []),
            "inputs": list(inputs) if inputs is not None else [f.name for f in job.inputs],
            "kernels": [f.name for f in job.kernels], "calibration": [f.name for f in job.calibration],
        }
        self.products.append(record)
        self.log.info(PRODUCT_WRITTEN, f"{name}: {record['size']} bytes, md5 {record['md5']}", name)
        return record

    def complete(self, status):
        job = self.job
        outputs = {
            "jobId": job.job_id, "instrument": job.instrument,
            "processor": {"name": job.processor["name"], "version": job.processor["version"], "image": job.processor["image"]},
            "creationTime": job.creation_time.iso_seconds(), "status": status, "products": self.products,
        }
        self._store(OUTPUTS_FILE_NAME, [to_json(outputs, indent=2, relaxed=True).encode("utf-8")])

    def _store(self, name, chunks):
        prefix = self.job.output_prefix
        try:
            if is_s3(prefix):
                bucket, key_prefix = s3.split(prefix if prefix.endswith("/") else prefix + "/")
                s3.put(bucket, key_prefix + name, b"".join(chunks))
                return
            folder = local_path(prefix, self.job_directory)
            os.makedirs(folder, exist_ok=True)
            temp = os.path.join(folder, f".{name}.{uuid.uuid4().hex}.tmp")
            try:
                with open(temp, "wb") as f:
                    for chunk in chunks:
                        f.write(chunk)
                os.replace(temp, os.path.join(folder, name))
            except BaseException:
                if os.path.exists(temp):
                    os.remove(temp)
                raise
        except (OSError, s3.S3Error, ValueError) as e:
            reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
            raise ProcessingError(OUTPUT_FAILED, f"{name}: cannot be written under {prefix}: {reason}")


# --- the host --------------------------------------------------------------------------------------

class Context:
    """What a processor's run can use: the job, configuration, log, product writer, verified inputs."""

    def __init__(self, job, config, log, products, local_inputs, work_directory):
        self.job, self.config, self.log, self.products = job, config, log, products
        self.work_directory = work_directory
        self._local = local_inputs

    def input_path(self, file):
        return self._local[file.name]


def _parse_arguments(args):
    options = {}
    i = 0
    while i < len(args):
        if args[i] not in ("--job", "--config", "--work") or i + 1 >= len(args):
            raise BadInput(BAD_JOB, f"unexpected argument '{args[i]}'; usage: <processor> --job <job.json> [--config <file>] "
                                    f"[--work <dir>] (or the job JSON in {JOB_ENVIRONMENT_VARIABLE})")
        options[args[i]] = args[i + 1]
        i += 2
    return options


def _load_job(options):
    path = options.get("--job")
    if path is not None:
        try:
            with open(path, "rb") as f:
                raw = f.read()
            text = raw.decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as e:
            raise BadInput(BAD_JOB, f"{path}: cannot be read: {e.strerror if isinstance(e, OSError) and e.strerror else e}", path)
        return read_job(text, path), os.path.dirname(os.path.abspath(path))
    inline = os.environ.get(JOB_ENVIRONMENT_VARIABLE, "")
    if not inline.strip():
        raise BadInput(BAD_JOB, f"no job: give --job <job.json> or the job JSON in {JOB_ENVIRONMENT_VARIABLE}")
    return read_job(inline, JOB_ENVIRONMENT_VARIABLE), os.getcwd()


def _check_identity(job, processor):
    asked = job.processor
    if asked["name"] != processor.name or asked["version"] != processor.version:
        raise BadInput(WRONG_PROCESSOR, f"the job asks for processor {asked['name']} {asked['version']}, "
                                        f"but this is {processor.name} {processor.version}")
    if job.instrument != processor.name:
        raise BadInput(WRONG_PROCESSOR, f"the job is for instrument '{job.instrument}', this processor handles '{processor.name}'")


def _load_config(options, processor):
    # The configuration ships beside the processor unless the caller names another.
    if "--config" in options:
        return Config.load(options["--config"])
    beside = processor.config_path
    return Config.load(beside) if beside and os.path.isfile(beside) else Config.empty()


def run(args, processor, output=None):
    """Runs a processor under the contract; returns the exit code (0, 1, 2 or 3)."""
    started = time.monotonic()
    log = MessageLog(processor.messages, output)
    log.start(processor.name, processor.version, None)
    work, owns_work = None, False
    try:
        try:
            options = _parse_arguments(args)
            job, job_directory = _load_job(options)
            _check_identity(job, processor)
            config = _load_config(options, processor)
            owns_work = "--work" not in options
            if owns_work:
                work = tempfile.mkdtemp(prefix=f"sdc-{processor.name}-")
            else:
                work = os.path.abspath(options["--work"])
                os.makedirs(work, exist_ok=True)
            inputs = InputFetcher(work, job_directory, log).fetch_all(job)
            products = ProductWriter(job, job_directory, log)
            processor.run(Context(job, config, log, products, inputs, work))
            status = "WARNING" if log.warnings > 0 else "OK"
            products.complete(status)
            exit_code = OK_WITH_WARNINGS if log.warnings > 0 else OK
            log.end(status, exit_code, len(products.products), time.monotonic() - started)
            return exit_code
        except BadInput as e:
            log.error(e.code, e.text, e.file, e.offset)
            log.end("ERROR", BAD_INPUT, 0, time.monotonic() - started)
            return BAD_INPUT
        except ProcessingError as e:
            log.error(e.code, e.text)
            log.end("ERROR", PROCESSING_ERROR, 0, time.monotonic() - started)
            return PROCESSING_ERROR
        except UndocumentedCode as e:
            log.error(UNEXPECTED, f"InvalidOperationException: {e}")
            log.end("ERROR", PROCESSING_ERROR, 0, time.monotonic() - started)
            return PROCESSING_ERROR
        except KeyboardInterrupt:
            raise
        except Exception as e:  # a bug: report it under the contract rather than as a traceback
            import traceback
            traceback.print_exc(file=sys.stderr)
            log.error(UNEXPECTED, f"{type(e).__name__}: {e}")
            log.end("ERROR", PROCESSING_ERROR, 0, time.monotonic() - started)
            return PROCESSING_ERROR
    finally:
        if owns_work and work is not None:
            # A leftover temp folder is not worth failing a finished job for.
            shutil.rmtree(work, ignore_errors=True)
