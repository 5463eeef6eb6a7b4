"""Readers: from a file on disk to a cleaned ``Article``.

A reader is picked by file extension: ``.txt`` is plain text, ``.md`` and
``.markdown`` are Markdown, ``.html`` and ``.htm`` are web pages (their main
text, read by ``sources.html``). Text and Markdown accept YAML front matter
for metadata (title, outlet, author, published, url); a page's own metadata
is read from it; metadata given in the config wins. A web page saved under
a text name is read as a page, with a warning.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import stat
from pathlib import Path
from typing import Any

import yaml

from briefgen.config import yaml_load
from briefgen.errors import SourceError
from briefgen.model import Source
from briefgen.sources.article import Article
from briefgen.sources.clean import clean
from briefgen.sources.dateline import EARLIEST, LATEST, in_calendar, publication_date
from briefgen.sources.html import HTML_SUFFIXES, looks_like_html, main_text

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})
SUFFIXES = MARKDOWN_SUFFIXES | TEXT_SUFFIXES | HTML_SUFFIXES
METADATA_KEYS = ("title", "outlet", "author", "published", "url")
# An article bigger than this is not a news article; refusing keeps memory bounded.
MAX_BYTES = 5_000_000

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),  # before UTF-16: they share a prefix
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


def decode(data: bytes, where: str, encoding: str | None = None) -> tuple[str, list[str]]:
    """Text of a file and any warning about how it was decoded.

    A byte-order mark decides first, then the encoding the config declares,
    then UTF-8; other files are decoded with the encoding charset-normalizer
    detects, with a warning, since a guess can be wrong.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(codec), where), []
            except UnicodeDecodeError as err:
                raise SourceError(f"{where}: not valid {codec} despite its byte-order mark (byte {err.start})") from None
    if encoding:
        try:
            return _checked(data.decode(encoding), where), []
        except UnicodeDecodeError as err:
            raise SourceError(f"{where}: not valid {encoding} (byte {err.start}); fix the encoding: key") from None
    if b"\x00" in data[:4096]:
        wide = _wide_unicode(data[:4096])
        if wide:
            try:
                return _checked(data.decode(wide), where), [
                    f"{where}: read as {wide.upper()} (no byte-order mark); declare encoding: to be sure"]
            except UnicodeDecodeError:
                pass
        raise SourceError(f"{where}: binary file, not a text article; give a .txt or .md file")
    try:
        return _checked(data.decode("utf-8"), where), []
    except UnicodeDecodeError as err:
        position = err.start
    import charset_normalizer  # only files that are not UTF-8 pay for the import

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise SourceError(
            f"{where}: not valid UTF-8 (byte {position}) and no other encoding fits; "
            "save it as UTF-8 or declare encoding: for this article"
        )
    text = _checked(str(best), where)
    return text, [f"{where}: not UTF-8; read as {best.encoding} (detected); "
                  "declare encoding: for this article if characters look wrong"]


WIDE_SHARE = 0.9  # of the bytes at a position that are NUL (or not) for text in a wide encoding


def _wide_unicode(sample: bytes) -> str | None:
    """UTF-16 or UTF-32 without a byte-order mark, told by where the NUL bytes
    of mostly-Latin text fall ("H\0a\0r\0" is UTF-16-LE); None for anything else."""
    n = len(sample) // 4 * 4
    if n < 8:
        return None
    nul = [sum(sample[i] == 0 for i in range(k, n, 4)) / (n // 4) for k in range(4)]
    high, low = (lambda k: nul[k] >= WIDE_SHARE), (lambda k: nul[k] <= 1 - WIDE_SHARE)
    for codec, zeros in (("utf-32-le", (1, 2, 3)), ("utf-32-be", (0, 1, 2)),
                         ("utf-16-le", (1, 3)), ("utf-16-be", (0, 2))):
        if all(high(k) for k in zeros) and all(low(k) for k in range(4) if k not in zeros):
            return codec
    return None


def _checked(text: str, where: str) -> str:
    # Text files hold almost no control characters; many mean a binary file.
    controls = len(_CONTROL.findall(text))
    if controls > max(2, len(text) // 100):
        raise SourceError(f"{where}: binary file, not a text article; give a .txt or .md file")
    return text


def parse_date(value: Any, where: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    else:
        try:
            day = dt.date.fromisoformat(str(value).strip()[:10])
        except ValueError:
            raise SourceError(f"{where}: published: expected a date like 2023-08-30, found {value!r}") from None
    if not in_calendar(day):
        raise SourceError(f"{where}: published: {day.isoformat()} is outside the dates briefgen reads "
                          f"({EARLIEST.isoformat()} to {LATEST.isoformat()}); fix the date")
    return day


def front_matter(text: str, where: str) -> tuple[dict[str, Any], int, dict[str, tuple[int, int]]]:
    """Metadata, where the body starts, and the original span of each scalar value."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, 0, {}
    block = m.group(1) or ""
    try:
        # As safe_load: a tag such as !!python/object is refused, never constructed.
        data = yaml_load(block) or {}
    except yaml.YAMLError as err:
        line = getattr(getattr(err, "problem_mark", None), "line", None)
        at = f" line {line + 2}" if line is not None else ""
        problem = getattr(err, "problem", None) or "invalid YAML"
        raise SourceError(f"{where}: front matter{at}: {problem}; fix or remove the --- block") from None
    except ValueError as err:  # an explicitly tagged value the constructor rejects
        raise SourceError(f"{where}: front matter: {err}; fix or remove the --- block") from None
    if not isinstance(data, dict):
        raise SourceError(f"{where}: front matter: expected key: value lines, found {type(data).__name__}")
    for key in METADATA_KEYS:
        # A list or mapping is no title; refusing it also stops an alias bomb
        # from being expanded into text.
        if isinstance(data.get(key), (list, dict, set, bytes)):
            raise SourceError(f"{where}: front matter: {key}: expected one line of text, "
                              f"found a {type(data[key]).__name__}")
    spans = {}
    block_start = m.start(1) if m.group(1) else m.end()
    for key in data:
        # The value runs to the line's last visible character: greedy and
        # possessive, so a value of many spaces is read in one pass.
        km = re.search(rf"^{re.escape(str(key))}[ \t]*+:[ \t]*+(.*\S)", block, re.MULTILINE)
        if km:
            spans[str(key)] = (block_start + km.start(1), block_start + km.end(1))
    return data, m.end(), spans


def read_article(path: Path, source_id: str, meta: dict[str, Any] | None = None,
                 display_path: str | None = None, encoding: str | None = None) -> Article:
    """Read, decode and clean one article file; ``encoding`` overrides detection."""
    where = display_path or str(path)
    if path.suffix.lower() not in SUFFIXES:
        raise SourceError(
            f"{where}: unsupported file type {path.suffix or '(none)'!r}; expected one of "
            + ", ".join(sorted(SUFFIXES))
        )
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):
            # A FIFO or a device would block or never end: refused before it is opened.
            raise SourceError(f"{where}: not a regular file (a pipe, device or socket); give a .txt or .md file")
        size = info.st_size
        if size > MAX_BYTES:
            raise SourceError(f"{where}: {size:,} bytes is over the {MAX_BYTES:,}-byte article limit; split or trim it")
        data = path.read_bytes()
    except FileNotFoundError:
        raise SourceError(f"{where}: file not found") from None
    except IsADirectoryError:
        raise SourceError(f"{where}: is a directory, not an article file") from None
    except PermissionError:
        raise SourceError(f"{where}: permission denied") from None
    except OSError as err:
        raise SourceError(f"{where}: cannot read: {err.strerror}") from None
    if not data.strip():
        raise SourceError(f"{where}: empty file; give the article text or remove it from the config")
    raw, warnings = decode(data, where, encoding)
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES or (suffix in TEXT_SUFFIXES and looks_like_html(raw)):
        if suffix not in HTML_SUFFIXES:
            warnings.append(f"{where}: a web page in a {suffix} file; read as HTML (its main text only)")
        article = article_from_page(raw, source_id, meta, where)
    else:
        article = article_from_text(raw, source_id, meta, where, markdown=suffix in MARKDOWN_SUFFIXES)
    article.warnings += warnings
    return article


def article_from_page(page: str, source_id: str, meta: dict[str, Any] | None = None,
                      where: str = "<page>") -> Article:
    """An article from a web page: its main text is the article's text (what
    evidence indexes, saved beside the brief), its own metadata under the config's."""
    text, found = main_text(page, where)
    merged = {k: v for k, v in found.items() if v is not None} | {k: v for k, v in (meta or {}).items() if v is not None}
    article = article_from_text(text, source_id, merged, where, front_matter_allowed=False)
    article.source.text_file = f"{source_id}.txt"
    return article


def article_from_text(raw: str, source_id: str, meta: dict[str, Any] | None = None,
                      where: str = "<text>", *, markdown: bool = False, front_matter_allowed: bool = True) -> Article:
    """Build an article from text already in memory (tests, ``extract``).
    A page's text never has front matter: its words are no metadata."""
    fm, body_start, fm_spans = front_matter(raw, where) if front_matter_allowed else ({}, 0, {})
    metadata = {k: fm.get(k) for k in METADATA_KEYS}
    for key, value in (meta or {}).items():
        if value is not None:
            metadata[key] = value
    title = metadata.get("title")
    cleaned = clean(raw, body_start, markdown=markdown, title=str(title) if title else None)
    text, offsets, headline_end = cleaned.text, cleaned.offsets, cleaned.headline_end
    if title and "title" in fm_spans and not (meta or {}).get("title"):
        # The front-matter title is the headline: read it where it stands.
        start, end = fm_spans["title"]
        value = raw[start:end].strip("'\"")
        inner = start + raw[start:end].find(value)
        shifted = type(offsets)()
        shifted.add(0, inner, len(value))
        shifted.add(len(value), None, 2)
        for c, r, n in zip(offsets.clean_starts, offsets.raw_starts, offsets.lengths):
            shifted.add(c + len(value) + 2, r, n)
        text, offsets, headline_end = value + "\n\n" + text, shifted, len(value)
    source = Source(
        id=source_id,
        title=str(title or cleaned.headline or where),
        outlet=_str(metadata.get("outlet")),
        author=_str(metadata.get("author")) or cleaned.author,
        published=parse_date(metadata.get("published"), where),
        url=_str(metadata.get("url")),
    )
    if source.published is None:
        found = publication_date(cleaned.datelines, source.url)
        if found:
            source.published, source.published_from = found
    return Article(source=source, raw=raw, text=text, offsets=offsets, headline_end=headline_end)


def _str(value: Any) -> str | None:
    return None if value is None else str(value)
