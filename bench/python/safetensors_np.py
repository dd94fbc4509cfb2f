"""Reads and writes the safetensors format with numpy alone (Debian ships no safetensors package).

Layout: 8-byte little-endian header length N, N bytes of JSON {name: {dtype, shape, data_offsets: [begin, end]}}
(plus an optional "__metadata__" of strings), then the raw little-endian tensor bytes; offsets count from the end
of the header.
"""

import json
import os
import struct

import numpy as np

_NUMPY_OF = {
    "F64": np.float64,
    "F32": np.float32,
    "F16": np.float16,
    "I64": np.int64,
    "I32": np.int32,
    "I16": np.int16,
    "I8": np.int8,
    "U8": np.uint8,
    "BOOL": np.bool_,
}
_NAME_OF = {np.dtype(v): k for k, v in _NUMPY_OF.items()}


class SafetensorsError(ValueError):
    pass


def read(path):
    """Returns ({name: numpy array}, metadata). BF16 tensors come back as float32 (exact: BF16 is a truncated F32)."""
    size = os.path.getsize(path)
    with open(path, "rb") as f:
        head = f.read(8)
        if len(head) < 8:
            raise SafetensorsError(f"{path}: {size} bytes, too short for a safetensors header; rewrite the file")
        (header_len,) = struct.unpack("<Q", head)
        if header_len > size - 8:
            raise SafetensorsError(
                f"{path}: header claims {header_len} bytes but the file has {size - 8} after the length; "
                "the file is truncated, rewrite it")
        try:
            header = json.loads(f.read(header_len).decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            raise SafetensorsError(f"{path}: header is not valid JSON ({e}); the file is damaged") from e
        data_start = 8 + header_len
        metadata = header.pop("__metadata__", None) or {}
        tensors = {}
        for name, info in header.items():
            dtype, shape, (begin, end) = info["dtype"], info["shape"], info["data_offsets"]
            if data_start + end > size:
                raise SafetensorsError(
                    f"{path}: tensor '{name}' ends at byte {data_start + end} but the file has {size}; "
                    "the file is truncated, rewrite it")
            count = int(np.prod(shape)) if shape else 1
            f.seek(data_start + begin)
            raw = f.read(end - begin)
            if dtype == "BF16":
                if len(raw) != 2 * count:
                    raise SafetensorsError(f"{path}: tensor '{name}' has {len(raw)} bytes, expected {2 * count}")
                array = (np.frombuffer(raw, dtype="<u2").astype(np.uint32) << 16).view(np.float32)
            elif dtype in _NUMPY_OF:
                np_type = np.dtype(_NUMPY_OF[dtype]).newbyteorder("<")
                if len(raw) != np_type.itemsize * count:
                    raise SafetensorsError(
                        f"{path}: tensor '{name}' has {len(raw)} bytes, expected {np_type.itemsize * count}")
                array = np.frombuffer(raw, dtype=np_type).astype(np_type.newbyteorder("="))
            else:
                raise SafetensorsError(f"{path}: tensor '{name}' has unsupported dtype {dtype}")
            tensors[name] = array.reshape(shape)
    return tensors, metadata


def write(path, tensors, metadata=None):
    """Writes {name: numpy array} in name order, aligned to 8 bytes as the reference writer does."""
    header = {}
    offset = 0
    arrays = []
    for name in sorted(tensors):
        array = np.ascontiguousarray(tensors[name])
        if array.dtype not in _NAME_OF:
            raise SafetensorsError(f"{path}: tensor '{name}' has unsupported dtype {array.dtype}")
        data = array.astype(array.dtype.newbyteorder("<")).tobytes()
        header[name] = {"dtype": _NAME_OF[array.dtype], "shape": list(array.shape),
                        "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        arrays.append(data)
    if metadata:
        header["__metadata__"] = {str(k): str(v) for k, v in metadata.items()}
    encoded = json.dumps(header, separators=(",", ":")).encode("utf-8")
    encoded += b" " * (-len(encoded) % 8)
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(struct.pack("<Q", len(encoded)))
        f.write(encoded)
        for data in arrays:
            f.write(data)
    os.replace(tmp, path)
