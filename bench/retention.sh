#!/usr/bin/env bash
# Memory after huge documents: what a JSONL run holds once it has met a few huge records and
# gone back to ordinary ones. Every worker thread keeps its buffers from one document to the
# next; this checks that it gives back the ones a huge document grew (src/core/retained_buffer.h)
# rather than holding them for the rest of the run.
#
#   bench/retention.sh          # from the repository root, after building build/
#
# For text and then HTML, it feeds declutter, through a pipe held open, JOBS records of
# HUGE_MB each (the dev set's pages of that kind joined into one document), waits until all
# are answered and reads the process's resident memory; then one record per page of that
# kind, waits again and reads it again. A second run takes the pages alone. It fails (exit 1)
# when the first run ends holding more than SLACK_MB over the second. CI runs it;
# run-bench.sh prints it too.
# Settings (environment): DECLUTTER (default build/declutter), DEVSET (../shared/devset), JOBS
# (default: all cores), HUGE_MB (default 4), SLACK_MB (default 16).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
DECLUTTER=${DECLUTTER:-$root/build/declutter}
DEVSET=${DEVSET:-$root/../shared/devset}
JOBS=${JOBS:-$(nproc)}
HUGE_MB=${HUGE_MB:-4}
SLACK_MB=${SLACK_MB:-16}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/declutter-retention-XXXXXX")
pid=""
cleanup() {
  [[ -n $pid ]] && kill "$pid" 2> /dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
[[ -x $DECLUTTER ]] || { echo "retention: no declutter binary at $DECLUTTER" >&2; exit 2; }
[[ -d $DEVSET/text && -d $DEVSET/html ]] || { echo "retention: no dev set at $DEVSET" >&2; exit 2; }

python3 - "$DEVSET" "$WORK" "$HUGE_MB" "$JOBS" <<'EOF'
import json, os, sys
devset, work, huge_mb, jobs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
for kind in ("text", "html"):
    folder = os.path.join(devset, kind)
    pages = [open(os.path.join(folder, name), encoding="utf-8", errors="replace").read()
             for name in sorted(os.listdir(folder))]
    joined, size = [], 0
    while size < huge_mb * 1_000_000:
        for page in pages:
            joined.append(page)
            size += len(page)
            if size >= huge_mb * 1_000_000:
                break
    huge = json.dumps({"text": "\n".join(joined)}, ensure_ascii=False) + "\n"
    with open(os.path.join(work, f"huge-{kind}.jsonl"), "w", encoding="utf-8") as out:
        out.write(huge * jobs)
    with open(os.path.join(work, f"small-{kind}.jsonl"), "w", encoding="utf-8") as out:
        for page in pages:
            out.write(json.dumps({"text": page}, ensure_ascii=False) + "\n")
EOF

# wait_for LINES: until the run has answered LINES records (at most five minutes).
wait_for() {
  local waited=0
  while (( $(wc -l < "$WORK/out") < $1 )); do
    kill -0 "$pid" 2> /dev/null || { echo "retention: declutter stopped early" >&2; exit 2; }
    sleep 0.2
    (( ++waited < 1500 )) || { echo "retention: no answer after five minutes" >&2; exit 2; }
  done
}
status_mb() { awk -v key="$1:" '$1 == key { printf "%.1f", $2 / 1024 }' "/proc/$pid/status"; }

# measure KIND HUGE_RECORDS: one run, HUGE_RECORDS huge records then the ordinary ones;
# sets after_huge, after_small and peak (MB).
measure() {
  local kind=$1 huge_records=$2 small_records
  small_records=$(wc -l < "$WORK/small-$kind.jsonl")
  rm -f "$WORK/in"
  mkfifo "$WORK/in"
  # --line-buffered: each answer is written as soon as it is done, so the lines out say how
  # far the run has got.
  "$DECLUTTER" --jsonl --line-buffered --format "$kind" -j "$JOBS" < "$WORK/in" > "$WORK/out" &
  pid=$!
  exec 3> "$WORK/in"
  head -n "$huge_records" "$WORK/huge-$kind.jsonl" >&3
  wait_for "$huge_records"
  after_huge=$(status_mb VmRSS)
  cat "$WORK/small-$kind.jsonl" >&3
  wait_for $((huge_records + small_records))
  after_small=$(status_mb VmRSS)
  peak=$(status_mb VmHWM)
  exec 3>&-
  wait "$pid"
  pid=""
}

over=0
for kind in text html; do
  measure "$kind" 0
  baseline=$after_small
  measure "$kind" "$JOBS"
  echo "resident memory, $kind pages, -j $JOBS: $after_huge MB after $JOBS records of $HUGE_MB MB," \
    "$after_small MB after the $(wc -l < "$WORK/small-$kind.jsonl") pages that follow (peak $peak MB);" \
    "$baseline MB after those pages alone"
  if ! awk -v v="$after_small" -v b="$baseline" -v slack="$SLACK_MB" 'BEGIN { exit !(v <= b + slack) }'; then
    echo "retention: after the huge $kind records the run holds $after_small MB, more than $SLACK_MB MB" \
      "over the $baseline MB of the same pages alone" >&2
    over=1
  fi
done
exit $over
