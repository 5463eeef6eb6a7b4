"""Broken input through the command line: one clear line naming the file or
key, exit 1, no traceback. Cases already asserted at the CLI level elsewhere
(missing config, missing article, did-you-mean, unknown section: test_cli.py)
are not repeated; warnings that let the build go on are at the end.
"""

from __future__ import annotations

import json
import random
import textwrap
import time

import pytest

from briefgen import build
from briefgen.cli import main

STORY = ("Harbour chief Ilse Varga said on Monday that the port of Brenn would reopen next week.\n\n"
         "Union leader Teo Brandt told reporters that the dockers had accepted the new offer.\n")


def _run(capsys, *argv: str) -> tuple[int, list[str], str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.err.splitlines(), captured.out


def _config(tmp_path, body: str = "", article: bytes | str | None = STORY, name: str = "a.txt") -> str:
    if article is not None:
        data = article.encode("utf-8") if isinstance(article, str) else article
        (tmp_path / name).write_bytes(data)
    text = body or f"title: Harbour\narticles: [{{path: {name}}}]\noutput: {{formats: [md]}}\ncache_dir: cache\n"
    (tmp_path / "config.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return str(tmp_path / "config.yaml")


def _base(extra: str = "", articles: str = "[{path: a.txt}]") -> str:
    return f"title: Harbour\narticles: {articles}\noutput: {{formats: [md]}}\ncache_dir: cache\n{extra}"


def _bomb() -> str:
    levels = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    levels += [f"{c}: &{c} [{', '.join(['*' + p] * 9)}]" for p, c in zip("abcdefgh", "bcdefghi")]
    return "\n".join(levels) + "\ntitle: *i\n"


# id -> (config text or None for the default, article bytes/str or None, command, expected text).
# "check" reads config and articles without building; build-only faults use "build".
CASES = {
    "config_empty": ("\n", None, "check", "(top level): the config file is empty"),
    "config_not_mapping": ("- a.txt\n- b.txt\n", None, "check", "(top level): expected a mapping of keys, found list"),
    "config_malformed_yaml": ("title: [Harbour\narticles: x\n", None, "check", "config.yaml: line 2, column 9:"),
    "config_tab_indent": ("title: Harbour\narticles:\n\t- path: a.txt\n", None, "check", "config.yaml: line 3"),
    "config_python_tag": ("title: !!python/object/apply:os.system ['true']\narticles: [{path: a.txt}]\n", STORY,
                          "check", "could not determine a constructor for the tag"),
    "unknown_nested_key": (_base("nlp: {modle: x}\n"), STORY, "check", "nlp.modle: unknown key; did you mean 'model'?"),
    "wrong_type_articles": ("title: Harbour\narticles: a.txt\n", STORY, "check",
                            "articles: expected a valid list, found 'a.txt'"),
    "wrong_type_formats": (_base().replace("[md]", "md"), STORY, "check", "output.formats: expected a valid list"),
    "wrong_type_batch_size": (_base("nlp: {batch_size: many}\n"), STORY, "check", "nlp.batch_size: expected a valid integer"),
    "wrong_type_max_items": (_base("sections: [{name: actors, max_items: lots}]\n"), STORY, "check",
                             "sections[0].max_items: expected a valid integer"),
    "bad_published_date": (_base(articles="[{path: a.txt, published: 2023-13-45}]"), STORY, "check",
                           "articles[0].published: expected a valid date or datetime, month value is outside"),
    "bad_tagged_date": (_base(articles="[{path: a.txt, published: !!timestamp 2023-13-45}]"), STORY, "check",
                        "config.yaml: month must be in 1..12; fix the YAML value"),
    "empty_title": (_base().replace("Harbour", '""'), STORY, "check", "title: expected some text, found an empty string"),
    "empty_articles": ("title: Harbour\narticles: []\n", None, "check", "articles: expected at least 1 entry, found none"),
    "article_without_location": (_base(articles="[{title: Harbour}]"), None, "check",
                                 "articles[0]: expected one of 'path', 'glob', 'url' or 'feed'"),
    "duplicate_articles": (_base(articles="[{path: a.txt}, {path: ./a.txt}]"), STORY, "check",
                           "articles: ./a.txt is listed twice; remove the duplicate"),
    "glob_matches_nothing": (_base(articles="[{glob: 'news/*.md'}]"), None, "check",
                             "articles[0].glob: no file matches 'news/*.md'"),
    "unknown_format": (_base().replace("[md]", "[md, docx]"), STORY, "check",
                       "output.formats[1]: unknown format 'docx'; expected one of: html, json, md, pdf"),
    "unknown_encoding": (_base(articles="[{path: a.txt, encoding: klingon}]"), STORY, "check",
                         "articles[0].encoding: expected an encoding name"),
    "templates_dir_missing": (_base("templates_dir: mine\n"), STORY, "check", "templates_dir: folder not found: mine"),
    "article_empty": (None, b"", "check", "a.txt: empty file"),
    "article_blank": (None, b" \n\n\t\n", "check", "a.txt: empty file"),
    "article_binary": (None, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "check", "a.txt: binary file"),
    "article_control_chars": (None, bytes(range(1, 9)) * 40 + b"text", "check", "a.txt: binary file"),
    "article_undecodable": (None, random.Random(7).randbytes(3000).replace(b"\x00", b"a"), "check",
                            "a.txt: not valid UTF-8 (byte 1) and no other encoding fits"),
    "article_wrong_declared_encoding": (_base(articles="[{path: a.txt, encoding: ascii}]"),
                                        "Café owners said the rules would hurt trade.\n", "check",
                                        "a.txt: not valid ascii (byte 3); fix the encoding: key"),
    "article_bad_bom": (None, b"\xef\xbb\xbfCaf\xe9 owners said so.\n", "check",
                        "a.txt: not valid utf-8-sig despite its byte-order mark"),
    "front_matter_malformed": (None, "---\ntitle: [Harbour\n---\n" + STORY, "check", "a.txt: front matter line 3:"),
    "front_matter_python_tag": (None, "---\ntitle: !!python/name:os.system\n---\n" + STORY, "check",
                                "a.txt: front matter line 2: could not determine a constructor"),
    "front_matter_bad_date": (None, "---\npublished: next Tuesday\n---\n" + STORY, "check",
                              "a.txt: published: expected a date like 2023-08-30, found 'next Tuesday'"),
    "front_matter_impossible_date": (None, "---\npublished: 2023-02-30\n---\n" + STORY, "check",
                                     "a.txt: published: expected a date like 2023-08-30, found '2023-02-30'"),
    "front_matter_not_text": (None, "---\ntitle: {a: 1}\n---\n" + STORY, "check",
                              "a.txt: front matter: title: expected one line of text, found a dict"),
    "front_matter_alias_bomb": (None, "---\n" + _bomb() + "---\n" + STORY, "check",
                                "a.txt: front matter: title: expected one line of text, found a list"),
    "no_sentences": (None, "2024 | 17:30\n***\n$ 4,500.00 — 12%\n", "check", "a.txt: no sentences to read"),
    "furniture_only": (None, "Share this article on Facebook\nFollow us on Twitter\n---\n", "check",
                       "a.txt: no sentences to read"),
    "unsupported_type": (_base(articles="[{path: a.pdf}]"), None, "check", "a.pdf: unsupported file type '.pdf'"),
    "unwritable_output_dir": (_base("output: {dir: a.txt/out, formats: [md]}\n").replace("output: {formats: [md]}\n", ""),
                              STORY, "build", "output.dir: cannot create"),
    "model_not_installed": (_base("nlp: {model: xx_no_such_model}\n"), STORY, "build",
                            "nlp.model: spaCy model 'xx_no_such_model' is not installed"),
    "template_syntax_error": (_base("templates_dir: mine\n"), STORY, "build",
                              "mine/brief.md.j2, line 2: Expected an expression"),
    "template_undefined_variable": (_base("templates_dir: mine\n"), STORY, "build",
                                    "partials/actors.md.j2, line 1: 'no_such_value' is undefined"),
}


@pytest.mark.parametrize("case", CASES)
def test_broken_input_one_clear_line_exit_1(tmp_path, capsys, case):
    body, article, command, expected = CASES[case]
    if case == "template_syntax_error":
        (tmp_path / "mine").mkdir()
        (tmp_path / "mine" / "brief.md.j2").write_text("# {{ brief.title|md }}\n{% for x in %}\n")
    if case == "template_undefined_variable":
        (tmp_path / "mine" / "partials").mkdir(parents=True)
        (tmp_path / "mine" / "partials" / "actors.md.j2").write_text("{{ no_such_value }}\n")
    path = _config(tmp_path, body or "", article)
    if case == "unsupported_type":
        (tmp_path / "a.pdf").write_bytes(b"%PDF-1.7\n")
    code, err, out = _run(capsys, command, "-c", path)
    assert code == 1, (err, out)
    assert len(err) == 1, err
    assert err[0].startswith("briefgen: error: ") and expected in err[0], err
    assert "Traceback" not in err[0] and out == ""


def test_broken_input_every_problem_of_a_config_is_one_short_line_each(tmp_path, capsys):
    # An alias bomb in the config: errors stay short even though the value is huge.
    path = _config(tmp_path, _bomb() + "articles: *i\n", None)
    started = time.perf_counter()
    code, err, _ = _run(capsys, "check", "-c", path)
    assert code == 1 and time.perf_counter() - started < 5
    assert "briefgen: error: title: expected a valid string, found [[...], [...], [...], [...], ...]" in err
    assert len(err) == 19 and all(len(line) < 200 for line in err)  # title, 9 articles, 9 unknown keys


def test_broken_input_huge_article_refused_quickly_with_the_limit(tmp_path, capsys):
    path = _config(tmp_path, article=None)
    with open(tmp_path / "a.txt", "wb") as handle:
        handle.truncate(50_000_000)  # sparse: 50 MB without writing them
    started = time.perf_counter()
    code, err, _ = _run(capsys, "build", "-c", path)
    assert time.perf_counter() - started < 5
    assert code == 1
    assert err == ["briefgen: error: a.txt: 50,000,000 bytes is over the 5,000,000-byte article limit; split or trim it"]


def test_broken_input_article_longer_than_the_model_reads(tmp_path, capsys, monkeypatch):
    from briefgen import nlp

    monkeypatch.setattr(nlp.load(nlp.DEFAULT_MODEL), "max_length", 100)
    code, err, _ = _run(capsys, "build", "-c", _config(tmp_path))
    assert code == 1
    assert err == ["briefgen: error: a.txt: 171 characters of story text is over the 100 the spaCy model "
                   "reads at once; split the article"]


def test_broken_input_output_path_is_a_file(tmp_path, capsys):
    path = _config(tmp_path)
    code, err, _ = _run(capsys, "build", "-c", path, "--out", str(tmp_path / "a.txt"))
    assert code == 1 and len(err) == 1 and err[0].startswith("briefgen: error: --out: cannot create")


def test_broken_input_locked_output_names_the_lock(tmp_path, capsys, monkeypatch):
    from filelock import FileLock

    path = _config(tmp_path)
    (tmp_path / "out").mkdir()
    monkeypatch.setattr(build, "LOCK_TIMEOUT_S", 0.2)
    with FileLock(str(tmp_path / "out" / ".brief.lock")):
        code, err, _ = _run(capsys, "build", "-c", path)
    assert code == 1 and len(err) == 1
    assert "another build of brief has held the lock" in err[0] and ".brief.lock" in err[0]


def test_broken_input_extract_names_each_bad_file(tmp_path, capsys):
    (tmp_path / "b.txt").write_bytes(b"\x00\x01binary")
    code, err, _ = _run(capsys, "extract", str(tmp_path / "none.txt"), str(tmp_path / "b.txt"))
    assert code == 1
    assert err == [f"briefgen: error: {tmp_path / 'none.txt'}: file not found",
                   f"briefgen: error: {tmp_path / 'b.txt'}: binary file, not a text article; give a .txt or .md file"]


def test_broken_input_internal_error_is_one_line(tmp_path, capsys, monkeypatch):
    # A bug (not a user error) still ends in one line for cron, with the way to the traceback.
    path = _config(tmp_path)
    monkeypatch.setattr(build, "fingerprint", lambda *_: 1 / 0)
    code, err, _ = _run(capsys, "build", "-c", path)
    assert code == 1 and len(err) == 1
    assert err[0].startswith("briefgen: internal error: ZeroDivisionError") and "--verbose" in err[0]
    with pytest.raises(ZeroDivisionError):
        main(["build", "-c", path, "--verbose"])


# Inputs that are odd but readable: the build goes on and says what it did.


def test_broken_input_non_english_article_warns_and_builds(tmp_path, capsys):
    german = ("Der Bürgermeister der Stadt sagte am Montag, dass die Hauptstraße wegen Bauarbeiten für drei "
              "Wochen gesperrt wird. Die Händler in der Innenstadt befürchten hohe Verluste und fordern eine "
              "Entschädigung von der Verwaltung.\n")
    path = _config(tmp_path, article=german)
    code, err, out = _run(capsys, "build", "-c", path)
    assert code == 0 and out.startswith("wrote ")
    assert len(err) == 1 and err[0].startswith("briefgen: warning: a.txt: does not look like English")


def test_broken_input_english_article_gives_no_language_warning(tmp_path, capsys):
    code, err, _ = _run(capsys, "build", "-c", _config(tmp_path, article=STORY * 2))
    assert code == 0 and err == []


def test_broken_input_legacy_encoding_detected_with_warning(tmp_path, capsys):
    text = "Café owners in Brenn said on Monday that the “new” harbour fees would hurt trade badly.\n"
    path = _config(tmp_path, _base().replace("[md]", "[json]"), article=text.encode("cp1252"))
    code, err, _ = _run(capsys, "build", "-c", path)
    assert code == 0
    assert len(err) == 1 and "a.txt: not UTF-8; read as cp125" in err[0] and "encoding:" in err[0]
    data = json.loads((tmp_path / "out" / "brief.json").read_text(encoding="utf-8"))
    assert "Café" in json.dumps(data, ensure_ascii=False) and "“new”" in json.dumps(data, ensure_ascii=False)


@pytest.mark.parametrize("encoded", [
    ("utf-16", None), ("utf-32", None), ("utf-8-sig", None), ("latin-1", "latin-1"), ("cp1252", "cp1252")])
def test_broken_input_declared_or_marked_encodings_read_silently(tmp_path, capsys, encoded):
    codec, declared = encoded
    text = "Café owners in Brenn said on Monday that the harbour fees would hurt trade.\n"
    articles = f"[{{path: a.txt, encoding: {declared}}}]" if declared else "[{path: a.txt}]"
    path = _config(tmp_path, _base(articles=articles), article=text.encode(codec))
    code, err, out = _run(capsys, "check", "-c", path)
    assert (code, err) == (0, []) and "ok (1 articles" in out


def test_broken_input_corrupt_cache_entries_are_rebuilt(tmp_path, capsys):
    path = _config(tmp_path, _base().replace("[md]", "[md, json]"))
    assert main(["build", "-c", path]) == 0
    before = (tmp_path / "out" / "brief.md").read_bytes()
    entries = list((tmp_path / "cache").rglob("*.json"))
    assert entries
    for garbage, entry in zip([b"{not json", b"[]", b"\xff\xfe", b'{"stamp": 1}'], entries * 4):
        entry.write_bytes(garbage)
        capsys.readouterr()
        code, err, out = _run(capsys, "build", "-c", path, "--force")
        assert code == 0 and "1 parsed, 0 cached" in out
        assert len(err) == 1 and "unusable" in err[0] and "rebuilding it" in err[0]
    assert (tmp_path / "out" / "brief.md").read_bytes().split(b"\n## ", 1)[1] == before.split(b"\n## ", 1)[1]
