#!/usr/bin/python3
"""Writes Pillow reference outputs for the image preprocessing tests (run from this folder; needs Pillow and numpy,
e.g. Debian's python3-pil and python3-numpy). Inputs are made here from a fixed generator, so the folder is
reproducible: each case is an input image file and the expected output, written by real Pillow.

  <case>.png/.jpg       the encoded input
  resize.txt            case, target width, target height, SHA-256 of PIL's convert("RGB").resize(BICUBIC) bytes
  <case>.rgb            the same bytes in full, for the small cases
  clip.txt              case, SHA-256 of the CLIP pipeline's float32 output (3x224x224, channel first, little endian)
"""
import hashlib
import numpy as np
from PIL import Image

def pixels(width, height, bands, seed):
    state = seed
    out = bytearray()
    for _ in range(width * height * bands):
        state = (state * 1103515245 + 12345) % (1 << 31)
        out.append((state >> 16) & 0xFF)
    return bytes(out)

def smooth(width, height, seed):
    # a photo-like gradient with noise, so JPEG keeps it close
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width]
    base = np.stack([x * 255 / max(1, width - 1), y * 255 / max(1, height - 1), (x + y) * 127 / max(1, width + height - 2)], -1)
    return np.clip(base + rng.normal(0, 2, base.shape), 0, 255).astype(np.uint8)

cases = {
    "rgb_5x3": Image.frombytes("RGB", (5, 3), pixels(5, 3, 3, 1)),
    "rgb_3x2": Image.frombytes("RGB", (3, 2), pixels(3, 2, 3, 2)),
    "rgb_37x23": Image.frombytes("RGB", (37, 23), pixels(37, 23, 3, 3)),
    "rgb_260x240": Image.fromarray(smooth(260, 240, 4), "RGB"),
    "grey_19x41": Image.frombytes("L", (19, 41), pixels(19, 41, 1, 5)),
    "rgba_50x30": Image.frombytes("RGBA", (50, 30), pixels(50, 30, 4, 6)),
    "palette_30x30": Image.frombytes("RGB", (30, 30), pixels(30, 30, 3, 7)).quantize(16),
    "rgb_224x224": Image.fromarray(smooth(224, 224, 8), "RGB"),
}
resizes = {"rgb_5x3": [(3, 2), (8, 7)], "rgb_3x2": [(7, 5), (3, 5)]}

def clip(image):
    image = image.convert("RGB")
    w, h = image.size
    short, long = (w, h) if w <= h else (h, w)
    new_long = int(224 * long / short)
    size = (224, new_long) if w <= h else (new_long, 224)
    resized = np.asarray(image.resize(size, resample=Image.BICUBIC, reducing_gap=None))
    rh, rw = resized.shape[:2]
    top, left = (rh - 224) // 2, (rw - 224) // 2
    cropped = resized[top:top + 224, left:left + 224]
    rescaled = (cropped.astype(np.float64) * (1 / 255)).astype(np.float32)
    mean = np.array([0.48145466, 0.4578275, 0.40821073], dtype=np.float32)
    std = np.array([0.26862954, 0.26130258, 0.27577711], dtype=np.float32)
    normalized = ((rescaled - mean) / std).astype(np.float32)
    return np.ascontiguousarray(normalized.transpose(2, 0, 1)).astype("<f4").tobytes()

resize_lines, clip_lines = [], []
for name, image in cases.items():
    image.save(name + ".png")
    rgb = image.convert("RGB")
    for (w, h) in resizes.get(name, []):
        out = rgb.resize((w, h), resample=Image.BICUBIC, reducing_gap=None).tobytes()
        open(f"{name}_to_{w}x{h}.rgb", "wb").write(out)
        resize_lines.append(f"{name}.png {w} {h} {hashlib.sha256(out).hexdigest()}")
    clip_lines.append(f"{name}.png {hashlib.sha256(clip(image)).hexdigest()}")

jpeg = Image.fromarray(smooth(64, 48, 9), "RGB")
jpeg.save("rgb_64x48.jpg", quality=90)
decoded = Image.open("rgb_64x48.jpg")
open("rgb_64x48.jpg.rgb", "wb").write(decoded.convert("RGB").tobytes())
clip_lines.append(f"rgb_64x48.jpg {hashlib.sha256(clip(decoded)).hexdigest()}")

open("resize.txt", "w").write("\n".join(resize_lines) + "\n")
open("clip.txt", "w").write("\n".join(clip_lines) + "\n")
