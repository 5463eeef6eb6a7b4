"""Cleaning: from a file's text to the story text the NLP reads.

Paragraphs of the original are kept or dropped whole (furniture rules in
``furniture.py``), trimmed, and joined with blank lines; Markdown markup is
removed inside kept paragraphs. Every kept character is copied, never
rewritten, so an ``OffsetMap`` leads each cleaned offset back to the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefgen.sources import furniture
from briefgen.sources.article import OffsetMap

_BULLET = re.compile(r"^\s*(?:[•▪●◦‣·*+-]|\d+[.)])\s+")
_MD_LINE_PREFIX = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?)+")
# Inline Markdown: images are dropped, links keep their text, markers go.
_MD_INLINE = re.compile(
    r"!\[[^\]]*\]\([^)]*\)"  # image
    r"|\[([^\]]+)\]\([^)]*\)"  # link: keep group 1
    r"|\[([^\]]+)\]\[[^\]]*\]"  # reference link: keep group 2
    r"|<[^>]{1,200}>"  # inline HTML tag
    r"|\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`"  # emphasis and code markers
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_STOP = frozenset(
    "the a an and or of to in on for with at by from as is are was were be been has have had "
    "that this it its their his her they he she we you will would could should may might "
    "not but after before amid over into about than then also".split()
)


@dataclass
class Cleaned:
    text: str
    offsets: OffsetMap
    headline: str = ""
    headline_end: int = 0
    author: str | None = None
    dropped: list[tuple[str, str]] = field(default_factory=list)  # (kind, paragraph)


@dataclass
class _Para:
    start: int  # original offsets of the trimmed paragraph
    end: int
    text: str
    bullet: bool = False


def _paragraphs(raw: str, body_start: int) -> list[_Para]:
    """Non-empty lines of the body, trimmed, bullet markers cut off.

    News files put one paragraph per line; a line is the unit of furniture.
    """
    paras = []
    pos = body_start
    for line in raw[body_start:].splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            start = pos + lead
            bullet = _BULLET.match(line[lead:].rstrip() + " ")
            if bullet and bullet.end() - 1 < len(stripped):
                start = pos + lead + len(bullet.group(0).lstrip())
            end = pos + len(line.rstrip())
            if end > start:
                paras.append(_Para(start, end, raw[start:end], bool(bullet)))
        pos += len(line)
    return paras


def _content_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if w.lower() not in _STOP}


def _coverage(part: set[str], whole: set[str]) -> float:
    return len(part & whole) / len(part) if part else 0.0


def _looks_like_headline(text: str) -> bool:
    return len(text) <= 250 and not re.search(r"[.!?]['\"’”]?$", text)


def _markdown_pieces(para: _Para) -> list[tuple[int, int]]:
    """Original ranges of a Markdown paragraph once markup is removed."""
    text = para.text
    prefix = _MD_LINE_PREFIX.match(text)
    pos = prefix.end() if prefix else 0
    pieces = []
    for m in _MD_INLINE.finditer(text, pos):
        if m.start() > pos:
            pieces.append((para.start + pos, para.start + m.start()))
        group = 1 if m.group(1) is not None else 2 if m.group(2) is not None else 0
        if group:
            pieces.append((para.start + m.start(group), para.start + m.end(group)))
        pos = m.end()
    if pos < len(text):
        pieces.append((para.start + pos, para.end))
    return [p for p in pieces if p[1] > p[0]]


def clean(raw: str, body_start: int = 0, *, markdown: bool = False, title: str | None = None) -> Cleaned:
    """Clean ``raw[body_start:]``; ``title`` (from metadata) disables headline guessing."""
    paras = _paragraphs(raw, body_start)
    result = Cleaned(text="", offsets=OffsetMap())
    keep = [True] * len(paras)

    for i, para in enumerate(paras):
        kind = furniture.kind_of(para.text)
        if kind:
            keep[i] = False
            result.dropped.append((kind, para.text))
            if kind == "byline" and result.author is None:
                result.author = furniture.byline_author(para.text)

    headline_index = None
    if title is None:
        first = next((i for i in range(len(paras)) if keep[i]), None)
        if first is not None and _looks_like_headline(paras[first].text) and len(paras) > 1:
            headline_index = first

    body = [i for i in range(len(paras)) if keep[i] and i != headline_index]
    words = {i: _content_words(paras[i].text) for i in body}
    # A standfirst repeats the story's opening, and summary bullets repeat its
    # points: drop lead paragraphs another body paragraph already covers.
    for i in body[:6]:
        later = [j for j in body if j > i and keep[j] and not paras[j].bullet]
        if not later or not keep[i]:
            continue
        best = max(_coverage(words[i], words[j]) for j in later)
        rest = set().union(*(words[j] for j in later))
        if best >= 0.7 or (paras[i].bullet and _coverage(words[i], rest) >= 0.5):
            keep[i] = False
            result.dropped.append(("standfirst", paras[i].text))
    # Author boxes follow the story and start with the byline's name.
    if result.author:
        for i in body[len(body) // 2:]:
            if keep[i] and paras[i].text.startswith(result.author):
                keep[i] = False
                result.dropped.append(("author box", paras[i].text))

    chunks: list[str] = []
    length = 0
    for i, para in enumerate(paras):
        if not keep[i]:
            continue
        if chunks:
            result.offsets.add(length, None, 2)
            chunks.append("\n\n")
            length += 2
        pieces = _markdown_pieces(para) if markdown else [(para.start, para.end)]
        for start, end in pieces:
            result.offsets.add(length, start, end - start)
            chunks.append(raw[start:end])
            length += end - start
        if i == headline_index:
            result.headline = "".join(chunks).strip()
            result.headline_end = length
    result.text = "".join(chunks)
    return result
