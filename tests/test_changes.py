"""What changed since the previous brief of the same config (issue 17), and
the dated archive."""

from __future__ import annotations

import datetime as dt
import json

from briefgen.build import build
from briefgen.config import load

FIRST = ("---\ntitle: Harbour bridge to close for repairs\noutlet: Coast Times\npublished: 2024-03-11\n---\n\n"
         "The Tamsin harbour bridge will close to traffic on Monday for six weeks of repairs, the county "
         "council said on Sunday.\n\nCouncil engineer Ilse Varga said corrosion had been found in two of the "
         "bridge's main cables during an inspection last month.\n")
SECOND = ("---\ntitle: Ferry operator doubles crossings as bridge shuts\noutlet: Valley Herald\n"
          "published: 2024-03-12\n---\n\nThe Tamsin harbour bridge closed on Monday for repairs.\n\n"
          "Ferry operator chief Tomas Reyes said the company would double its crossings for the whole "
          "of the closure and add a night service.\n")


def _build(tmp_path, *articles, force=False, day=11):
    for n, text in enumerate(articles):
        (tmp_path / f"a{n}.md").write_text(text, encoding="utf-8")
    (tmp_path / "config.yaml").write_text(
        "title: Bridge\narticles: [{glob: '*.md'}]\noutput: {dir: out, formats: [md, json], archive: true}\n",
        encoding="utf-8")
    build(load(tmp_path / "config.yaml"), force=force,
          now=dt.datetime(2024, 3, day, 7, 0, tzinfo=dt.timezone.utc))
    return ((tmp_path / "out" / "brief.md").read_text(encoding="utf-8"),
            json.loads((tmp_path / "out" / "brief.json").read_text(encoding="utf-8")))


def test_the_next_days_brief_names_the_new_claim(tmp_path):
    md, data = _build(tmp_path, FIRST)
    assert "## What changed" not in md and data["changes"] is None  # nothing to compare with
    md, data = _build(tmp_path, FIRST, SECOND, day=12)
    assert "## What changed" in md
    section = md.split("## What changed")[1].split("\n## ")[0]
    assert "Since the previous brief (2024-03-11T07:00:00+00:00)" in section
    assert "New: **Tomas Reyes**" in section and "double its crossings" in section
    new = [c for c in data["key_claims"] if c["id"] in data["changes"]["new_claims"]]
    assert any(c["speaker"] == "Tomas Reyes" for c in new)
    assert not any(c["speaker"] == "Ilse Varga" for c in new)  # told yesterday: not new
    # Each day's brief is kept; the latest stays at the usual paths.
    assert (tmp_path / "out" / "2024-03-11" / "brief.md").is_file()
    assert (tmp_path / "out" / "2024-03-12" / "brief.md").read_text(encoding="utf-8") == md


def test_a_rebuild_of_the_same_articles_says_nothing_is_new(tmp_path):
    _build(tmp_path, FIRST)
    md, data = _build(tmp_path, FIRST, force=True)
    assert "*Nothing new since the previous brief (2024-03-11T07:00:00+00:00).*" in md
    assert data["changes"]["new_claims"] == [] and data["changes"]["dropped_claims"] == []


def test_brief_json_follows_its_schema(tmp_path, capsys):
    from briefgen.cli import main

    _, data = _build(tmp_path, FIRST, SECOND)
    assert main(["schema", "brief"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert data["schema_version"] == schema["properties"]["schema_version"]["const"]
    assert set(schema["required"]) <= set(data) <= set(schema["properties"])
    for field, model in (("key_claims", "Claim"), ("actors", "Actor"), ("sources", "Source"),
                         ("open_questions", "Question"), ("stories", "Story")):
        known = set(schema["$defs"][model]["properties"])
        assert data[field] and all(set(item) <= known for item in data[field]), field
    assert main(["schema", "config"]) == 0
    config = json.loads(capsys.readouterr().out)
    assert {"articles", "output", "fetch"} <= set(config["properties"]) and "base_dir" not in config["properties"]
