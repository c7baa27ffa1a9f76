"""Reads SDC products with independent tools and prints what they hold, as JSON.
stdin: a JSON list of {"path": ..., "samples": [[x, y], ...]}. FITS go through astropy (checksums
verified, every warning recorded), PNG through Pillow. For each image HDU: name, numpy dtype, shape,
header (keyword -> value), the MD5 of the data as little-endian bytes, the NaN count, and the values
at the sample pixels (x = NAXIS1 index, y = NAXIS2 index)."""
import hashlib, json, math, sys, warnings

import numpy as np
from astropy.io import fits
from PIL import Image


def plain(value):
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return None if math.isnan(value) else float(value)
    return None if value is None else str(value)


def read_fits(path, samples):
    out = {"hdus": []}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with fits.open(path, checksum=True, memmap=False) as hdul:
            for hdu in hdul:
                entry = {"name": hdu.name, "header": {k: plain(v) for k, v in hdu.header.items() if k not in ("COMMENT", "HISTORY", "")}}
                entry["history"] = [str(h) for h in hdu.header.get("HISTORY", [])]
                if hdu.data is not None:
                    data = np.asarray(hdu.data)
                    entry["dtype"] = data.dtype.name
                    entry["shape"] = list(data.shape)
                    little = data.astype(data.dtype.newbyteorder("<"))
                    entry["md5"] = hashlib.md5(np.ascontiguousarray(little).tobytes()).hexdigest()
                    entry["nan"] = int(np.isnan(data).sum()) if data.dtype.kind == "f" else 0
                    entry["samples"] = [plain(data[y, x]) for x, y in samples]
                out["hdus"].append(entry)
    out["warnings"] = [str(w.message) for w in caught]
    return out


def read_png(path):
    with Image.open(path) as image:
        image.verify()
    with Image.open(path) as image:
        return {"mode": image.mode, "size": list(image.size), "text": dict(image.text),
                "md5": hashlib.md5(image.tobytes()).hexdigest()}


requests = json.load(sys.stdin)
print(json.dumps([read_png(r["path"]) if r["path"].endswith(".png") else read_fits(r["path"], r.get("samples", [])) for r in requests]))
