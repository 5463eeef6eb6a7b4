"""Readers: from a file on disk to a cleaned ``Article``.

A reader is picked by file extension: ``.txt`` is plain text, ``.md`` and
``.markdown`` are Markdown. Both accept YAML front matter for metadata
(title, outlet, author, published, url); metadata given in the config wins.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from briefgen.errors import SourceError
from briefgen.model import Source
from briefgen.sources.article import Article
from briefgen.sources.clean import clean

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})
SUFFIXES = MARKDOWN_SUFFIXES | TEXT_SUFFIXES
METADATA_KEYS = ("title", "outlet", "author", "published", "url")
# An article bigger than this is not a news article; refusing keeps memory bounded.
MAX_BYTES = 5_000_000

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


def decode(data: bytes, where: str) -> str:
    """Text of a file: UTF-8 (with or without BOM), else a clear error."""
    if b"\x00" in data[:4096]:
        raise SourceError(f"{where}: binary file, not a text article; give a .txt or .md file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise SourceError(
            f"{where}: not valid UTF-8 (byte {err.start}); save the article as UTF-8"
        ) from None


def parse_date(value: Any, where: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise SourceError(f"{where}: published: expected a date like 2023-08-30, found {value!r}") from None


def front_matter(text: str, where: str) -> tuple[dict[str, Any], int, dict[str, tuple[int, int]]]:
    """Metadata, where the body starts, and the original span of each scalar value."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, 0, {}
    block = m.group(1) or ""
    try:
        data = yaml.safe_load(block) or {}
    except yaml.YAMLError as err:
        line = getattr(getattr(err, "problem_mark", None), "line", None)
        at = f" line {line + 2}" if line is not None else ""
        raise SourceError(f"{where}: front matter{at}: invalid YAML; fix or remove the --- block") from None
    if not isinstance(data, dict):
        raise SourceError(f"{where}: front matter: expected key: value lines, found {type(data).__name__}")
    spans = {}
    block_start = m.start(1) if m.group(1) else m.end()
    for key in data:
        km = re.search(rf"^{re.escape(str(key))}[ \t]*:[ \t]*(.+?)[ \t]*$", block, re.MULTILINE)
        if km:
            spans[str(key)] = (block_start + km.start(1), block_start + km.end(1))
    return data, m.end(), spans


def read_article(path: Path, source_id: str, meta: dict[str, Any] | None = None,
                 display_path: str | None = None) -> Article:
    """Read, decode and clean one article file."""
    where = display_path or str(path)
    if path.suffix.lower() not in SUFFIXES:
        raise SourceError(
            f"{where}: unsupported file type {path.suffix or '(none)'!r}; expected one of "
            + ", ".join(sorted(SUFFIXES))
        )
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SourceError(f"{where}: {size:,} bytes is over the {MAX_BYTES:,}-byte article limit; split or trim it")
        data = path.read_bytes()
    except FileNotFoundError:
        raise SourceError(f"{where}: file not found") from None
    except IsADirectoryError:
        raise SourceError(f"{where}: is a directory, not an article file") from None
    except PermissionError:
        raise SourceError(f"{where}: permission denied") from None
    raw = decode(data, where)
    return article_from_text(raw, source_id, meta, where, markdown=path.suffix.lower() in MARKDOWN_SUFFIXES)


def article_from_text(raw: str, source_id: str, meta: dict[str, Any] | None = None,
                      where: str = "<text>", *, markdown: bool = False) -> Article:
    """Build an article from text already in memory (tests, ``extract``)."""
    fm, body_start, fm_spans = front_matter(raw, where)
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
    return Article(source=source, raw=raw, text=text, offsets=offsets, headline_end=headline_end)


def _str(value: Any) -> str | None:
    return None if value is None else str(value)
