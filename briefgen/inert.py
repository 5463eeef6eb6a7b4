"""Characters from inputs that must not act in an output or on a terminal.

Article text and file names are untrusted: a terminal escape (ESC), a
carriage return or a Unicode bidi override (U+202E turns "txt.exe" into
"exe.txt" on screen) would act where the brief or a message is shown. The
outputs drop them from what they print (the Markdown and HTML brief) or
escape them (JSON keeps evidence exact: a parser gets the text back); the
messages escape them, so a file name cannot forge a line or colour a terminal.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline (which collapse into spaces anyway), DEL, C1
# controls, and the bidi embeddings, overrides and isolates (marks LRM/RLM stay).
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SHOWN = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def drop(text: str) -> str:
    """``text`` without the characters that act (for printed outputs)."""
    return UNSAFE.sub("", text)


def escape(text: str) -> str:
    """``text`` with every acting character and line break written as an escape
    (``\\n``, ``\\x1b``, ``\\u202e``): one line, shown as it is."""
    def code(m: re.Match[str]) -> str:
        c = m[0]
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(c) or (f"\\x{ord(c):02x}" if ord(c) < 0x100
                                                                 else f"\\u{ord(c):04x}")
    return _SHOWN.sub(code, text)


def escape_json(text: str) -> str:
    """JSON text with the acting characters a JSON encoder leaves raw as \\u escapes."""
    return UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)
