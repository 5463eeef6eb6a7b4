"""Feeds (issue 17): entries chosen by time, words and a cap, each entry's
page fetched, one page read once however many links lead to it. Served by
a local server the test starts on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import email.utils
import http.server
import json

import pytest
from conftest import local_server

from briefgen.build import build
from briefgen.config import load
from briefgen.sources.feeds import same_page, select, window

NOW = dt.datetime(2024, 3, 12, 9, 0, tzinfo=dt.timezone.utc)


def _story(outlet: str, extra: str = "") -> str:
    return (f"<!DOCTYPE html><html><head><title>Bridge | {outlet}</title>"
            f"<meta property='og:site_name' content='{outlet}'></head><body><article><h1>Bridge to close</h1>"
            "<p>The county council said on Monday that the Tamsin harbour bridge would close for six weeks of "
            "repairs after corrosion was found in two of its cables.</p><p>Council engineer Ilse Varga told "
            f"reporters that the work could not wait.{extra}</p></article></body></html>")


PAGES = {
    "/a": _story("Coast Times", " Ferries will run every twenty minutes."),
    "/b": _story("Valley Herald", " Shops fear a quiet spring; the ferry company doubled its crossings."),
    "/copy": _story("Coast Times", " Ferries will run every twenty minutes."),  # the same text elsewhere
    "/old": _story("Old News"),
    "/sport": _story("Sport Daily"),
}


def _rss(server: str) -> bytes:
    def item(path, title, hours_ago, summary="the harbour bridge"):
        when = email.utils.format_datetime(NOW - dt.timedelta(hours=hours_ago))
        return (f"<item><title>{title}</title><link>{server}{path}</link><description>{summary}</description>"
                f"<pubDate>{when}</pubDate></item>")
    items = [item("/a", "Bridge to close", 2), item("/a?utm_source=rss#top", "Bridge to close (again)", 3),
             item("/b", "Harbour bridge shut", 5), item("/copy", "Bridge closing", 6),
             item("/old", "Bridge inspected", 80), item("/sport", "Derby result", 1, "a football match")]
    return ("<?xml version='1.0'?><rss version='2.0'><channel><title>Local</title>"
            + "".join(items) + "</channel></rss>").encode("utf-8")


class _Handler(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802
        _Handler.hits.append(self.path)
        server = f"http://{self.headers['Host']}"
        path = self.path.split("?")[0]
        if path == "/feed":
            body, kind = _rss(server), "application/rss+xml"
        elif path in PAGES:
            body, kind = PAGES[path].encode("utf-8"), "text/html; charset=utf-8"
        else:
            self.send_response(404)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server():
    with local_server(_Handler) as url:
        yield url


def test_entries_are_chosen_by_time_words_and_cap(server):
    feed = _rss(server)
    chosen = select(feed, "feed", NOW, since="24h", any_of=["bridge"])
    assert [i.url.split("/")[-1] for i in chosen] == ["a", "a?utm_source=rss#top", "b", "copy"]
    assert chosen[0].published == dt.date(2024, 3, 12)
    assert [i.url for i in select(feed, "feed", NOW, since="24h", none_of=["bridge"])] == [f"{server}/sport"]
    assert len(select(feed, "feed", NOW, all_of=["harbour", "bridge"], max_articles=2)) == 2
    assert len(select(feed, "feed", NOW)) == 6


def test_durations_and_same_pages():
    assert window("24h") == dt.timedelta(hours=24) and window("3d") == dt.timedelta(days=3)
    with pytest.raises(ValueError):
        window("soon")
    assert same_page("HTTP://Example.org/a?utm_source=x&id=3#top") == same_page("http://example.org/a?id=3")


def test_a_brief_from_a_feed_reads_each_story_once_and_cites_the_saved_texts(server, tmp_path):
    (tmp_path / "config.yaml").write_text(
        f"title: Bridge\narticles:\n  - feed: {server}/feed\n    since: 24h\n    any_of: [bridge]\n"
        "output: {dir: out, formats: [md, json]}\n", encoding="utf-8")
    _Handler.hits.clear()
    build(load(tmp_path / "config.yaml"), now=NOW)
    brief = json.loads((tmp_path / "out" / "brief.json").read_text(encoding="utf-8"))
    # /a once (its tracking-link twin skipped), /b, and /copy left out as a near copy of /a.
    assert [s["url"] for s in brief["sources"]] == [f"{server}/a", f"{server}/b"]
    assert "/sport" not in _Handler.hits and "/old" not in _Handler.hits
    for source in brief["sources"]:
        text = (tmp_path / "out" / source["text_file"]).read_text(encoding="utf-8")
        assert "Tamsin harbour bridge" in text


def test_a_feed_body_naming_a_file_is_no_file_read(tmp_path):
    # feedparser reads a bytes string that names a file as that file: never here.
    secret = tmp_path / "feed.xml"
    secret.write_bytes(_rss("http://example.org"))
    with pytest.raises(Exception) as err:
        select(str(secret).encode(), "feed", NOW)
    assert "not an RSS or Atom feed" in str(err.value)


def test_an_entry_date_no_calendar_holds_is_no_date():
    feed = (b"<?xml version='1.0'?><rss version='2.0' xmlns:dc='http://purl.org/dc/elements/1.1/'><channel>"
            b"<title>t</title><item><title>x</title><link>http://example.org/x</link>"
            b"<dc:date>0000-01-01T00:00:00Z</dc:date></item></channel></rss>")
    assert [i.published for i in select(feed, "feed", NOW)] == [None]
    assert select(feed, "feed", NOW, since="24h") == []
