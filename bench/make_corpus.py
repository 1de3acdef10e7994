#!/usr/bin/env python3
"""Builds the benchmark corpora from the dev set into OUT_DIR (nothing here is committed).

  text.nul     raw text pages, NUL-separated, repeated to TEXT_MB
  html.nul     HTML pages, NUL-separated (NUL bytes inside pages dropped), repeated to HTML_MB
  text.jsonl   {"id","url","text"} per text page, repeated to JSONL_MB
  html.jsonl   the same with the HTML pages, repeated to HTML_MB
  html.warc.gz the HTML pages as HTTP 200 responses in a WARC file gzip'd a record at a time,
               as crawls ship them, repeated to HTML_MB (BYTES: the inflated WARC's size)
  counts.txt   "NAME DOCS BYTES" per corpus
"""
import gzip
import json
import os
import sys


def pages(devset, kind):
    truth = json.load(open(os.path.join(devset, "truth.json"), encoding="utf-8"))
    folder = os.path.join(devset, kind)
    for name in sorted(os.listdir(folder)):
        page_id = name.split(".")[0]
        with open(os.path.join(folder, name), "rb") as page:
            yield page_id, truth.get(page_id, {}).get("url", ""), page.read()


def enough_of(chunks, target):
    """The chunks, or on a quick run (more than `target` bytes of them) only as many as needed."""
    if sum(map(len, chunks)) <= target:
        return chunks
    kept, size = [], 0
    for chunk in chunks:
        if size >= target:
            break
        kept.append(chunk)
        size += len(chunk)
    return kept


def repeat_to(path, chunks, megabytes):
    """Writes the chunks over and over until the file holds at least `megabytes` MB."""
    target = megabytes * 1_000_000
    chunks = enough_of(chunks, target)
    once = b"".join(chunks)
    copies = max(1, -(-target // len(once)))
    with open(path, "wb") as out:
        for _ in range(copies):
            out.write(once)
    return copies * len(chunks), copies * len(once)


def warc_response(page_id, url, body):
    """One WARC/1.1 response record holding `body` as an HTTP 200 HTML response."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body)
    head = (f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: {url or 'http://bench.example/' + page_id}\r\n"
            f"WARC-Date: 2026-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:bench-{page_id}>\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n")
    return head.encode() + http + b"\r\n\r\n"


def write_warc(path, items, megabytes):
    """The pages as a .warc.gz (one gzip member a record), repeated to `megabytes` MB of WARC."""
    records = enough_of([warc_response(i, u, b) for i, u, b in items], megabytes * 1_000_000)
    once = sum(map(len, records))
    copies = max(1, -(-megabytes * 1_000_000 // once))
    members = b"".join(gzip.compress(record, compresslevel=1, mtime=0) for record in records)
    with open(path, "wb") as out:
        for _ in range(copies):
            out.write(members)
    return copies * len(records), copies * once


def main():
    devset, out_dir, text_mb, html_mb, jsonl_mb = sys.argv[1], sys.argv[2], *map(int, sys.argv[3:6])
    text = list(pages(devset, "text"))
    html = list(pages(devset, "html"))
    counts = {}
    counts["text.nul"] = repeat_to(os.path.join(out_dir, "text.nul"),
                                   [body.replace(b"\0", b"") + b"\0" for _, _, body in text], text_mb)
    counts["html.nul"] = repeat_to(os.path.join(out_dir, "html.nul"),
                                   [body.replace(b"\0", b"") + b"\0" for _, _, body in html], html_mb)

    def jsonl(items):
        return [(json.dumps({"id": i, "url": u, "text": b.decode("utf-8", "replace")},
                            ensure_ascii=False) + "\n").encode("utf-8") for i, u, b in items]

    counts["text.jsonl"] = repeat_to(os.path.join(out_dir, "text.jsonl"), jsonl(text), jsonl_mb)
    counts["html.jsonl"] = repeat_to(os.path.join(out_dir, "html.jsonl"), jsonl(html), html_mb)
    counts["html.warc.gz"] = write_warc(os.path.join(out_dir, "html.warc.gz"), html, html_mb)
    # One copy of the text JSONL, concatenated repeatedly into the big stream.
    counts["text1.jsonl"] = repeat_to(os.path.join(out_dir, "text1.jsonl"), jsonl(text), 1)
    with open(os.path.join(out_dir, "counts.txt"), "w") as out:
        for name, (docs, size) in counts.items():
            out.write(f"{name} {docs} {size}\n")


if __name__ == "__main__":
    main()
