"""Fuzzing cleaning, extraction and rendering with arbitrary text: random
Unicode, control characters, very long tokens, stray markup. Nothing may
crash, offsets must lead back to the file, every output must stay well formed.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from briefgen import config, extract, render, sections
from briefgen.errors import SourceError
from briefgen.fuse import fuse
from briefgen.model import Actor, Brief, Claim, Event, Question, Source
from briefgen.render.templates import yaml_str
from briefgen.sources.reader import article_from_text, decode

# Any code point a file can hold (no lone surrogates), weighted towards the
# characters that mean something to cleaning, Markdown, HTML, YAML and Jinja.
ANY_CHAR = st.characters(blacklist_categories=("Cs",))
MARKUP = st.sampled_from(list("\n\n\r\t\x00\x0b\x0c\x1b\x7f\x85\u2028\ufeff#*_`[]()!<>|{}%-=:\"'\\&^~.?"))
TEXT = st.text(st.one_of(ANY_CHAR, MARKUP), max_size=300)
# Very long tokens: a repeated piece costs hypothesis little entropy, however long.
LONG_TOKEN = st.builds(lambda piece, n: (piece * n)[:n],
                       st.text(st.characters(min_codepoint=0x21, max_codepoint=0x2FFF, blacklist_categories=("Cs", "Zs")),
                               min_size=1, max_size=8),
                       st.integers(300, 6000))
PIECE = st.one_of(TEXT, LONG_TOKEN, st.sampled_from([
    "Mayor Eda Kunz said on Monday that the bridge would reopen.",
    "---\ntitle: x\n---\n", "[^1]: note", "[a](javascript:x)", "<script>x</script>", "{{ 7*7 }}",
    "By Ann Lee | 3 min read", "Share this on Facebook", "* * *", "# Heading", "> quoted",
]))
ARTICLE = st.lists(PIECE, max_size=6).map("\n".join)
FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)


def _check_offsets(article) -> None:
    """Every cleaned character is a copy of the file's character it maps to."""
    assert 0 <= article.headline_end <= len(article.text)
    for pos, char in enumerate(article.text):
        if char != "\n":
            assert article.raw[article.offsets.to_raw(pos)] == char
    for m in re.finditer(r"\S+", article.text):
        span = article.span(m.start(), m.end())
        assert 0 <= span.start <= span.end <= len(article.raw)
        assert article.raw[span.start:span.end] == span.text


@settings(FUZZ, max_examples=250)
@given(ARTICLE, st.booleans())
def test_fuzz_cleaning_keeps_offsets_exact(raw, markdown):
    try:
        article = article_from_text(raw, "S1", markdown=markdown)
    except SourceError:
        return  # a malformed front matter is refused with a message
    _check_offsets(article)


@settings(FUZZ, max_examples=200)
@given(st.binary(max_size=400))
def test_fuzz_decode_returns_text_or_one_clear_error(data):
    try:
        text, warnings = decode(data, "a.txt")
    except SourceError as err:
        assert str(err).startswith("a.txt: ") and "\n" not in str(err)
        return
    assert isinstance(text, str) and all(w.startswith("a.txt: ") for w in warnings)


@settings(FUZZ, max_examples=300)
@given(st.text(ANY_CHAR | MARKUP, max_size=200))
def test_fuzz_yaml_str_round_trips_any_text(value):
    assert yaml.safe_load(f"k: {yaml_str(value)}")["k"] == " ".join(value.split())


def _config():
    return config.validate({"title": "Fuzz", "articles": [{"path": "a.txt"}, {"path": "b.txt"}],
                            "sections": ["key_claims", "actors", "background", "open_questions",
                                         "source_comparison"]}, base_dir=Path("."))


def _assert_outputs_well_formed(outputs: dict[str, bytes], brief: Brief) -> None:
    markdown = outputs["md"].decode("utf-8")
    _, front, _body = markdown.split("---\n", 2)
    assert yaml.safe_load(front)["title"] == " ".join(brief.title.split())
    html = outputs["html"].decode("utf-8")
    body = html.split("<main", 1)[1].split("</main>", 1)[0]
    assert not re.search(r"<(?!/?(?:main|h1|h2|p|ul|ol|li|strong|em|sup|a|section|hr|span|table|thead|tbody|tr|th|td)\b)",
                         body), body
    assert not re.search(r"\s(?:on\w+|src|style)\s*=", body, re.IGNORECASE)
    data = json.loads(outputs["json"].decode("utf-8"))
    assert data["title"] == brief.title and len(data["sources"]) == len(brief.sources)


@settings(FUZZ, max_examples=25)
@given(ARTICLE, ARTICLE)
def test_fuzz_extraction_and_rendering_of_random_articles(nlp, first, second):
    articles, facts = [], []
    for i, raw in enumerate([first, second], start=1):
        try:
            article = article_from_text(raw, f"S{i}", {"published": dt.date(2031, 3, 4)})
        except SourceError:
            return
        facts_ = extract.extract_article(article, nlp(article.text))
        for att in facts_.attributions:
            for span in (att.speaker, att.cue, att.content):
                if span is not None:
                    assert article.raw[span.start:span.end] == span.text
        articles.append(article)
        facts.append(facts_)
    cfg = _config()
    brief = fuse(cfg, articles, facts, now=dt.datetime(2031, 3, 5, tzinfo=dt.timezone.utc))
    views = sections.build_views(brief, cfg.section_list())
    _assert_outputs_well_formed(render.render_all(brief, views, ["md", "html", "json"]), brief)


FIELD = st.one_of(TEXT, LONG_TOKEN)


@st.composite
def briefs(draw) -> Brief:
    sources = [Source(f"S{i}", draw(FIELD), draw(st.none() | FIELD), draw(st.none() | FIELD),
                      draw(st.none() | st.dates()), draw(st.none() | FIELD), draw(st.none() | FIELD))
               for i in (1, 2)]
    claim = Claim("C1", draw(FIELD), draw(st.none() | FIELD), draw(FIELD), draw(st.booleans()), ["S1", "S2"],
                  versions=[draw(FIELD)], sentence=draw(FIELD), confidence=draw(FIELD))
    return Brief(
        title=draw(FIELD), generated_at=dt.datetime(2031, 3, 5, tzinfo=dt.timezone.utc), config={"title": "x"},
        sources=sources, summary=[claim], key_claims=[claim],
        actors=[Actor("A1", draw(FIELD), draw(FIELD), [draw(FIELD)], [draw(FIELD)], 2, ["S1"])],
        background=[Event("E1", draw(FIELD), draw(st.none() | FIELD), draw(FIELD), ["S2"])],
        open_questions=[Question("Q1", draw(FIELD), draw(FIELD), draw(FIELD), ["S1"])],
        notes=[draw(FIELD)],
    )


def _views(brief: Brief):
    names = ["key_claims", "actors", "background", "open_questions"]
    return sections.build_views(brief, [(name, None) for name in names])


@settings(FUZZ, max_examples=60)
@given(briefs())
def test_fuzz_rendering_any_field_text(brief):
    outputs = render.render_all(brief, _views(brief), ["md", "html", "json"])
    _assert_outputs_well_formed(outputs, brief)
    # The HTML body is the Markdown rendered: one h1, the section headings, two footnotes.
    html = outputs["html"].decode("utf-8")
    assert html.count("<h1>") == 1 and html.count('class="footnote-item"') == 2
    assert MarkdownIt("commonmark").render(outputs["md"].decode("utf-8")).count("<h1>") == 1


@settings(FUZZ, max_examples=2)
@given(briefs())
def test_fuzz_pdf_prints_any_field_text(brief):
    pdf = render.render_all(brief, _views(brief), ["pdf"])["pdf"]
    assert pdf.startswith(b"%PDF") and pdf.rstrip().endswith(b"%%EOF")
