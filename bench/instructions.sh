#!/bin/bash
# Instructions per packet of the packet path, counted by callgrind: unlike Mpps these do not move with the load of
# a shared machine, so they compare two builds of the engine exactly (docs/benchmarks.md). Run from the
# repository root after `make release`:
#
#   bench/instructions.sh [--established] [BINARY]     (BINARY defaults to .build/release/p4rtd-bench)
#
# Lines: `instructions node-hot N`, the node program with everything in cache; `instructions swx-scale-lone N` and
# `instructions swx-scale-interleaved N`, the swx-scale exact program with 10 entries run packet after packet and
# interleaved (their quotient is the interleaving's own cost); with --established, `instructions
# node-established N`, the node program at scale (10,000 services, 100,000 flows; about ten minutes).
set -euo pipefail
established=0
if [ "${1:-}" = "--established" ]; then established=1; shift; fi
bin=${1:-.build/release/p4rtd-bench}
command -v valgrind >/dev/null || { echo "instructions: valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }
[ -x "$bin" ] || { echo "instructions: $bin is missing (make release)" >&2; exit 1; }
[ -f programs/node/node.spec ] || { echo "instructions: run from the repository root" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# The callgrind total (instructions) of a run: `total TOGGLE COMMAND...` (TOGGLE empty: the whole program).
total() {
    local toggle=$1
    shift
    valgrind --tool=callgrind --callgrind-out-file="$out/cg" ${toggle:+--toggle-collect="$toggle"} "$@" 2>&1 \
        | awk '/refs:/ { c = $NF; gsub(",", "", c); print c }'
}
report() { awk -v n="$1" -v c="$2" -v p="$3" 'BEGIN { printf "instructions %s %.0f\n", n, c / p }'; }
# The mangled name of the first function of $bin matching the regular expression $1.
symbol() { nm "$bin" | awk -v p="$1" '$3 ~ p && !found { print $3; found = 1 }'; }

# node hot: three measured passes of N packets through SWXPipeline.process(count:input:output:)'s closure.
report node-hot "$(total '*SWXPipelineC7process5count5input6outputySi_s6UInt32V4port_SW5bytestSiXEyAI_SWtXEtFyyAI_SWtcXEfU_*' \
    "$bin" node 100000 hot)" 300000

# Instructions per packet of `swx-scale`: the difference between runs of 400,000 and 200,000 packets (the setup
# cancels out). (The settings go to the environment: valgrind does not follow `env` into the program it runs.)
per_packet() {
    local small large
    small=$(total "" "$bin" swx-scale 200000)
    large=$(total "" "$bin" swx-scale 400000)
    report "$1" "$((large - small))" 200000
}
export SWX_SCALE_MODES=exact SWX_SCALE_ENTRIES=10 SWX_SCALE_RUNS=1
# Lone: packet after packet. Interleaved: every burst interleaved (SWX_SCALE_INTERLEAVE=always), the packets'
# gathering included.
per_packet swx-scale-lone
SWX_SCALE_INTERLEAVE=always per_packet swx-scale-interleaved

if [ "$established" = 1 ]; then
    # NodeBenchmarks.measure runs only the measured packets (the pinning pass is another function).
    measured=$(symbol 'NodeBenchmarksO7measure')
    report node-established "$(total "$measured" "$bin" node 50000 established)" 150000
fi
