#!/usr/bin/env bash
# Installs the Debian packages declutter builds and tests with. Needs root (or sudo);
# does nothing when every package is already there.
set -euo pipefail
packages=(build-essential cmake ninja-build pkg-config libgumbo-dev libxml2-dev libpcre2-dev
          zlib1g-dev libzstd-dev liblzma-dev libbrotli-dev nlohmann-json3-dev libsimdjson-dev catch2)
if [ "${1:-}" = "--test" ]; then
  # The report's browser test renders in headless Chromium; the fuzz targets need clang's libFuzzer;
  # the cost check (bench/cost-check.sh) counts instructions under valgrind's callgrind; the
  # JSONL fuzz target's seeds include zstd streams made with the zstd tool.
  packages+=(chromium clang libclang-rt-14-dev python3 valgrind zstd)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
