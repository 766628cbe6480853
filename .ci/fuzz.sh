#!/usr/bin/env bash
# Builds the libFuzzer targets (ParserFuzz, QueryFuzz) with -sanitize=fuzzer,address in their own scratch path, so
# normal builds stay untouched, and runs each for a bounded time. Any finding (a crash, a failed property check, an
# ASan report) fails the run and leaves the input in $FUZZ_ARTIFACTS for Tests/FuzzCorpus.
# Usage: .ci/fuzz.sh [SECONDS_PER_TARGET]     (default 60)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
artifacts=${FUZZ_ARTIFACTS:-$(mktemp -d)}
mkdir -p "$artifacts"

# -use-ld=lld: gold hits an internal error on the instrumented objects' DWARF.
flags=(-Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -use-ld=lld --scratch-path .build-fuzz)
swift build --product ParserFuzz "${flags[@]}" 2>&1 | grep -v "Cannot export local symbol" | tail -2
swift build --product QueryFuzz "${flags[@]}" 2>&1 | grep -v "Cannot export local symbol" | tail -2
bin=$(swift build "${flags[@]}" --show-bin-path)

# ASAN_OPTIONS=detect_leaks=0: LeakSanitizer cannot follow Swift's lazily initialised globals (static lets) and reports their
# one-time allocations as leaks; those are false positives, not growth. Memory growth is covered by the soak and the
# hostile-client tests instead.
run() {
    local target=$1 seeds=$2; shift 2
    local corpus log code=0
    corpus=$(mktemp -d)
    log=$(mktemp)
    cp "$seeds"/* "$corpus"/
    echo "== fuzz $target for ${seconds}s"
    ASAN_OPTIONS=detect_leaks=0 "$bin/$target" -max_total_time="$seconds" -print_final_stats=1 \
        -artifact_prefix="$artifacts/$target-" "$@" "$corpus" >"$log" 2>&1 || code=$?
    grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY)|Test unit written" "$log" || true
    if [ "$code" -ne 0 ]; then
        tail -40 "$log" >&2
        return 1
    fi
}
status=0
run ParserFuzz Tests/FuzzCorpus/parser || status=1
run QueryFuzz Tests/FuzzCorpus/query -dict=Tests/FuzzCorpus/query.dict || status=1
if [ "$status" -ne 0 ]; then
    echo "fuzz: FINDINGS in $artifacts:" >&2
    ls -la "$artifacts" >&2
    exit 1
fi
echo "fuzz: no findings"
