"""What a request to the insurer may carry: strict types, and text that is safe to show as it is.

Kept beside the answers' models (`player.protocol.api`, which re-exports these) because the backend
validates with them and the terminal's own checks of what users type can share them.
"""

from __future__ import annotations

import unicodedata
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError


class RequestModel(BaseModel):
    """The base of every JSON request body: strict, so a boolean is `true` or `false` and never the
    string "yes" (which once filed a claim on a whole library) and a count is never `1.5` or `"60"`."""

    model_config = ConfigDict(strict=True, extra="ignore")


# Bidirectional controls reorder what a dialog shows ("track\u202e3pm.exe").
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def check_plain_text(value: str) -> str:
    """Text users see is plain and on one line: no control, bidi, separator, surrogate or noncharacter,
    and no `<` or `>`. Line and paragraph separators (Zl, Zp) split a line as a newline does. Titles and
    genres end up in Qt labels, which render text that looks like markup as rich text, so a catalog entry
    must not be able to carry markup at all."""
    for ch in value:
        if (
            unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp")
            or ch in _BIDI_CONTROLS
            or ch in "<>"
            or (0xFDD0 <= ord(ch) <= 0xFDEF)
            or (ord(ch) & 0xFFFE) == 0xFFFE
        ):
            raise PydanticCustomError(
                "unsafe_text",  # a code for machines, never translated
                "text may not hold control, bidirectional or separator characters, or < and > (found {char})",
                {"char": f"U+{ord(ch):04X}"},
            )
    return value


PlainText = Annotated[str, AfterValidator(check_plain_text)]
"""A string that is safe to show as it is: the one text type of every request field users will see."""

# A MIME type the terminal decodes ([0050]), as it states them with a claim or a choice, best first.
Codec = Annotated[str, StringConstraints(pattern=r"^audio/[a-z0-9.+-]{1,40}$")]
Codecs = Annotated[list[Codec], Field(min_length=1, max_length=8)]
