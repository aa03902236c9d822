"""Make untrusted text inert: no character of an article can act on the terminal.

Article text comes from the web. A terminal obeys escape sequences (ESC ``[``
colour and cursor codes, OSC ``ESC ]`` titles and hyperlinks, the C1 forms of
both), moves the cursor on other control characters, and reorders what it
shows on bidirectional overrides ("Trojan Source"). :func:`inert` replaces each
such character with one visible character, so the text keeps its length and
every offset into it stays valid:

========================================  ======================================
character                                 shown as
========================================  ======================================
C0 controls U+0000–U+001F but tab, LF     its Control Picture U+2400+n (ESC → ␛)
CR followed by LF (a CRLF line ending)    kept: the parsers strip it
lone CR (an old Mac line ending)          LF, a line break (as CommonMark reads it)
DEL U+007F                                ␡ U+2421
C1 controls U+0080–U+009F                 � U+FFFD
bidi embeddings, overrides U+202A–U+202E  � U+FFFD
bidi isolates U+2066–U+2069               � U+FFFD
========================================  ======================================

The loader applies :func:`inert` to the decoded file text *before* parsing, so
for ``.txt`` files ``text[start:end]`` of the inert text is the passage text,
and since no length changes, spans are also offsets into the file's decoded
text.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
_KEPT = {"\t", "\n", "\r"}
_BIDI_CONTROLS = [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]

# One code point for one code point: str.translate keeps every offset.
_INERT = str.maketrans(
    {
        **{n: 0x2400 + n for n in range(0x20) if chr(n) not in _KEPT},
        0x7F: 0x2421,
        **{n: REPLACEMENT for n in range(0x80, 0xA0)},
        **{n: REPLACEMENT for n in _BIDI_CONTROLS},
    }
)
_LONE_CR = re.compile(r"\r(?!\n)")
# Everything _INERT or _LONE_CR would change (CR only when no LF follows).
_ACTIVE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|\r(?!\n)")


def inert(text: str) -> str:
    """``text`` with every character that could act on a terminal replaced by a visible one, length kept."""
    if not _ACTIVE.search(text):
        return text
    return _LONE_CR.sub("\n", text.translate(_INERT))

