"""Pages named by ``url`` entries (issue 17), fetched from a local server the
test starts on 127.0.0.1: never any other address."""

from __future__ import annotations

import gzip
import http.server
import json
import time

import pytest
from conftest import local_server

from briefgen.cli import main
from briefgen.errors import SourceError
from briefgen.sources.fetch import FetchOptions, PageCache, fetch

STORY = ("<p>The county council said on Monday that the Tamsin harbour bridge would close for six weeks of "
         "repairs after corrosion was found in two cables.</p><p>Council engineer Ilse Varga told reporters "
         "that the work could not wait. Ferries will run every twenty minutes while it is shut.</p>")
PAGE = ("<!DOCTYPE html><html><head><title>Bridge to close | Coast Times</title>"
        "<meta property='og:site_name' content='Coast Times'></head><body><nav>Home Sport News</nav>"
        f"<article><h1>Bridge to close</h1>{STORY}</article><footer>Subscribe now</footer></body></html>")


class _Handler(http.server.BaseHTTPRequestHandler):
    hits: dict[str, int] = {}
    body = PAGE

    def log_message(self, *args):  # quiet
        pass

    def _send(self, code, body=b"", kind="text/html; charset=utf-8", headers=()):
        self.send_response(code)
        self.send_header("Content-Type", kind)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 - http.server's name
        path = self.path
        _Handler.hits[path] = _Handler.hits.get(path, 0) + 1
        page = _Handler.body.encode("utf-8")
        etag = f'"{hash(page)}"'
        if path == "/page":
            if self.headers.get("If-None-Match") == etag:
                self._send(304)
            else:
                self._send(200, page, headers=[("ETag", etag)])
        elif path == "/missing":
            self._send(404, b"gone")
        elif path == "/error":
            self._send(500, b"oops")
        elif path == "/slow":
            time.sleep(1.5)
            self._send(200, page)
        elif path == "/huge":
            self._send(200, b"<p>" + b"word " * 4000 + b"</p>")
        elif path == "/loop":
            self._send(302, headers=[("Location", "/loop")])
        elif path == "/tofile":
            self._send(302, headers=[("Location", "file:///etc/passwd")])
        elif path == "/pdf":
            self._send(200, b"%PDF-1.4", kind="application/pdf")
        elif path == "/gzip":
            self._send(200, gzip.compress(page), headers=[("Content-Encoding", "gzip")])
        elif path == "/bomb":
            self._send(200, gzip.compress(b" " * 3_000_000), headers=[("Content-Encoding", "gzip")])
        elif path == "/latin1":
            self._send(200, page.decode().replace("Varga", "Varg\u00e1").encode("latin-1"),
                       kind="text/html; charset=iso-8859-1")
        else:
            self._send(404)


@pytest.fixture(scope="module")
def server():
    with local_server(_Handler) as url:
        yield url


FAST = FetchOptions(timeout=0.5, max_bytes=10_000, retries=2, backoff=0.01)


def test_a_page_is_fetched_and_then_only_asked_whether_it_changed(server, tmp_path):
    cache = PageCache(tmp_path)
    first = fetch(f"{server}/page", FAST, cache)
    assert b"Tamsin harbour bridge" in first.body and not first.from_cache
    again = fetch(f"{server}/page", FAST, cache)
    assert again.from_cache and again.body == first.body


@pytest.mark.parametrize(("path", "says"), [
    ("/missing", "HTTP 404"), ("/slow", "timed out"), ("/huge", "10,000-byte limit"),
    ("/loop", "redirect refused"), ("/tofile", "redirect refused"), ("/pdf", "not an HTML or text page (application/pdf)"),
    ("/bomb", "limit once decompressed"),
])
def test_a_page_that_cannot_be_had_is_one_line_naming_it(server, tmp_path, path, says):
    with pytest.raises(SourceError) as err:
        fetch(f"{server}{path}", FAST, PageCache(tmp_path))
    assert str(err.value).startswith(f"{server}{path}: ") and says in str(err.value) and "\n" not in str(err.value)


def test_server_errors_are_retried(server, tmp_path):
    _Handler.hits.pop("/error", None)
    with pytest.raises(SourceError, match="HTTP 500"):
        fetch(f"{server}/error", FAST, PageCache(tmp_path))
    assert _Handler.hits["/error"] == 3


def test_gzip_and_a_declared_charset_are_read(server, tmp_path):
    assert b"Tamsin" in fetch(f"{server}/gzip", FAST, PageCache(tmp_path)).body
    page = fetch(f"{server}/latin1", FAST, PageCache(tmp_path))
    assert page.charset == "iso-8859-1" and "Varg\u00e1" in page.body.decode("latin-1")


def test_only_web_addresses_are_fetched(tmp_path):
    with pytest.raises(SourceError, match="only http"):
        fetch("file:///etc/passwd", FAST, PageCache(tmp_path))


def test_a_brief_of_fetched_pages_keeps_going_when_one_fails(server, tmp_path, capsys):
    config = tmp_path / "config.yaml"
    config.write_text(f"title: Bridge\narticles:\n  - url: {server}/page\n  - url: {server}/missing\n"
                      f"  - url: {server}/latin1\n    outlet: Valley Herald\n"
                      "output: {dir: out, formats: [md, json]}\nfetch: {timeout: 2, retries: 0}\n",
                      encoding="utf-8")
    assert main(["build", "-c", str(config)]) == 0
    err = capsys.readouterr().err
    assert f"briefgen: warning: {server}/missing: cannot fetch: HTTP 404" in err
    brief = json.loads((tmp_path / "out" / "brief.json").read_text(encoding="utf-8"))
    assert [s["url"] for s in brief["sources"]] == [f"{server}/page", f"{server}/latin1"]
    for source in brief["sources"]:
        text = (tmp_path / "out" / source["text_file"]).read_text(encoding="utf-8")
        assert "Tamsin harbour bridge" in text and "<" not in text
    assert "Varg\u00e1" in (tmp_path / "out" / brief["sources"][1]["text_file"]).read_text(encoding="utf-8")
    # fail: the same missing page is an error, and nothing is written.
    config.write_text(config.read_text(encoding="utf-8").replace("retries: 0", "retries: 0, on_error: fail"),
                      encoding="utf-8")
    assert main(["build", "--force", "-c", str(config)]) == 1
    assert f"briefgen: error: {server}/missing: cannot fetch: HTTP 404" in capsys.readouterr().err


class _Hostile(http.server.BaseHTTPRequestHandler):
    """Answers a well-behaved server never gives."""

    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802
        if self.path == "/short":  # says 100 bytes, sends 3
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "100")
            self.end_headers()
            self.wfile.write(b"<p>")
        elif self.path == "/badport":
            self.send_response(302)
            self.send_header("Location", "http://127.0.0.1:abc/")
            self.end_headers()
        elif self.path == "/garbage":
            self.wfile.write(b"NONSENSE\r\n\r\n")
        elif self.path == "/304":
            self.send_response(304)
            self.end_headers()


@pytest.fixture(scope="module")
def hostile():
    with local_server(_Hostile) as url:
        yield url


@pytest.mark.parametrize(("path", "says"), [("/short", "broken HTTP answer"), ("/badport", "cannot fetch"),
                                            ("/garbage", "broken HTTP answer"), ("/304", "never fetched before")])
def test_broken_answers_are_one_line_never_an_internal_error(hostile, tmp_path, path, says):
    with pytest.raises(SourceError, match=says):
        fetch(f"{hostile}{path}", FAST, PageCache(tmp_path))


def test_a_public_feeds_links_to_local_addresses_are_not_fetched(server, tmp_path):
    from briefgen.sources.fetch import is_public

    assert not is_public(f"{server}/page") and not is_public("http://10.0.0.1/") and not is_public("http://[::1/")
    local = FetchOptions(timeout=0.5, max_bytes=10_000, retries=0, public_only=True)
    with pytest.raises(SourceError, match="private or local address"):
        fetch(f"{server}/page", local, PageCache(tmp_path))
    with pytest.raises(SourceError, match="not a valid web address"):
        fetch(f"{server}/a b", FAST, PageCache(tmp_path))


def test_an_unsound_cache_entry_is_no_copy(server, tmp_path):
    cache = PageCache(tmp_path)
    fetch(f"{server}/page", FAST, cache)
    meta_file = next((tmp_path / "pages").glob("*.json"))
    for meta in ({"url": f"{server}/page"}, {"url": f"{server}/page", "kind": "html", "etag": ["x"]},
                 {"url": f"{server}/page", "kind": "html", "etag": "a\nb"}, "not a mapping"):
        meta_file.write_text(json.dumps(meta), encoding="utf-8")
        assert cache.get(f"{server}/page") is None
        assert not fetch(f"{server}/page", FAST, cache).from_cache  # fetched whole again
