"""Type names for the parse the rules read, so that signatures say what they take.

``Token`` is spaCy's token; ``Strict`` is how strictly a phrase must name its actor
(``True``: the head itself; ``"near"``: also a direct modifier; ``False``: anywhere in it).
"""
from __future__ import annotations

from typing import Literal, Union

from spacy.tokens import Doc, Span, Token

Strict = Union[bool, Literal["near"]]

__all__ = ["Doc", "Span", "Strict", "Token"]
