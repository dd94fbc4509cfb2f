#!/usr/bin/env bash
# Compiles each of Jat's MuJoCo models and gymnasium's model of the same name with mujoco-compile
# (Debian package libmujoco-samples) and reports, one line per model, whether the compiled models
# are the same: both the printed model (.txt) and the binary model (.mjb) are compared.
#
# usage: check-against-gymnasium.sh <gymnasium checkout>/gymnasium/envs/mujoco/assets
# Set MUJOCO_COMPILE to use another compile binary. Exit status 1 if any model differs.
set -euo pipefail

if [[ $# -ne 1 || ! -d $1 ]]; then
  echo "usage: $0 <folder holding gymnasium's ant.xml, hopper.xml, ...>" >&2
  exit 2
fi
gymnasium=$1
jat=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
compile=${MUJOCO_COMPILE:-mujoco-compile}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

models=(ant half_cheetah hopper humanoid humanoidstandup inverted_double_pendulum inverted_pendulum pusher reacher swimmer walker2d)

# mujoco-compile overwrites an existing output file without truncating it, so every output goes to a fresh name.
compile_both() { # source.xml prefix
  "$compile" "$1" "$2.txt" >/dev/null 2>&1 && "$compile" "$1" "$2.mjb" >/dev/null 2>&1
}

status=0
for model in "${models[@]}"; do
  if [[ ! -f $gymnasium/$model.xml ]]; then
    verdict="differs (gymnasium has no $model.xml)"
  elif ! compile_both "$jat/$model.xml" "$work/$model.jat"; then
    verdict="differs (Jat's model does not compile)"
  elif ! compile_both "$gymnasium/$model.xml" "$work/$model.gym"; then
    verdict="differs (gymnasium's model does not compile)"
  else
    text_lines=$(diff "$work/$model.gym.txt" "$work/$model.jat.txt" | grep -c '^[<>]' || true)
    if [[ $text_lines -eq 0 ]] && cmp -s "$work/$model.gym.mjb" "$work/$model.jat.mjb"; then
      verdict="identical (.txt and .mjb)"
    elif [[ $text_lines -eq 0 ]]; then
      verdict="differs (.txt same, .mjb bytes differ)"
    else
      verdict="differs ($text_lines lines of .txt)"
    fi
  fi
  [[ $verdict == identical* ]] || status=1
  printf '%-26s %s\n' "$model" "$verdict"
done
exit $status
