#!/usr/bin/python3
"""Computes JAT's losses on one batch with the independent PyTorch implementation, for comparison with Jat.

  /usr/bin/python3 bench/python/check_losses.py --model DIR --batch FILE.safetensors [--json]

DIR is an HF model folder (config.json + model.safetensors, jat-project/jat's tensor names). The batch file holds
tensors named like JatProcessor's outputs: RL batches continuous_observations | discrete_observations |
image_observations, continuous_actions | discrete_actions, rewards, attention_mask, loss_weight (optional);
text batches input_ids, attention_mask (optional), pixel_values (optional, image+text). Prints loss,
observation_loss and action_loss (RL), and for RL the predicted action of every row at its last timestep
(continuous: the first act_dim values; discrete: argmax over the first --action-count logits, default all).
"""

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import torch  # noqa: E402

import jat_torch  # noqa: E402
import safetensors_np  # noqa: E402

BATCH_NAMES = {"continuous_observations", "discrete_observations", "image_observations", "continuous_actions",
               "discrete_actions", "rewards", "attention_mask", "loss_weight", "input_ids", "pixel_values"}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", required=True, help="HF model folder: config.json + model.safetensors")
    parser.add_argument("--batch", required=True, help="safetensors file of processor-named batch tensors")
    parser.add_argument("--action-count", type=int, default=None,
                        help="discrete actions: argmax over the first N logits (as get_next_action); default all")
    parser.add_argument("--threads", type=int, default=None, help="torch threads (default: torch's choice)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    args = parser.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    try:
        for needed in ("config.json", "model.safetensors"):
            if not os.path.isfile(os.path.join(args.model, needed)):
                raise ValueError(f"{args.model}: no {needed}; --model must be an HF model folder "
                                 "(config.json + model.safetensors)")
        if not os.path.isfile(args.batch):
            raise ValueError(f"{args.batch}: no such batch file")
        model = jat_torch.JatModel.from_folder(args.model)
        arrays, _ = safetensors_np.read(args.batch)
        unknown = sorted(set(arrays) - BATCH_NAMES)
        if unknown:
            raise ValueError(f"{args.batch}: tensor '{unknown[0]}' is not a JatProcessor output "
                             f"(expected some of {', '.join(sorted(BATCH_NAMES))})")
        batch = jat_torch.batch_to_torch(arrays)
        with torch.no_grad():
            out = model(batch)
    except (ValueError, OSError, KeyError) as e:
        print(f"check_losses: {e}", file=sys.stderr)
        return 2
    result = {"loss": float(out["loss"])}
    if "action_loss" in out:
        result["observation_loss"] = float(out["observation_loss"])
        result["action_loss"] = float(out["action_loss"])
        last = out["pred_actions"][:, -1]
        if "discrete_actions" in batch:
            n = args.action_count or last.shape[-1]
            result["last_action"] = last[:, :n].argmax(-1).tolist()
        else:
            result["last_action"] = last.tolist()
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:18} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
