"""Cleaning: from a file's text to the story text the NLP reads.

Paragraphs of the original are kept or dropped whole (furniture rules in
``furniture.py``), trimmed, and joined with blank lines; Markdown markup is
removed inside kept paragraphs. Every kept character is copied, never
rewritten, so an ``OffsetMap`` leads each cleaned offset back to the file.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from briefgen.sources import furniture
from briefgen.sources.article import OffsetMap

_BULLET = re.compile(r"^\s*(?:[•▪●◦‣·*+-]|\d+[.)])\s+")
_MD_LINE_PREFIX = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?)+")
# Inline Markdown: images are dropped, links keep their text, markers go.
# Every repetition is bounded or stops at the next bracket, so text of
# unclosed brackets costs linear time, not a rescan from each one.
_URL = r"\((?:[^()]|\([^()]{0,200}\)){0,500}\)"
_MD_INLINE = re.compile(
    r"!\[[^\[\]]{0,500}\]" + _URL  # image
    + r"|\[([^\[\]]{1,500})\]" + _URL  # link: keep group 1
    + r"|\[\^[^\]\s]+\]:?"  # footnote reference, or the label of a footnote
    r"|\[([^\[\]]{1,500})\]\[[^\[\]]{0,500}\]"  # reference link: keep group 2
    r"|<[^>]{1,200}>"  # inline HTML tag
    r"|\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`"  # emphasis and code markers
)
# Raw HTML whose content is never story text, even when it spans lines.
_MD_HIDDEN_TAG = re.compile(r"<(/?)(script|style|template|noscript)\b[^<>]{0,200}>|<!--|-->", re.IGNORECASE)
# A link reference definition: a label and a URL, no prose.
_MD_LINK_DEF = re.compile(r"""^\s{0,3}\[[^\]^][^\]]*\]:\s*\S+(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*$""")
_ALNUM = re.compile(r"[^\W_]")
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
    datelines: list[str] = field(default_factory=list)  # "Posted 11/27/2005 7:21 AM": metadata lines kept in the text


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


TITLE_CASE_SHARE = 0.75  # of the longer words capitalised: a headline in title case


# "Mayor Holm: the pier will reopen." / "Lind to Unions: No Deal": a speaker
# line no story's opening sentence has.
_SPEAKER_LINE = re.compile(r"(?<![\w.'’-])(?:[A-Z][\w.'’-]*+\s++){0,3}[A-Z][\w.'’-]*+(?:\s+to\s+[^:]{1,60})?:\s+\S")
SPEAKER_LINE_WORDS = 25


def _looks_like_headline(text: str) -> bool:
    """A short first line without a final stop, in title case even with one
    (some archives end every headline with a period), or a short speaker line."""
    if len(text) > 250:
        return False
    if not re.search(r"[.!?]['\"’”]?$", text):
        return True
    if _SPEAKER_LINE.match(text) and len(text.split()) <= SPEAKER_LINE_WORDS:
        return True
    longer = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if len(w) >= 4]
    return len(longer) >= 3 and sum(w[0].isupper() for w in longer) >= TITLE_CASE_SHARE * len(longer)


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


def _hidden_ranges(raw: str, start: int) -> list[tuple[int, int]]:
    """Original ranges of script, style, template and noscript elements and
    HTML comments, paired in one pass; an unclosed one hides nothing."""
    ranges = []
    opened: tuple[int, str] | None = None  # where it opened, what closes it
    for m in _MD_HIDDEN_TAG.finditer(raw, start):
        token, closing, name = m.group(0), m.group(1), (m.group(2) or "").lower()
        if opened is None:
            if token == "<!--":
                opened = (m.start(), "-->")
            elif name and not closing:
                opened = (m.start(), name)
        elif opened[1] == ("-->" if token == "-->" else name if closing else None):
            ranges.append((opened[0], m.end()))
            opened = None
    return ranges


def _without(pieces: list[tuple[int, int]], hidden: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``pieces`` minus the ``hidden`` ranges (both sorted, non-overlapping)."""
    out = []
    for start, end in pieces:
        i = max(bisect.bisect_right(hidden, (start, start)) - 1, 0)
        for h_start, h_end in hidden[i:]:
            if h_start >= end:
                break
            if h_end > start:
                if h_start > start:
                    out.append((start, h_start))
                start = max(start, h_end)
        if end > start:
            out.append((start, end))
    return out


def _trim(pieces: list[tuple[int, int]], raw: str) -> list[tuple[int, int]]:
    """Pieces without the blanks that removed markup left at either end."""
    kept = [i for i, (start, end) in enumerate(pieces) if raw[start:end].strip()]
    pieces = pieces[kept[0]:kept[-1] + 1] if kept else []
    if pieces:
        start, end = pieces[0]
        pieces[0] = (end - len(raw[start:end].lstrip()), end)
        start, end = pieces[-1]
        pieces[-1] = (start, start + len(raw[start:end].rstrip()))
    return pieces


DATELINE_LINES = 4


def clean(raw: str, body_start: int = 0, *, markdown: bool = False, title: str | None = None) -> Cleaned:
    """Clean ``raw[body_start:]``; ``title`` (from metadata) disables headline guessing."""
    paras = _paragraphs(raw, body_start)
    result = Cleaned(text="", offsets=OffsetMap())
    keep = [True] * len(paras)
    pieces = [[(para.start, para.end)] for para in paras]
    if markdown:
        hidden = _hidden_ranges(raw, body_start)
        for i, para in enumerate(paras):
            pieces[i] = [] if _MD_LINK_DEF.match(para.text) else _trim(_without(_markdown_pieces(para), hidden), raw)
            if not any(_ALNUM.search(raw, start, end) for start, end in pieces[i]):
                keep[i] = False
                result.dropped.append(("markup", para.text))

    for i, para in enumerate(paras):
        if not keep[i]:
            continue
        # A dateline stands among the first lines; further down a bare date is a list item.
        # It stays in the text (offsets and the parse around it stay as they were):
        # the reader takes a missing publication date from it, the extractors skip it.
        if i < DATELINE_LINES and furniture.is_dateline(para.text):
            result.datelines.append(para.text)
            continue
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
        for start, end in pieces[i]:
            result.offsets.add(length, start, end - start)
            chunks.append(raw[start:end])
            length += end - start
        if i == headline_index:
            result.headline = "".join(chunks).strip()
            result.headline_end = length
    result.text = "".join(chunks)
    return result
