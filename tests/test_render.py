"""Renderers: Markdown, HTML, PDF and JSON from a hand-made brief."""

from __future__ import annotations

import datetime as dt
import html as htmllib
import http.server
import json
import shutil
import subprocess
import threading

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from briefgen import render
from briefgen.errors import RenderError
from briefgen.model import Actor, Brief, Claim, Event, Question, Source
from briefgen.render.html import markdown_to_html, strip_front_matter
from briefgen.render.pdf import allowed_file, html_to_pdf
from briefgen.render.templates import builtin_dir, md, yaml_str
from briefgen.sections import SectionView

HOSTILE = (
    "<script>alert(1)</script> [x](javascript:alert(1)) ![i](file:///etc/passwd) "
    "{{ 7*7 }}\n# heading\n[^S1]: fake\n---"
)


def make_brief() -> Brief:
    sources = [
        Source("S1", "Harbour deal stalls " + HOSTILE, "Coastal Times", "Mara Lind", dt.date(2031, 3, 4), path="a.txt"),
        Source("S2", "Ministers meet in Valdoria", "The Northern Ledger", url="https://ledger.example/v?id=3"),
    ]
    reopen = Claim("C1", "The port will reopen next week", "Teo Brandt", "said", True, ["S1", "S2"],
                   outlets=2, confidence="high")
    hostile = Claim("C2", "talks broke down " + HOSTILE, "Ilse Varga", "according to", False, ["S1"])
    return Brief(
        title="Harbour talks",
        generated_at=dt.datetime(2031, 3, 5, 6, 30, tzinfo=dt.timezone.utc),
        config={"title": "Harbour talks"},
        sources=sources,
        cutoff=dt.date(2031, 3, 4),
        summary=[reopen],
        key_claims=[reopen, hostile],
        actors=[Actor("A1", "Teo Brandt", "person", ["Brandt"], ["harbour minister"], 4, ["S1", "S2"])],
        background=[Event("E1", "Valdoria shut the port after a storm.", None, "last winter", ["S1"])],
        open_questions=[Question("Q1", "When will tariffs be settled?", "withheld", "Varga gave no date.", ["S2"])],
    )


def make_views(brief: Brief) -> list[SectionView]:
    return [
        SectionView("key_claims", "Key claims", brief.key_claims, 5),
        SectionView("actors", "Actors", brief.actors, 1),
        SectionView("background", "Background", brief.background, 1, note="S2 carries no date."),
        SectionView("open_questions", "Open questions", brief.open_questions, 1),
    ]


@pytest.fixture(scope="module")
def outputs() -> dict[str, bytes]:
    brief = make_brief()
    return render.render_all(brief, make_views(brief), ["md", "html", "pdf", "json"])


def render_md(templates_dir=None) -> str:
    brief = make_brief()
    return render.render_all(brief, make_views(brief), ["md"], templates_dir)["md"].decode()


def permissive_html(markdown: str) -> str:
    # Raw HTML on, as many wikis allow: escaping alone must keep the text inert.
    parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    return parser.use(footnote_plugin).render(markdown)


def test_render_markdown_has_front_matter_and_source_footnotes(outputs):
    text = outputs["md"].decode()
    _, front, body = text.split("---\n", 2)
    meta = yaml.safe_load(front)
    assert meta["title"] == "Harbour talks"
    assert meta["cutoff"] == "2031-03-04" and meta["sources"] == 2
    assert "Information cut-off: 2031-03-04. 2 sources" in body
    assert "“The port will reopen next week”[^S1][^S2]" in body
    assert "carried by 2 outlets" in body and "single source" in body
    assert "*Showing 2 of 5.*" in body
    assert "\n[^S2]: The Northern Ledger: “Ministers meet in Valdoria”, undated, <https://ledger.example/v?id=3>" in body
    assert body.index("## Bottom line") < body.index("## Key claims") < body.index("## Sources")


def test_render_markdown_hostile_text_stays_literal(outputs):
    text = outputs["md"].decode()
    assert "49" not in text
    html = permissive_html(strip_front_matter(text))
    assert "<script" not in html and "javascript:" not in html.replace("javascript:alert(1))", "")
    assert "<img" not in html and 'href="javascript' not in html
    assert html.count("<h1>") == 1 and html.count("<hr") == 1  # the title; the footnotes separator
    assert html.count('class="footnote-item"') == 2  # "[^S1]: fake" defined nothing
    assert "{{ 7*7 }} # heading [^S1]: fake ---" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(1)) ![i](file:///etc/passwd)" in html


def test_render_html_is_self_contained_and_inert(outputs):
    html = outputs["html"].decode()
    assert html.startswith("<!doctype html>")
    assert "<title>Harbour talks</title>" in html and "@page" in html  # CSS inlined
    assert "<script" not in html and 'href="javascript' not in html and "<img" not in html
    assert "<link" not in html and "---" not in html.split("<main", 1)[0]  # no front matter, no fetches
    assert "{{ 7*7 }}" in html and "49" not in html
    assert '<a href="#fn2" id="fnref2">[S2]</a>' in html  # citations labelled by source id
    assert '<span class="footnote-label">S1</span>' in html


def test_render_html_links_only_web_and_mail():
    html = markdown_to_html(
        "[a](https://ok.example) [b](mailto:desk@ok.example) [c](javascript:alert(1)) "
        "[d](data:text/html,x) [e](file:///etc/passwd) [f](page.html) ![g](https://ok.example/i.png) <script>"
    )
    assert 'href="https://ok.example"' in html and 'href="mailto:desk@ok.example"' in html
    assert html.count("<a ") == 3 and "<img" not in html and "<script" not in html
    assert "javascript:alert(1))" in html and "[f](page.html)" in html  # left as text


def test_render_pdf_contains_title_and_claim(outputs):
    pdf = outputs["pdf"]
    assert pdf.startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext not installed")
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert "Harbour talks" in text
    assert "The port will reopen next week" in text
    assert "page 1 of" in text


def test_render_pdf_fetches_nothing_from_urls(tmp_path):
    requests = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's naming
            requests.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    secret = tmp_path / "secret.css"
    secret.write_text("body { color: red }")
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        pdf = html_to_pdf(
            f'<link rel="stylesheet" href="{base}/s.css"><link rel="stylesheet" href="{secret.as_uri()}">'
            f'<img src="{base}/i.png"><img src="local.png"><p style="background: url({base}/bg.png)">x</p>',
            [builtin_dir()],
        )
    finally:
        server.shutdown()
    assert pdf.startswith(b"%PDF")
    assert requests == []
    assert allowed_file(secret.as_uri(), [builtin_dir()]) is None
    assert allowed_file((builtin_dir() / "brief.css").as_uri(), [builtin_dir()]) is not None
    assert allowed_file("https://example.org/brief.css", [builtin_dir()]) is None


def test_render_user_template_overrides_and_extends_default(tmp_path):
    (tmp_path / "brief.md.j2").write_text(
        '{% extends "default:brief.md.j2" %}\n{% block header %}\n# Desk copy: {{ brief.title|md }}\n{% endblock %}\n'
    )
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "actors.md.j2").write_text("{% for a in view.items %}- ACTOR {{ a.name|md }}\n{% endfor %}")
    text = render_md(tmp_path)
    assert "# Desk copy: Harbour talks" in text and "Generated " not in text
    assert "- ACTOR Teo Brandt" in text
    assert "## Key claims" in text  # the rest still comes from the built-in


def test_render_template_syntax_error_names_file(tmp_path):
    (tmp_path / "brief.md.j2").write_text("# Title\n{{ brief.title\n")
    with pytest.raises(RenderError, match=r"brief\.md\.j2, line 2"):
        render_md(tmp_path)


def test_render_undefined_variable_names_file_and_line(tmp_path):
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "background.md.j2").write_text("ok\n{{ no_such_value }}\n")
    with pytest.raises(RenderError, match=r"background\.md\.j2, line 2: 'no_such_value' is undefined"):
        render_md(tmp_path)


def test_render_missing_section_partial_is_a_render_error():
    brief = make_brief()
    with pytest.raises(RenderError, match="partials/timeline.md.j2"):
        render.render_all(brief, [SectionView("timeline", "Timeline")], ["md"])


def test_render_json_keeps_model_order_and_text(outputs):
    data = json.loads(outputs["json"].decode("utf-8"))
    assert [s["id"] for s in data["sources"]] == ["S1", "S2"]
    assert data["key_claims"][1]["text"] == "talks broke down " + HOSTILE
    assert data["summary"] == ["C1"]


def test_render_registry_plugin_format_reuses_other_outputs():
    assert {"md", "html", "pdf", "json"} <= set(render.names())
    assert render.suffix("pdf") == ".pdf"
    calls = []

    @render.register("shout", ".txt")
    def shout(job):
        calls.append(1)
        return job.output("md").upper()

    try:
        with pytest.raises(ValueError, match="already registered"):
            render.register("shout", ".txt")(shout)
        brief = make_brief()
        out = render.render_all(brief, make_views(brief), ["md", "shout"])
        assert out["shout"] == out["md"].upper() and calls == [1]
        with pytest.raises(RenderError, match="Available: .*shout"):
            render.render_all(brief, [], ["docx"])
    finally:
        render.FORMATS.pop("shout")


def test_templates_md_filter_keeps_values_on_one_inert_line():
    assert md("1. first\n\n    code") == "1\\. first code"
    assert md("2) second") == "2\\) second"
    assert md("=== banner") == "\\=== banner" and md("--- x") == "\\--- x" and md("+ y") == "\\+ y"
    assert md("food-for-arms (DPRK) 3.5") == "food-for-arms (DPRK) 3.5"  # inert mid-line, kept readable
    assert md("a_b *c* `d` [e] <f> & {g}") == "a\\_b \\*c\\* \\`d\\` \\[e\\] \\<f\\> \\& \\{g\\}"
    assert md(None) == ""


def test_templates_yaml_str_round_trips():
    value = 'Talks: "final" round\n---\n# 2 \\ # \u2028 é'
    assert yaml.safe_load(f"k: {yaml_str(value)}")["k"] == " ".join(value.split())
    assert yaml_str(None) == "null"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=60))
def test_templates_md_filter_output_renders_as_the_same_text(value):
    # Whatever the value, it comes out of a Markdown list item as plain text.
    parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).use(footnote_plugin)
    out = parser.render("- " + md(value) + "\n")
    inner = out.removeprefix("<ul>\n<li>").removesuffix("</li>\n</ul>\n")
    assert "<" not in inner
    assert htmllib.unescape(inner) == " ".join(value.split())


def test_templates_md_filter_value_cannot_open_an_inline_footnote():
    # "^" right before a citation would make "^[^S1]" an inline footnote.
    html = markdown_to_html("- " + md("rose by 2^") + "[^S1]\n\n[^S1]: Source one\n")
    assert html.count('class="footnote-ref"') == 1 and "rose by 2^" in html
