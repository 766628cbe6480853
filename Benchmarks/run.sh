#!/usr/bin/env bash
# Benchmarks kazakhstan-api against nginx serving the same bytes, on loopback only.
# Usage: Benchmarks/run.sh [--quick] [--soak N]     (--quick: a few seconds, for CI; --soak N: N requests of soak)
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in wrk nginx taskset; do
    command -v "$tool" >/dev/null || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx util-linux >/dev/null; break; }
done
# The binary the container ships: release, Swift runtime linked statically (no dynamic symbol binding at start-up).
flags=(-c release --static-swift-stdlib --scratch-path .build-static)
swift build "${flags[@]}" --product kazakhstan-api >/dev/null
exec python3 Benchmarks/bench.py --binary "$(swift build "${flags[@]}" --show-bin-path)/kazakhstan-api" "$@"
