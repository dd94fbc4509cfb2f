#!/usr/bin/python3
"""Writes a randomly initialised JAT model folder and one random batch per modality, for testing check_losses.py
and for handing checkpoints to Jat (`jat model loss`).

  /usr/bin/python3 bench/python/make_fixture.py --out DIR [--preset tiny|small] [--seed S] [--batch 2]

Writes DIR/model/{config.json,model.safetensors} and DIR/batch-{mujoco,babyai,atari,text,vqa}.safetensors.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy as np  # noqa: E402
import torch  # noqa: E402

import jat_torch  # noqa: E402
import safetensors_np  # noqa: E402


def batches(config, rng, b):
    def mask(l):
        m = np.ones((b, l), dtype=np.int64)
        m[-1, l - l // 4:] = 0  # last row padded at the end, as the processor pads
        return m

    l = 16
    yield "mujoco", {
        "continuous_observations": rng.standard_normal((b, l, 11)).astype(np.float32),
        "continuous_actions": rng.uniform(-1, 1, (b, l, 3)).astype(np.float32),
        "rewards": rng.standard_normal((b, l)).astype(np.float32),
        "attention_mask": mask(l),
        "loss_weight": np.full((b, l), 10.0, dtype=np.float32),
    }
    yield "babyai", {
        "discrete_observations": rng.integers(0, 50257, (b, l, config.max_discrete_value)).astype(np.int64),
        "discrete_actions": rng.integers(0, 7, (b, l)).astype(np.int64),
        "rewards": rng.uniform(0, 1, (b, l)).astype(np.float32),
        "attention_mask": mask(l),
        "loss_weight": np.ones((b, l), dtype=np.float32),
    }
    l = 8
    yield "atari", {
        "image_observations": rng.uniform(-1, 1, (b, l, 4, 84, 84)).astype(np.float32),
        "discrete_actions": rng.integers(0, 18, (b, l)).astype(np.int64),
        "rewards": rng.standard_normal((b, l)).astype(np.float32),
        "attention_mask": mask(l),
        "loss_weight": np.ones((b, l), dtype=np.float32),
    }
    yield "text", {"input_ids": rng.integers(0, config.vocab_size, (b, 24)).astype(np.int64),
                   "attention_mask": mask(24)}
    yield "vqa", {"input_ids": rng.integers(0, config.vocab_size, (b, 12)).astype(np.int64),
                  "attention_mask": mask(12),
                  "pixel_values": rng.standard_normal((b, 3, config.image_size, config.image_size)).astype(np.float32)}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True)
    parser.add_argument("--preset", default="tiny", choices=sorted(jat_torch.PRESETS))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--batch", type=int, default=2)
    args = parser.parse_args()
    config = jat_torch.JatConfig(**jat_torch.PRESETS[args.preset])
    model = jat_torch.JatModel(config).init_weights(args.seed)
    model.save(os.path.join(args.out, "model"))
    rng = np.random.default_rng(args.seed)
    for name, arrays in batches(config, rng, args.batch):
        safetensors_np.write(os.path.join(args.out, f"batch-{name}.safetensors"), arrays)
    print(f"make_fixture: wrote {args.out}/model and 5 batches", file=sys.stderr)
    torch.set_num_threads(1)


if __name__ == "__main__":
    main()
