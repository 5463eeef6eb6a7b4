"""Input at the edges (issue 16): dates beyond the calendar, YAML nested past
any use, symlink loops, codecs that are no charsets, special files, an output
folder where no lock can be made, an empty format list. Each is one clear line
and exit 1 (or, for a date inside an article's text, a warning and a build)."""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path

import pytest

from briefgen.cli import main

STORY = ("Harbour chief Ilse Varga said on Monday that the port of Brenn would reopen next week.\n\n"
         "Union leader Teo Brandt told reporters that the dockers had accepted the new offer.\n")


def _project(tmp_path: Path, articles: str = "[{path: a.txt}]", extra: str = "", article: str | None = STORY) -> str:
    if article is not None:
        (tmp_path / "a.txt").write_text(article, encoding="utf-8")
    config = f"title: Harbour\narticles: {articles}\noutput: {{formats: [md]}}\ncache_dir: cache\n{extra}"
    (tmp_path / "config.yaml").write_text(textwrap.dedent(config), encoding="utf-8")
    return str(tmp_path / "config.yaml")


def _error(capsys, *argv: str) -> str:
    code = main(list(argv))
    err = capsys.readouterr().err.splitlines()
    assert code == 1, err
    assert len(err) == 1 and err[0].startswith("briefgen: error: "), err
    return err[0]


@pytest.mark.parametrize("published", ["9999-12-31", "0001-01-01"])
def test_publication_days_at_the_calendar_ends_are_refused_by_name(tmp_path, capsys, published):
    path = _project(tmp_path, f"[{{path: a.txt, published: {published}}}]",
                    article="Officials said the port would reopen tomorrow, a day after it closed yesterday.\n\n" + STORY)
    line = _error(capsys, "check", "-c", path)
    assert f"published: {published} is outside the dates briefgen reads" in line
    # The same date in the article's own front matter.
    path = _project(tmp_path, article=f"---\npublished: {published}\n---\n" + STORY)
    assert "a.txt: published:" in _error(capsys, "build", "-c", path)


@pytest.mark.parametrize("text", ["The temple was built 2500 years ago, officials said on Monday.",
                                  "In the year 9999 the city was founded. Two years later, it fell."])
def test_dates_beyond_the_calendar_in_the_text_are_left_out_with_a_warning(tmp_path, capsys, text):
    path = _project(tmp_path, "[{path: a.txt, published: 2031-05-01}]", article=text + "\n\n" + STORY)
    assert main(["build", "-c", path]) == 0
    err = capsys.readouterr().err
    assert "a.txt: a date out of the calendar's range" in err and "internal error" not in err
    assert (tmp_path / "out" / "brief.md").is_file()


def test_yaml_nested_past_any_use_is_one_line(tmp_path, capsys):
    deep = "[" * 5000 + "]" * 5000
    (tmp_path / "config.yaml").write_text(f"title: {deep}\narticles: [{{path: a.txt}}]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    assert "nested deeper than 50 levels" in _error(capsys, "check", "-c", str(tmp_path / "config.yaml"))
    path = _project(tmp_path, article=f"---\ntitle: {deep}\n---\n" + STORY)
    assert "a.txt: front matter line 2: nested deeper than 50 levels" in _error(capsys, "check", "-c", path)


def test_a_symlink_loop_in_a_glob_names_the_file(tmp_path, capsys):
    os.symlink(tmp_path / "l1.txt", tmp_path / "l2.txt")
    os.symlink(tmp_path / "l2.txt", tmp_path / "l1.txt")
    path = _project(tmp_path, "[{glob: 'l1.txt'}]", article=None)
    line = _error(capsys, "check", "-c", path)
    assert "l1.txt: cannot read:" in line and "symbolic links" in line


@pytest.mark.parametrize("codec", ["hex", "rot13", "unicode_escape", "raw_unicode_escape"])
def test_codecs_that_are_no_charsets_are_config_errors(tmp_path, capsys, codec):
    path = _project(tmp_path, f"[{{path: a.txt, encoding: {codec}}}]")
    assert f"articles[0].encoding: '{codec}' is no text encoding" in _error(capsys, "check", "-c", path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
@pytest.mark.parametrize("command", ["check", "build"])
def test_a_fifo_among_the_articles_is_refused_before_it_is_opened(tmp_path, capsys, command):
    os.mkfifo(tmp_path / "f.txt")  # opening it would block until a writer came
    path = _project(tmp_path, "[{glob: '*.txt'}]")
    assert "f.txt: not a regular file" in _error(capsys, command, "-c", path)


def test_an_empty_format_list_is_a_config_error(tmp_path, capsys):
    path = _project(tmp_path)
    Path(path).write_text(Path(path).read_text().replace("formats: [md]", "formats: []"))
    assert "output.formats: expected at least 1 entry, found none" in _error(capsys, "check", "-c", path)


@pytest.mark.skipif(not sys.platform.startswith("linux") or not os.path.isdir("/proc"), reason="needs /proc")
def test_an_output_folder_without_room_for_a_lock_fails_at_once(tmp_path, capsys):
    path = _project(tmp_path)
    line = _error(capsys, "build", "-c", path, "--out", "/proc")
    assert "cannot write in /proc" in line


def test_the_output_folder_never_feeds_the_inputs(tmp_path, capsys):
    (tmp_path / "a.md").write_text(STORY, encoding="utf-8")
    config = "title: Harbour\narticles: [{glob: '**/*.md'}]\noutput: {dir: ., formats: [md, json]}\ncache_dir: cache\n"
    (tmp_path / "config.yaml").write_text(config, encoding="utf-8")
    path = str(tmp_path / "config.yaml")
    assert main(["build", "-c", path]) == 0
    capsys.readouterr()
    # The second build's glob also matches brief.md, the first build's output: skipped.
    assert main(["build", "-c", path, "--force"]) == 0
    assert "brief.md: skipped: it is this build's own output" in capsys.readouterr().err
    import json
    assert [s["path"] for s in json.loads((tmp_path / "brief.json").read_text())["sources"]] == ["a.md"]


def test_check_makes_every_check_the_build_makes_before_parsing(tmp_path, capsys, monkeypatch):
    path = _project(tmp_path, extra="nlp: {model: xx_no_such_model}\n")
    assert "nlp.model: spaCy model 'xx_no_such_model' is not installed" in _error(capsys, "check", "-c", path)
    from briefgen import nlp

    class Short:
        max_length = 100

    monkeypatch.setattr(nlp, "load", lambda model: Short())
    path = _project(tmp_path)
    assert "is over the 100 the spaCy model reads at once" in _error(capsys, "check", "-c", path)


def test_control_and_bidi_characters_never_act_in_outputs_or_messages(tmp_path, capsys):
    import json

    story = ("Harbour chief Ilse\u202e Varga said on Monday that the port would reopen\x1b[31m next week.\n\n"
             "Union leader Teo Brandt told reporters that the dockers had accepted the offer.\n")
    path = _project(tmp_path, "[{glob: '*.txt'}]", extra="", article=story)
    Path(path).write_text(Path(path).read_text().replace("formats: [md]", "formats: [md, json, html]"))
    assert main(["build", "-c", path]) == 0
    capsys.readouterr()
    for name in ("brief.md", "brief.html", "brief.json"):
        text = (tmp_path / "out" / name).read_text(encoding="utf-8")
        assert "\u202e" not in text and "\x1b" not in text, name
    assert json.loads((tmp_path / "out" / "brief.json").read_text(encoding="utf-8"))["key_claims"]
    # A file name with a line break and an escape is one line, shown escaped.
    (tmp_path / "a.txt").unlink()
    (tmp_path / "bad\nname\x1b[2J.txt").write_bytes(b"")
    line = _error(capsys, "check", "-c", path)
    assert "bad\\nname\\x1b[2J.txt: empty file" in line


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_wide_unicode_without_a_byte_order_mark_is_read_with_a_warning(tmp_path, capsys, codec):
    path = _project(tmp_path, article=None)
    (tmp_path / "a.txt").write_bytes(STORY.encode(codec))
    assert main(["check", "-c", path]) == 0
    err = capsys.readouterr().err
    assert f"a.txt: read as {codec.upper()} (no byte-order mark)" in err
    # A real binary file is still refused.
    (tmp_path / "a.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    assert "a.txt: binary file" in _error(capsys, "check", "-c", path)
