#!/usr/bin/env bash
# One text line of SIZE bytes (default 1 GiB, no newline until the end) through the
# release binary: reports wall time, peak RSS and whether the line came out whole.
# Too slow for the unit tests (which use 4 MB); run once by hand.
# A 1 GiB document is over the default --max-doc-bytes (64M) and is passed through
# unchanged; pass `--max-doc-bytes 0` to have it processed whole.
# Usage: fuzz/long_line.sh [BINARY] [SIZE_BYTES] [declutter options...]
set -euo pipefail
binary=${1:-build/declutter}
size=${2:-1073741824}
shift $(( $# < 2 ? $# : 2 ))
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$size" "$tmp/line.txt" <<'PY'
import sys
size, path = int(sys.argv[1]), sys.argv[2]
piece = b"lorem ipsum dolor sit amet, " * 4096
with open(path, "wb") as out:
    left = size - 5
    while left > 0:
        chunk = piece[:left]
        out.write(chunk)
        left -= len(chunk)
    out.write(b"end.\n")
PY
/usr/bin/time -f "wall %e s, peak RSS %M KB" "$binary" --format text "$@" "$tmp/line.txt" > "$tmp/out.txt" 2> "$tmp/err.txt" ||
  { echo "exit status $?"; cat "$tmp/err.txt"; exit 1; }
cat "$tmp/err.txt"
in_bytes=$(stat -c %s "$tmp/line.txt")
out_bytes=$(stat -c %s "$tmp/out.txt")
if cmp -s "$tmp/line.txt" "$tmp/out.txt"; then verdict="identical to the input"; else verdict="DIFFERENT from the input"; fi
echo "in $in_bytes bytes, out $out_bytes bytes: output $verdict"
