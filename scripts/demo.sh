#!/usr/bin/env bash
# Fresh Debian machine to clean text: installs what the build needs, builds, and runs
# declutter on a sample page written for the project.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C build declutter
echo "--- input: fixtures/common/news-basic.in.txt"
cat fixtures/common/news-basic.in.txt
echo "--- output of: build/declutter < fixtures/common/news-basic.in.txt"
build/declutter < fixtures/common/news-basic.in.txt
