"""An article after reading and cleaning, with the map back to its file."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property

from briefgen.model import Source, Span


@dataclass
class OffsetMap:
    """Maps character offsets of the cleaned text to the original text.

    The cleaned text is a sequence of pieces, each either copied from the
    original (``raw_start`` set) or inserted by cleaning (a paragraph break,
    ``raw_start`` None). Pieces are recorded in cleaned-text order.
    """

    clean_starts: list[int] = field(default_factory=list)
    raw_starts: list[int | None] = field(default_factory=list)
    lengths: list[int] = field(default_factory=list)

    def add(self, clean_start: int, raw_start: int | None, length: int) -> None:
        if length:
            self.clean_starts.append(clean_start)
            self.raw_starts.append(raw_start)
            self.lengths.append(length)

    def to_raw(self, pos: int, *, end: bool = False) -> int:
        """Original offset of cleaned offset ``pos``.

        With ``end=True`` ``pos`` is an exclusive end: the result is one past
        the original position of the character before it, so a span never
        swallows text that cleaning removed after it.
        """
        if not self.clean_starts:
            return pos
        probe = pos - 1 if end and pos > 0 else pos
        i = bisect.bisect_right(self.clean_starts, probe) - 1
        i = max(i, 0)
        # Inserted pieces have no original: use the nearest copied neighbour.
        j = i
        while j >= 0 and self.raw_starts[j] is None:
            j -= 1
        if j < 0:
            j = i
            while j < len(self.raw_starts) and self.raw_starts[j] is None:
                j += 1
            if j == len(self.raw_starts):
                return 0
            return self.raw_starts[j]  # type: ignore[return-value]
        raw = self.raw_starts[j]
        assert raw is not None
        if j != i:  # inside an inserted piece: stick to the end of the copied one
            return raw + self.lengths[j]
        offset = min(probe - self.clean_starts[j], self.lengths[j] - 1)
        offset = max(offset, 0)
        return raw + offset + (1 if end and pos > 0 else 0)


@dataclass
class Article:
    """One source article: its original text, the cleaned text the NLP
    reads, and the offset map between them."""

    source: Source
    raw: str
    text: str
    offsets: OffsetMap
    headline_end: int = 0  # cleaned text [0:headline_end] is the headline (0: none)
    warnings: list[str] = field(default_factory=list)

    @cached_property
    def body_start(self) -> int:
        """Where the original text's body begins, after the headline."""
        return self.span(0, self.headline_end).end if self.headline_end else 0

    @cached_property
    def raw_body(self) -> str:
        """The original text after the headline, made once (fusion reads it per name)."""
        return self.raw[self.body_start:]

    def span(self, start: int, end: int) -> Span:
        """A span of the cleaned text, expressed in original offsets.

        The text is the original slice so that ``raw[start:end] == text``.
        """
        raw_start = self.offsets.to_raw(start)
        raw_end = max(self.offsets.to_raw(end, end=True), raw_start)
        return Span(text=self.raw[raw_start:raw_end], start=raw_start, end=raw_end)
