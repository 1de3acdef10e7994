#!/usr/bin/env bash
# Builds one libFuzzer target with clang (ASan + UBSan) and runs it for SECONDS.
# Usage: fuzz/run.sh TARGET SECONDS [extra libFuzzer flags]
#   TARGET: fuzz_rule_parser | fuzz_text_pipeline | fuzz_html_pipeline | fuzz_jsonl_reader |
#           fuzz_regex_gates
# Build dir: $FUZZ_BUILD_DIR (default build-fuzz). The corpus grows in
# $FUZZ_BUILD_DIR/corpus/TARGET across runs; crash inputs land in
# $FUZZ_BUILD_DIR/artifacts/TARGET/. Exit status is libFuzzer's: non-zero on a finding.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 2 ]; then
  echo "usage: fuzz/run.sh TARGET SECONDS [libFuzzer flags]" >&2
  exit 2
fi
target=$1
seconds=$2
shift 2
build=${FUZZ_BUILD_DIR:-build-fuzz}
if [ ! -f "$build/build.ninja" ]; then
  CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DDECLUTTER_FUZZ=ON -DDECLUTTER_TESTS=OFF >/dev/null
fi
ninja -C "$build" -j "${FUZZ_JOBS:-2}" "$target"

corpus=$build/corpus/$target
seeds=$build/seeds/$target
artifacts=$build/artifacts/$target
rm -rf "$seeds"
bash fuzz/make_seeds.sh "$target" "$seeds"
mkdir -p "$corpus" "$artifacts"
extra=()
if [ -f "fuzz/$target.dict" ]; then extra+=(-dict="fuzz/$target.dict"); fi
# Rule files are small; whole-file seeds would otherwise set the length limit to 14 KB and
# slow every execution down for nothing.
if [ "$target" = fuzz_rule_parser ]; then extra+=(-max_len=4096); fi

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
echo "fuzz/run.sh: $target for ${seconds}s (corpus $corpus, artifacts $artifacts)"
exec "$build/fuzz/$target" "$corpus" "$seeds" "${extra[@]}" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
  -artifact_prefix="$artifacts/" -print_final_stats=1 "$@"
