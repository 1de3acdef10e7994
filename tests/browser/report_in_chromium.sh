#!/bin/sh
# Renders a `declutter report` in headless Chromium and checks what a reader sees:
# dropped lines struck through and coloured by stage, kept lines plain, a tooltip with the
# deciding rule that hover reveals, and the summary table. Exit 77 (ctest SKIP) without
# Chromium.
#
# usage: report_in_chromium.sh DECLUTTER SOURCE_DIR [SCREENSHOT.png]
#   SCREENSHOT: also save a 1200x900 picture of the report (docs/report.png is made so).
set -eu
declutter=$1
source_dir=$2
screenshot=${3:-}

chromium=${CHROMIUM:-}
if [ -z "$chromium" ]; then
  for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" >/dev/null 2>&1; then chromium=$(command -v "$candidate"); break; fi
  done
fi
if [ -z "$chromium" ]; then
  echo "SKIP: no chromium on PATH"
  exit 77
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

browse() {
  # Every network and background feature off: the report must render from itself alone.
  timeout 60 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" "$@" 2>"$work/chromium.log"
}

"$declutter" report "$source_dir/tests/browser/page.txt" >"$work/report.html"

# The probe: the report with a measuring script after it (the parser puts it in <body>).
cat "$work/report.html" "$source_dir/tests/browser/probe.html" >"$work/probe.html"
browse --dump-dom "file://$work/probe.html" >"$work/dom.html" || {
  echo "FAIL: chromium could not render the report"
  cat "$work/chromium.log"
  exit 1
}
result=$(sed -n '/<pre id="probe-result">/,/<\/pre>/p' "$work/dom.html")
echo "$result"

failures=0
expect() {  # expect DESCRIPTION GREP-PATTERN
  if printf '%s\n' "$result" | grep -Eq "$2"; then
    echo "ok: $1"
  else
    echo "FAIL: $1 (no line matching /$2/)"
    failures=$((failures + 1))
  fi
}
dropped=$(printf '%s\n' "$result" | sed -n 's/^dropped=//p')
expect "some lines are dropped" '^dropped=[1-9]'
expect "every dropped line is visible and struck through" "^struck-visible=${dropped:-x}\$"
expect "some lines are kept" '^kept=[1-9]'
expect "no kept line is struck through" '^kept-struck=0$'
expect "rule drops and section cuts have their own colours" '^stage-colours-differ=true$'
expect "the tooltip is hidden until hover" '^tip-hidden=true$'
expect "hover shows the tooltip" '^tip-on-hover=true$'
expect "the tooltip names the deciding rule with file:line" '^tip=dropped by [^ ]+\.rules:[0-9]+ drop '
expect "the title attribute carries the same text" '^title=dropped by [^ ]+\.rules:[0-9]+ drop '
expect "the summary table lists the rules that fired" '^summary-rows=[1-9]'
expect "the page loads nothing from outside" '^external-resources=0$'

if [ -n "$screenshot" ]; then
  # For the picture, show one tooltip as hovering would.
  sed 's|</style>|.doc > .block:nth-child(6) .tip { display: block; }</style>|' "$work/report.html" >"$work/shot.html"
  browse --hide-scrollbars --window-size=1200,900 --screenshot="$screenshot" "file://$work/shot.html" >/dev/null
  echo "screenshot: $screenshot"
fi

[ "$failures" -eq 0 ]
