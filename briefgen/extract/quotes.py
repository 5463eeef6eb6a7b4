"""Direct quotations: where they are in the text, read from the quotation marks alone.

Works on the cleaned article text, before and apart from the parse, so that
a quotation the parser splits into several sentences is still one region.
"""

from __future__ import annotations

import bisect
import re

QUOTE_MARKS = "\"'“”‘’"
EDGE_JUNK = QUOTE_MARKS + ",;:—–- \n\t"
# What may stand around a quotation that continues a statement.
_BLANK = QUOTE_MARKS + " \t\xa0\n"
_BLANK_OR_STOP = _BLANK + ".!?,"
_FAMILIES = ("“”\"", "‘’'")
# Longest run of speaker and cue between a quotation and its continuation
# ('"A," said Jo Bell, a retired teacher who ... . "B."').
MAX_SPEAKER_GAP = 300


def _mark_role(text: str, i: int) -> str | None:
    """"open", "close" or None (an apostrophe) for the quotation mark at ``i``."""
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch in "“‘":
        return "open"
    if ch in "’'" and before.isalnum() and after.isalnum():
        return None  # apostrophe inside a word: "Ostrava’s", "don't"
    if ch in "”’":
        return "close" if not before.isspace() else None
    # Straight marks: the side the whitespace is on tells which end this is.
    if before.isspace() or before in "([{—–" or before in QUOTE_MARKS:
        return "open" if not after.isspace() else None
    if ch == "'" and after.isalnum():
        return None
    return "close"


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Inner ranges of the quotations in ``text``, sorted, outermost only.

    A quotation left open at the end of a paragraph continues when the next
    paragraph opens with the same kind of mark (the convention for quotes
    running over paragraphs); otherwise it is unbalanced and dropped.
    """
    # Two apostrophes stand for a double mark in some house styles (''like this'').
    text = text.replace("''", '""')
    regions = []
    for family in _FAMILIES:
        open_at: int | None = None
        for m in re.finditer(f"[{family}]|\n\n", text):
            i = m.start()
            if m.group() == "\n\n":
                if open_at is not None:
                    nxt = text[m.end():m.end() + 1]
                    if not (nxt and nxt in family and _mark_role(text, m.end()) == "open"):
                        open_at = None
                continue
            role = _mark_role(text, i)
            if role == "open":
                if open_at is None or text[i - 2:i] != "\n\n":
                    open_at = i + 1
            elif role == "close" and open_at is not None:
                if i > open_at:
                    regions.append((open_at, i))
                open_at = None
    regions.sort(key=lambda r: (r[0], -r[1]))
    outer: list[tuple[int, int]] = []
    for start, end in regions:
        if outer and end <= outer[-1][1]:
            continue
        outer.append((start, end))
    return outer


class Quotes:
    """The quotation regions of one text, searchable by position."""

    def __init__(self, text: str):
        self.text = text
        self.regions = quote_regions(text)
        self.starts = [r[0] for r in self.regions]

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        i = max(bisect.bisect_right(self.starts, start) - 1, 0)
        found = []
        while i < len(self.regions) and self.regions[i][0] < end:
            if self.regions[i][1] > start:
                found.append(self.regions[i])
            i += 1
        return found

    def inside(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.overlapping(pos, pos + 1))

    def covered(self, start: int, end: int) -> int:
        return sum(min(e, end) - max(s, start) for s, e in self.overlapping(start, end))

    def after(self, pos: int) -> tuple[int, int] | None:
        i = bisect.bisect_left(self.starts, pos)
        return self.regions[i] if i < len(self.regions) else None

    def before(self, pos: int) -> tuple[int, int] | None:
        i = bisect.bisect_left(self.starts, pos) - 1
        return self.regions[i] if i >= 0 and self.regions[i][1] <= pos else None

    def widen(self, content: tuple[int, int], cue: tuple[int, int]) -> tuple[int, int]:
        """A content cut at a sentence break inside a quotation takes the whole quotation."""
        start, end = content
        for q_start, q_end in self.overlapping(start, end):
            if q_start <= cue[0] < q_end:
                continue
            if q_start < start or q_end > end:
                start, end = min(start, q_start), max(end, q_end)
        return start, end

    def strip(self, start: int, end: int) -> tuple[int, int]:
        """Edge punctuation off, but the marks of a quotation that begins or
        ends inside the content back on."""
        text = self.text
        while start < end and text[start] in EDGE_JUNK:
            start += 1
        while end > start and text[end - 1] in EDGE_JUNK:
            end -= 1
        for q_start, q_end in self.overlapping(start, end):
            if q_start > start and q_end >= end and not text[end:q_end].strip(EDGE_JUNK):
                end = q_end
                while end < len(text) and text[end] in QUOTE_MARKS:
                    end += 1
            if q_start == start and q_end < end:
                while start > 0 and text[start - 1] in QUOTE_MARKS:
                    start -= 1
        return start, end

    def continuations(self, end: int, taken: set[tuple[int, int]], sentence_starts: list[int] = ()) -> list[int]:
        """Where a quotation that ends at ``end`` really ends: '"A," she said. "B. C."'
        is one statement. The quotations that follow continue it unless another
        attribution took them: in the same paragraph, each opening right after a
        sentence end with only the speaker and cue between; in the next
        paragraphs, each that is a paragraph of quotation alone (the convention
        for a speaker who goes on). A short quotation inside the speaker's
        sentence ('told NBC's "Today" on Monday') is passed over; a new sentence
        that is not quoted (``sentence_starts``) ends the statement.

        Returns where each continuing quotation ends, in order."""
        text = self.text
        ends = []
        i = bisect.bisect_right(self.starts, end)
        scan = end
        while i < len(self.regions):
            q_start, q_end = self.regions[i]
            if (q_start, q_end) in taken:
                break
            gap = text[scan:q_start]
            head, brk, tail = gap.partition("\n\n")
            if brk:
                # A new paragraph: only one that is the quotation and nothing else.
                para_end = text.find("\n\n", q_end)
                rest = text[q_end:len(text) if para_end < 0 else para_end]
                if tail.strip(_BLANK) or head.strip(_BLANK_OR_STOP) or rest.strip(_BLANK_OR_STOP):
                    break
                end = scan = q_end
                ends.append(end)
                i += 1
                continue
            closing = gap.rstrip(_BLANK)
            j = bisect.bisect_right(sentence_starts, scan)
            new_sentence = j < len(sentence_starts) and sentence_starts[j] < q_start - 1
            if q_start - end > MAX_SPEAKER_GAP or new_sentence:
                break
            if closing and closing[-1] not in ".!?":
                scan = q_end  # a title or phrase quoted inside the speaker's sentence
            else:
                end = scan = q_end
                ends.append(end)
            i += 1
        return ends
