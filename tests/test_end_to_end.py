"""End to end on the seed articles: the brief says what the articles say."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from briefgen import build, config
from briefgen.sources import furniture

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("e2e")
    cfg = config.load(ROOT / "config.yaml")
    cfg.cache_dir = str(tmp / "cache")
    result = build.build(cfg, tmp / "out", now=dt.datetime(2023, 8, 31, 6, 0, tzinfo=dt.timezone.utc))
    brief = json.loads((tmp / "out" / "brief.json").read_text(encoding="utf-8"))
    markdown = (tmp / "out" / "brief.md").read_text(encoding="utf-8")
    return cfg, tmp, result, brief, markdown


def _raw(cfg, source_id):
    index = int(source_id[1:]) - 1
    return cfg.article_files()[index][0].read_text(encoding="utf-8")


def test_e2e_writes_every_format(built):
    _cfg, tmp, result, _brief, _md = built
    assert sorted(p.name for p in result.written) == ["brief.html", "brief.json", "brief.md", "brief.pdf"]
    assert (tmp / "out" / "brief.pdf").read_bytes().startswith(b"%PDF")
    html = (tmp / "out" / "brief.html").read_text(encoding="utf-8")
    assert "<h2" in html and "Key claims" in html


def test_e2e_actor_merged_from_name_forms(built):
    _cfg, _tmp, _result, brief, _md = built
    actors = {a["name"]: a for a in brief["actors"]}
    assert "Kirby" in actors["John Kirby"]["aliases"]
    assert any("spokesman" in role for role in actors["John Kirby"]["roles"])
    assert actors["John Kirby"]["sources"] == ["S1", "S2"]
    assert {"Kim", "Kim Jong"} <= set(actors["Kim Jong Un"]["aliases"])
    assert "DPRK" in actors["North Korea"]["aliases"]
    assert not {"Kirby", "Kim", "WhatsApp", "Townflex", "Stermy"} & set(actors)


def test_e2e_claim_with_speaker_and_both_sources(built):
    cfg, _tmp, _result, brief, _md = built
    corroborated = [c for c in brief["key_claims"] if c["sources"] == ["S1", "S2"]]
    food = [c for c in corroborated if "food-for-arms" in c["text"]]
    assert food and food[0]["speaker"] == "White House"
    # S1 retells S2's wire copy paragraph by paragraph: two outlets, one origin,
    # so repetition does not raise the confidence to "high".
    assert (food[0]["outlets"], food[0]["origins"], food[0]["confidence"]) == (2, 1, "moderate")
    for claim in brief["key_claims"]:
        for ev in claim["evidence"]:
            assert _raw(cfg, ev["source_id"])[ev["start"]:ev["end"]] == ev["text"]
    # One claim per statement however worded: S1's "correspondence exchange"
    # and S2's "exchanged letters" (said by "He", resolved to Kirby) are one
    # claim, each source's speaker kept; so are the second delegation
    # ("a separate delegation ... traveled", "another group ... had traveled"),
    # the missile launch and the reliance on North Korea and Iran.
    letters = [c for c in corroborated if any("exchanged letters" in ev["text"] for ev in c["evidence"])]
    assert len(letters) == 1
    credit = {sid: cr["speaker"] for cr in letters[0]["credits"] for sid in cr["sources"]}
    assert credit["S2"] == "John Kirby"
    for words in (("delegation", "another group"), ("ballistic missile",), ("Iran",)):
        assert any(all(any(w in ev["text"] for ev in c["evidence"]) for w in words) for c in corroborated), words
    assert not any("food-for-arms" in c["text"] and "Wagner" in c["text"] for c in brief["key_claims"])


def test_e2e_dated_background(built):
    cfg, _tmp, _result, brief, _md = built
    dated = {e["date"]: e for e in brief["background"] if e["date"]}
    assert "food-for-arms" in dated["2023-03"]["text"] and dated["2023-03"]["sources"] == ["S1", "S2"]
    assert "Wagner" in dated["2022"]["text"]
    assert "visited" in dated["2023-07"]["text"]
    dates = [e["date"] for e in brief["background"] if e["date"]]
    assert dates == sorted(dates)
    assert not any(e["text"].startswith("On Wednesday") for e in brief["background"])  # the news day
    for event in brief["background"]:
        for ev in event["evidence"]:
            assert _raw(cfg, ev["source_id"])[ev["start"]:ev["end"]] == ev["text"]


def test_e2e_open_questions(built):
    _cfg, _tmp, _result, brief, _md = built
    withheld = [q for q in brief["open_questions"] if q["kind"] == "withheld"]
    assert any("intelligence" in q["text"] and q["sources"] == ["S1", "S2"] for q in withheld)
    disagreements = [q for q in brief["open_questions"] if q["kind"] == "disagreement"]
    # The UN-resolutions point is one claim (S1 and S2); a spokesman and the
    # body his title names are one speaker, never a "who said it" question.
    assert not any(q["text"].startswith("Who said") and "White House" in q["text"] for q in disagreements)
    # S1: denied by North Korea and Iran; S2: by North Korea and Russia.
    assert any("Iran" in q["text"] and "Russia" in q["text"] for q in disagreements)
    # S1 quotes the letters as "surface-level"; S2 has them pledging more cooperation.
    assert any("letters" in q["text"] and "surface-level" in q["text"] and "pledging" in q["text"]
               for q in disagreements)
    denied = [q for q in brief["open_questions"] if q["kind"] == "denied"]
    assert any("Wagner" in q["text"] and "denied" in q["basis"] for q in denied)
    unsettled = [q["text"] for q in brief["open_questions"] if q["kind"] == "unsettled"]
    assert any(t.startswith("Have arms negotiations") and t.endswith("still advancing?") for t in unsettled)
    single = [q for q in brief["open_questions"] if q["kind"] == "single_source"]
    assert any("one original source" in q["basis"] for q in single)


# The shapes the question generators write: an interrogative opening, one
# question mark at the end, no doubled words or empty slots.
QUESTION_SHAPE = re.compile(
    r"^(?:Who|What|Which|Is|Are|Was|Were|Has|Have|Did|Does|Do|How|Why|When|Where|Will|Can|Could|Would)\b"
    r"[^?]*\S\?(?: \([^?]+\))?$")


def test_e2e_every_question_is_a_question(built):
    _cfg, _tmp, _result, brief, _md = built
    assert brief["open_questions"]
    for q in brief["open_questions"]:
        text = q["text"]
        assert QUESTION_SHAPE.match(text), text
        assert not re.search(r"\b(?!that\b)(\w+) \1\b", text, re.IGNORECASE), text  # "the the"
        assert "  " not in text and "()" not in text and " ?" not in text, text
        assert not re.match(r"^Did \S+(?: \S+){0,9} (?:is|are|was|were|be)\b", text), text  # "Did X be"


def test_e2e_bottom_line_and_source_comparison(built):
    _cfg, _tmp, _result, brief, markdown = built
    assert 2 <= len(brief["summary"]) <= 3  # the leading claims, kept for compatibility
    bottom = markdown.split("## Bottom line", 1)[1].split("\n## ", 1)[0].strip()
    assert not bottom.startswith("-")  # sentences, not a list
    lines = brief["bottom_line"]
    assert 2 <= len(lines) <= 4 and sum(len(x["text"].split()) for x in lines) <= 120
    for line in lines:
        assert line["text"] in bottom.replace("\\", "") and line["sources"]
        assert line["text"][0].isupper() and line["text"][-1] in ".!?”’\"'"
    # What happened: the letters exchange, who told it, and the day.
    told = " ".join(x["text"] for x in lines)
    assert "letters" in told and "Kirby" in told and "30 August 2023" in told
    assert lines[0]["kind"] == "event" and lines[1]["kind"] == "when_where"
    rows = {row["source_id"]: row for row in brief["comparison"]}
    assert rows["S1"]["origin"] == rows["S2"]["origin"]
    assert rows["S1"]["exclusive_claims"] and rows["S2"]["exclusive_claims"]
    assert "| S1[^S1]" in markdown and "one origin with S2" in markdown


def test_e2e_markdown_has_no_furniture_and_cites_sources(built):
    _cfg, _tmp, _result, _brief, markdown = built
    for line in markdown.splitlines():
        assert furniture.kind_of(line.lstrip("-* ")) != "call to action", line
    for gone in ("WhatsApp", "Townflex", "Min Read", "READ MORE", "pictured", "Read Full Article", "||"):
        assert gone not in markdown
    assert markdown.startswith("---\n")
    assert re.search(r"^\[\^S1\]: .*seeds/000_632284dcfae7039f\.txt", markdown.replace("\\_", "_"), re.MULTILINE)
    assert "[^S2]" in markdown
    assert "Information cut-off: 2023-08-30" in markdown


def test_e2e_second_build_is_quiet_and_keeps_files(built, tmp_path):
    cfg, tmp, _result, _brief, _md = built
    before = {p.name: p.read_bytes() for p in (tmp / "out").glob("brief.*")}
    again = build.build(cfg, tmp / "out")
    assert again.unchanged and again.written == []
    assert before == {p.name: p.read_bytes() for p in (tmp / "out").glob("brief.*")}


def test_e2e_failed_render_keeps_yesterdays_brief(built, monkeypatch):
    cfg, tmp, _result, _brief, _md = built
    out = tmp / "out"
    before = {p.name: p.read_bytes() for p in out.glob("brief.*")}
    from briefgen import render
    from briefgen.errors import RenderError

    def broken(*_args, **_kwargs):
        raise RenderError("pdf: simulated failure")

    monkeypatch.setattr(render, "render_job", broken)
    with pytest.raises(RenderError):
        build.build(cfg, out, force=True)
    assert before == {p.name: p.read_bytes() for p in out.glob("brief.*")}
