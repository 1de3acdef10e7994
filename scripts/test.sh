#!/usr/bin/env bash
# Fresh Debian machine to a passing test suite: installs what the build and the tests
# need, builds with warnings as errors, and runs every test with ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --test
build_dir=${BUILD_DIR:-build}
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DDECLUTTER_WERROR=ON "$@" >/dev/null
ninja -C "$build_dir"
cd "$build_dir" && ctest --output-on-failure -j "$(nproc)"
