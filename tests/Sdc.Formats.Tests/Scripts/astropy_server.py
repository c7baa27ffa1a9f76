"""Answers requests about FITS files with astropy, one JSON line in, one JSON line out, so that the
tests pay for importing astropy once. Requests:
  {"op": "dump", "path": P}            every HDU: cards, checksum verdicts, data (flattened, row-major)
  {"op": "write", "path": P, "kind": K} a file written by astropy itself, for the reader to read
Any exception is answered as {"error": traceback}."""
import json, sys, traceback, warnings

import numpy as np
from astropy.io import fits

FULL_DATA_LIMIT = 200_000


def plain(value):
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        v = float(value)
        if v != v:
            return "NaN"
        if v in (float("inf"), float("-inf")):
            return "Infinity" if v > 0 else "-Infinity"
        return v
    if isinstance(value, complex):
        return [value.real, value.imag]
    if isinstance(value, bytes):
        return value.decode("ascii")
    if value is None or isinstance(value, fits.card.Undefined):
        return None
    return str(value)


def array_summary(array):
    flat = np.asarray(array).reshape(-1)
    out = {"dtype": flat.dtype.name, "count": int(flat.size)}
    if flat.dtype.kind in "biuf":
        out["sum"] = plain(np.nansum(flat.astype(np.float64)))
        step = max(1, flat.size // 50)
        out["samples"] = {str(i): plain(flat[i]) for i in range(0, flat.size, step)}
    if flat.size <= FULL_DATA_LIMIT:
        out["values"] = [plain(v) for v in flat.tolist()]
    return out


def dump(path):
    result = {"hdus": []}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with fits.open(path, checksum=True, memmap=False) as hdul:
            try:
                hdul.verify("exception")
                result["verify"] = "ok"
            except Exception as e:  # astropy's own standard-compliance verdict
                result["verify"] = str(e)
            for index, hdu in enumerate(hdul):
                entry = {
                    "index": index,
                    "class": type(hdu).__name__,
                    "name": hdu.name,
                    "cards": [[c.keyword, plain(c.value), c.comment] for c in hdu.header.cards],
                    "checksum": int(hdu.verify_checksum()) if "CHECKSUM" in hdu.header else None,
                    "datasum": int(hdu.verify_datasum()) if "DATASUM" in hdu.header else None,
                }
                if isinstance(hdu, fits.BinTableHDU):
                    entry["rows"] = int(hdu.header["NAXIS2"])
                    entry["columns"] = []
                    for col in hdu.columns:
                        data = hdu.data[col.name] if hdu.data is not None else np.array([])
                        column = {"name": col.name, "format": str(col.format), "unit": col.unit,
                                  "dim": col.dim, "shape": list(np.asarray(data).shape)}
                        column.update(array_summary(data))
                        entry["columns"].append(column)
                elif hdu.data is not None:
                    entry["shape"] = list(hdu.data.shape)
                    entry.update(array_summary(hdu.data))
                result["hdus"].append(entry)
    result["warnings"] = [str(w.message) for w in caught]
    return result


def write(path, kind):
    rng = np.random.default_rng(7)
    if kind == "mixed":
        primary = fits.PrimaryHDU(np.arange(12, dtype=np.uint16).reshape(3, 4) * 5000)
        primary.header["OBJECT"] = ("Mars", "target")
        primary.header["LONGSTR"] = "x" * 100 + "it's done"
        primary.header["EXPTIME"] = (1.25e-3, "seconds")
        primary.header["HISTORY"] = "made by astropy"
        image = fits.ImageHDU(rng.normal(size=(2, 3, 4)).astype(np.float32), name="CUBE")
        table = fits.BinTableHDU.from_columns([
            fits.Column(name="FLAG", format="L", array=np.array([True, False, True])),
            fits.Column(name="B", format="B", array=np.array([0, 128, 255], dtype=np.uint8)),
            fits.Column(name="I", format="I", array=np.array([-3, 0, 32767], dtype=np.int16)),
            fits.Column(name="J", format="J", array=np.array([-2**31, 0, 2**31 - 1], dtype=np.int32)),
            fits.Column(name="K", format="K", array=np.array([-2**63, 1, 2**63 - 1], dtype=np.int64)),
            fits.Column(name="SPEC", format="4E", unit="W/m2/nm", array=np.arange(12, dtype=np.float32).reshape(3, 4)),
            fits.Column(name="D", format="2D", dim="(2)", array=np.array([[1.5, -2.5], [0, 1e300], [np.pi, np.e]])),
            fits.Column(name="NAME", format="8A", array=np.array(["alpha", "", "gamma"])),
        ], name="EVENTS")
        fits.HDUList([primary, image, table]).writeto(path, overwrite=True, checksum=True)
    elif kind == "scaled":
        hdu = fits.PrimaryHDU(np.array([[0, 1000], [2000, 3000]], dtype=np.int16))
        hdu.header["BSCALE"] = 0.5
        hdu.header["BZERO"] = 100.0
        hdu.writeto(path, overwrite=True, output_verify="silentfix")
    else:
        raise ValueError("unknown kind " + kind)
    return {"written": path}


for line in sys.stdin:
    try:
        request = json.loads(line)
        if request["op"] == "dump":
            answer = dump(request["path"])
        elif request["op"] == "write":
            answer = write(request["path"], request["kind"])
        else:
            raise ValueError("unknown op " + request["op"])
    except Exception:
        answer = {"error": traceback.format_exc()}
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()
