"""Shared fixtures: the spaCy pipeline (loaded once) and hand-made articles."""

from __future__ import annotations

import contextlib

import datetime as dt
from pathlib import Path

import pytest

from briefgen import nlp as nlp_module
from briefgen.sources.reader import article_from_text

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def nlp():
    return nlp_module.load(nlp_module.DEFAULT_MODEL)  # the key build and parse use: one pipeline per session


@pytest.fixture(scope="session")
def make_article(nlp):
    """``make_article(text, published="2023-08-30", source_id="S1", **meta)`` -> (article, doc)."""

    def make(text: str, published: str | None = "2023-08-30", source_id: str = "S1", **meta):
        meta = {"published": dt.date.fromisoformat(published) if published else None, **meta}
        meta.setdefault("title", "Test article")
        article = article_from_text(text, source_id, meta)
        return article, nlp(article.text)

    return make


@contextlib.contextmanager
def local_server(handler):
    """An HTTP server on 127.0.0.1 (a free port) in a thread: its base URL.
    Tests that fetch reach only this."""
    import http.server
    import threading

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()

