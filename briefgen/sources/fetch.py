"""Fetching the web pages a config names (``articles: [{url: ...}]``).

Only a URL the config gives is fetched, only over http(s), with a timeout,
a size cap, a few retries with backoff, a user agent that says what asks,
and redirects followed within a limit (never to another scheme). Each
page is cached by URL with its ETag and Last-Modified, so tomorrow's build
asks "changed since?" and an unchanged page is not downloaded again.
"""

from __future__ import annotations

import gzip
import hashlib
import http.client
import io
import ipaddress
import json
import socket
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass
from urllib.parse import urlsplit
from email.message import Message
from pathlib import Path

from briefgen import __version__
from briefgen.atomic import write_all
from briefgen.errors import SourceError

USER_AGENT = f"briefgen/{__version__} (news briefing notes; fetches only the pages its config names)"
MAX_REDIRECTS = 5
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
PAGE_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"}
KINDS = frozenset({"html", "text", "feed"})
CHUNK = 65_536


@dataclass
class FetchOptions:
    timeout: float = 20.0  # seconds per attempt
    max_bytes: int = 5_000_000  # as for an article file
    retries: int = 2  # further attempts after a failure that may pass (timeouts, 5xx, 429)
    backoff: float = 1.0  # seconds before the first retry, doubled each time
    # Only hosts on the public internet, redirects included: for the pages a
    # public feed links to (the feed, not the config, chose them).
    public_only: bool = False


@dataclass
class Page:
    url: str  # as the config gives it
    final_url: str  # after redirects
    body: bytes
    kind: str  # "html" | "text"
    charset: str | None
    from_cache: bool = False  # the server said "not modified"


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def __init__(self, public_only: bool) -> None:
        super().__init__()
        self.public_only = public_only

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001 - urllib's signature
        if not newurl.lower().startswith(("http://", "https://")):
            raise urllib.error.URLError(f"redirect to a non-web address refused ({newurl.split(':')[0]}:)")
        if self.public_only and not is_public(newurl):
            raise urllib.error.URLError("redirect to a private or local address refused")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def is_public(url: str) -> bool:
    """Whether every address the URL's host resolves to is on the public internet."""
    try:
        host = urlsplit(url).hostname
        if not host:
            return False
        infos = socket.getaddrinfo(host, None)
    except (ValueError, OSError, UnicodeError):
        return False
    return bool(infos) and all(ipaddress.ip_address(info[4][0].split("%")[0]).is_global for info in infos)


def _opener(public_only: bool) -> urllib.request.OpenerDirector:
    # No file:, ftp: or data: handler: a page can never make briefgen read a file.
    opener = urllib.request.OpenerDirector()
    for handler in (urllib.request.ProxyHandler(), urllib.request.HTTPHandler(), urllib.request.HTTPSHandler(),
                    urllib.request.HTTPDefaultErrorHandler(), _Redirects(public_only),
                    urllib.request.HTTPErrorProcessor()):
        opener.add_handler(handler)
    return opener


class PageCache:
    """One page per URL: ``pages/<sha256 of the URL>.json`` (validators and
    type) beside ``.body`` (the bytes)."""

    def __init__(self, folder: Path | None):
        self.folder = folder / "pages" if folder is not None else None

    def _files(self, url: str) -> tuple[Path, Path] | None:
        if self.folder is None:
            return None
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        return self.folder / f"{key}.json", self.folder / f"{key}.body"

    def get(self, url: str) -> tuple[dict, bytes] | None:
        """The cached copy, or None when there is none or it is not sound
        (each field a one-line text, the kind one briefgen reads)."""
        files = self._files(url)
        try:
            meta = json.loads(files[0].read_text(encoding="utf-8")) if files else None
            if not (isinstance(meta, dict) and meta.get("url") == url and meta.get("kind") in KINDS
                    and all(v is None or (isinstance(v, str) and "\r" not in v and "\n" not in v)
                            for k, v in meta.items() if k in ("final_url", "charset", "etag", "last_modified"))):
                return None
            return meta, files[1].read_bytes()
        except (OSError, ValueError):
            return None

    def put(self, url: str, meta: dict, body: bytes) -> None:
        files = self._files(url)
        if files is None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_all({files[0]: json.dumps(meta).encode("utf-8"), files[1]: body})
        except OSError:
            pass  # a cache that cannot be written costs a download tomorrow, nothing else


def fetch(url: str, options: FetchOptions, cache: PageCache, kinds: dict[str, str] | None = None) -> Page:
    """The page at ``url``; a SourceError (one line naming the URL) when it
    cannot be had. ``kinds``: the content types taken (default: web pages)."""
    kinds = kinds or PAGE_TYPES
    if not url.lower().startswith(("http://", "https://")):
        raise SourceError(f"{url}: only http:// and https:// addresses are fetched")
    try:
        urlsplit(url).port  # noqa: B018 - raises on a port that is no number
        if any(c.isspace() for c in url):
            raise ValueError
    except ValueError:
        raise SourceError(f"{url}: not a valid web address") from None
    if options.public_only and not is_public(url):
        raise SourceError(f"{url}: a private or local address, linked from a public feed; not fetched")
    cached = cache.get(url)
    if cached and cached[0]["kind"] not in kinds.values():
        cached = None  # fetched before as another kind (a feed, a page)
    headers = {"User-Agent": USER_AGENT, "Accept": ",".join(kinds),
               "Accept-Encoding": "gzip, deflate"}
    if cached:
        if cached[0].get("etag"):
            headers["If-None-Match"] = cached[0]["etag"]
        if cached[0].get("last_modified"):
            headers["If-Modified-Since"] = cached[0]["last_modified"]
    opener = _opener(options.public_only)
    problem = ""
    for attempt in range(options.retries + 1):
        if attempt:
            time.sleep(options.backoff * 2 ** (attempt - 1))
        try:
            with opener.open(urllib.request.Request(url, headers=headers), timeout=options.timeout) as response:
                return _page(url, response, options, cache, kinds)
        except urllib.error.HTTPError as err:
            if err.code == 304:
                if cached:
                    meta, body = cached
                    return Page(url, meta.get("final_url") or url, body, meta["kind"], meta.get("charset"), True)
                problem = "HTTP 304 Not Modified for a page never fetched before"
                break
            if 300 <= err.code < 400:
                # urllib refuses a loop, more than MAX_REDIRECTS, or a non-web scheme.
                problem = f"redirect refused (HTTP {err.code}: a loop, over {MAX_REDIRECTS}, or not to http/https)"
                break
            problem = f"HTTP {err.code} {' '.join(str(err.reason).split())}"
            if err.code not in RETRY_STATUSES:
                break
        except urllib.error.URLError as err:
            problem = " ".join(str(err.reason).split())
            if "redirect" in problem:
                break
        except http.client.HTTPException as err:  # a broken status line, a cut chunk: may pass next time
            problem = " ".join(f"broken HTTP answer ({type(err).__name__}: {err})".split())[:200]
        except ValueError as err:  # a redirect to an address that is none
            problem = " ".join(f"bad address in the answer ({err})".split())[:200]
            break
        except OSError as err:  # a timeout while reading, a reset connection
            problem = " ".join(f"{type(err).__name__}: {err}".split()) if str(err) else type(err).__name__
    raise SourceError(f"{url}: cannot fetch: {problem}")


def _page(url: str, response, options: FetchOptions, cache: PageCache,  # noqa: ANN001 - urllib's
          kinds: dict[str, str]) -> Page:
    info: Message = response.headers
    kind = kinds.get(info.get_content_type())
    if kind is None:
        wanted = "an RSS or Atom feed" if "feed" in kinds.values() else "an HTML or text page"
        raise SourceError(f"{url}: not {wanted} ({info.get_content_type()})")
    body = _read(response, url, options)
    coding = (info.get("Content-Encoding") or "").lower()
    if coding in ("gzip", "deflate"):
        body = _inflate(body, coding, url, options.max_bytes)
    page = Page(url, response.geturl(), body, kind, info.get_content_charset())
    cache.put(url, {"url": url, "final_url": page.final_url, "kind": kind, "charset": page.charset,
                    "etag": info.get("ETag"), "last_modified": info.get("Last-Modified")}, body)
    return page


def _read(response, url: str, options: FetchOptions) -> bytes:  # noqa: ANN001 - urllib's response
    """The body, within the size cap and the attempt's whole time (a server
    sending a byte now and then never outlasts the timeout), and whole."""
    deadline = time.monotonic() + options.timeout
    chunks, size = [], 0
    while True:
        if time.monotonic() > deadline:
            raise TimeoutError("the page took longer than the timeout to arrive")
        chunk = response.read1(CHUNK)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if size > options.max_bytes:
            raise SourceError(f"{url}: page over the {options.max_bytes:,}-byte limit")
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and size < int(declared) and not response.headers.get("Content-Encoding"):
        raise http.client.IncompleteRead(b"".join(chunks), int(declared) - size)
    return b"".join(chunks)


def _inflate(body: bytes, coding: str, url: str, limit: int) -> bytes:
    """Decompressed, never past the size cap (a small gzip can hold gigabytes)."""
    try:
        if coding == "gzip":
            with gzip.GzipFile(fileobj=io.BytesIO(body)) as stream:
                data = stream.read(limit + 1)
        else:
            data = zlib.decompressobj().decompress(body, limit + 1)
    except (OSError, EOFError, zlib.error):
        raise SourceError(f"{url}: the page's {coding} data is corrupt") from None
    if len(data) > limit:
        raise SourceError(f"{url}: page over the {limit:,}-byte limit once decompressed")
    return data
