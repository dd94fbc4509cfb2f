#!/usr/bin/python3
"""Times the PyTorch reference of JAT on CPU: the baseline `jat bench model` prints beside Jat.

  /usr/bin/python3 bench/python/bench_model.py --config small --threads 2 [--repeats 3] [--json]

Training shapes (random weights, random inputs of the real shapes, loss included):
  atari  : B x 32 steps of 4x84x84 frames in [-1, 1], discrete actions (18), rewards  (64 tokens)
  mujoco : B x 256 steps of mujoco-hopper (obs 11, action 3, reward)                 (512 tokens)
for B = 2 and 8: forward (no grad) and forward+backward (gradients of the total loss).
Inference as get_next_action (batch 1): each call feeds [prev obs, prev action, obs, fake action] with the KV
cache and truncates it as JAT does (keep the last max_positions-2, drop the last 2, keep the last context_window),
so the cache holds C entries in steady state; against recomputing the same C+4 tokens without a cache.
Each figure is the median of --repeats runs after one warm-up run.
"""

import argparse
import json
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import torch  # noqa: E402

import jat_torch  # noqa: E402


def atari_batch(b, l):
    return {"image_observations": torch.rand(b, l, 4, 84, 84) * 2 - 1,
            "discrete_actions": torch.randint(0, 18, (b, l)),
            "rewards": torch.randn(b, l),
            "attention_mask": torch.ones(b, l, dtype=torch.long),
            "loss_weight": torch.ones(b, l)}


def mujoco_batch(b, l):
    return {"continuous_observations": torch.randn(b, l, 11),
            "continuous_actions": torch.rand(b, l, 3) * 2 - 1,
            "rewards": torch.randn(b, l),
            "attention_mask": torch.ones(b, l, dtype=torch.long),
            "loss_weight": torch.full((b, l), 10.0)}


MAKERS = {"atari": (atari_batch, 32), "mujoco": (mujoco_batch, 256)}


def median_time(fn, repeats):
    fn()  # warm-up
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def train_figures(model, task, b, repeats):
    make, steps = MAKERS[task]
    batch = make(b, steps)

    def forward():
        with torch.no_grad():
            model(batch)["loss"].item()

    def forward_backward():
        model.zero_grad(set_to_none=True)
        model(batch)["loss"].backward()

    return {"task": task, "batch": b, "steps": steps, "tokens": 2 * steps,
            "forward_s": median_time(forward, repeats), "forward_backward_s": median_time(forward_backward, repeats)}


def inference_figures(model, task, context_window, calls, repeats):
    make, _ = MAKERS[task]
    max_pos = model.config.max_position_embeddings
    cached = context_window if context_window is not None else max_pos - 4
    step = make(1, 2)
    step.pop("attention_mask")  # get_next_action's processor call pads nothing and passes no mask
    step.pop("loss_weight")
    with torch.no_grad():
        prefill = make(1, cached // 2)
        prefill.pop("attention_mask")
        prefill.pop("loss_weight")
        past0 = model(prefill, return_loss=False)["past"]
        full = make(1, cached // 2 + 2)
        full.pop("attention_mask")
        full.pop("loss_weight")

        def incremental():
            past = past0
            for _ in range(calls):
                out = model(step, past=past, return_loss=False)
                past = jat_torch.truncate_cache(out["past"], max_pos, context_window)
                out["pred_actions"][0, -1].tolist()
            assert past[0][0].shape[-2] == cached

        def recompute():
            for _ in range(calls):
                model(full, return_loss=False)["pred_actions"][0, -1].tolist()

        t_inc = median_time(incremental, repeats) / calls
        t_full = median_time(recompute, repeats) / calls
    return {"task": task, "context_window": context_window, "cached_entries": cached,
            "kv_cache_steps_per_s": 1.0 / t_inc, "recompute_steps_per_s": 1.0 / t_full, "speedup": t_full / t_inc}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", default="small", help=f"preset ({', '.join(jat_torch.PRESETS)}) or a "
                        "config.json / model folder")
    parser.add_argument("--threads", type=int, default=2, help="torch.set_num_threads (default 2)")
    parser.add_argument("--repeats", type=int, default=3, help="timed runs per figure, after one warm-up (3)")
    parser.add_argument("--batches", default="2,8", help="batch sizes of the training shapes (2,8; empty: inference only)")
    parser.add_argument("--calls", type=int, default=8, help="get_next_action calls per inference run (8)")
    parser.add_argument("--tasks", default="mujoco,atari", help="training/inference shapes to time (mujoco,atari)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    if args.config in jat_torch.PRESETS:
        config = jat_torch.JatConfig(**jat_torch.PRESETS[args.config])
    else:
        config = jat_torch.JatConfig.load(args.config)
    model = jat_torch.JatModel(config).init_weights(0)
    batches = [int(x) for x in args.batches.split(",") if x]
    tasks = [t for t in args.tasks.split(",") if t]
    for t in tasks:
        if t not in MAKERS:
            parser.error(f"--tasks: unknown shape '{t}' (known: {', '.join(MAKERS)})")
    train, infer = [], []
    for task in tasks:
        for b in batches:
            print(f"bench_model: {task} batch {b}...", file=sys.stderr, flush=True)
            train.append(train_figures(model, task, b, args.repeats))
            print(f"bench_model:   {json.dumps(train[-1])}", file=sys.stderr, flush=True)
    model.eval()
    for task, cw in (("mujoco", 256), ("mujoco", None), ("atari", 32)):
        if task not in tasks:
            continue
        print(f"bench_model: inference {task} context_window {cw}...", file=sys.stderr, flush=True)
        infer.append(inference_figures(model, task, cw, args.calls, args.repeats))
        print(f"bench_model:   {json.dumps(infer[-1])}", file=sys.stderr, flush=True)
    result = {"implementation": "pytorch", "torch": torch.__version__, "threads": args.threads,
              "config": args.config, "parameters": sum(p.numel() for p in model.parameters()),
              "repeats": args.repeats, "train": train, "inference": infer}
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"PyTorch {torch.__version__} reference, {result['parameters'] / 1e6:.1f} M parameters, "
          f"{args.threads} threads, median of {args.repeats}")
    print(f"{'task':8} {'batch':>5} {'steps':>5} {'forward s':>10} {'fwd+bwd s':>10}")
    for r in train:
        print(f"{r['task']:8} {r['batch']:5d} {r['steps']:5d} {r['forward_s']:10.3f} {r['forward_backward_s']:10.3f}")
    print(f"{'inference':8} {'cache':>5} {'kv steps/s':>11} {'recompute steps/s':>18} {'speedup':>8}")
    for r in infer:
        print(f"{r['task']:8} {r['cached_entries']:5d} {r['kv_cache_steps_per_s']:11.2f} "
              f"{r['recompute_steps_per_s']:18.2f} {r['speedup']:8.2f}")


if __name__ == "__main__":
    main()
