"""A daily build from a feed, twice: the second run, nothing changed, must make
only conditional requests, parse nothing and take at most 1/8 of the first.

    python benchmarks/feed_build.py [--story 22-kraft-shooting]

A local server on 127.0.0.1 serves an RSS feed of one story of
``../shared/eval/stories`` (each article as an HTML page, with an ETag).
Each build runs in a fresh process (``briefgen build -v``), so the second
run's time includes starting Python; printed: requests by answer (200 or
304) for each run, articles parsed, and the time ratio.
"""

from __future__ import annotations

import argparse
import email.utils
import hashlib
import html
import http.server
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STORIES = ROOT.parent / "shared" / "eval" / "stories"


def pages_of(story: Path) -> dict[str, bytes]:
    """Each article of a story as an HTML page (front matter dropped, one <p> per paragraph)."""
    pages = {}
    for n, file in enumerate(sorted(p for p in (story / "articles").iterdir() if p.suffix in (".txt", ".md"))):
        text = re.sub(r"\A---\n.*?\n---\n", "", file.read_text(encoding="utf-8", errors="replace"), flags=re.S)
        paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
        title = html.escape(paragraphs[0][:120]) if paragraphs else "Article"
        body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs[1:])
        pages[f"/a{n}"] = (f"<!DOCTYPE html><html><head><title>{title}</title></head><body><nav>Home News</nav>"
                           f"<article><h1>{title}</h1>{body}</article><footer>About us</footer></body></html>"
                           ).encode("utf-8")
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--story", default="22-kraft-shooting")
    args = parser.parse_args()
    pages = pages_of(STORIES / args.story)
    answers: Counter = Counter()
    day = email.utils.formatdate()  # one feed for both runs: nothing changed

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *_):
            pass

        def do_GET(self):  # noqa: N802 - http.server's name
            host = f"http://{self.headers['Host']}"
            if self.path == "/feed":
                items = "".join(f"<item><title>{n}</title><link>{host}{n}</link>"
                                f"<pubDate>{day}</pubDate></item>" for n in pages)
                body, kind = f"<rss version='2.0'><channel><title>t</title>{items}</channel></rss>".encode(), \
                    "application/rss+xml"
            else:
                body, kind = pages.get(self.path, b""), "text/html; charset=utf-8"
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            code = 304 if self.headers.get("If-None-Match") == etag else 200
            answers[code] += 1
            self.send_response(code)
            self.send_header("ETag", etag)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", "0" if code == 304 else str(len(body)))
            self.end_headers()
            if code == 200:
                self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    feed = f"http://127.0.0.1:{server.server_address[1]}/feed"
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "config.yaml"
        config.write_text(f"title: Feed\narticles: [{{feed: {feed}}}]\noutput: {{dir: out, formats: [md, json]}}\n",
                          encoding="utf-8")
        for run in ("first", "second"):
            answers.clear()
            started = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "briefgen", "build", "-v", "-c", str(config)],
                                  capture_output=True, text=True, cwd=ROOT)
            seconds = time.perf_counter() - started
            if done.returncode:
                raise SystemExit(f"build failed: {done.stderr[-2000:]}")
            parsed = re.search(r"\((\d+) parsed", done.stdout)
            rows.append((run, seconds, dict(answers), parsed[1] if parsed else "0 (unchanged)"))
    server.shutdown()
    for run, seconds, got, parsed in rows:
        print(f"{run:>6} build: {seconds:6.2f} s, answers {got}, parsed {parsed}")
    print(f"second / first = {rows[1][1] / rows[0][1]:.3f} (target <= 0.125); "
          f"second run's full downloads: {rows[1][2].get(200, 0)} (target 0)")


if __name__ == "__main__":
    main()
