"""Web pages as articles (issue 17): the main text with trafilatura, the
page's metadata, evidence that indexes the saved text, and a page saved
under a .txt name read as a page with a warning."""

from __future__ import annotations

import json
import textwrap

from briefgen.cli import main
from briefgen.sources.html import looks_like_html
from briefgen.sources.reader import read_article

PAGE = textwrap.dedent("""\
    <!DOCTYPE html>
    <html lang="en"><head>
    <title>Harbour bridge to close for repairs | Coast Times</title>
    <meta property="og:site_name" content="Coast Times">
    <meta name="author" content="Mira Okafor">
    <meta property="article:published_time" content="2024-03-11T08:00:00Z">
    </head><body>
    <nav><a href="/">Home</a> <a href="/sport">Sport</a> <a href="/news">News</a></nav>
    <article>
    <h1>Harbour bridge to close for repairs</h1>
    <p>The Tamsin harbour bridge will close to all traffic on Monday for six weeks of repairs, the county council said on Sunday.</p>
    <p>Council engineer Ilse Varga told reporters that corrosion had been found in two of the bridge's main cables during an inspection last month.</p>
    <p>"We cannot take any risk with the cables," Varga said. Ferries will run every twenty minutes while the bridge is closed.</p>
    <p>Local businesses said the closure would cost them trade during the spring season, and asked the council for support.</p>
    </article>
    <footer>Subscribe to our newsletter. Follow us on social media. Copyright Coast Times.</footer>
    <script>document.write("<p>injected</p>")</script>
    </body></html>
    """)


def test_a_page_is_read_as_its_main_text_and_metadata(tmp_path):
    page = tmp_path / "bridge.html"
    page.write_text(PAGE, encoding="utf-8")
    article = read_article(page, "S1")
    assert article.source.title == "Harbour bridge to close for repairs"
    assert article.source.outlet == "Coast Times"
    assert article.source.author == "Mira Okafor"
    assert str(article.source.published) == "2024-03-11"
    assert "corrosion had been found" in article.text
    for furniture in ("Sport", "newsletter", "injected", "<p>"):
        assert furniture not in article.text
    assert article.raw.startswith("Harbour bridge to close for repairs\n\n")
    assert not article.warnings


def test_html_is_told_from_text():
    assert looks_like_html(PAGE)
    assert looks_like_html("Sport</nav><article><h1>Strike</h1><p>Workers walked out.</p></article>")
    assert not looks_like_html("The council said <b>no</b> to the plan.\n\nIt meets again on Monday.")


def test_a_page_under_a_text_name_is_read_as_a_page_with_a_warning(tmp_path):
    page = tmp_path / "bridge.txt"
    page.write_text(PAGE, encoding="utf-8")
    article = read_article(page, "S1")
    assert "<" not in article.text and "corrosion had been found" in article.text
    assert any("read as HTML" in w for w in article.warnings)


def test_config_metadata_wins_over_the_pages(tmp_path):
    page = tmp_path / "bridge.html"
    page.write_text(PAGE, encoding="utf-8")
    article = read_article(page, "S1", {"outlet": "Coast Times Online"})
    assert article.source.outlet == "Coast Times Online"


def test_a_brief_of_pages_cites_spans_of_the_saved_text(tmp_path, capsys):
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    second = PAGE.replace("Coast Times", "Valley Herald").replace("Mira Okafor", "Tom Reyes").replace(
        "told reporters that", "said").replace("will close to all traffic", "will shut")
    (tmp_path / "b.html").write_text(second, encoding="utf-8")
    (tmp_path / "config.yaml").write_text(
        "title: Bridge\narticles: [{glob: '*.html'}]\noutput: {dir: out, formats: [md, json]}\n", encoding="utf-8")
    assert main(["build", "-c", str(tmp_path / "config.yaml")]) == 0
    brief = json.loads((tmp_path / "out" / "brief.json").read_text(encoding="utf-8"))
    saved = {}
    for source in brief["sources"]:
        assert source["text_file"] == f"brief_sources/{source['id']}.txt"
        saved[source["id"]] = (tmp_path / "out" / source["text_file"]).read_text(encoding="utf-8")
    spans = []

    def walk(node):
        if isinstance(node, dict):
            if {"source_id", "start", "end", "text"} <= node.keys():
                spans.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(brief)
    assert len(spans) > 5
    for span in spans:
        assert saved[span["source_id"]][span["start"]:span["end"]] == span["text"]
    # The saved texts are never read back as articles, and a source gone is a file gone.
    (tmp_path / "b.html").unlink()
    (tmp_path / "config.yaml").write_text(
        "title: Bridge\narticles: [{glob: '*.htm'}, {glob: '**/*.txt'}]\noutput: {dir: out, formats: [md, json]}\n", encoding="utf-8")
    (tmp_path / "a.html").rename(tmp_path / "a.htm")
    assert main(["build", "-c", str(tmp_path / "config.yaml")]) == 0
    brief = json.loads((tmp_path / "out" / "brief.json").read_text(encoding="utf-8"))
    assert [s["id"] for s in brief["sources"]] == ["S1"]
    assert sorted(p.name for p in (tmp_path / "out" / "brief_sources").iterdir()) == ["S1.txt"]
