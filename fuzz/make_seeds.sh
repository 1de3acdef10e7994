#!/usr/bin/env bash
# Builds the seed corpus of one fuzz target into DIR from the project's own material:
# fixtures/ (text and HTML pages we wrote), rules/ (for the rule parser), a few generated
# JSONL lines, and the tiny hand-made seeds in fuzz/seeds/TARGET/.
# Usage: fuzz/make_seeds.sh TARGET DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target=$1
dir=$2
mkdir -p "$dir"
copy() { local f=$1; cp "$f" "$dir/seed-$(printf '%s' "$f" | md5sum | cut -c1-12)"; }

case "$target" in
  fuzz_rule_parser)
    find "$root/rules" -name '*.rules' -print0 | while IFS= read -r -d '' f; do copy "$f"; done
    # A whole rules directory in one input, in the target's "%% NAME" layout.
    { cat "$root/rules/common.rules"
      for f in "$root"/rules/*.rules "$root"/rules/publishers/*.rules; do
        [ -f "$f" ] || continue
        printf '%%%% %s\n' "${f#"$root/rules/"}"; cat "$f"
      done; } > "$dir/seed-whole-directory"
    ;;
  fuzz_text_pipeline)
    find "$root/fixtures" -name '*.in.txt' -print0 | while IFS= read -r -d '' f; do copy "$f"; done
    # Gzip'd documents, whole and as two members, for the inflating path. The first three
    # pages are taken in bash, not with `head`: under pipefail, `sort` writing into a pipe
    # `head` has closed dies of SIGPIPE now and then, and the script with it.
    mapfile -t pages < <(find "$root/fixtures" -name '*.in.txt' | sort)
    for f in "${pages[@]:0:3}"; do
      gzip -c < "$f" > "$dir/seed-gz-$(md5sum < "$f" | cut -c1-12)"
      { gzip -c < "$f"; gzip -c < "$f"; } > "$dir/seed-gz2-$(md5sum < "$f" | cut -c1-12)"
      python3 -c 'import lzma, sys; sys.stdout.buffer.write(lzma.compress(sys.stdin.buffer.read()))' < "$f" \
        > "$dir/seed-xz-$(md5sum < "$f" | cut -c1-12)"
    done
    ;;
  fuzz_html_pipeline)
    # First byte chooses the parser (even: libxml2, odd: Gumbo); seed both.
    find "$root/fixtures" -name '*.in.html' -print0 | while IFS= read -r -d '' f; do
      { printf 'L'; cat "$f"; } > "$dir/seed-l-$(md5sum < "$f" | cut -c1-12)"
      { printf 'G'; cat "$f"; } > "$dir/seed-g-$(md5sum < "$f" | cut -c1-12)"
    done
    ;;
  fuzz_jsonl_reader)
    python3 - "$root" "$dir" <<'PY'
import gzip, json, pathlib, sys
root, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
pages = sorted(root.glob("fixtures/**/*.in.*"))[:6]
for i, page in enumerate(pages):
    text = page.read_bytes().decode("utf-8", "replace")[:2000]
    lines = [json.dumps({"id": i, "url": f"https://www.example.com/{i}", "text": text}),
             json.dumps({"text": "Menu\nA line.\n", "meta": {"a": [1, 2.5, None, True]}}),
             '{"text": 17}', '{"broken": ', "not json at all", ""]
    # The first byte is the target's configuration byte: 0 = JSONL, --on-error=pass.
    (out / f"seed-jsonl-{i}").write_bytes(b"\0" + ("\n".join(lines) + "\n").encode())
    # The same gzip'd (a .jsonl.gz stream), whole and cut short.
    packed = gzip.compress(("\n".join(lines) + "\n").encode(), mtime=0)
    (out / f"seed-jsonl-gz-{i}").write_bytes(b"\0" + packed)
    (out / f"seed-jsonl-gz-cut-{i}").write_bytes(b"\0" + packed[: len(packed) * 2 // 3])
PY
    # WARC files (configuration byte 3): pages, a request, an image, a redirect, chunked,
    # gzip'd, deflate'd and (damaged) brotli bodies; plain, gzip'd a record at a time, and
    # cut short.
    python3 - "$root" "$dir" <<'PY'
import gzip, pathlib, sys, zlib
root, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
def record(kind, uri, content_type, block):
    head = (f"WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
            f"WARC-Record-ID: <urn:uuid:{len(block)}>\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(block)}\r\n\r\n")
    return head.encode() + block + b"\r\n\r\n"
def response(status, fields, body):
    return f"HTTP/1.1 {status}\r\n{fields}\r\n".encode() + body
http = "application/http; msgtype=response"
for i, page in enumerate(sorted(root.glob("fixtures/**/*.in.html"))[:4]):
    body = page.read_bytes()[:4000]
    chunked = b"%x\r\n" % len(body) + body + b"\r\n0\r\n\r\n"
    records = [record("request", f"https://www.example.com/{i}", "application/http; msgtype=request",
                      b"GET / HTTP/1.1\r\n\r\n"),
               record("response", f"https://www.example.com/{i}", http,
                      response("200 OK", "Content-Type: text/html; charset=iso-8859-1\r\n", body)),
               record("response", "https://www.example.com/c", http,
                      response("200 OK", "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n", chunked)),
               record("response", "https://www.example.com/g", http,
                      response("200 OK", "Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
                               gzip.compress(body, mtime=0))),
               record("response", "https://www.example.com/d", http,
                      response("200 OK", "Content-Type: text/html\r\nContent-Encoding: deflate\r\n",
                               zlib.compress(body))),
               record("response", "https://www.example.com/b", http,
                      response("200 OK", "Content-Type: text/html\r\nContent-Encoding: br\r\n", b"\x1b\x03" + body[:64])),
               record("response", "https://www.example.com/i.png", http, response("200 OK", "Content-Type: image/png\r\n", b"PNG")),
               record("response", "https://www.example.com/r", http, response("301 Moved", "Location: /\r\n", b"")),
               record("resource", "https://www.example.com/s", "text/html", body)]
    warc = b"".join(records)
    (out / f"seed-warc-{i}").write_bytes(b"\3" + warc)
    (out / f"seed-warc-gz-{i}").write_bytes(b"\3" + b"".join(gzip.compress(r, mtime=0) for r in records))
    (out / f"seed-warc-cut-{i}").write_bytes(b"\3" + warc[: len(warc) * 2 // 3])
    # The same pages as an ARC file (version 1, then 2), the format before WARC.
    def arc(fields, block):
        return f"{fields} {len(block)}\n".encode() + block + b"\n"
    for version, extra in ((1, ""), (2, " 200 - - 0 t.arc")):
        description = arc(f"filedesc://t.arc 0.0.0.0 20050607080910 text/plain{extra}",
                          f"{version} 0 Test\nURL IP-address Archive-date Content-type\n".encode())
        pages = arc(f"http://www.example.com/{i} 10.0.0.1 20050607080910 text/html{extra}",
                    response("200 OK", "Content-Type: text/html\r\n", body))
        pages += arc(f"dns:www.example.com 10.0.0.2 20050607080910 text/dns{extra}", b"20050607080910\nexample.")
        (out / f"seed-arc-v{version}-{i}").write_bytes(b"\3" + description + pages)
PY
    # And zstd-compressed (a .jsonl.zst stream), when the zstd tool is there.
    if command -v zstd > /dev/null; then
      for f in "$dir"/seed-jsonl-[0-9]*; do
        { printf '\0'; tail -c +2 "$f" | zstd -q -c; } > "${f/seed-jsonl-/seed-jsonl-zst-}"
      done
      # .warc.zst as wget-at writes it: a dictionary frame (magic 0x184D2A5D, its size
      # little-endian), then a frame a record compressed with it; here the dictionary is a
      # page's raw content, which zstd -D takes as well as a trained one.
      dictionary=$(ls "$root"/fixtures/*/*.in.html | head -1)
      for f in "$dir"/seed-warc-[0-9]*; do
        python3 - "$dictionary" "$f" "${f/seed-warc-/seed-warc-zst-}" <<'PY'
import pathlib, struct, subprocess, sys
dictionary, warc, out = pathlib.Path(sys.argv[1]).read_bytes(), pathlib.Path(sys.argv[2]).read_bytes()[1:], sys.argv[3]
frames = subprocess.run(["zstd", "-q", "-c", "-D", sys.argv[1]], input=warc, capture_output=True, check=True).stdout
pathlib.Path(out).write_bytes(b"\3" + b"\x5d\x2a\x4d\x18" + struct.pack("<I", len(dictionary)) + dictionary + frames)
PY
      done
    fi
    # And xz-compressed (a .jsonl.xz stream).
    for f in "$dir"/seed-jsonl-[0-9]*; do
      { printf '\0'; tail -c +2 "$f" | python3 -c 'import lzma, sys; sys.stdout.buffer.write(lzma.compress(sys.stdin.buffer.read()))'; } \
        > "${f/seed-jsonl-/seed-jsonl-xz-}"
    done
    ;;
  fuzz_regex_gates)
    # Each regex of the rules (the first byte: 1 = caseless), with lines of the fixtures as
    # subjects.
    python3 - "$root" "$dir" <<'PY'
import pathlib, re, sys
root, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
lines = []
for page in sorted(root.glob("fixtures/**/*.in.txt"))[:12]:
    lines += [l for l in page.read_text("utf-8", "replace").splitlines() if l.strip()][:15]
subjects = "\n".join(lines).encode()
regex = re.compile(r"^\S+\s+/(.*)/([isx]*)(\s|$)")
n = 0
for rules in sorted(root.glob("rules/**/*.rules")):
    for line in rules.read_text("utf-8").splitlines():
        m = regex.match(line)
        if not m or "x" in m.group(2):
            continue
        flag = b"\x01" if "i" in m.group(2) else b"\x00"
        (out / f"seed-regex-{n}").write_bytes(flag + m.group(1).encode() + b"\n" + subjects)
        n += 1
PY
    ;;
  *) echo "make_seeds.sh: unknown target $target" >&2; exit 2 ;;
esac
if [ -d "$root/fuzz/seeds/$target" ]; then cp "$root/fuzz/seeds/$target"/* "$dir"/ 2>/dev/null || true; fi
