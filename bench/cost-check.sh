#!/usr/bin/env bash
# The cost check: counts the instructions declutter spends on a sample of the dev set, under
# callgrind, against the same sample through a bare reference (the word scan for text, bare
# libxml2 for HTML), and fails when a ratio passes its ceiling in bench/cost-budget.txt.
#
#   bench/cost-check.sh                 # from the repository root, after building build/
#
# Why instructions and not seconds: on a shared VM one run can take half again as long as the
# next, so a timing gate in CI would either flap or let a 50% regression through. Instruction
# counts of a single-threaded run repeat to within a fraction of a percent, and a ratio to a
# reference built here on the same machine does not depend on the compiler or the CPU's
# string functions as much as a bare count would. The benchmark (run-bench.sh) stays the
# measure of speed; this is the tripwire that runs on every CI build (about 20 seconds).
#
# Settings (environment): DECLUTTER (default build/declutter), DEVSET (../shared/devset),
# SAMPLE_KB (per mode, default 3000), WORK (scratch directory, default a fresh temporary one).
# Exit status: 0 within budget, 1 over budget, 2 cannot run (no valgrind, no binary, no dev set).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
DECLUTTER=${DECLUTTER:-$root/build/declutter}
DEVSET=${DEVSET:-$root/../shared/devset}
SAMPLE_KB=${SAMPLE_KB:-3000}
budget_file=$root/bench/cost-budget.txt
WORK=${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/declutter-cost-XXXXXX")}
trap 'rm -rf "$WORK"' EXIT

command -v valgrind >/dev/null || { echo "cost check: valgrind is not installed" >&2; exit 2; }
[[ -x $DECLUTTER ]] || { echo "cost check: no declutter binary at $DECLUTTER" >&2; exit 2; }
[[ -d $DEVSET ]] || { echo "cost check: no dev set at $DEVSET" >&2; exit 2; }

# Every page in turn would make the sample its first pages; a stride spreads it over the set.
python3 - "$DEVSET" "$WORK" "$SAMPLE_KB" <<'EOF'
import os, sys
devset, work, limit = sys.argv[1], sys.argv[2], int(sys.argv[3]) * 1000
for kind in ("text", "html"):
    folder = os.path.join(devset, kind)
    names = sorted(os.listdir(folder))
    sample, size = [], 0
    for stride_start in range(7):
        for name in names[stride_start::7]:
            if size >= limit:
                break
            body = open(os.path.join(folder, name), "rb").read().replace(b"\0", b"")
            sample.append(body + b"\0")
            size += len(body) + 1
    with open(os.path.join(work, kind + ".nul"), "wb") as out:
        out.write(b"".join(sample))
open(os.path.join(work, "empty.txt"), "wb").close()
EOF
g++ -O2 -std=c++17 "$root/bench/word_scan.cpp" -o "$WORK/word_scan"
g++ -O2 -std=c++17 "$root/bench/libxml2_parse.cpp" -o "$WORK/libxml2_parse" \
  $(pkg-config --cflags --libs libxml-2.0)

# instructions COMMAND...: the instructions callgrind counts for one run of COMMAND.
instructions() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2> "$WORK/callgrind.log" > /dev/null \
    || { cat "$WORK/callgrind.log" >&2; echo "cost check: failed to run $*" >&2; exit 2; }
  awk '/Collected :/ { print $NF }' "$WORK/callgrind.log"
}

startup=$(instructions "$DECLUTTER" --format text "$WORK/empty.txt")
text=$(instructions "$DECLUTTER" --format text --null -j 1 "$WORK/text.nul")
html=$(instructions "$DECLUTTER" --format html --null -j 1 "$WORK/html.nul")
word_scan=$(instructions "$WORK/word_scan" "$WORK/text.nul" "$root"/rules/stopwords/*.txt)
libxml2=$(instructions "$WORK/libxml2_parse" "$WORK/html.nul")
text_bytes=$(stat -c %s "$WORK/text.nul")
html_bytes=$(stat -c %s "$WORK/html.nul")

# measured NAME: this run's figure for a budget line's name.
measured() {
  case $1 in
    startup-millions) awk -v s="$startup" 'BEGIN { printf "%.2f", s / 1e6 }' ;;
    text-per-word-scan) awk -v a="$text" -v s="$startup" -v b="$word_scan" 'BEGIN { printf "%.3f", (a - s) / b }' ;;
    html-per-libxml2) awk -v a="$html" -v s="$startup" -v b="$libxml2" 'BEGIN { printf "%.3f", (a - s) / b }' ;;
    *) echo "cost check: $budget_file: unknown figure '$1'" >&2; exit 2 ;;
  esac
}

echo "sample: text $text_bytes bytes, HTML $html_bytes bytes (instructions, start-up subtracted from declutter's runs)"
printf '  declutter text %.1fM (%.1f a byte), word scan %.1fM; declutter HTML %.1fM (%.1f a byte), libxml2 %.1fM\n' \
  "$(awk -v x="$text" 'BEGIN { print x / 1e6 }')" "$(awk -v x="$text" -v s="$startup" -v n="$text_bytes" 'BEGIN { print (x - s) / n }')" \
  "$(awk -v x="$word_scan" 'BEGIN { print x / 1e6 }')" "$(awk -v x="$html" 'BEGIN { print x / 1e6 }')" \
  "$(awk -v x="$html" -v s="$startup" -v n="$html_bytes" 'BEGIN { print (x - s) / n }')" \
  "$(awk -v x="$libxml2" 'BEGIN { print x / 1e6 }')"
over=0
while read -r name ceiling _; do
  [[ -z $name || $name == \#* ]] && continue
  value=$(measured "$name")
  if awk -v v="$value" -v c="$ceiling" 'BEGIN { exit !(v > c) }'; then
    echo "  $name: $value, OVER the ceiling of $ceiling ($budget_file)"
    over=1
  else
    echo "  $name: $value (ceiling $ceiling)"
  fi
done < "$budget_file"
exit $over
